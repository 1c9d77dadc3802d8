import type { MenuProps } from 'antd';
import type { TFunction } from 'i18next';
import type { RouteObject } from 'react-router';
import type { Me } from '../auth/api/get-me';

/** The hot-work permits feature's desk pages (inside the desk layout) and phone pages (inside the mobile layout). */
export const hotWorkDeskRoutes: RouteObject[] = [];
export const hotWorkMobileRoutes: RouteObject[] = [];

/** The feature's entries of the desk's side menu (in the front-desk group), for this person. */
export function hotWorkNav(_me: Me, _t: TFunction): NonNullable<MenuProps['items']> {
  return [];
}
