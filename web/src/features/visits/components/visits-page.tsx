import { Card, Segmented, Select, Space, Table, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useCommunity } from '../../../app/community-context';
import { LoadError } from '../../../components/page-states';
import { formatDateTime } from '../../../lib/datetime';
import { label } from '../../../lib/i18n';
import { type VisitAction, type VisitListParams, type VisitSummary, useVisitList } from '../api/visits';
import { VisitActionButtons, VisitActionModal } from './visit-action-modal';
import { DueCell, KindTag, OutcomeTag, RoundTag, TicketLink, VisitStatusTag } from './visit-tags';

const tabs = ['pending', 'booked', 'rectifying', 'reprocessing', 'closed', 'mine'] as const satisfies VisitListParams['tab'][];
type Tab = (typeof tabs)[number];
const kinds = ['repair', 'complaint', 'matter'] as const;

const isTab = (v: string | null): v is Tab => (tabs as readonly string[]).includes(v ?? '');

/** /visits 回访: visit tasks of every ticket kind, by state; the overdue ones red. */
export function VisitsPage() {
  const { t } = useTranslation();
  const { communityId, canPickAll } = useCommunity();
  const [params, setParams] = useSearchParams();
  const tabParam = params.get('tab');
  const tab: Tab = isTab(tabParam) ? tabParam : 'pending';
  const kind = params.get('kind') ?? '';
  const { data, error, isFetching, refetch } = useVisitList({ communityId, tab, ticketKind: kind || undefined });
  const [picked, setPicked] = useState<{ task: VisitSummary; action: VisitAction } | null>(null);

  const setParam = (key: string, value: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  const isDoneTab = tab === 'closed';
  const columns: TableColumnsType<VisitSummary> = [
    {
      title: t('visitTasks.columns.ticket'),
      dataIndex: 'ticketNumber',
      width: 170,
      fixed: 'start',
      render: (_: string, v) => (
        <Space orientation="vertical" size={2}>
          <TicketLink task={v} />
          <Space size={4} wrap>
            <KindTag kind={v.ticketKind} />
            {v.round > 1 ? <RoundTag round={v.round} /> : null}
            {v.duty !== 'desk' ? <Tag style={{ marginInlineEnd: 0 }}>{label('visitTasks.duties', v.duty)}</Tag> : null}
          </Space>
        </Space>
      ),
    },
    ...(canPickAll && !communityId ? [{ title: t('visitTasks.columns.community'), dataIndex: 'communityName', width: 110 }] : []),
    {
      title: t('visitTasks.columns.reporter'),
      dataIndex: 'reporterName',
      width: 170,
      render: (name: string, v) => (
        <Space orientation="vertical" size={0} data-testid="visit-reporter">
          <span>
            {name} <a href={`tel:${v.reporterPhone}`}>{v.reporterPhone}</a>
          </span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {v.location}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('visitTasks.columns.content'),
      dataIndex: 'content',
      width: 200,
      ellipsis: { showTitle: false },
      render: (c: string) => (
        <Tooltip title={c} placement="topLeft">
          {c}
        </Tooltip>
      ),
    },
    {
      title: t('visitTasks.columns.handler'),
      key: 'handler',
      width: 90,
      render: (_: unknown, v) => v.technicianName ?? v.assigneeName ?? '—',
    },
    { title: t('visitTasks.columns.status'), dataIndex: 'status', width: 110, render: (s: string) => <VisitStatusTag status={s} /> },
    ...(isDoneTab
      ? [
          {
            title: t('visitTasks.columns.outcome'),
            dataIndex: 'outcome',
            width: 96,
            render: (o: string | null) => <OutcomeTag outcome={o} />,
          },
          {
            title: t('visitTasks.columns.method'),
            dataIndex: 'method',
            width: 90,
            render: (m: string | null) => (m ? label('visitTasks.methods', m) : '—'),
          },
          { title: t('visitTasks.columns.comment'), dataIndex: 'comment', width: 180, ellipsis: true },
          { title: t('visitTasks.columns.visitedBy'), dataIndex: 'visitedByName', width: 90 },
          {
            title: t('visitTasks.columns.visitedAt'),
            dataIndex: 'visitedAt',
            width: 140,
            render: (d: string | null) => formatDateTime(d),
          },
        ]
      : [
          {
            title: t('visitTasks.columns.dueAt'),
            dataIndex: 'dueAt',
            width: 210,
            render: (_: string, v: VisitSummary) => <DueCell task={v} />,
          },
          {
            title: t('visitTasks.columns.visitor'),
            dataIndex: 'visitorName',
            width: 90,
            render: (n: string | null) => n ?? <Typography.Text type="secondary">{t('visitTasks.unassigned')}</Typography.Text>,
          },
        ]),
    {
      title: t('visitTasks.columns.operation'),
      key: 'op',
      width: 290,
      render: (_: unknown, v) => (
        <Space size={4} wrap>
          <VisitActionButtons task={v} size="small" onPick={(action) => setPicked({ task: v, action })} />
          <Link to={`/visits/${v.id}`} data-testid="visit-link" style={{ paddingInline: 4 }}>
            {t('common.detail')}
          </Link>
        </Space>
      ),
    },
  ];

  return (
    <div data-testid="visits-page">
      <div className="page-head">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('visitTasks.title')}
        </Typography.Title>
      </div>
      <Card size="small" styles={{ body: { padding: 0 } }}>
        <div className="filter-bar">
          <Segmented<Tab>
            value={tab}
            onChange={(v) => setParam('tab', v === 'pending' ? '' : v)}
            options={tabs.map((v) => ({ value: v, label: t(`visitTasks.tabs.${v}`) }))}
            data-testid="visit-tab"
          />
          <Select
            value={kind}
            onChange={(v: string) => setParam('kind', v)}
            style={{ width: 130 }}
            options={[
              { value: '', label: t('visitTasks.kinds.all') },
              ...kinds.map((k) => ({ value: k, label: t(`visitTasks.kinds.${k}`) })),
            ]}
            data-testid="visit-kind-filter"
          />
        </div>
        {error ? (
          <LoadError error={error} onRetry={() => void refetch()} />
        ) : (
          <Table<VisitSummary>
            size="small"
            rowKey="id"
            loading={isFetching && !data}
            dataSource={data ?? []}
            columns={columns}
            scroll={{ x: 1300 }}
            pagination={{ pageSize: 50, size: 'small', hideOnSinglePage: true }}
            rowClassName={(v) => (v.isOverdue ? 'row-overdue' : '')}
            onRow={(v) =>
              ({
                'data-testid': 'visit-row',
                'data-order-number': v.ticketNumber,
                'data-visit-id': v.id,
                'data-status': v.status,
                'data-round': v.round,
              }) as React.HTMLAttributes<HTMLElement>
            }
            data-testid="visits-table"
          />
        )}
      </Card>
      <VisitActionModal task={picked?.task ?? null} action={picked?.action ?? null} onClose={() => setPicked(null)} />
    </div>
  );
}
