import type { MenuProps } from 'antd';
import type { TFunction } from 'i18next';
import type { RouteObject } from 'react-router';
import type { Me } from '../auth/api/get-me';

/** The in-warranty defects feature's desk pages (inside the desk layout) and phone pages (inside the mobile layout). */
export const warrantyDeskRoutes: RouteObject[] = [];
export const warrantyMobileRoutes: RouteObject[] = [];

/** The feature's entries of the desk's side menu (in the front-desk group), for this person. */
export function warrantyNav(_me: Me, _t: TFunction): NonNullable<MenuProps['items']> {
  return [];
}
