import { Space, Table, type TableProps, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime, formatShort } from '../../../lib/datetime';
import { label } from '../../../lib/i18n';
import type { RepairSummary } from '../api/types';
import { Countdown } from './countdown';
import { FlagTags, StatusTag, UrgencyTag } from './order-tags';

export interface OrderTableProps {
  orders: RepairSummary[];
  loading?: boolean;
  pagination?: TableProps<RepairSummary>['pagination'];
  showCommunity?: boolean;
  /** Extra column at the end (e.g. an assign button on the dispatch board). */
  extra?: (order: RepairSummary) => React.ReactNode;
}

/** The dense list of repair orders used on the desk: one line per order, the urgent ones tinted. */
export function OrderTable({ orders, loading, pagination, showCommunity, extra }: OrderTableProps) {
  const { t } = useTranslation();
  const columns: TableProps<RepairSummary>['columns'] = [
    {
      title: t('order.number'),
      dataIndex: 'number',
      width: 150,
      fixed: 'left',
      render: (n: string, o) => (
        <Link to={`/orders/${o.id}`} data-testid="order-link" className="order-number">
          {n}
        </Link>
      ),
    },
    {
      title: t('order.status'),
      dataIndex: 'status',
      width: 160,
      render: (st: string, o) => (
        <div className="cell-status">
          <Space size={4}>
            <StatusTag status={st} />
            <UrgencyTag urgency={o.urgency} />
          </Space>
          <FlagTags flags={o.flags} />
        </div>
      ),
    },
    ...(showCommunity ? [{ title: t('order.community'), dataIndex: 'communityName', width: 110, ellipsis: true }] : []),
    {
      title: `${t('order.location')} / ${t('order.category')}`,
      dataIndex: 'location',
      width: 170,
      render: (loc: string, o) => (
        <div className="cell-two-lines">
          <Typography.Text ellipsis={{ tooltip: loc }} style={{ fontSize: 14 }}>
            {loc}
          </Typography.Text>
          <Typography.Text type="secondary">
            {label('category', o.category)}
            {o.area === 'public' ? ` · ${t('area.public')}` : ''}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t('order.reporter'),
      dataIndex: 'reporterName',
      width: 120,
      render: (name: string, o) => (
        <div className="cell-two-lines">
          <span>{name}</span>
          <Typography.Text type="secondary">{o.reporterPhone}</Typography.Text>
        </div>
      ),
    },
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
    {
      title: t('order.assignee'),
      dataIndex: 'assigneeName',
      width: 96,
      render: (n: string | null) => n ?? <Typography.Text type="secondary">{t('order.unassigned')}</Typography.Text>,
    },
    {
      title: t('order.createdAt'),
      dataIndex: 'createdAt',
      width: 118,
      render: (c: string, o) => (
        <div className="cell-two-lines">
          <span title={formatDateTime(c)}>{formatShort(c)}</span>
          {o.timing === 'appointment' && o.appointmentAt ? (
            <Typography.Text type="warning" title={t('order.appointmentAt')}>
              {t('timing.appointment')} {formatShort(o.appointmentAt)}
            </Typography.Text>
          ) : null}
        </div>
      ),
    },
    {
      title: t('order.countdown'),
      dataIndex: 'nextTimer',
      width: 110,
      fixed: 'right',
      render: (timer: RepairSummary['nextTimer']) => (timer ? <Countdown dueAt={timer.dueAt} kind={timer.kind} /> : null),
    },
    ...(extra
      ? [
          {
            title: t('common.operation'),
            key: 'extra',
            width: 90,
            fixed: 'right' as const,
            render: (_: unknown, o: RepairSummary) => extra(o),
          },
        ]
      : []),
  ];
  return (
    <Table<RepairSummary>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={orders}
      loading={loading}
      pagination={pagination}
      scroll={{ x: 1100 }}
      rowClassName={(o) => (o.urgency === 'urgent' ? 'row-urgent' : o.flags.length ? 'row-overdue' : '')}
      onRow={(o) => ({ 'data-testid': 'order-row', 'data-order-number': o.number }) as React.HTMLAttributes<HTMLElement>}
      data-testid="order-table"
    />
  );
}
