import type { MenuProps } from 'antd';
import type { TFunction } from 'i18next';
import type { RouteObject } from 'react-router';
import type { Me } from '../auth/api/get-me';

/** The complaints feature's desk pages (inside the desk layout) and phone pages (inside the mobile layout). */
export const complaintsDeskRoutes: RouteObject[] = [];
export const complaintsMobileRoutes: RouteObject[] = [];

/** The complaints feature's entries of the desk's side menu, for this person. */
export function complaintsNav(_me: Me, _t: TFunction): NonNullable<MenuProps['items']> {
  return [];
}
