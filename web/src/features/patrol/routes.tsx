import { MobileOutlined, SafetyOutlined } from '@ant-design/icons';
import type { MenuProps } from 'antd';
import type { TFunction } from 'i18next';
import type { RouteObject } from 'react-router';
import { rolesWith } from '../../../../src/contract/access';
import { Guard, isDeskStaff } from '../../app/guards';
import type { Me } from '../auth/api/get-me';
import { lazyPage } from '../../lib/lazy-page';

const PatrolRoundsPage = lazyPage(() => import('./components/rounds-page'), 'PatrolRoundsPage');
const PatrolRoundDetailPage = lazyPage(() => import('./components/round-detail-page'), 'PatrolRoundDetailPage');
const PatrolRoutesPage = lazyPage(() => import('./components/routes-page'), 'PatrolRoutesPage');
const PatrolDailyReportPage = lazyPage(() => import('./components/daily-report-page'), 'PatrolDailyReportPage');
const MobilePatrolPage = lazyPage(() => import('./components/mobile-patrol-page'), 'MobilePatrolPage');

const viewers = rolesWith('patrol.view');
const patrollers = rolesWith('patrol.record');
const seesPatrol = (me: Me) => isDeskStaff(me) && viewers.includes(me.role);
const walksPatrol = (me: Me) => me.kind === 'staff' && patrollers.includes(me.role) && me.communityId !== null;
const desk = (el: React.ReactNode) => <Guard allow={seesPatrol}>{el}</Guard>;

/** The building patrol feature's desk pages (inside the desk layout) and phone pages (inside the mobile layout). */
export const patrolDeskRoutes: RouteObject[] = [
  { path: '/patrol/rounds', element: desk(<PatrolRoundsPage />) },
  { path: '/patrol/rounds/:id', element: desk(<PatrolRoundDetailPage />) },
  { path: '/patrol/routes', element: desk(<PatrolRoutesPage />) },
  { path: '/patrol/report', element: desk(<PatrolDailyReportPage />) },
];
export const patrolMobileRoutes: RouteObject[] = [
  { path: '/m/patrol', element: <Guard allow={walksPatrol}>{<MobilePatrolPage />}</Guard> },
];

/** The feature's entries of the desk's side menu (in the front-desk group), for this person. */
export function patrolNav(me: Me, t: TFunction): NonNullable<MenuProps['items']> {
  if (!seesPatrol(me)) return [];
  return [
    { key: '/patrol/rounds', icon: <SafetyOutlined />, label: <span data-testid="nav-patrol-rounds">{t('patrol.navRounds')}</span> },
    { key: '/patrol/report', icon: <SafetyOutlined />, label: <span data-testid="nav-patrol-report">{t('patrol.navReport')}</span> },
    { key: '/patrol/routes', icon: <SafetyOutlined />, label: <span data-testid="nav-patrol-routes">{t('patrol.navRoutes')}</span> },
    ...(walksPatrol(me)
      ? [{ key: '/m/patrol', icon: <MobileOutlined />, label: <span data-testid="nav-patrol-walk">{t('patrol.navWalk')}</span> }]
      : []),
  ];
}
