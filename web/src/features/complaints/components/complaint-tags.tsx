import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ComplaintSummary } from '../api';

const statusColor: Record<string, string> = {
  recorded: 'blue',
  contacting: 'orange',
  referring: 'orange',
  in_hand: 'processing',
  awaiting_signoff: 'purple',
  awaiting_reply: 'gold',
  replied: 'cyan',
  closed: 'default',
  merged: 'default',
  withdrawn: 'default',
};
const classColor: Record<string, string> = { valid: 'green', assisted: 'geekblue', invalid: 'default', collective: 'red' };

/** The complaint's state and class as coloured tags. */
export function ComplaintTags({ c }: { c: Pick<ComplaintSummary, 'status' | 'complaintClass' | 'isSerious' | 'isForwarded'> }) {
  const { t } = useTranslation();
  return (
    <>
      <Tag color={statusColor[c.status]} data-testid="complaint-status" data-status={c.status}>
        {t(`complaints.statuses.${c.status}`)}
      </Tag>
      <Tag
        color={c.complaintClass ? classColor[c.complaintClass] : 'default'}
        data-testid="complaint-class"
        data-class={c.complaintClass ?? ''}
      >
        {c.complaintClass ? t(`complaints.classes.${c.complaintClass}`) : t('complaints.unclassified')}
      </Tag>
      {c.isSerious ? <Tag color="red">{t('complaints.fields.isSerious')}</Tag> : null}
      {c.isForwarded ? <Tag color="purple">{t('complaints.fields.isForwarded')}</Tag> : null}
    </>
  );
}
