import { CommentOutlined } from '@ant-design/icons';
import type { MenuProps } from 'antd';
import type { TFunction } from 'i18next';
import type { RouteObject } from 'react-router';
import { Guard, isDeskStaff, isResident } from '../../app/guards';
import type { Me } from '../auth/api/get-me';
import { rolesWith } from '../../../../src/contract/access';
import { lazyPage } from '../../lib/lazy-page';

const ComplaintListPage = lazyPage(() => import('./components/complaint-list-page'), 'ComplaintListPage');
const NewComplaintPage = lazyPage(() => import('./components/new-complaint-page'), 'NewComplaintPage');
const ComplaintDetailPage = lazyPage(() => import('./components/complaint-detail-page'), 'ComplaintDetailPage');
const MobileComplaintsPage = lazyPage(() => import('./components/mobile-complaint-pages'), 'MobileComplaintsPage');
const MobileNewComplaintPage = lazyPage(() => import('./components/mobile-complaint-pages'), 'MobileNewComplaintPage');
const MobileComplaintPage = lazyPage(() => import('./components/mobile-complaint-pages'), 'MobileComplaintPage');

/** Staff who see complaints at the desk, from the table the server enforces (residents follow theirs on the phone). */
const complaintRoles: string[] = rolesWith('complaint.view').filter((r) => r !== 'resident');
const seesComplaints = (me: Me) => isDeskStaff(me) && complaintRoles.includes(me.role);
const desk = (el: React.ReactNode) => <Guard allow={seesComplaints}>{el}</Guard>;
const phone = (el: React.ReactNode) => (
  <Guard allow={isResident} loginPath="/m/login">
    {el}
  </Guard>
);

/** The complaints feature's desk pages (inside the desk layout) and phone pages (inside the mobile layout). */
export const complaintsDeskRoutes: RouteObject[] = [
  { path: '/complaints', element: desk(<ComplaintListPage />) },
  { path: '/complaints/new', element: desk(<NewComplaintPage />) },
  { path: '/complaints/:id', element: desk(<ComplaintDetailPage />) },
];
export const complaintsMobileRoutes: RouteObject[] = [
  { path: '/m/complaints', element: phone(<MobileComplaintsPage />) },
  { path: '/m/complaints/new', element: phone(<MobileNewComplaintPage />) },
  { path: '/m/complaints/:id', element: phone(<MobileComplaintPage />) },
];

/** The complaints feature's entries of the desk's side menu, for this person. */
export function complaintsNav(me: Me, t: TFunction): NonNullable<MenuProps['items']> {
  if (!seesComplaints(me)) return [];
  return [{ key: '/complaints', icon: <CommentOutlined />, label: <span data-testid="nav-complaints">{t('complaints.menu')}</span> }];
}
