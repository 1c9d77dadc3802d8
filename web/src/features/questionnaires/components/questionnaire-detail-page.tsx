import { App, Button, Card, Descriptions, List, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { formatDateTime } from '../../../lib/datetime';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { type QuestionnaireDetail, useIssueQuestionnaire, useQuestionnaire } from '../api/questionnaires';
import { PaperAnswerModal } from './paper-answer-modal';
import { PhaseTag, RecoveryBar } from './phase-tag';
import { QuestionnaireForm } from './questionnaire-form';

type Household = QuestionnaireDetail['households'][number];

/** One questionnaire: its items, recovery, every household it went to; issue, edit, paper entry. */
export function QuestionnaireDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const query = useQuestionnaire(id);
  const issue = useIssueQuestionnaire();
  const onError = useApiErrorHandler();
  const { modal, message } = App.useApp();
  const [editing, setEditing] = useState(false);
  const [entering, setEntering] = useState(false);
  const q = query.data;
  if (!q) return <Card loading={query.isLoading} />;
  const confirmIssue = () =>
    modal.confirm({
      title: t('questionnaires.issue'),
      content: t('questionnaires.issueConfirm'),
      okButtonProps: { 'data-testid': 'questionnaire-issue-ok' } as never,
      onOk: () =>
        issue.mutateAsync(q.id).then(
          (d) => void message.success(t('questionnaires.issuedOk', { n: d.issued })),
          (e) => onError(e),
        ),
    });
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card
        title={
          <Space>
            {q.title}
            <PhaseTag phase={q.phase} />
          </Space>
        }
        extra={
          <Space>
            {q.phase === 'draft' && q.canManage && (
              <>
                <Button onClick={() => setEditing(true)} data-testid="questionnaire-edit">
                  {t('questionnaires.editQuestionnaire')}
                </Button>
                <Button type="primary" onClick={confirmIssue} loading={issue.isPending} data-testid="questionnaire-issue">
                  {t('questionnaires.issue')}
                </Button>
              </>
            )}
            {q.phase === 'open' && q.canEnterPaper && (
              <Button type="primary" onClick={() => setEntering(true)} data-testid="questionnaire-enter-paper">
                {t('questionnaires.enterPaper')}
              </Button>
            )}
            {q.phase !== 'draft' && (
              <Button onClick={() => navigate(`/questionnaires/${q.id}/statistics`)} data-testid="questionnaire-statistics">
                {t('questionnaires.statistics')}
              </Button>
            )}
          </Space>
        }
      >
        <Descriptions column={3} size="small" bordered>
          <Descriptions.Item label={t('questionnaires.community')}>{q.communityName}</Descriptions.Item>
          <Descriptions.Item label={t('questionnaires.period')}>{q.period}</Descriptions.Item>
          <Descriptions.Item label={t('questionnaires.issuedAt')}>{formatDateTime(q.issuedAt) || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('questionnaires.deadline')}>{q.recoveryDeadline ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('questionnaires.daysLeft')}>
            <span data-testid="questionnaire-days-left">
              {q.phase === 'open' && q.workingDaysLeft !== null ? t('questionnaires.daysLeftValue', { n: q.workingDaysLeft }) : '—'}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('questionnaires.statisticsDeadline')}>{q.statisticsDeadline ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('questionnaires.recovery')} span={3}>
            <RecoveryBar q={q} />
          </Descriptions.Item>
        </Descriptions>
        <List
          style={{ marginTop: 16 }}
          header={t('questionnaires.items')}
          size="small"
          bordered
          dataSource={q.items}
          renderItem={(item, i) => <List.Item>{`${i + 1}. ${item.text}`}</List.Item>}
        />
      </Card>
      {q.phase !== 'draft' && (
        <Card title={t('questionnaires.households')}>
          <Table<Household>
            rowKey="roomId"
            size="small"
            dataSource={q.households}
            pagination={{ pageSize: 20 }}
            data-testid="questionnaire-households"
            columns={[
              { title: t('questionnaires.room'), dataIndex: 'roomLabel' },
              {
                title: t('questionnaires.answeredAt'),
                dataIndex: 'answeredAt',
                render: (v: string | null) => (v ? formatDateTime(v) : <Tag>{t('questionnaires.notAnswered')}</Tag>),
              },
              {
                title: t('questionnaires.channel'),
                dataIndex: 'channel',
                render: (v: 'phone' | 'paper' | null, r) =>
                  v ? `${t(`questionnaires.channels.${v}`)}${r.answeredByName ? ` · ${r.answeredByName}` : ''}` : '',
              },
            ]}
          />
        </Card>
      )}
      {editing && <QuestionnaireForm communityId={q.communityId} questionnaire={q} onClose={() => setEditing(false)} />}
      {entering && <PaperAnswerModal q={q} onClose={() => setEntering(false)} />}
    </Space>
  );
}
