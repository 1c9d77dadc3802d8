import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Col, Input, Result, Row, Segmented, Select, Space, Statistic, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCommunity } from '../../../app/community-context';
import { frontDeskBoardRoles, intakeRoles } from '../../../app/roles';
import { useSignedInMe } from '../../auth/api/get-me';
import { LoadError } from '../../../components/page-states';
import { isApiError } from '../../../lib/api-error';
import { label } from '../../../lib/i18n';
import { useErrorText } from '../../../lib/use-api-error';
import { useOrders } from '../../repair/api/list-orders';
import { type RepairStatus, type RepairView, repairStatuses } from '../../repair/api/types';
import { OrderTable } from '../../repair/components/order-table';
import { colorOf } from '../../repair/components/status-style';
import { useFrontDeskBoard } from '../api/get-front-desk';

const deskViews: RepairView[] = ['active', 'unassigned', 'overdue', 'awaiting_visit', 'all'];
const pageSize = 50;

/** /desk 前台看板: counts per state, then every order of the chosen view, live. */
export function FrontDeskPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useSignedInMe();
  const { communityId, canPickAll } = useCommunity();
  const [view, setView] = useState<RepairView>('active');
  const [status, setStatus] = useState<RepairStatus[]>([]);
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const errorText = useErrorText();

  // Finance reads the list but not the board's counters (the server refuses them).
  const canSeeBoard = frontDeskBoardRoles.includes(me.role);
  const board = useFrontDeskBoard(communityId, canSeeBoard);
  const list = useOrders({ communityId, view, status, q: search, limit: pageSize, offset: (page - 1) * pageSize });

  const counts = board.data?.counts ?? {};
  const activeTotal = board.data?.orders.length ?? Object.values(counts).reduce((a, b) => a + b, 0);
  const toggleStatus = (s: RepairStatus) => {
    setStatus((cur) => (cur.includes(s) ? cur.filter((x) => x !== s) : [...cur, s]));
    setPage(1);
  };

  return (
    <div data-testid="front-desk-page">
      <div className="page-head">
        <Space align="center">
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('desk.title')}
          </Typography.Title>
          <Badge status="processing" text={<Typography.Text type="secondary">{t('desk.liveHint')}</Typography.Text>} />
        </Space>
        <Space>
          <Button icon={<ReloadOutlined />} onClick={() => void Promise.all([board.refetch(), list.refetch()])} data-testid="refresh">
            {t('common.refresh')}
          </Button>
          {intakeRoles.includes(me.role) ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/desk/new')} data-testid="new-order">
              {t('desk.newOrder')}
            </Button>
          ) : null}
        </Space>
      </div>

      {board.error || !canSeeBoard ? null : (
        <Row gutter={12} style={{ marginBottom: 12 }}>
          <Col xs={8} lg={4}>
            <Card size="small" className="stat-card">
              <Statistic title={t('desk.activeTotal')} value={activeTotal} loading={board.isPending} data-testid="stat-active" />
            </Card>
          </Col>
          <Col xs={8} lg={4}>
            <Card size="small" className="stat-card stat-danger">
              <Statistic
                title={t('desk.emergencies')}
                value={board.data?.emergencies ?? 0}
                loading={board.isPending}
                data-testid="stat-emergencies"
              />
            </Card>
          </Col>
          <Col xs={8} lg={4}>
            <Card
              size="small"
              className="stat-card stat-warning"
              hoverable
              onClick={() => {
                setView('overdue');
                setPage(1);
              }}
            >
              <Statistic title={t('desk.overdue')} value={board.data?.overdue ?? 0} loading={board.isPending} data-testid="stat-overdue" />
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card size="small" className="stat-card" styles={{ body: { paddingBlock: 10 } }}>
              <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 6 }}>
                {t('desk.statusFilter')}
              </Typography.Text>
              <div className="status-chips" data-testid="status-counts">
                {repairStatuses
                  .filter((s) => counts[s])
                  .map((s) => (
                    <Tag.CheckableTag
                      key={s}
                      checked={status.includes(s)}
                      onChange={() => toggleStatus(s)}
                      data-testid={`status-count-${s}`}
                      className="status-chip"
                    >
                      <span className="status-chip-dot" style={{ background: colorOf(s).hex }} />
                      {label('status', s)} <b>{counts[s]}</b>
                    </Tag.CheckableTag>
                  ))}
                {!Object.keys(counts).length && <Typography.Text type="secondary">{t('common.empty')}</Typography.Text>}
              </div>
            </Card>
          </Col>
        </Row>
      )}

      <Card size="small" styles={{ body: { padding: 0 } }}>
        <div className="filter-bar">
          <Segmented<RepairView>
            value={view}
            onChange={(v) => {
              setView(v);
              setPage(1);
            }}
            options={deskViews.map((v) => ({ value: v, label: t(`view.${v}`) }))}
            data-testid="view-filter"
          />
          <Select<RepairStatus[]>
            mode="multiple"
            allowClear
            placeholder={t('desk.statusFilter')}
            value={status}
            onChange={(v) => {
              setStatus(v);
              setPage(1);
            }}
            options={repairStatuses.map((s) => ({ value: s, label: label('status', s) }))}
            style={{ minWidth: 220 }}
            maxTagCount="responsive"
            data-testid="status-filter"
          />
          <Input.Search
            allowClear
            placeholder={t('desk.searchPlaceholder')}
            value={q}
            onChange={(e) => setQ(e.target.value)}
            onSearch={(v) => {
              setSearch(v);
              setPage(1);
            }}
            style={{ width: 300 }}
            data-testid="order-search"
          />
        </div>
        {isApiError(list.error) && list.error.status === 403 ? (
          // Roles without repair orders in this release (department staff, developer liaison).
          <Result status="403" title={t('error.forbidden')} subTitle={errorText(list.error)} data-testid="load-error" />
        ) : list.error ? (
          <LoadError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <OrderTable
            orders={list.data?.items ?? []}
            loading={list.isFetching && !list.data}
            showCommunity={canPickAll && !communityId}
            pagination={{
              current: page,
              pageSize,
              total: list.data?.total ?? 0,
              showSizeChanger: false,
              showTotal: (n) => t('common.total', { count: n }),
              onChange: setPage,
              size: 'small',
            }}
          />
        )}
      </Card>
    </div>
  );
}
