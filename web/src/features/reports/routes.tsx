import { FileTextOutlined } from '@ant-design/icons';
import type { MenuProps } from 'antd';
import type { TFunction } from 'i18next';
import type { RouteObject } from 'react-router';
import { rolesWith } from '../../../../src/contract/access';
import { Guard, isDeskStaff } from '../../app/guards';
import type { Me } from '../auth/api/get-me';
import { lazyPage } from '../../lib/lazy-page';

const ReportsPage = lazyPage(() => import('./components/reports-page'), 'ReportsPage');
const ReportDetailPage = lazyPage(() => import('./components/report-detail-page'), 'ReportDetailPage');

const viewRoles: string[] = [...rolesWith('report.view')];
const seesReports = (me: Me) => isDeskStaff(me) && viewRoles.includes(me.role);

/** The monthly reports' desk pages (inside the desk layout); there is no phone page. */
export const reportsDeskRoutes: RouteObject[] = [
  {
    path: '/reports',
    element: (
      <Guard allow={seesReports}>
        <ReportsPage />
      </Guard>
    ),
  },
  {
    path: '/reports/:id',
    element: (
      <Guard allow={seesReports}>
        <ReportDetailPage />
      </Guard>
    ),
  },
];

/** The feature's entry of the desk's side menu, for this person. */
export function reportsNav(me: Me, t: TFunction): NonNullable<MenuProps['items']> {
  return seesReports(me)
    ? [{ key: '/reports', icon: <FileTextOutlined />, label: <span data-testid="nav-reports">{t('reports.nav')}</span> }]
    : [];
}
