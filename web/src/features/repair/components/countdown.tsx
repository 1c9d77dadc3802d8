import { Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/datetime';
import { label } from '../../../lib/i18n';
import { useNow } from '../../../lib/use-now';
import { useDurationText } from './countdown-text';

export interface CountdownProps {
  dueAt: string;
  kind?: string;
  /** Show the deadline's name before the time. */
  showKind?: boolean;
}

/** A live countdown to a timer's due time; red once it has passed, orange in its last five minutes. */
export function Countdown({ dueAt, kind, showKind }: CountdownProps) {
  const { t } = useTranslation();
  const now = useNow();
  const duration = useDurationText();
  const left = new Date(dueAt).getTime() - now;
  const isOver = left < 0;
  const text = isOver ? t('countdown.over', { time: duration(left) }) : t('countdown.left', { time: duration(left) });
  const type = isOver ? 'danger' : left < 5 * 60_000 ? 'warning' : 'secondary';
  return (
    <Tooltip title={`${kind ? `${label('timer', kind)} · ` : ''}${formatDateTime(dueAt)}`}>
      <Typography.Text
        type={type}
        strong={isOver}
        data-testid="countdown"
        data-due-at={dueAt}
        style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}
      >
        {showKind && kind ? `${label('timer', kind)} ` : ''}
        {text}
      </Typography.Text>
    </Tooltip>
  );
}
