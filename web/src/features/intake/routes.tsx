import { PhoneOutlined } from '@ant-design/icons';
import type { MenuProps } from 'antd';
import type { TFunction } from 'i18next';
import type { RouteObject } from 'react-router';
import { rolesWith } from '../../../../src/contract/access';
import type { Me } from '../auth/api/get-me';
import { ContactDetailPage } from './components/contact-detail-page';
import { DutyPage } from './components/duty-page';

const dutyRoles = rolesWith('contact.view');

/** The intake feature's desk pages (inside the desk layout) and phone pages (inside the mobile layout). */
export const intakeDeskRoutes: RouteObject[] = [
  { path: '/duty', element: <DutyPage /> },
  { path: '/duty/:id', element: <ContactDetailPage /> },
];
export const intakeMobileRoutes: RouteObject[] = [];

/** The intake feature's entries of the desk's side menu, for this person. */
export function intakeNav(me: Me, t: TFunction): NonNullable<MenuProps['items']> {
  return dutyRoles.includes(me.role) ? [{ key: '/duty', icon: <PhoneOutlined />, label: t('intake.nav') }] : [];
}
