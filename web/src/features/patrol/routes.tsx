import type { MenuProps } from 'antd';
import type { TFunction } from 'i18next';
import type { RouteObject } from 'react-router';
import type { Me } from '../auth/api/get-me';

/** The building patrol feature's desk pages (inside the desk layout) and phone pages (inside the mobile layout). */
export const patrolDeskRoutes: RouteObject[] = [];
export const patrolMobileRoutes: RouteObject[] = [];

/** The feature's entries of the desk's side menu (in the front-desk group), for this person. */
export function patrolNav(_me: Me, _t: TFunction): NonNullable<MenuProps['items']> {
  return [];
}
