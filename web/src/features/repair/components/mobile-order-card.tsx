import { Button } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { formatShort } from '../../../lib/datetime';
import { label } from '../../../lib/i18n';
import type { RepairSummary } from '../api/types';
import { MobileCountdown, MobileFlagTags, MobileStatusTag, MobileUrgentTag } from './mobile-tags';

export interface MobileOrderCardProps {
  order: RepairSummary;
  onOpen: () => void;
  /** The pool's big grab button. */
  onGrab?: () => void;
  isGrabbing?: boolean;
  showCountdown?: boolean;
}

/** One order on a phone list: what, where, when, and its state. */
export function MobileOrderCard({ order, onOpen, onGrab, isGrabbing, showCountdown = true }: MobileOrderCardProps) {
  const { t } = useTranslation();
  return (
    <div className={`m-card${order.urgency === 'urgent' ? ' is-urgent' : ''}`} data-testid="order-card" data-order-number={order.number}>
      <button type="button" className="m-card-main" onClick={onOpen} data-testid="order-card-open">
        <div className="m-card-head">
          <span className="m-card-number">{order.number}</span>
          <span className="m-card-tags">
            <MobileUrgentTag urgency={order.urgency} />
            <MobileStatusTag status={order.status} />
          </span>
        </div>
        <div className="m-card-title">
          {label('category', order.category)} · {order.location}
        </div>
        <div className="m-card-content">{order.content}</div>
        <div className="m-card-meta">
          <span>
            {order.timing === 'appointment' && order.appointmentAt
              ? `${t('timing.appointment')} ${formatShort(order.appointmentAt)}`
              : `${t('order.createdAt')} ${formatShort(order.createdAt)}`}
          </span>
          {showCountdown && order.nextTimer ? <MobileCountdown dueAt={order.nextTimer.dueAt} /> : null}
        </div>
        {order.flags.length ? (
          <div className="m-card-flags">
            <MobileFlagTags flags={order.flags} />
          </div>
        ) : null}
      </button>
      {onGrab ? (
        <Button block color="primary" size="large" className="m-grab" loading={isGrabbing} onClick={onGrab} data-testid="action-grab">
          {t('tech.grab')}
        </Button>
      ) : null}
    </div>
  );
}
