import { ReloadOutlined, UserOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Col, Empty, Row, Space, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCommunity } from '../../../app/community-context';
import { FullPageSpin, LoadError } from '../../../components/page-states';
import { formatShort } from '../../../lib/datetime';
import { label } from '../../../lib/i18n';
import type { RepairSummary } from '../../repair/api/types';
import { Countdown } from '../../repair/components/countdown';
import { OrderActionLauncher } from '../../repair/components/order-action-launcher';
import { FlagTags, StatusTag, UrgencyTag } from '../../repair/components/order-tags';
import { useDispatchBoard } from '../api/get-dispatch';

const assignable = ['open', 'dispatched', 'accepted'];

function OrderCard({ order, onAssign, compact }: { order: RepairSummary; onAssign: (o: RepairSummary) => void; compact?: boolean }) {
  const { t } = useTranslation();
  return (
    <div
      className={`board-card${order.urgency === 'urgent' ? ' is-urgent' : ''}`}
      data-testid="board-order"
      data-order-number={order.number}
    >
      <div className="board-card-head">
        <Link to={`/orders/${order.id}`} className="order-number" data-testid="order-link">
          {order.number}
        </Link>
        <Space size={4}>
          <UrgencyTag urgency={order.urgency} />
          <StatusTag status={order.status} />
        </Space>
      </div>
      <div className="board-card-body">
        <Typography.Text strong>{order.location}</Typography.Text>
        <Typography.Text type="secondary"> · {label('category', order.category)}</Typography.Text>
        {!compact ? (
          <Typography.Paragraph ellipsis={{ rows: 2, tooltip: order.content }} style={{ margin: '2px 0 0' }}>
            {order.content}
          </Typography.Paragraph>
        ) : null}
      </div>
      <FlagTags flags={order.flags} />
      <div className="board-card-foot">
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {order.timing === 'appointment' && order.appointmentAt
            ? `${t('timing.appointment')} ${formatShort(order.appointmentAt)}`
            : formatShort(order.createdAt)}
          {order.assigneeName && !compact ? ` · ${order.assigneeName}` : ''}
        </Typography.Text>
        <Space size={8}>
          {order.nextTimer ? <Countdown dueAt={order.nextTimer.dueAt} kind={order.nextTimer.kind} /> : null}
          {assignable.includes(order.status) ? (
            <Button
              size="small"
              type={order.assigneeId ? 'default' : 'primary'}
              onClick={() => onAssign(order)}
              data-testid="action-assign"
            >
              {order.assigneeId ? t('dispatch.reassign') : t('dispatch.assign')}
            </Button>
          ) : null}
        </Space>
      </div>
    </div>
  );
}

function Column({
  title,
  orders,
  tone,
  onAssign,
  testId,
}: {
  title: string;
  orders: RepairSummary[];
  tone: string;
  onAssign: (o: RepairSummary) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      className={`board-column tone-${tone}`}
      title={
        <Space>
          {title}
          <Badge count={orders.length} showZero color={tone === 'red' ? '#ff4d4f' : tone === 'orange' ? '#fa8c16' : '#c41d7f'} />
        </Space>
      }
      data-testid={testId}
    >
      {orders.length ? (
        orders.map((o) => <OrderCard key={o.id} order={o} onAssign={onAssign} />)
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dispatch.noOrders')} />
      )}
    </Card>
  );
}

/** /dispatch 派工看板: who needs a technician, who is late, what needs a price, and each technician's load. */
export function DispatchPage() {
  const { t } = useTranslation();
  const { communityId } = useCommunity();
  const { data, error, isPending, refetch, isFetching } = useDispatchBoard(communityId);
  const [assigning, setAssigning] = useState<string | null>(null);
  const onAssign = useCallback((o: RepairSummary) => setAssigning(o.id), []);
  const close = useCallback(() => setAssigning(null), []);

  if (isPending) return <FullPageSpin />;
  if (error || !data) return <LoadError error={error} onRetry={() => void refetch()} />;
  // The bar compares technicians; five open orders is treated as a full day.
  const maxLoad = Math.max(5, ...data.technicians.map((x) => x.openLoad));

  return (
    <div data-testid="dispatch-page">
      <div className="page-head">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('dispatch.title')}
        </Typography.Title>
        <Button icon={<ReloadOutlined />} loading={isFetching} onClick={() => void refetch()}>
          {t('common.refresh')}
        </Button>
      </div>
      <Row gutter={12}>
        <Col xs={24} lg={8}>
          <Column title={t('dispatch.unassigned')} orders={data.unassigned} tone="orange" onAssign={onAssign} testId="column-unassigned" />
        </Col>
        <Col xs={24} lg={8}>
          <Column title={t('dispatch.overdue')} orders={data.overdue} tone="red" onAssign={onAssign} testId="column-overdue" />
        </Col>
        <Col xs={24} lg={8}>
          <Column
            title={t('dispatch.awaitingQuote')}
            orders={data.awaitingQuote}
            tone="magenta"
            onAssign={onAssign}
            testId="column-awaiting-quote"
          />
        </Col>
      </Row>
      <Typography.Title level={5} style={{ margin: '16px 0 8px' }}>
        {t('dispatch.technicians')}
      </Typography.Title>
      <Row gutter={[12, 12]}>
        {data.technicians.map((tech) => (
          <Col key={tech.id} xs={24} md={12} xl={8} xxl={6}>
            <Card
              size="small"
              data-testid="technician-card"
              data-technician={tech.name}
              title={
                <Space>
                  <UserOutlined />
                  {tech.name}
                </Space>
              }
              extra={
                <Space size={6}>
                  <Typography.Text type="secondary">{t('dispatch.openLoad')}</Typography.Text>
                  <Badge
                    count={tech.openLoad}
                    showZero
                    color={tech.openLoad >= 5 ? '#ff4d4f' : tech.openLoad >= 3 ? '#fa8c16' : '#52c41a'}
                    data-testid="technician-load"
                  />
                </Space>
              }
            >
              <div className="load-bar">
                <div className="load-bar-fill" style={{ width: `${(tech.openLoad / maxLoad) * 100}%` }} />
              </div>
              {tech.orders.length ? (
                tech.orders.map((o) => <OrderCard key={o.id} order={o} onAssign={onAssign} compact />)
              ) : (
                <Typography.Text type="secondary">{t('dispatch.noOrders')}</Typography.Text>
              )}
            </Card>
          </Col>
        ))}
      </Row>
      <OrderActionLauncher orderId={assigning} action="assign" onClose={close} />
    </div>
  );
}
