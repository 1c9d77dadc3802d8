import { Empty, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/datetime';
import { label } from '../../../lib/i18n';
import type { RepairDetail } from '../api/types';
import { eventDetails } from './event-data';
import { colorOf } from './status-style';
import { EventDataList } from '../../../components/event-data-list';

const warningEvents = new Set([
  'TimerFired',
  'OrderEscalated',
  'CodeRejected',
  'OrderReopened',
  'CompletionRejected',
  'QuoteRefused',
  'OrderDeclined',
]);
const doneEvents = new Set(['OrderCompleted', 'CompletionConfirmed', 'VisitRecorded', 'OrderClosed', 'PaymentRecorded']);

/** The order's history: what happened, who did it, when, and how the state moved. */
export function OrderTimeline({ events }: { events: RepairDetail['events'] }) {
  const { t } = useTranslation();
  if (!events.length) return <Empty description={t('common.empty')} />;
  const items = [...events]
    .sort((a, b) => b.seq - a.seq)
    .map((e) => {
      const details = eventDetails(e.type, e.data);
      const moved = e.fromStatus && e.fromStatus !== e.toStatus;
      return {
        key: e.seq,
        color: warningEvents.has(e.type) ? 'red' : doneEvents.has(e.type) ? 'green' : 'blue',
        content: (
          <div className="timeline-item" data-testid="timeline-item" data-event-type={e.type}>
            <div className="timeline-head">
              <Typography.Text strong>{label('event', e.type)}</Typography.Text>
              <Typography.Text type="secondary" className="timeline-time">
                {formatDateTime(e.at)}
              </Typography.Text>
            </div>
            <Typography.Text type="secondary">
              {e.actorName}
              {e.actorRole ? ` · ${label('role', e.actorRole)}` : ''}
            </Typography.Text>
            {moved ? (
              <div className="timeline-move">
                <Tag color={colorOf(e.fromStatus!).tag}>{label('status', e.fromStatus)}</Tag>→
                <Tag color={colorOf(e.toStatus).tag} style={{ marginInlineStart: 8 }}>
                  {label('status', e.toStatus)}
                </Tag>
              </div>
            ) : null}
            <EventDataList items={details} />
          </div>
        ),
      };
    });
  return <Timeline items={items} data-testid="timeline" />;
}
