import { MobileOutlined, PlusOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Input, Select, Space, Table, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { renovationStatuses } from '../../../../../src/domain/renovation/machine';
import { useCommunity } from '../../../app/community-context';
import { formatShort } from '../../../lib/datetime';
import { formatYuan } from '../../../lib/money';
import { useSignedInMe } from '../../auth/api/get-me';
import { useBuildings } from '../../directory/api/list-buildings';
import { type RenovationListParams, type RenovationSummary, useRenovations } from '../api/renovations';
import { applicantRoles, patrollerRoles } from '../access';
import { RenovationTags } from './renovation-tags';

const views = ['active', 'mine', 'overdue', 'all'] as const;
type View = (typeof views)[number];

/** How many renovations a tab holds, with the same filters. */
function ViewCount({ params, view }: { params: RenovationListParams; view: View }) {
  const q = useRenovations({ ...params, view, limit: 1, offset: 0 });
  const n = q.data?.total;
  if (n == null) return null;
  return (
    <Badge
      count={n}
      showZero
      overflowCount={999}
      color={view === 'overdue' && n > 0 ? 'red' : '#bfbfbf'}
      style={{ marginInlineStart: 6 }}
      data-testid={`renovations-count-${view}`}
    />
  );
}

/** /renovations: the community's renovations by view, filtered by state and building. */
export function RenovationListPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const navigate = useNavigate();
  const { communityId } = useCommunity();
  const buildings = useBuildings(communityId);
  const [params, setParams] = useState<RenovationListParams>({ view: 'active', limit: 50, offset: 0 });
  const scoped: RenovationListParams = { ...params, communityId: communityId ?? undefined };
  const list = useRenovations(scoped);
  const filters = { ...scoped, view: undefined, limit: undefined, offset: undefined };
  const columns = [
    {
      title: t('renovation.fields.number'),
      dataIndex: 'number',
      width: 185,
      render: (n: string, r: RenovationSummary) => (
        <Link to={`/renovations/${r.id}`} data-testid="renovation-link" data-number={n} style={{ whiteSpace: 'nowrap' }}>
          {n}
        </Link>
      ),
    },
    { title: t('renovation.fields.room'), dataIndex: 'roomLabel', width: 130 },
    {
      title: t('renovation.fields.applicantName'),
      dataIndex: 'applicantName',
      width: 140,
      render: (v: string, r: RenovationSummary) => (
        <span>
          {v} <Typography.Text type="secondary">{r.applicantPhone}</Typography.Text>
        </span>
      ),
    },
    { title: t('renovation.fields.contractorCompany'), dataIndex: 'contractorCompany', width: 200, ellipsis: true },
    {
      title: t('renovation.fields.planned'),
      key: 'planned',
      width: 190,
      render: (_: unknown, r: RenovationSummary) => `${r.plannedStartDate} ~ ${r.plannedEndDate}`,
    },
    {
      title: t('renovation.fields.status'),
      dataIndex: 'status',
      width: 170,
      render: (_: string, r: RenovationSummary) => <RenovationTags r={r} />,
    },
    {
      title: t('renovation.fields.balance'),
      dataIndex: 'depositBalanceCents',
      width: 110,
      align: 'right' as const,
      render: (v: number, r: RenovationSummary) => (r.depositCents ? formatYuan(v) : '—'),
    },
    {
      title: t('renovation.fields.refundDueDate'),
      dataIndex: 'refundDueDate',
      width: 110,
      render: (v: string | null) => v ?? '—',
    },
    { title: t('renovation.fields.createdAt'), dataIndex: 'createdAt', width: 100, render: (v: string) => formatShort(v) },
  ];
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle" data-testid="renovations-page">
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('renovation.title')}
        </Typography.Title>
        <Space wrap>
          {patrollerRoles.includes(me.role) ? (
            <Button icon={<MobileOutlined />} onClick={() => void navigate('/m/renovation-patrols')} data-testid="renovation-patrols-link">
              {t('renovation.patrolTasks')}
            </Button>
          ) : null}
          {applicantRoles.includes(me.role) && communityId ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/renovations/new')} data-testid="renovation-new">
              {t('renovation.new')}
            </Button>
          ) : null}
        </Space>
      </Space>
      <Card size="small">
        <Tabs
          activeKey={params.view}
          onChange={(v) => setParams({ ...params, view: v as View, offset: 0 })}
          items={views.map((v) => ({
            key: v,
            label: (
              <span data-testid={`renovations-tab-${v}`}>
                {t(`renovation.view.${v}`)}
                <ViewCount params={filters} view={v} />
              </span>
            ),
          }))}
        />
        <Space wrap style={{ marginBottom: 12 }}>
          <Select
            allowClear
            style={{ width: 170 }}
            placeholder={t('renovation.filterStatus')}
            value={params.status}
            onChange={(v) => setParams({ ...params, status: v, offset: 0 })}
            options={renovationStatuses.map((s) => ({ value: s, label: t(`renovation.statuses.${s}`) }))}
            data-testid="renovations-status-filter"
          />
          <Select
            allowClear
            style={{ width: 130 }}
            placeholder={t('renovation.filterBuilding')}
            value={params.buildingId}
            onChange={(v) => setParams({ ...params, buildingId: v, offset: 0 })}
            options={(buildings.data ?? []).map((b) => ({ value: b.id, label: b.name }))}
            data-testid="renovations-building-filter"
          />
          <Input.Search
            allowClear
            style={{ width: 300 }}
            placeholder={t('renovation.search')}
            onSearch={(q) => setParams({ ...params, q: q || undefined, offset: 0 })}
            data-testid="renovations-search"
          />
          <Typography.Text type="secondary" data-testid="renovations-total">
            {t('renovation.count', { count: list.data?.total ?? 0 })}
          </Typography.Text>
        </Space>
        <Table
          rowKey="id"
          size="small"
          loading={list.isLoading || list.isPlaceholderData}
          dataSource={list.data?.items ?? []}
          columns={columns}
          data-testid="renovations-table"
          scroll={{ x: 1200 }}
          onRow={(r) => ({ 'data-testid': 'renovation-row', 'data-number': r.number, 'data-status': r.status }) as never}
          pagination={{
            total: list.data?.total ?? 0,
            pageSize: params.limit ?? 50,
            current: Math.floor((params.offset ?? 0) / (params.limit ?? 50)) + 1,
            onChange: (page, size) => setParams({ ...params, limit: size, offset: (page - 1) * size }),
          }}
        />
      </Card>
    </Space>
  );
}
