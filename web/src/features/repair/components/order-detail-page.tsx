import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, type DescriptionsProps, Row, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { photoRoles, printRoles } from '../../../app/roles';
import { FullPageSpin, LoadError } from '../../../components/page-states';
import { useSignedInMe } from '../../auth/api/get-me';
import { isApiError } from '../../../lib/api-error';
import { formatDateTime } from '../../../lib/datetime';
import { label } from '../../../lib/i18n';
import { formatYuan } from '../../../lib/money';
import { TicketVisits, useRecordTicketVisit } from '../../visits/components/ticket-visits';
import { OrderWarrantyCard } from '../../warranty/components/order-warranty-card';
import { useOrder } from '../api/get-order';
import type { RepairAction, RepairDetail } from '../api/types';
import { ActionButtons, ActionModal } from './action-modal';
import { Countdown } from './countdown';
import { OrderPhotos } from './order-photos';
import { OrderTimeline } from './order-timeline';
import { FlagTags, StatusTag, UrgencyTag } from './order-tags';

const noVisits: RepairDetail['visits'] = [];

export const openPrint = (id: string) => window.open(`/print/repair-orders/${id}`, '_blank', 'noopener');

function Basics({ order }: { order: RepairDetail }) {
  const { t } = useTranslation();
  const items: DescriptionsProps['items'] = [
    { key: 'community', label: t('order.community'), children: order.communityName },
    { key: 'category', label: t('order.category'), children: label('category', order.category) },
    { key: 'area', label: t('order.area'), children: label('area', order.area) },
    { key: 'location', label: t('order.location'), children: <span data-testid="order-location">{order.location}</span>, span: 2 },
    { key: 'reporter', label: t('order.reporter'), children: <span data-testid="order-reporter">{order.reporterName}</span> },
    {
      key: 'phone',
      label: t('order.reporterPhone'),
      children: (
        <a href={`tel:${order.reporterPhone}`} style={{ whiteSpace: 'nowrap' }}>
          {order.reporterPhone}
        </a>
      ),
    },
    { key: 'channel', label: t('order.channel'), children: label('channel', order.channel) },
    {
      key: 'urgency',
      label: t('order.urgency'),
      children: order.urgency === 'urgent' ? <Tag color="red">{t('urgency.urgent')}</Tag> : t('urgency.normal'),
    },
    {
      key: 'timing',
      label: t('order.timing'),
      children:
        order.timing === 'appointment' ? `${t('timing.appointment')} ${formatDateTime(order.appointmentAt)}` : t('timing.immediate'),
    },
    { key: 'createdAt', label: t('order.createdAt'), children: formatDateTime(order.createdAt) },
    { key: 'createdBy', label: t('order.createdBy'), children: order.createdByName },
    {
      key: 'content',
      label: t('order.content'),
      children: (
        <span data-testid="order-content" style={{ whiteSpace: 'pre-wrap' }}>
          {order.content}
        </span>
      ),
      span: 3,
    },
    {
      key: 'assignee',
      label: t('order.assignee'),
      children: <span data-testid="order-assignee">{order.assigneeName ?? t('order.unassigned')}</span>,
    },
    {
      key: 'verified',
      label: t('order.verified'),
      children: order.verifiedAt ? (
        <span>
          {formatDateTime(order.verifiedAt)} ·{' '}
          {order.verifiedBy === 'code'
            ? t('action.verify_code')
            : order.verifiedBy === 'phone'
              ? t('action.confirm_by_phone')
              : order.verifiedBy}
        </span>
      ) : (
        <Typography.Text type="secondary">
          {t('order.notVerified')}
          {order.codeAttempts ? ` · ${t('order.codeAttempts')} ${order.codeAttempts}/${order.codeMaxAttempts}` : ''}
        </Typography.Text>
      ),
    },
    {
      key: 'satisfaction',
      label: t('order.satisfaction'),
      children: (
        <span>
          {order.satisfaction ? label('visitOutcome', order.satisfaction) : '—'}
          {order.reopenCount ? (
            <Tag color="orange" style={{ marginInlineStart: 8 }}>{`${t('order.reopenCount')} ${order.reopenCount}`}</Tag>
          ) : null}
        </span>
      ),
    },
  ];
  return (
    <Descriptions
      size="small"
      bordered
      column={3}
      items={items}
      styles={{ label: { width: 96, whiteSpace: 'nowrap' } }}
      data-testid="order-basics"
    />
  );
}

function Work({ order }: { order: RepairDetail }) {
  const { t } = useTranslation();
  const total = order.labourFeeCents + order.materialFeeCents;
  const items: DescriptionsProps['items'] = [
    { key: 'labour', label: t('order.labourFee'), children: <span data-testid="labour-fee">{formatYuan(order.labourFeeCents)}</span> },
    {
      key: 'material',
      label: t('order.materialFee'),
      children: <span data-testid="material-fee">{formatYuan(order.materialFeeCents)}</span>,
    },
    {
      key: 'total',
      label: t('order.totalFee'),
      children: (
        <Space>
          <Typography.Text strong data-testid="total-fee">
            {formatYuan(total)}
          </Typography.Text>
          <Tag color={order.feeStatus === 'owed' ? 'orange' : order.feeStatus === 'paid' ? 'green' : 'default'} data-testid="fee-status">
            {label('feeStatus', order.feeStatus)}
          </Tag>
        </Space>
      ),
    },
    { key: 'items', label: t('order.actualItems'), children: order.actualItems || '—', span: 3 },
    {
      key: 'material-rating',
      label: t('order.customerMaterialRating'),
      children: order.customerMaterialRating ? label('materialRating', order.customerMaterialRating) : '—',
    },
    {
      key: 'hold',
      label: t('order.holdReason'),
      children: order.holdReason
        ? `${label('holdReason', order.holdReason)}${order.holdNote ? `${t('common.colon')}${order.holdNote}` : ''}`
        : '—',
      span: 2,
    },
    { key: 'quote-desc', label: t('order.quoteDescription'), children: order.quoteDescription || '—', span: 2 },
    { key: 'quote', label: t('order.quote'), children: order.quoteCents != null ? formatYuan(order.quoteCents) : '—' },
    { key: 'summary', label: t('order.summary'), children: order.summary || '—', span: 3 },
  ];
  return (
    <Descriptions
      size="small"
      bordered
      column={3}
      items={items}
      styles={{ label: { width: 96, whiteSpace: 'nowrap' } }}
      data-testid="order-work"
    />
  );
}

/** /orders/:id 工单详情 for desk staff. */
export function OrderDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const me = useSignedInMe();
  const { data: order, error, isPending, refetch } = useOrder(id);
  const [action, setAction] = useState<RepairAction | null>(null);
  // 回访 records on the order's visit task, where the visit module's checks apply.
  const recordVisit = useRecordTicketVisit(order?.visits ?? noVisits);

  if (isPending) return <FullPageSpin />;
  if (error || !order) {
    // 400: the address holds no valid order id; for the clerk that is the same as a missing order.
    if (isApiError(error) && [400, 403, 404].includes(error.status))
      return <Alert type="warning" showIcon title={t('order.notFound')} data-testid="order-not-found" />;
    return <LoadError error={error} onRetry={() => void refetch()} />;
  }
  const pendingTimers = order.timers.filter((tm) => tm.status === 'pending');

  return (
    <div data-testid="order-detail-page">
      <div className="page-head">
        <Space align="center" wrap>
          <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)} aria-label={t('common.back')} />
          <Typography.Title level={4} style={{ margin: 0 }} copyable={{ text: order.number }}>
            <span data-testid="order-number">{order.number}</span>
          </Typography.Title>
          <StatusTag status={order.status} />
          <UrgencyTag urgency={order.urgency} />
          <FlagTags flags={order.flags} />
          {order.nextTimer ? <Countdown dueAt={order.nextTimer.dueAt} kind={order.nextTimer.kind} showKind /> : null}
        </Space>
        {printRoles.includes(me.role) ? (
          <Button icon={<PrinterOutlined />} onClick={() => openPrint(order.id)} data-testid="print-order">
            {t('order.print')}
          </Button>
        ) : null}
      </div>

      <Card size="small" title={t('order.actions')} style={{ marginBottom: 12 }}>
        <ActionButtons order={order} onPick={(a) => (a === 'visit' ? recordVisit.open() : setAction(a))} />
      </Card>

      <Row gutter={12}>
        <Col xs={24} xl={16}>
          <Card size="small" title={t('order.basics')} style={{ marginBottom: 12 }}>
            <Basics order={order} />
          </Card>
          <div style={{ marginBottom: 12 }}>
            <OrderWarrantyCard orderId={order.id} />
          </div>
          <Card size="small" title={`${t('order.work')} · ${t('order.fees')}`} style={{ marginBottom: 12 }}>
            <Work order={order} />
          </Card>
          <Card size="small" title={t('order.photos')} style={{ marginBottom: 12 }}>
            <OrderPhotos order={order} canUpload={photoRoles.includes(me.role) && !['closed', 'cancelled'].includes(order.status)} />
          </Card>
          <Row gutter={12}>
            <Col xs={24} lg={12}>
              <Card size="small" title={t('order.timers')} style={{ marginBottom: 12 }}>
                <Table
                  size="small"
                  rowKey={(r) => `${r.kind}-${r.level}-${r.dueAt}`}
                  pagination={false}
                  dataSource={order.timers}
                  data-testid="order-timers"
                  rowClassName={(r) => (r.status === 'pending' && new Date(r.dueAt).getTime() < Date.now() ? 'row-overdue' : '')}
                  columns={[
                    {
                      title: t('order.nextTimer'),
                      dataIndex: 'kind',
                      render: (k: string, r) => `${label('timer', k)}${r.level ? ` · L${r.level + 1}` : ''}`,
                    },
                    { title: t('order.dueAt'), dataIndex: 'dueAt', render: (d: string) => formatDateTime(d) },
                    {
                      title: t('order.timerStatus'),
                      dataIndex: 'status',
                      render: (s: string, r) =>
                        s === 'pending' && pendingTimers.includes(r) ? <Countdown dueAt={r.dueAt} /> : <Tag>{label('timerStatus', s)}</Tag>,
                    },
                  ]}
                />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title={t('order.promisedTimes')} style={{ marginBottom: 12 }}>
                <Table
                  size="small"
                  rowKey={(r) => `${r.setAt}-${r.at}`}
                  pagination={false}
                  dataSource={order.promisedTimes}
                  data-testid="promised-times"
                  columns={[
                    { title: t('order.promisedAt'), dataIndex: 'at', render: (d: string) => formatDateTime(d) },
                    { title: t('order.setAt'), dataIndex: 'setAt', render: (d: string) => formatDateTime(d) },
                    { title: t('order.setBy'), dataIndex: 'by' },
                    { title: t('order.reason'), dataIndex: 'reason', render: (r: string | null) => r ?? '—' },
                  ]}
                />
              </Card>
            </Col>
          </Row>
          <Card size="small" title={t('order.visits')} style={{ marginBottom: 12 }}>
            <TicketVisits visits={order.visits} />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card
            size="small"
            title={t('order.timeline')}
            styles={{ body: { maxHeight: 'calc(100vh - 220px)', overflow: 'auto', paddingTop: 16 } }}
          >
            <OrderTimeline events={order.events} />
          </Card>
        </Col>
      </Row>
      <ActionModal order={order} action={action} onClose={() => setAction(null)} />
      {recordVisit.modal}
    </div>
  );
}
