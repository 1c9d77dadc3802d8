import type { MenuProps } from 'antd';
import type { TFunction } from 'i18next';
import type { RouteObject } from 'react-router';
import type { Me } from '../auth/api/get-me';

/** The intake feature's desk pages (inside the desk layout) and phone pages (inside the mobile layout). */
export const intakeDeskRoutes: RouteObject[] = [];
export const intakeMobileRoutes: RouteObject[] = [];

/** The intake feature's entries of the desk's side menu, for this person. */
export function intakeNav(_me: Me, _t: TFunction): NonNullable<MenuProps['items']> {
  return [];
}
