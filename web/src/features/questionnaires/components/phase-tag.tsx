import { Progress, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { QuestionnaireSummary } from '../api/questionnaires';

const colours = { draft: 'default', open: 'processing', closed: 'success' } as const;

/** A questionnaire's phase: 草稿 / 回收中 / 已截止. */
export function PhaseTag({ phase }: { phase: QuestionnaireSummary['phase'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={colours[phase]} data-testid={`questionnaire-phase-${phase}`}>
      {t(`questionnaires.phases.${phase}`)}
    </Tag>
  );
}

/** Answered over issued households, with the recovery rate against the minimum. */
export function RecoveryBar({ q }: { q: QuestionnaireSummary }) {
  const { t } = useTranslation();
  if (q.phase === 'draft') return <span>—</span>;
  return (
    <Space size={4} direction="vertical" style={{ minWidth: 160 }}>
      <span data-testid="questionnaire-recovery">
        {q.answered} / {q.issued}（{q.recoveryPercent === null ? '—' : `${q.recoveryPercent}%`}）
        <Tag color={q.isRecoveryMet ? 'green' : 'orange'} style={{ marginInlineStart: 6 }}>
          {t(q.isRecoveryMet ? 'questionnaires.recoveryMet' : 'questionnaires.recoveryShort')}
        </Tag>
      </span>
      <Progress percent={q.recoveryPercent ?? 0} size="small" showInfo={false} status={q.isRecoveryMet ? 'success' : 'active'} />
    </Space>
  );
}
