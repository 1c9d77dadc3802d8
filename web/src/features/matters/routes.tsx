import { FileTextOutlined } from '@ant-design/icons';
import type { MenuProps } from 'antd';
import type { TFunction } from 'i18next';
import type { RouteObject } from 'react-router';
import { rolesWith } from '../../../../src/contract/access';
import type { Me } from '../auth/api/get-me';
import { MatterDetailPage } from './components/matter-detail-page';
import { MattersPage } from './components/matters-page';

const matterRoles = rolesWith('matter.view');

/** The matters feature's desk pages (inside the desk layout) and phone pages (inside the mobile layout). */
export const mattersDeskRoutes: RouteObject[] = [
  { path: '/matters', element: <MattersPage /> },
  { path: '/matters/:id', element: <MatterDetailPage /> },
];
export const mattersMobileRoutes: RouteObject[] = [];

/** The matters feature's entries of the desk's side menu, for this person. */
export function mattersNav(me: Me, t: TFunction): NonNullable<MenuProps['items']> {
  return matterRoles.includes(me.role) ? [{ key: '/matters', icon: <FileTextOutlined />, label: t('matters.nav') }] : [];
}
