import { Space, Steps, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RenovationSummary } from '../api/renovations';
import { stepIndex, stepKeys, stepStatus } from './renovation-steps';

const statusColor: Record<string, string> = {
  submitted: 'gold',
  cs_review: 'orange',
  eng_review: 'orange',
  returned: 'magenta',
  approved: 'cyan',
  in_works: 'blue',
  stopped: 'red',
  inspection_booked: 'geekblue',
  inspection_failed: 'volcano',
  refund_due: 'purple',
  closed: 'green',
  withdrawn: 'default',
};

/** A renovation's state as a coloured tag (`data-status` for tests). */
export function RenovationStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={statusColor[status]} data-testid="renovation-status" data-status={status}>
      {t(`renovation.statuses.${status}` as never)}
    </Tag>
  );
}

/** The state and the red overdue flags. */
export function RenovationTags({ r }: { r: Pick<RenovationSummary, 'status' | 'flags'> }) {
  const { t } = useTranslation();
  return (
    <Space size={2} wrap>
      <RenovationStatusTag status={r.status} />
      {r.flags.map((f) => (
        <Tag key={f} color="red" data-testid="renovation-flag" data-flag={f}>
          {t(`renovation.flags.${f}` as never)}
        </Tag>
      ))}
    </Space>
  );
}

/** The procedure's steps (申请 → 资料审核 → … → 结案) with the current one marked. */
export function RenovationSteps({ status }: { status: RenovationSummary['status'] }) {
  const { t } = useTranslation();
  return (
    <Steps
      size="small"
      current={stepIndex(status)}
      status={stepStatus(status)}
      data-testid="renovation-steps"
      items={stepKeys.map((k) => ({ title: t(`renovation.steps.${k}`) }))}
    />
  );
}
