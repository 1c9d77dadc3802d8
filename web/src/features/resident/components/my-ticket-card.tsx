import { Button, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { formatShort } from '../../../lib/datetime';
import { label } from '../../../lib/i18n';
import type { MyTicket } from '../api/my-tickets';

/** The label group of each kind's states. */
const statusGroup: Record<string, string> = {
  repair: 'status',
  complaint: 'complaints.statuses',
  contact: 'intake.statuses',
  matter: 'matters.statuses',
};
const categoryGroup: Record<string, string> = {
  repair: 'category',
  contact: 'intake.categories',
  matter: 'matters.category',
};

const ratingColor = { satisfied: 'success', basically_satisfied: 'primary', unsatisfied: 'danger' } as const;

/** One of the resident's tickets: what, its state, the answer, and their rating (or the button to rate). */
export function MyTicketCard({ ticket, onOpen, onRate }: { ticket: MyTicket; onOpen?: () => void; onRate: () => void }) {
  const { t } = useTranslation();
  const category = ticket.category ? label(categoryGroup[ticket.kind] ?? 'category', ticket.category) : '';
  const body = (
    <>
      <div className="m-card-head">
        <span className="m-card-number">{ticket.number}</span>
        <span className="m-card-tags">
          {ticket.isOverdue ? <Tag color="danger">{t('resident.overdue')}</Tag> : null}
          <Tag color="primary" fill="outline" data-testid="my-ticket-status">
            {label(statusGroup[ticket.kind] ?? 'status', ticket.status)}
          </Tag>
        </span>
      </div>
      {category ? <div className="m-card-title">{category}</div> : null}
      <div className="m-card-content">{ticket.content}</div>
      {ticket.reply ? (
        <div className="m-card-reply" data-testid="my-ticket-reply">
          <span className="m-card-reply-label">{t('resident.reply')}</span>
          {ticket.reply}
        </div>
      ) : null}
      <div className="m-card-meta">
        <span>
          {t('resident.submittedAt')} {formatShort(ticket.createdAt)}
        </span>
      </div>
    </>
  );
  return (
    <div className="m-card" data-testid="my-ticket-card" data-ticket-number={ticket.number} data-kind={ticket.kind}>
      {onOpen ? (
        <button type="button" className="m-card-main" onClick={onOpen}>
          {body}
        </button>
      ) : (
        <div className="m-card-main">{body}</div>
      )}
      <RatingLine ticket={ticket} onRate={onRate} />
    </div>
  );
}

/** The rating given, or the button to give one once the work is done. */
export function RatingLine({ ticket, onRate }: { ticket: MyTicket; onRate: () => void }) {
  const { t } = useTranslation();
  if (!ticket.canRate && !ticket.rating) return null;
  return (
    <div className="m-card-rating">
      {ticket.rating ? (
        <span data-testid="my-ticket-rating">
          {t('resident.yourRating')} <Tag color={ratingColor[ticket.rating.outcome]}>{label('visitOutcome', ticket.rating.outcome)}</Tag>
          {ticket.rating.comment ? <span className="m-card-rating-comment">{ticket.rating.comment}</span> : null}
        </span>
      ) : (
        <span className="m-card-rating-hint">{t('resident.rateHint')}</span>
      )}
      {ticket.canRate ? (
        <Button size="small" color="primary" fill="outline" onClick={onRate} data-testid="rate-ticket">
          {ticket.rating ? t('resident.rateAgain') : t('resident.rate')}
        </Button>
      ) : null}
    </div>
  );
}
