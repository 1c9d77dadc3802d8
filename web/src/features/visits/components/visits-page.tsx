import { Button, Card, Segmented, Table, Tag, Tooltip, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCommunity } from '../../../app/community-context';
import { visitorRoles } from '../../../app/roles';
import { LoadError } from '../../../components/page-states';
import { formatDateTime } from '../../../lib/datetime';
import { label } from '../../../lib/i18n';
import { Countdown } from '../../repair/components/countdown';
import { OrderActionLauncher } from '../../repair/components/order-action-launcher';
import { useSignedInMe } from '../../auth/api/get-me';
import { type VisitStatus, type VisitTask, useVisits } from '../api/list-visits';

/** /visits 回访: follow-up visits due (the overdue ones red), and those done. */
export function VisitsPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const { communityId, canPickAll } = useCommunity();
  const [status, setStatus] = useState<VisitStatus>('pending');
  const { data, error, isFetching, refetch } = useVisits(communityId, status);
  const [visiting, setVisiting] = useState<string | null>(null);
  const close = useCallback(() => setVisiting(null), []);
  const canVisit = visitorRoles.includes(me.role);

  const columns = [
    {
      title: t('order.number'),
      dataIndex: 'ticketNumber',
      width: 150,
      render: (n: string, v: VisitTask) => (
        <Link to={`/orders/${v.ticketId}`} className="order-number" data-testid="order-link">
          {n}
        </Link>
      ),
    },
    ...(canPickAll && !communityId ? [{ title: t('order.community'), dataIndex: 'communityName', width: 120 }] : []),
    { title: t('order.location'), dataIndex: 'location', width: 170, ellipsis: true },
    {
      title: t('order.reporter'),
      dataIndex: 'reporterName',
      width: 170,
      render: (name: string, v: VisitTask) => (
        <span data-testid="visit-reporter">
          {name} <a href={`tel:${v.reporterPhone}`}>{v.reporterPhone}</a>
        </span>
      ),
    },
    { title: t('order.assignee'), dataIndex: 'assigneeName', width: 100, render: (n: string | null) => n ?? '—' },
    {
      title: t('order.content'),
      dataIndex: 'content',
      ellipsis: { showTitle: false },
      render: (c: string) => (
        <Tooltip title={c} placement="topLeft">
          {c}
        </Tooltip>
      ),
    },
    ...(status === 'pending'
      ? [
          {
            title: t('visits.dueAt'),
            dataIndex: 'dueAt',
            width: 230,
            render: (d: string, v: VisitTask) => (
              <span data-testid="visit-due">
                <Typography.Text type={v.isOverdue ? 'danger' : undefined} strong={v.isOverdue}>
                  {formatDateTime(d)}
                </Typography.Text>{' '}
                {v.isOverdue ? <Tag color="red">{t('visits.overdue')}</Tag> : <Countdown dueAt={d} />}
              </span>
            ),
          },
          {
            title: t('common.operation'),
            key: 'op',
            width: 110,
            render: (_: unknown, v: VisitTask) =>
              canVisit ? (
                <Button size="small" type="primary" onClick={() => setVisiting(v.ticketId)} data-testid="action-visit">
                  {t('visits.record')}
                </Button>
              ) : null,
          },
        ]
      : [
          {
            title: t('form.outcome'),
            dataIndex: 'outcome',
            width: 100,
            render: (o: string | null) => (o ? <Tag color={o === 'unsatisfied' ? 'red' : 'green'}>{label('visitOutcome', o)}</Tag> : '—'),
          },
          { title: t('form.method'), dataIndex: 'method', width: 100, render: (m: string | null) => (m ? label('visitMethod', m) : '—') },
          { title: t('form.comment'), dataIndex: 'comment', ellipsis: true },
          { title: t('visits.visitedBy'), dataIndex: 'visitedByName', width: 90 },
          { title: t('visits.visitedAt'), dataIndex: 'visitedAt', width: 140, render: (d: string | null) => formatDateTime(d) },
        ]),
  ];

  return (
    <div data-testid="visits-page">
      <div className="page-head">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('visits.title')}
        </Typography.Title>
      </div>
      <Card size="small" styles={{ body: { padding: 0 } }}>
        <div className="filter-bar">
          <Segmented<VisitStatus>
            value={status}
            onChange={setStatus}
            options={[
              { value: 'pending', label: t('visits.pending') },
              { value: 'done', label: t('visits.done') },
            ]}
            data-testid="visit-status-filter"
          />
        </div>
        {error ? (
          <LoadError error={error} onRetry={() => void refetch()} />
        ) : (
          <Table<VisitTask>
            size="small"
            rowKey="id"
            loading={isFetching && !data}
            dataSource={data ?? []}
            columns={columns}
            pagination={{ pageSize: 50, size: 'small', hideOnSinglePage: true }}
            rowClassName={(v) => (v.isOverdue ? 'row-overdue' : '')}
            onRow={(v) => ({ 'data-testid': 'visit-row', 'data-order-number': v.ticketNumber }) as React.HTMLAttributes<HTMLElement>}
            data-testid="visits-table"
          />
        )}
      </Card>
      <OrderActionLauncher orderId={visiting} action="visit" onClose={close} />
    </div>
  );
}
