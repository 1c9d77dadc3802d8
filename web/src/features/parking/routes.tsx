import { CarOutlined } from '@ant-design/icons';
import type { MenuProps } from 'antd';
import type { TFunction } from 'i18next';
import type { RouteObject } from 'react-router';
import { rolesWith } from '../../../../src/contract/access';
import { Guard, isDeskStaff, isResident } from '../../app/guards';
import type { Me } from '../auth/api/get-me';
import { lazyPage } from '../../lib/lazy-page';

const ParkingPage = lazyPage(() => import('./components/parking-page'), 'ParkingPage');
const ParkingDetailPage = lazyPage(() => import('./components/parking-detail-page'), 'ParkingDetailPage');
const MobileParkingPage = lazyPage(() => import('./components/mobile-parking-page'), 'MobileParkingPage');

const viewers = rolesWith('parking.view');
/** Department members see parking only in security (保安部, who check cards at the gate). */
const seesParking = (me: Me) =>
  isDeskStaff(me) && viewers.includes(me.role) && (me.role !== 'department_staff' || me.department === 'security');
const desk = (el: React.ReactNode) => <Guard allow={seesParking}>{el}</Guard>;

/** The parking feature's desk pages (inside the desk layout) and phone pages (inside the mobile layout). */
export const parkingDeskRoutes: RouteObject[] = [
  { path: '/parking', element: desk(<ParkingPage />) },
  { path: '/parking/:id', element: desk(<ParkingDetailPage />) },
];
export const parkingMobileRoutes: RouteObject[] = [
  {
    path: '/m/parking',
    element: (
      <Guard allow={isResident} loginPath="/m/login">
        {<MobileParkingPage />}
      </Guard>
    ),
  },
];

/** The feature's entries of the desk's side menu (in the front-desk group), for this person. */
export function parkingNav(me: Me, t: TFunction): NonNullable<MenuProps['items']> {
  return seesParking(me)
    ? [{ key: '/parking', icon: <CarOutlined />, label: <span data-testid="nav-parking">{t('parking.nav')}</span> }]
    : [];
}
