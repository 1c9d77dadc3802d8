import { BarChartOutlined, FundOutlined } from '@ant-design/icons';
import type { MenuProps } from 'antd';
import type { TFunction } from 'i18next';
import type { RouteObject } from 'react-router';
import { Guard, isDeskStaff } from '../../app/guards';
import { lazyPage } from '../../lib/lazy-page';
import type { Me } from '../auth/api/get-me';
import { companyDashboardRoles, dashboardRoles } from './access';

const CommunityDashboardPage = lazyPage(() => import('./components/dashboard-page'), 'CommunityDashboardPage');
const CompanyDashboardPage = lazyPage(() => import('./components/dashboard-page'), 'CompanyDashboardPage');

const seesDashboard = (me: Me) => isDeskStaff(me) && dashboardRoles.includes(me.role);
const seesCompanyDashboard = (me: Me) => isDeskStaff(me) && companyDashboardRoles.includes(me.role);

/** The dashboards' desk pages (inside the desk layout); there are no phone pages. */
export const dashboardsDeskRoutes: RouteObject[] = [
  {
    path: '/dashboards',
    element: (
      <Guard allow={seesDashboard}>
        <CommunityDashboardPage />
      </Guard>
    ),
  },
  {
    path: '/dashboards/company',
    element: (
      <Guard allow={seesCompanyDashboard}>
        <CompanyDashboardPage />
      </Guard>
    ),
  },
];
export const dashboardsMobileRoutes: RouteObject[] = [];

/** The dashboards' entries of the desk's side menu, for this person. */
export function dashboardsNav(me: Me, t: TFunction): NonNullable<MenuProps['items']> {
  const items: NonNullable<MenuProps['items']> = [];
  if (seesDashboard(me)) {
    items.push({ key: '/dashboards', icon: <BarChartOutlined />, label: <span data-testid="nav-dashboards">{t('dashboards.menu')}</span> });
  }
  if (seesCompanyDashboard(me)) {
    items.push({
      key: '/dashboards/company',
      icon: <FundOutlined />,
      label: <span data-testid="nav-dashboards-company">{t('dashboards.companyMenu')}</span>,
    });
  }
  return items;
}
