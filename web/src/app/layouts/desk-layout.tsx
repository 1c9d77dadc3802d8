import {
  AppstoreOutlined,
  FileAddOutlined,
  LogoutOutlined,
  MessageOutlined,
  SettingOutlined,
  ToolOutlined,
  UserOutlined,
  SolutionOutlined,
  LineChartOutlined,
} from '@ant-design/icons';
import { Button, Layout, Menu, type MenuProps, Select, Space, Tooltip, Typography } from 'antd';
import { Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { LanguageSwitch } from '../../components/language-switch';
import { FullPageSpin } from '../../components/page-states';
import { useSignedInMe } from '../../features/auth/api/get-me';
import { useLogout } from '../../features/auth/api/logout';
import { NotificationBell } from '../../features/notifications/components/notification-bell';
import { label } from '../../lib/i18n';
import { useCommunity } from '../community-context';
import { dispatchRoles, intakeRoles } from '../roles';
import { complaintsNav } from '../../features/complaints/routes';
import { intakeNav } from '../../features/intake/routes';
import { mattersNav } from '../../features/matters/routes';
import { visitsNav } from '../../features/visits/routes';
import { warrantyNav } from '../../features/warranty/routes';
import { patrolNav } from '../../features/patrol/routes';
import { questionnairesNav } from '../../features/questionnaires/routes';
import { ownerVisitsNav } from '../../features/owner-visits/routes';
import { arrearsNav } from '../../features/arrears/routes';
import { parkingNav } from '../../features/parking/routes';
import { hotWorkNav } from '../../features/hot-work/routes';
import { goodsPassesNav } from '../../features/goods-passes/routes';
import { renovationNav } from '../../features/renovation/routes';
import { dashboardsNav } from '../../features/dashboards/routes';
import { reportsNav } from '../../features/reports/routes';
import { EmergencyBanner } from '../../features/intake/components/emergency-banner';

/** The staff desktop: side menu, header with community, notifications, language and sign-out. */
export function DeskLayout() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const navigate = useNavigate();
  const location = useLocation();
  const logout = useLogout();
  const { communityId, communities, canPickAll, setCommunityId } = useCommunity();
  const [collapsed, setCollapsed] = useState(false);

  const items = useMemo<MenuProps['items']>(() => {
    const list: NonNullable<MenuProps['items']> = [{ key: '/desk', icon: <AppstoreOutlined />, label: t('nav.desk') }];
    if (intakeRoles.includes(me.role)) list.push({ key: '/desk/new', icon: <FileAddOutlined />, label: t('nav.newOrder') });
    if (dispatchRoles.includes(me.role)) list.push({ key: '/dispatch', icon: <ToolOutlined />, label: t('nav.dispatch') });
    list.push(...intakeNav(me, t), ...complaintsNav(me, t), ...mattersNav(me, t), ...visitsNav(me, t));
    list.push(...dashboardsNav(me, t));
    // 满意度与报表: owner visits, questionnaires and the monthly reports.
    const quality = [...ownerVisitsNav(me, t), ...questionnairesNav(me, t), ...reportsNav(me, t)];
    if (quality.length) list.push({ key: 'quality', icon: <LineChartOutlined />, label: t('nav.quality'), children: quality });
    // 前台业务: renovation, passes, permits, parking, arrears, patrol, warranty defects.
    const frontDesk = [
      ...renovationNav(me, t),
      ...goodsPassesNav(me, t),
      ...hotWorkNav(me, t),
      ...parkingNav(me, t),
      ...arrearsNav(me, t),
      ...patrolNav(me, t),
      ...warrantyNav(me, t),
    ];
    if (frontDesk.length) list.push({ key: 'front-desk', icon: <SolutionOutlined />, label: t('nav.frontDesk'), children: frontDesk });
    if (me.role === 'admin') {
      list.push({
        key: 'admin',
        icon: <SettingOutlined />,
        label: t('nav.admin'),
        children: [
          { key: '/admin/policy', icon: <SettingOutlined />, label: t('nav.policy') },
          { key: '/admin/outbox', icon: <MessageOutlined />, label: t('nav.outbox') },
        ],
      });
    }
    return list;
  }, [me, t]);

  // The longest menu key the page's path starts with (/complaints/new before /complaints).
  const menuKeys = (items ?? []).flatMap((i) => [i?.key, ...((i as { children?: { key?: unknown }[] })?.children ?? []).map((c) => c.key)]);
  const selected =
    menuKeys
      .filter((k): k is string => typeof k === 'string' && k.startsWith('/') && location.pathname.startsWith(k))
      .sort((a, b) => b.length - a.length)[0] ?? '';
  // The group holding the page opens with it.
  const openGroup = (items ?? [])
    .filter((i) => ((i as { children?: { key?: unknown }[] })?.children ?? []).some((c) => c.key === selected))
    .map((i) => String(i?.key));

  const communityOptions = [
    ...(canPickAll ? [{ value: '', label: t('header.allCommunities') }] : []),
    ...communities.map((c) => ({ value: c.id, label: c.name })),
  ];

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} width={200} breakpoint="lg" data-testid="side-menu">
        <div className="desk-logo" title={t('app.fullName')}>
          <span className="desk-logo-mark">物</span>
          {!collapsed && <span className="desk-logo-text">{t('app.name')}</span>}
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[selected]}
          defaultOpenKeys={['admin', ...openGroup]}
          items={items}
          onClick={(e) => navigate(e.key)}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="desk-header">
          <Space size={12}>
            <Typography.Text type="secondary">{t('header.community')}</Typography.Text>
            <Select
              data-testid="community-picker"
              style={{ minWidth: 200 }}
              value={communityId ?? ''}
              options={communityOptions}
              onChange={(v: string) => setCommunityId(v || null)}
              disabled={communityOptions.length <= 1}
            />
          </Space>
          <Space size={4}>
            <NotificationBell />
            <LanguageSwitch />
            <Tooltip title={me.companyName}>
              <span className="desk-user" data-testid="current-user">
                <UserOutlined /> {me.name}
                <Typography.Text type="secondary" style={{ marginInlineStart: 6 }}>
                  {label('role', me.role)}
                </Typography.Text>
              </span>
            </Tooltip>
            <Button
              type="text"
              icon={<LogoutOutlined />}
              data-testid="logout"
              onClick={() => logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) })}
            >
              {t('common.logout')}
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content className="desk-content">
          <EmergencyBanner />
          <Suspense fallback={<FullPageSpin />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
