import type { MenuProps } from 'antd';
import type { TFunction } from 'i18next';
import type { RouteObject } from 'react-router';
import type { Me } from '../auth/api/get-me';

/** The visits feature's desk pages (inside the desk layout) and phone pages (inside the mobile layout). */
export const visitsDeskRoutes: RouteObject[] = [];
export const visitsMobileRoutes: RouteObject[] = [];

/** The visits feature's entries of the desk's side menu, for this person. */
export function visitsNav(_me: Me, _t: TFunction): NonNullable<MenuProps['items']> {
  return [];
}
