import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const statusColor: Record<string, string> = {
  logged: 'default',
  awaiting_reply: 'gold',
  emergency: 'red',
  responding: 'volcano',
  referred: 'blue',
  closed: 'green',
  voided: 'default',
};

export function ContactStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={statusColor[status]} data-testid="contact-status" data-status={status}>
      {t(`intake.statuses.${status}` as never)}
    </Tag>
  );
}

export function ContactFlagTags({ flags }: { flags: string[] }) {
  const { t } = useTranslation();
  return (
    <>
      {flags.map((f) => (
        <Tag key={f} color="red">
          {t(`intake.flags.${f}` as never)}
        </Tag>
      ))}
    </>
  );
}
