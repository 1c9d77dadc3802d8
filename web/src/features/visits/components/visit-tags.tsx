import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../lib/datetime';
import { label } from '../../../lib/i18n';
import { Countdown } from '../../repair/components/countdown';
import type { VisitSummary } from '../api/visits';

const statusColors: Record<string, string> = {
  pending: 'blue',
  booked: 'cyan',
  rectifying: 'orange',
  reprocessing: 'volcano',
  closed: 'green',
  cancelled: 'default',
};

export function VisitStatusTag({ status }: { status: string }) {
  useTranslation();
  return (
    <Tag color={statusColors[status] ?? 'default'} data-testid="visit-status" data-status={status} style={{ marginInlineEnd: 0 }}>
      {label('visitTasks.statuses', status)}
    </Tag>
  );
}

export function KindTag({ kind }: { kind: string }) {
  useTranslation();
  const color = kind === 'complaint' ? 'magenta' : kind === 'matter' ? 'purple' : 'geekblue';
  return (
    <Tag color={color} variant="outlined" style={{ marginInlineEnd: 0 }} data-testid="visit-kind" data-kind={kind}>
      {label('visitTasks.kinds', kind)}
    </Tag>
  );
}

export function OutcomeTag({ outcome }: { outcome: string | null }) {
  useTranslation();
  if (!outcome) return <>—</>;
  const color = outcome === 'unsatisfied' ? 'red' : outcome === 'satisfied' ? 'green' : 'lime';
  return (
    <Tag color={color} data-testid="visit-outcome" data-outcome={outcome} style={{ marginInlineEnd: 0 }}>
      {label('visitTasks.outcomes', outcome)}
    </Tag>
  );
}

/** Round 2 onwards: the resident was not satisfied before. */
export function RoundTag({ round }: { round: number }) {
  const { t } = useTranslation();
  return (
    <Tag color={round > 1 ? 'orange' : 'default'} data-testid="visit-round" data-round={round} style={{ marginInlineEnd: 0 }}>
      {t('visitTasks.roundN', { n: round })}
    </Tag>
  );
}

/** The page of the ticket a task visits. */
export function ticketPath(kind: string, id: string): string {
  if (kind === 'complaint') return `/complaints/${id}`;
  if (kind === 'matter') return `/matters/${id}`;
  return `/orders/${id}`;
}

export function TicketLink({ task }: { task: Pick<VisitSummary, 'ticketKind' | 'ticketId' | 'ticketNumber'> }) {
  return (
    <Link to={ticketPath(task.ticketKind, task.ticketId)} className="order-number" data-testid="visit-ticket-link">
      {task.ticketNumber}
    </Link>
  );
}

/** A ticket's state in its own kind's words. */
export function ticketStatusLabel(kind: string, status: string): string {
  if (kind === 'complaint') return label('complaints.statuses', status);
  if (kind === 'matter') return label('matters.statuses', status);
  return label('status', status);
}

/**
 * What the task waits for, and by when: the visit's due time (a booked home visit's time too), or
 * the rectification notice's; red when late.
 */
export function DueCell({ task }: { task: VisitSummary }) {
  const { t } = useTranslation();
  const isOpen = ['pending', 'booked', 'rectifying', 'reprocessing'].includes(task.status);
  const notice = task.rectificationDueAt;
  const due = task.status === 'rectifying' && notice ? notice : task.dueAt;
  return (
    <Space orientation="vertical" size={0} data-testid="visit-due" data-overdue={task.isOverdue ? 'true' : 'false'}>
      <span>
        <Typography.Text type={task.isOverdue ? 'danger' : undefined} strong={task.isOverdue}>
          {formatDateTime(due)}
        </Typography.Text>{' '}
        {task.isOverdue ? (
          <Tag color="red" variant="solid" data-testid="visit-overdue">
            {t('visitTasks.overdue')}
          </Tag>
        ) : isOpen && task.status !== 'reprocessing' ? (
          <Countdown dueAt={due} />
        ) : null}
      </span>
      {task.status === 'booked' && task.appointmentAt ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="visit-appointment">
          {t('visitTasks.columns.appointmentAt')} {formatDateTime(task.appointmentAt)}
        </Typography.Text>
      ) : null}
      {task.status !== 'rectifying' && notice && isOpen ? (
        <Typography.Text type="warning" style={{ fontSize: 12 }}>
          {t('visitTasks.columns.rectificationDueAt')} {formatDateTime(notice)}
        </Typography.Text>
      ) : null}
    </Space>
  );
}
