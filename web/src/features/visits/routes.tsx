import { ExperimentOutlined, PhoneOutlined } from '@ant-design/icons';
import type { MenuProps } from 'antd';
import type { TFunction } from 'i18next';
import type { RouteObject } from 'react-router';
import { Guard, isDeskStaff } from '../../app/guards';
import type { Me } from '../auth/api/get-me';
import { visitDeskRoles } from './access';
import { lazyPage } from '../../lib/lazy-page';

const VisitsPage = lazyPage(() => import('./components/visits-page'), 'VisitsPage');
const VisitDetailPage = lazyPage(() => import('./components/visit-detail-page'), 'VisitDetailPage');
const SamplingPage = lazyPage(() => import('./components/sampling-page'), 'SamplingPage');

/** The visit desk: staff with visit.view (a technician visits their samples from the phone list). */
const seesVisits = (me: Me) => isDeskStaff(me) && visitDeskRoles.includes(me.role);
const desk = (el: React.ReactNode) => <Guard allow={seesVisits}>{el}</Guard>;

/** The visits feature's desk pages (inside the desk layout) and phone pages (inside the mobile layout). */
export const visitsDeskRoutes: RouteObject[] = [
  { path: '/visits', element: desk(<VisitsPage />) },
  { path: '/visits/sampling', element: desk(<SamplingPage />) },
  { path: '/visits/:id', element: desk(<VisitDetailPage />) },
];
export const visitsMobileRoutes: RouteObject[] = [];

/** The visits feature's entries of the desk's side menu, for this person. */
export function visitsNav(me: Me, t: TFunction): NonNullable<MenuProps['items']> {
  if (!seesVisits(me)) return [];
  return [
    { key: '/visits', icon: <PhoneOutlined />, label: <span data-testid="nav-visits">{t('visitTasks.menu')}</span> },
    {
      key: '/visits/sampling',
      icon: <ExperimentOutlined />,
      label: <span data-testid="nav-visit-sampling">{t('visitTasks.samplingMenu')}</span>,
    },
  ];
}
