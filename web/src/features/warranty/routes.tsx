import { SafetyCertificateOutlined } from '@ant-design/icons';
import type { MenuProps } from 'antd';
import type { TFunction } from 'i18next';
import type { RouteObject } from 'react-router';
import { rolesWith } from '../../../../src/contract/access';
import { Guard, isDeskStaff } from '../../app/guards';
import type { Me } from '../auth/api/get-me';
import { lazyPage } from '../../lib/lazy-page';

const LiaisonListPage = lazyPage(() => import('./components/liaison-list-page'), 'LiaisonListPage');
const NewLiaisonPage = lazyPage(() => import('./components/new-liaison-page'), 'NewLiaisonPage');
const LiaisonDetailPage = lazyPage(() => import('./components/liaison-detail-page'), 'LiaisonDetailPage');

const viewers = rolesWith('warranty.view');
const creators = rolesWith('warranty.create');
const seesWarranty = (me: Me) => isDeskStaff(me) && viewers.includes(me.role);
const compiles = (me: Me) => isDeskStaff(me) && creators.includes(me.role);

/** The in-warranty defects feature's desk pages (the developer's liaison works here too). */
export const warrantyDeskRoutes: RouteObject[] = [
  { path: '/warranty', element: <Guard allow={seesWarranty}>{<LiaisonListPage />}</Guard> },
  { path: '/warranty/new', element: <Guard allow={compiles}>{<NewLiaisonPage />}</Guard> },
  { path: '/warranty/:id', element: <Guard allow={seesWarranty}>{<LiaisonDetailPage />}</Guard> },
];
export const warrantyMobileRoutes: RouteObject[] = [];

/** The feature's entries of the desk's side menu (in the front-desk group), for this person. */
export function warrantyNav(me: Me, t: TFunction): NonNullable<MenuProps['items']> {
  if (!seesWarranty(me)) return [];
  return [{ key: '/warranty', icon: <SafetyCertificateOutlined />, label: <span data-testid="nav-warranty">{t('warranty.nav')}</span> }];
}
