import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Empty, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import {
  type QuestionnaireStatistics,
  statisticsPrintUrl,
  statisticsXlsxUrl,
  useQuestionnaire,
  useQuestionnaireStatistics,
} from '../api/questionnaires';
import { ParetoChart } from './pareto-chart';
import { PhaseTag } from './phase-tag';

type ItemRow = QuestionnaireStatistics['items'][number];
type ParetoRow = QuestionnaireStatistics['pareto'][number];

const percent = (v: number | null) => (v === null ? '—' : `${v.toFixed(2)}%`);

/** 问卷结果统计表: recovery, satisfaction per item (after the recovery penalty), the Pareto of the dissatisfied items. */
export function QuestionnaireStatisticsPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const q = useQuestionnaire(id);
  const query = useQuestionnaireStatistics(id, !!q.data && q.data.phase !== 'draft');
  if (q.data?.phase === 'draft') return <Alert type="info" message={t('questionnaires.notIssued')} />;
  const s = query.data;
  if (!s) return <Card loading />;
  const overall: ItemRow = { id: 'overall', text: t('questionnaires.overall'), ...s.overall };
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card
        title={
          <Space>
            {`${t('questionnaires.statisticsTitle')} · ${s.title}`}
            <PhaseTag phase={s.phase} />
          </Space>
        }
        extra={
          <Space>
            <Button
              icon={<PrinterOutlined />}
              href={statisticsPrintUrl(s.questionnaireId)}
              target="_blank"
              data-testid="questionnaire-print"
            >
              {t('questionnaires.print')}
            </Button>
            <Button icon={<DownloadOutlined />} href={statisticsXlsxUrl(s.questionnaireId)} data-testid="questionnaire-export">
              {t('questionnaires.exportExcel')}
            </Button>
          </Space>
        }
      >
        <Descriptions column={3} size="small" bordered>
          <Descriptions.Item label={t('questionnaires.community')}>{s.communityName}</Descriptions.Item>
          <Descriptions.Item label={t('questionnaires.period')}>{s.period}</Descriptions.Item>
          <Descriptions.Item label={t('questionnaires.deadline')}>{s.recoveryDeadline ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('questionnaires.issued')}>{s.issued}</Descriptions.Item>
          <Descriptions.Item label={t('questionnaires.answered')}>{s.answered}</Descriptions.Item>
          <Descriptions.Item label={t('questionnaires.recovery')}>
            <span data-testid="stats-recovery">{percent(s.recoveryPercent)}</span>
          </Descriptions.Item>
        </Descriptions>
        <Typography.Paragraph style={{ marginTop: 12 }}>
          <Tag color={s.isRecoveryMet ? 'green' : 'orange'} data-testid="stats-penalty">
            {s.isRecoveryMet
              ? t('questionnaires.noPenalty', { min: s.minRecoveryPercent })
              : t('questionnaires.penalty', { per: s.penaltyPointsPerPercent, points: s.penaltyPoints })}
          </Tag>
        </Typography.Paragraph>
        <Table<ItemRow>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={[...s.items, overall]}
          data-testid="stats-items"
          columns={[
            { title: t('questionnaires.item'), dataIndex: 'text', render: (v: string, r) => (r.id === 'overall' ? <b>{v}</b> : v) },
            { title: t('questionnaires.marks.satisfied'), dataIndex: 'satisfied', align: 'right' },
            { title: t('questionnaires.marks.basically_satisfied'), dataIndex: 'basicallySatisfied', align: 'right' },
            { title: t('questionnaires.marks.unsatisfied'), dataIndex: 'unsatisfied', align: 'right' },
            { title: t('questionnaires.marks.abstained'), dataIndex: 'abstained', align: 'right' },
            { title: t('questionnaires.rate'), dataIndex: 'rate', align: 'right', render: percent },
            {
              title: t('questionnaires.finalRate'),
              dataIndex: 'finalRate',
              align: 'right',
              render: (v: number | null) => <b>{percent(v)}</b>,
            },
          ]}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t('questionnaires.formula')}
        </Typography.Paragraph>
      </Card>
      <Card title={t('questionnaires.pareto')}>
        <Typography.Paragraph type="secondary">
          {t('questionnaires.paretoHint', { threshold: s.paretoThresholdPercent })}
        </Typography.Paragraph>
        {s.pareto.length === 0 ? (
          <Empty description={t('questionnaires.noUnsatisfied')} />
        ) : (
          <>
            <ParetoChart s={s} />
            <Table<ParetoRow>
              rowKey="itemId"
              size="small"
              pagination={false}
              dataSource={s.pareto}
              data-testid="stats-pareto"
              columns={[
                { title: t('questionnaires.item'), dataIndex: 'text' },
                { title: t('questionnaires.paretoCount'), dataIndex: 'count', align: 'right' },
                { title: t('questionnaires.share'), dataIndex: 'sharePercent', align: 'right', render: percent },
                { title: t('questionnaires.cumulative'), dataIndex: 'cumulativePercent', align: 'right', render: percent },
                {
                  title: t('questionnaires.mainItem'),
                  dataIndex: 'isMain',
                  render: (v: boolean) => (v ? <Tag color="red">{t('questionnaires.mainItem')}</Tag> : ''),
                },
              ]}
            />
          </>
        )}
      </Card>
      {s.comments.length > 0 && (
        <Card title={t('questionnaires.comments')}>
          <Table
            rowKey={(_, i) => String(i)}
            size="small"
            pagination={{ pageSize: 10 }}
            dataSource={s.comments}
            columns={[
              { title: t('questionnaires.room'), dataIndex: 'roomLabel', width: 200 },
              { title: t('questionnaires.comment'), dataIndex: 'comment' },
            ]}
          />
        </Card>
      )}
    </Space>
  );
}
