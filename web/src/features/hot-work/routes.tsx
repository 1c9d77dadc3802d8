import { FireOutlined, MobileOutlined } from '@ant-design/icons';
import type { MenuProps } from 'antd';
import type { TFunction } from 'i18next';
import type { RouteObject } from 'react-router';
import { rolesWith } from '../../../../src/contract/access';
import { Guard, isDeskStaff } from '../../app/guards';
import type { Me } from '../auth/api/get-me';
import { lazyPage } from '../../lib/lazy-page';

const HotWorkListPage = lazyPage(() => import('./components/hot-work-list-page'), 'HotWorkListPage');
const HotWorkDetailPage = lazyPage(() => import('./components/hot-work-detail-page'), 'HotWorkDetailPage');
const MobileHotWorkPage = lazyPage(() => import('./components/mobile-hot-work-page'), 'MobileHotWorkPage');

const viewers = rolesWith('hot_work.view');
/** Department members see hot work only in security (保安部). */
const seesHotWork = (me: Me) =>
  isDeskStaff(me) && viewers.includes(me.role) && (me.role !== 'department_staff' || me.department === 'security');
const inspects = (me: Me) => me.kind === 'staff' && me.role === 'department_staff' && me.department === 'security';
const desk = (el: React.ReactNode) => <Guard allow={seesHotWork}>{el}</Guard>;

/** The hot-work permits feature's desk pages (inside the desk layout) and phone pages (inside the mobile layout). */
export const hotWorkDeskRoutes: RouteObject[] = [
  { path: '/hot-work', element: desk(<HotWorkListPage />) },
  { path: '/hot-work/:id', element: desk(<HotWorkDetailPage />) },
];
export const hotWorkMobileRoutes: RouteObject[] = [
  { path: '/m/hot-work', element: <Guard allow={inspects}>{<MobileHotWorkPage />}</Guard> },
];

/** The feature's entries of the desk's side menu (in the front-desk group), for this person. */
export function hotWorkNav(me: Me, t: TFunction): NonNullable<MenuProps['items']> {
  const items: NonNullable<MenuProps['items']> = [];
  if (seesHotWork(me))
    items.push({ key: '/hot-work', icon: <FireOutlined />, label: <span data-testid="nav-hot-work">{t('hotWork.nav')}</span> });
  if (inspects(me))
    items.push({
      key: '/m/hot-work',
      icon: <MobileOutlined />,
      label: <span data-testid="nav-hot-work-inspect">{t('hotWork.mobileNav')}</span>,
    });
  return items;
}
