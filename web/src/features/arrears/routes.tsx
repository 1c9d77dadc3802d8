import { AccountBookOutlined } from '@ant-design/icons';
import type { MenuProps } from 'antd';
import type { TFunction } from 'i18next';
import type { RouteObject } from 'react-router';
import { rolesWith } from '../../../../src/contract/access';
import { Guard, isDeskStaff } from '../../app/guards';
import type { Me } from '../auth/api/get-me';
import { lazyPage } from '../../lib/lazy-page';

const ArrearsPage = lazyPage(() => import('./components/arrears-page'), 'ArrearsPage');
const ArrearsHouseholdPage = lazyPage(() => import('./components/arrears-household-page'), 'ArrearsHouseholdPage');

const viewRoles: string[] = [...rolesWith('arrears.view')];
const seesArrears = (me: Me) => isDeskStaff(me) && viewRoles.includes(me.role);

/** The arrears feature's desk pages (inside the desk layout) and phone pages (inside the mobile layout). */
export const arrearsDeskRoutes: RouteObject[] = [
  {
    path: '/arrears',
    element: (
      <Guard allow={seesArrears}>
        <ArrearsPage />
      </Guard>
    ),
  },
  {
    path: '/arrears/:roomId',
    element: (
      <Guard allow={seesArrears}>
        <ArrearsHouseholdPage />
      </Guard>
    ),
  },
];
export const arrearsMobileRoutes: RouteObject[] = [];

/** The feature's entries of the desk's side menu (in the front-desk group), for this person. */
export function arrearsNav(me: Me, t: TFunction): NonNullable<MenuProps['items']> {
  return seesArrears(me)
    ? [{ key: '/arrears', icon: <AccountBookOutlined />, label: <span data-testid="nav-arrears">{t('arrears.nav')}</span> }]
    : [];
}
