import type { MenuProps } from 'antd';
import type { TFunction } from 'i18next';
import type { RouteObject } from 'react-router';
import type { Me } from '../auth/api/get-me';

/** The matters feature's desk pages (inside the desk layout) and phone pages (inside the mobile layout). */
export const mattersDeskRoutes: RouteObject[] = [];
export const mattersMobileRoutes: RouteObject[] = [];

/** The matters feature's entries of the desk's side menu, for this person. */
export function mattersNav(_me: Me, _t: TFunction): NonNullable<MenuProps['items']> {
  return [];
}
