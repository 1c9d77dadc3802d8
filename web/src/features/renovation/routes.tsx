import { HomeOutlined, MobileOutlined } from '@ant-design/icons';
import type { MenuProps } from 'antd';
import type { TFunction } from 'i18next';
import type { RouteObject } from 'react-router';
import { Guard, isDeskStaff, isResident } from '../../app/guards';
import type { Me } from '../auth/api/get-me';
import { applicantRoles, patrollerRoles, renovationViewRoles } from './access';
import { lazyPage } from '../../lib/lazy-page';

const RenovationListPage = lazyPage(() => import('./components/renovation-list-page'), 'RenovationListPage');
const NewRenovationPage = lazyPage(() => import('./components/new-renovation-page'), 'NewRenovationPage');
const RenovationDetailPage = lazyPage(() => import('./components/renovation-detail-page'), 'RenovationDetailPage');
const MobileRenovationsPage = lazyPage(() => import('./components/mobile-renovation-pages'), 'MobileRenovationsPage');
const MobileNewRenovationPage = lazyPage(() => import('./components/mobile-renovation-pages'), 'MobileNewRenovationPage');
const MobileRenovationPage = lazyPage(() => import('./components/mobile-renovation-pages'), 'MobileRenovationPage');
const MobilePatrolPage = lazyPage(() => import('./components/mobile-patrol-page'), 'MobilePatrolPage');

/** Staff who see renovations at the desk (residents follow theirs on the phone). */
const seesRenovations = (me: Me) => isDeskStaff(me) && renovationViewRoles.includes(me.role);
const recordsApplications = (me: Me) => seesRenovations(me) && applicantRoles.includes(me.role);
/** Whoever patrols sites, technicians included, on a phone. */
const patrols = (me: Me) => me.kind === 'staff' && patrollerRoles.includes(me.role);
const desk = (allow: (me: Me) => boolean, el: React.ReactNode) => <Guard allow={allow}>{el}</Guard>;
const phone = (el: React.ReactNode) => (
  <Guard allow={isResident} loginPath="/m/login">
    {el}
  </Guard>
);

/** The renovation feature's desk pages (inside the desk layout) and phone pages (inside the mobile layout). */
export const renovationDeskRoutes: RouteObject[] = [
  { path: '/renovations', element: desk(seesRenovations, <RenovationListPage />) },
  { path: '/renovations/new', element: desk(recordsApplications, <NewRenovationPage />) },
  { path: '/renovations/:id', element: desk(seesRenovations, <RenovationDetailPage />) },
];
export const renovationMobileRoutes: RouteObject[] = [
  { path: '/m/renovations', element: phone(<MobileRenovationsPage />) },
  { path: '/m/renovations/new', element: phone(<MobileNewRenovationPage />) },
  { path: '/m/renovations/:id', element: phone(<MobileRenovationPage />) },
  { path: '/m/renovation-patrols', element: <Guard allow={patrols}>{<MobilePatrolPage />}</Guard> },
];

/** The feature's entries of the desk's side menu (in the front-desk group), for this person. */
export function renovationNav(me: Me, t: TFunction): NonNullable<MenuProps['items']> {
  const items: NonNullable<MenuProps['items']> = [];
  if (seesRenovations(me))
    items.push({ key: '/renovations', icon: <HomeOutlined />, label: <span data-testid="nav-renovations">{t('renovation.nav')}</span> });
  if (patrols(me))
    items.push({
      key: '/m/renovation-patrols',
      icon: <MobileOutlined />,
      label: <span data-testid="nav-renovation-patrols">{t('renovation.patrolTasks')}</span>,
    });
  return items;
}
