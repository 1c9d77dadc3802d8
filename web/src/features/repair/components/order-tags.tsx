import { Space, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { label } from '../../../lib/i18n';
import { colorOf } from './status-style';

export function StatusTag({ status }: { status: string }) {
  useTranslation();
  return (
    <Tag color={colorOf(status).tag} data-testid="status-tag" data-status={status} style={{ marginInlineEnd: 0 }}>
      {label('status', status)}
    </Tag>
  );
}

export function UrgencyTag({ urgency }: { urgency: string }) {
  const { t } = useTranslation();
  if (urgency !== 'urgent') return null;
  return (
    <Tag color="red" variant="solid" data-testid="urgent-tag" style={{ marginInlineEnd: 0 }}>
      {t('urgency.urgent')}
    </Tag>
  );
}

/** Red tags for every overdue flag the timers have raised on the order. */
export function FlagTags({ flags }: { flags: string[] }) {
  useTranslation();
  if (!flags.length) return null;
  return (
    <Space size={4} wrap>
      {flags.map((f) => (
        <Tooltip key={f} title={f}>
          <Tag color="red" variant="solid" data-testid="flag-tag" data-flag={f} style={{ marginInlineEnd: 0 }}>
            {label('flag', f)}
          </Tag>
        </Tooltip>
      ))}
    </Space>
  );
}
