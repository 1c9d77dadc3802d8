import { AuditOutlined, ExportOutlined, ScanOutlined } from '@ant-design/icons';
import type { MenuProps } from 'antd';
import type { TFunction } from 'i18next';
import type { RouteObject } from 'react-router';
import { rolesWith } from '../../../../src/contract/access';
import { Guard, isDeskStaff, isResident } from '../../app/guards';
import type { Me } from '../auth/api/get-me';
import { lazyPage } from '../../lib/lazy-page';

const GoodsPassesPage = lazyPage(() => import('./components/goods-passes-page'), 'GoodsPassesPage');
const GoodsPassDetailPage = lazyPage(() => import('./components/goods-pass-detail-page'), 'GoodsPassDetailPage');
const DailyReviewPage = lazyPage(() => import('./components/daily-review-page'), 'DailyReviewPage');
const GatePage = lazyPage(() => import('./components/gate-page'), 'GatePage');
const ResidentPassesPage = lazyPage(() => import('./components/resident-passes-page'), 'ResidentPassesPage');

const viewRoles: string[] = rolesWith('goods_pass.view').filter((r) => r !== 'resident');
const reviewRoles: string[] = [...rolesWith('goods_pass.review')];
/** Among department staff only security works with passes. */
const isSecurityOrOther = (me: Me) => me.role !== 'department_staff' || me.department === 'security';
const seesPasses = (me: Me) => isDeskStaff(me) && viewRoles.includes(me.role) && isSecurityOrOther(me);
const reviews = (me: Me) => isDeskStaff(me) && reviewRoles.includes(me.role) && isSecurityOrOther(me);
const isGuard = (me: Me) => me.kind === 'staff' && me.role === 'department_staff' && me.department === 'security';

/** The goods release passes feature's desk pages (inside the desk layout) and phone pages (inside the mobile layout). */
export const goodsPassesDeskRoutes: RouteObject[] = [
  {
    path: '/goods-passes',
    element: (
      <Guard allow={seesPasses}>
        <GoodsPassesPage />
      </Guard>
    ),
  },
  {
    path: '/goods-passes/review',
    element: (
      <Guard allow={reviews}>
        <DailyReviewPage />
      </Guard>
    ),
  },
  {
    path: '/goods-passes/:id',
    element: (
      <Guard allow={seesPasses}>
        <GoodsPassDetailPage />
      </Guard>
    ),
  },
];
export const goodsPassesMobileRoutes: RouteObject[] = [
  {
    path: '/m/gate',
    element: (
      <Guard allow={isGuard}>
        <GatePage />
      </Guard>
    ),
  },
  {
    path: '/m/goods-passes',
    element: (
      <Guard allow={isResident} loginPath="/m/login">
        <ResidentPassesPage />
      </Guard>
    ),
  },
];

/** The feature's entries of the desk's side menu (in the front-desk group), for this person. */
export function goodsPassesNav(me: Me, t: TFunction): NonNullable<MenuProps['items']> {
  const items: NonNullable<MenuProps['items']> = [];
  if (seesPasses(me)) {
    items.push({
      key: '/goods-passes',
      icon: <ExportOutlined />,
      label: <span data-testid="nav-goods-passes">{t('goodsPasses.nav')}</span>,
    });
  }
  if (reviews(me)) {
    items.push({
      key: '/goods-passes/review',
      icon: <AuditOutlined />,
      label: <span data-testid="nav-goods-pass-review">{t('goodsPasses.reviewNav')}</span>,
    });
  }
  if (isGuard(me)) {
    items.push({ key: '/m/gate', icon: <ScanOutlined />, label: <span data-testid="nav-gate">{t('goodsPasses.gate.nav')}</span> });
  }
  return items;
}
