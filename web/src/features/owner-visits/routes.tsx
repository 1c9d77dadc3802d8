import { TeamOutlined } from '@ant-design/icons';
import type { MenuProps } from 'antd';
import type { TFunction } from 'i18next';
import type { RouteObject } from 'react-router';
import { rolesWith } from '../../../../src/contract/access';
import { Guard, isDeskStaff } from '../../app/guards';
import type { Me } from '../auth/api/get-me';
import { lazyPage } from '../../lib/lazy-page';

const OwnerVisitsPage = lazyPage(() => import('./components/owner-visits-page'), 'OwnerVisitsPage');

const viewers = rolesWith('ownerVisit.view');
const seesOwnerVisits = (me: Me) => isDeskStaff(me) && viewers.includes(me.role);

/** The owner-visit feature's desk page (inside the desk layout). */
export const ownerVisitsDeskRoutes: RouteObject[] = [
  { path: '/owner-visits', element: <Guard allow={seesOwnerVisits}>{<OwnerVisitsPage />}</Guard> },
];

/** The feature's entry of the desk's side menu, for this person. */
export function ownerVisitsNav(me: Me, t: TFunction): NonNullable<MenuProps['items']> {
  if (!seesOwnerVisits(me)) return [];
  return [{ key: '/owner-visits', icon: <TeamOutlined />, label: <span data-testid="nav-owner-visits">{t('ownerVisits.nav')}</span> }];
}
