import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { rolesWith } from '../../../../../src/contract/access';
import { useCommunity } from '../../../app/community-context';
import { useSignedInMe } from '../../auth/api/get-me';
import { type QuestionnaireSummary, useQuestionnaires } from '../api/questionnaires';
import { PhaseTag, RecoveryBar } from './phase-tag';
import { QuestionnaireForm } from './questionnaire-form';

const managers = rolesWith('questionnaire.manage');

/** The desk's list of questionnaires: period, phase, recovery and days left. */
export function QuestionnairesPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const navigate = useNavigate();
  const { communityId } = useCommunity();
  const list = useQuestionnaires(communityId);
  const [creating, setCreating] = useState(false);
  const canCreate = managers.includes(me.role) && !!me.communityId;
  return (
    <Card
      title={t('questionnaires.title')}
      extra={
        canCreate && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="questionnaire-new">
            {t('questionnaires.newQuestionnaire')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('questionnaires.hint')}</Typography.Paragraph>
      <Table<QuestionnaireSummary>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data ?? []}
        locale={{ emptyText: t('questionnaires.empty') }}
        pagination={false}
        data-testid="questionnaire-table"
        onRow={(r) => ({ onClick: () => navigate(`/questionnaires/${r.id}`), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('questionnaires.period'), dataIndex: 'period', width: 100 },
          { title: t('questionnaires.questionnaireTitle'), dataIndex: 'title' },
          ...(communityId ? [] : [{ title: t('questionnaires.community'), dataIndex: 'communityName' as const }]),
          { title: t('questionnaires.phase'), dataIndex: 'phase', width: 100, render: (_: unknown, r) => <PhaseTag phase={r.phase} /> },
          { title: t('questionnaires.recovery'), key: 'recovery', render: (_: unknown, r) => <RecoveryBar q={r} /> },
          { title: t('questionnaires.deadline'), dataIndex: 'recoveryDeadline', width: 120, render: (v: string | null) => v ?? '—' },
          {
            title: t('questionnaires.daysLeft'),
            dataIndex: 'workingDaysLeft',
            width: 120,
            render: (v: number | null, r) => (r.phase === 'open' && v !== null ? t('questionnaires.daysLeftValue', { n: v }) : '—'),
          },
          {
            title: '',
            key: 'actions',
            width: 160,
            render: (_: unknown, r) => (
              <Space onClick={(e) => e.stopPropagation()}>
                <Button size="small" onClick={() => navigate(`/questionnaires/${r.id}`)}>
                  {t('questionnaires.view')}
                </Button>
                {r.phase !== 'draft' && (
                  <Button
                    size="small"
                    onClick={() => navigate(`/questionnaires/${r.id}/statistics`)}
                    data-testid="questionnaire-stats-link"
                  >
                    {t('questionnaires.statistics')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {creating && me.communityId && (
        <QuestionnaireForm
          communityId={me.communityId}
          questionnaire={null}
          onClose={() => setCreating(false)}
          onSaved={(id) => navigate(`/questionnaires/${id}`)}
        />
      )}
    </Card>
  );
}
