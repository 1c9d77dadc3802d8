import { lazy, Suspense } from 'react';
import { createBrowserRouter, Navigate, Outlet, ScrollRestoration } from 'react-router';
import { FullPageSpin, NotFoundPage } from '../components/page-states';
import { Guard, isAdmin, isDeskStaff, isResident, isTechnician, OrderLinkRedirect, StartRedirect } from './guards';
import type { Me } from '../features/auth/api/get-me';
import { dispatchRoles, intakeRoles } from './roles';
import { DeskLayout } from './layouts/desk-layout';
import { MobileLayout } from './layouts/mobile-layout';
import { complaintsDeskRoutes, complaintsMobileRoutes } from '../features/complaints/routes';
import { intakeDeskRoutes, intakeMobileRoutes } from '../features/intake/routes';
import { mattersDeskRoutes, mattersMobileRoutes } from '../features/matters/routes';
import { visitsDeskRoutes, visitsMobileRoutes } from '../features/visits/routes';
import { warrantyDeskRoutes, warrantyMobileRoutes } from '../features/warranty/routes';
import { patrolDeskRoutes, patrolMobileRoutes } from '../features/patrol/routes';
import { questionnairesDeskRoutes, questionnairesMobileRoutes } from '../features/questionnaires/routes';
import { ownerVisitsDeskRoutes } from '../features/owner-visits/routes';
import { arrearsDeskRoutes, arrearsMobileRoutes } from '../features/arrears/routes';
import { reportsDeskRoutes } from '../features/reports/routes';
import { parkingDeskRoutes, parkingMobileRoutes } from '../features/parking/routes';
import { hotWorkDeskRoutes, hotWorkMobileRoutes } from '../features/hot-work/routes';
import { goodsPassesDeskRoutes, goodsPassesMobileRoutes } from '../features/goods-passes/routes';
import { renovationDeskRoutes, renovationMobileRoutes } from '../features/renovation/routes';
import { dashboardsDeskRoutes, dashboardsMobileRoutes } from '../features/dashboards/routes';
import { lazyPage } from '../lib/lazy-page';

const StaffLoginPage = lazyPage(() => import('../features/auth/components/staff-login-page'), 'StaffLoginPage');
const ResidentLoginPage = lazyPage(() => import('../features/auth/components/resident-login-page'), 'ResidentLoginPage');
const FrontDeskPage = lazyPage(() => import('../features/boards/components/front-desk-page'), 'FrontDeskPage');
const DispatchPage = lazyPage(() => import('../features/boards/components/dispatch-page'), 'DispatchPage');
const NewOrderPage = lazyPage(() => import('../features/repair/components/new-order-page'), 'NewOrderPage');
const OrderDetailPage = lazyPage(() => import('../features/repair/components/order-detail-page'), 'OrderDetailPage');
const PolicyPage = lazyPage(() => import('../features/policy/components/policy-page'), 'PolicyPage');
const OutboxPage = lazyPage(() => import('../features/outbox/components/outbox-page'), 'OutboxPage');
const TechHomePage = lazyPage(() => import('../features/repair/components/tech-home-page'), 'TechHomePage');
const ResidentHomePage = lazyPage(() => import('../features/repair/components/resident-home-page'), 'ResidentHomePage');
const ResidentReportPage = lazyPage(() => import('../features/repair/components/resident-report-page'), 'ResidentReportPage');
const MobileOrderPage = lazy(async () => {
  const { MobileOrderPage: Page } = await import('../features/repair/components/mobile-order-page');
  return { default: Page };
});

const hasRole = (roles: readonly string[]) => (me: Me) => me.kind === 'staff' && roles.includes(me.role);

function Root() {
  return (
    <Suspense fallback={<FullPageSpin />}>
      {/* A new page opens at its top (the report form's submit button is far down); Back restores. */}
      <ScrollRestoration />
      <Outlet />
    </Suspense>
  );
}

export const router = createBrowserRouter([
  {
    element: <Root />,
    children: [
      { path: '/', element: <StartRedirect /> },
      { path: '/login', element: <StaffLoginPage /> },
      {
        element: <MobileLayout />,
        children: [
          { path: '/m/login', element: <ResidentLoginPage /> },
          {
            path: '/m/tech',
            element: (
              <Guard allow={isTechnician}>
                <TechHomePage />
              </Guard>
            ),
          },
          {
            path: '/m/tech/orders/:id',
            element: (
              <Guard allow={isTechnician}>
                <MobileOrderPage audience="technician" />
              </Guard>
            ),
          },
          {
            path: '/m/home',
            element: (
              <Guard allow={isResident} loginPath="/m/login">
                <ResidentHomePage />
              </Guard>
            ),
          },
          {
            path: '/m/report',
            element: (
              <Guard allow={isResident} loginPath="/m/login">
                <ResidentReportPage />
              </Guard>
            ),
          },
          {
            path: '/m/orders/:id',
            element: (
              <Guard allow={isResident} loginPath="/m/login">
                <MobileOrderPage audience="resident" />
              </Guard>
            ),
          },
          ...complaintsMobileRoutes,
          ...intakeMobileRoutes,
          ...mattersMobileRoutes,
          ...visitsMobileRoutes,
          ...warrantyMobileRoutes,
          ...patrolMobileRoutes,
          ...questionnairesMobileRoutes,
          ...arrearsMobileRoutes,
          ...parkingMobileRoutes,
          ...hotWorkMobileRoutes,
          ...goodsPassesMobileRoutes,
          ...renovationMobileRoutes,
          ...dashboardsMobileRoutes,
        ],
      },
      {
        element: (
          <OrderLinkRedirect>
            <Guard allow={isDeskStaff}>
              <DeskLayout />
            </Guard>
          </OrderLinkRedirect>
        ),
        children: [
          { path: '/desk', element: <FrontDeskPage /> },
          {
            path: '/desk/new',
            element: (
              <Guard allow={hasRole(intakeRoles)}>
                <NewOrderPage />
              </Guard>
            ),
          },
          { path: '/orders/:id', element: <OrderDetailPage /> },
          {
            path: '/dispatch',
            element: (
              <Guard allow={hasRole(dispatchRoles)}>
                <DispatchPage />
              </Guard>
            ),
          },
          {
            path: '/admin/policy',
            element: (
              <Guard allow={isAdmin}>
                <PolicyPage />
              </Guard>
            ),
          },
          {
            path: '/admin/outbox',
            element: (
              <Guard allow={isAdmin}>
                <OutboxPage />
              </Guard>
            ),
          },
          { path: '/admin', element: <Navigate to="/admin/policy" replace /> },
          ...complaintsDeskRoutes,
          ...intakeDeskRoutes,
          ...mattersDeskRoutes,
          ...visitsDeskRoutes,
          ...warrantyDeskRoutes,
          ...patrolDeskRoutes,
          ...questionnairesDeskRoutes,
          ...ownerVisitsDeskRoutes,
          ...arrearsDeskRoutes,
          ...parkingDeskRoutes,
          ...hotWorkDeskRoutes,
          ...goodsPassesDeskRoutes,
          ...renovationDeskRoutes,
          ...dashboardsDeskRoutes,
          ...reportsDeskRoutes,
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
