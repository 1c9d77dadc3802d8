import { Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { label } from '../../../lib/i18n';
import { useNow } from '../../../lib/use-now';
import { useDurationText } from './countdown-text';
import { colorOf } from './status-style';

export function MobileStatusTag({ status }: { status: string }) {
  useTranslation();
  return (
    <Tag color={colorOf(status).hex} fill="solid" round data-testid="status-tag" data-status={status}>
      {label('status', status)}
    </Tag>
  );
}

export function MobileUrgentTag({ urgency }: { urgency: string }) {
  const { t } = useTranslation();
  return urgency === 'urgent' ? (
    <Tag color="danger" fill="solid" data-testid="urgent-tag">
      {t('urgency.urgent')}
    </Tag>
  ) : null;
}

export function MobileFlagTags({ flags }: { flags: string[] }) {
  useTranslation();
  return (
    <>
      {flags.map((f) => (
        <Tag key={f} color="danger" fill="outline" data-testid="flag-tag" data-flag={f}>
          {label('flag', f)}
        </Tag>
      ))}
    </>
  );
}

/** A live countdown for phone cards; red when the deadline has passed. */
export function MobileCountdown({ dueAt, kind }: { dueAt: string; kind?: string }) {
  const { t } = useTranslation();
  const now = useNow();
  const duration = useDurationText();
  const left = new Date(dueAt).getTime() - now;
  const text = left < 0 ? t('countdown.over', { time: duration(left) }) : t('countdown.left', { time: duration(left) });
  return (
    <span
      className={`m-countdown${left < 0 ? ' is-over' : left < 5 * 60_000 ? ' is-soon' : ''}`}
      data-testid="countdown"
      data-due-at={dueAt}
    >
      {kind ? `${label('timer', kind)} ` : ''}
      {text}
    </span>
  );
}
