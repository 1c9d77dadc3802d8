import { ArrowLeftOutlined, DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Empty, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { FullPageSpin, LoadError } from '../../../components/page-states';
import { formatDateTime } from '../../../lib/datetime';
import { label } from '../../../lib/i18n';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { exportUrl, printUrl, type ReportDetail, useReport, useReportStep } from '../api/reports';
import { AnalysisForm } from './analysis-form';
import { ReportStatusTags } from './report-tags';

type Figures = NonNullable<ReportDetail['complaintFigures']>;
const pct = (x: number | null) => (x === null ? '—' : `${x}%`);

function TallyTable({
  title,
  rows,
  group,
  testId,
}: {
  title: string;
  rows: { key: string; count: number }[];
  group: string;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Table
      size="small"
      rowKey="key"
      pagination={false}
      dataSource={rows}
      data-testid={testId}
      columns={[
        { title, dataIndex: 'key', render: (k: string) => label(group, k) },
        { title: t('reports.count'), dataIndex: 'count', width: 80 },
      ]}
    />
  );
}

function ComplaintFigures({ f }: { f: Figures }) {
  const { t } = useTranslation();
  const s = f.satisfaction;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2, xl: 3 }}
        data-testid="report-figures"
        items={[
          { key: 'h', label: t('reports.households'), children: f.households },
          { key: 'r', label: t('reports.receivedCount'), children: <span data-testid="report-received">{f.received}</span> },
          ...(['valid', 'assisted', 'invalid', 'collective', 'unclassified'] as const).map((c) => ({
            key: c,
            label: t(`reports.classes.${c}`),
            children: c === 'collective' ? `${f.byClass.collective}（${f.collectiveHouseholds}）` : f.byClass[c],
          })),
          { key: 'ot', label: t('reports.onTime'), children: f.answeredOnTime },
          { key: 'l', label: t('reports.late'), children: f.answeredLate },
          { key: 'o', label: t('reports.open_'), children: f.open },
          { key: 'otr', label: t('reports.onTimeRate'), children: pct(f.onTimeRatePercent) },
          { key: 'avg', label: t('reports.avgHours'), children: f.averageHandlingHours ?? '—' },
          { key: 'sr', label: t('reports.satisfactionRate'), children: pct(s.ratePercent) },
          {
            key: 'vo',
            label: t('reports.visitOutcomes'),
            children: `${t('reports.outcomes.satisfied')} ${s.satisfied} · ${t('reports.outcomes.basicallySatisfied')} ${s.basicallySatisfied} · ${t('reports.outcomes.unsatisfied')} ${s.unsatisfied} · ${t('reports.outcomes.notVisited')} ${s.notVisited}`,
          },
          {
            key: 'cr',
            label: t('reports.complaintRate'),
            children: (
              <Space size={4}>
                <span data-testid="report-rate">{pct(f.complaintRatePercent)}</span>
                <Typography.Text type="secondary">{t('reports.target', { rate: f.targetRatePercent })}</Typography.Text>
                {f.isWithinTarget === null ? null : (
                  <Tag color={f.isWithinTarget ? 'green' : 'red'}>
                    {f.isWithinTarget ? t('reports.withinTarget') : t('reports.aboveTarget')}
                  </Tag>
                )}
              </Space>
            ),
          },
          { key: 'rp', label: t('reports.repeat'), children: f.repeat },
        ]}
      />
      <Space align="start" wrap style={{ width: '100%' }}>
        <div style={{ minWidth: 280 }}>
          <TallyTable title={t('reports.byChannel')} rows={f.byChannel} group="reports.channels" testId="report-by-channel" />
        </div>
        <div style={{ minWidth: 280 }}>
          <TallyTable title={t('reports.byDepartment')} rows={f.byDepartment} group="reports.departments" testId="report-by-department" />
        </div>
      </Space>
      <Typography.Title level={5}>{t('reports.complaints')}</Typography.Title>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={f.complaints}
        locale={{ emptyText: t('reports.noComplaints') }}
        data-testid="report-complaints"
        scroll={{ x: 900 }}
        columns={[
          { title: t('reports.number'), dataIndex: 'number', width: 190 },
          { title: t('reports.generatedAt'), dataIndex: 'createdAt', width: 140, render: (v: string) => formatDateTime(v) },
          {
            title: t('reports.kind'),
            dataIndex: 'complaintClass',
            width: 100,
            render: (v: string | null) => label('reports.classes', v ?? 'unclassified'),
          },
          { title: t('reports.byChannel'), dataIndex: 'channel', width: 90, render: (v: string) => label('reports.channels', v) },
          { title: t('reports.content'), dataIndex: 'content' },
          {
            title: t('reports.flags'),
            width: 110,
            render: (_: unknown, c: Figures['complaints'][number]) => (
              <Space size={2}>
                {c.isLate ? <Tag color="red">{t('reports.isLate')}</Tag> : null}
                {c.isRepeat ? <Tag color="orange">{t('reports.isRepeat')}</Tag> : null}
              </Space>
            ),
          },
        ]}
      />
    </Space>
  );
}

function OwnerVisitFigures({ v }: { v: NonNullable<ReportDetail['ownerVisitFigures']> }) {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2, xl: 3 }}
        data-testid="report-owner-visits"
        items={[
          { key: 'oh', label: t('reports.ownerVisits.occupiedHouseholds'), children: v.occupiedHouseholds },
          { key: 'qp', label: t('reports.ownerVisits.quotaPercent'), children: `${v.quotaPercent}%` },
          { key: 'q', label: t('reports.ownerVisits.quota'), children: v.quota },
          { key: 'hv', label: t('reports.ownerVisits.householdsVisited'), children: v.householdsVisited },
          { key: 'd', label: t('reports.ownerVisits.done'), children: v.done },
          {
            key: 'f',
            label: t('reports.ownerVisits.fulfilment'),
            children: (
              <Space size={4}>
                {`${v.fulfilmentPercent}%`}
                <Tag color={v.isFulfilled ? 'green' : 'red'}>
                  {v.isFulfilled ? t('reports.ownerVisits.fulfilled') : t('reports.ownerVisits.notFulfilled')}
                </Tag>
              </Space>
            ),
          },
          { key: 's', label: t('reports.ownerVisits.signed'), children: v.signed },
          { key: 'rf', label: t('reports.ownerVisits.refused'), children: v.refused },
          { key: 'b', label: t('reports.ownerVisits.booked'), children: v.booked },
          { key: 'c', label: t('reports.ownerVisits.cancelled'), children: v.cancelled },
          { key: 'ir', label: t('reports.ownerVisits.issuesRaised'), children: v.issuesRaised },
          {
            key: 'it',
            label: `${t('reports.ownerVisits.issuesToRepair')} / ${t('reports.ownerVisits.issuesToComplaint')}`,
            children: `${v.issuesToRepair} / ${v.issuesToComplaint}`,
          },
        ]}
      />
      <div style={{ maxWidth: 360 }}>
        <TallyTable
          title={t('reports.ownerVisits.byMethod')}
          rows={Object.entries(v.byMethod).map(([key, count]) => ({ key, count }))}
          group="reports.ownerVisits.methods"
          testId="report-by-method"
        />
      </div>
    </Space>
  );
}

function ReadOnlyAnalysis({ report }: { report: ReportDetail }) {
  const { t } = useTranslation();
  const numbers = new Map((report.complaintFigures?.complaints ?? []).map((c) => [c.id, c.number]));
  if (!report.analysis.summary && report.analysis.cases.length === 0) return <Empty description={t('reports.noCases')} />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {report.analysis.summary ? <Typography.Paragraph>{report.analysis.summary}</Typography.Paragraph> : null}
      <Table
        size="small"
        rowKey={(c) => `${c.complaintId ?? ''}-${c.title}`}
        pagination={false}
        dataSource={report.analysis.cases}
        data-testid="report-cases"
        columns={[
          {
            title: t('reports.caseTitle'),
            render: (_: unknown, c: ReportDetail['analysis']['cases'][number]) =>
              `${c.complaintId ? `${numbers.get(c.complaintId) ?? ''} ` : ''}${c.title}`,
          },
          { title: t('reports.cause'), dataIndex: 'cause' },
          { title: t('reports.correctiveAction'), dataIndex: 'correctiveAction' },
          { title: t('reports.preventiveAction'), dataIndex: 'preventiveAction' },
        ]}
      />
    </Space>
  );
}

/** One monthly report: its figures, the case analysis, and the steps to the complaint centre. */
export function ReportDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const q = useReport(id);
  const step = useReportStep(id);
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  if (q.isLoading) return <FullPageSpin />;
  if (q.error || !q.data) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const r = q.data;
  const run = (s: 'regenerate' | 'submit' | 'receive', done: string) =>
    step.mutate(s, { onSuccess: () => void message.success(t(done as never)), onError: (e) => onError(e) });
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle" data-testid="report-detail-page">
      <Space wrap>
        <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate('/reports')}>
          {t('reports.back')}
        </Button>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {r.communityName} {r.period} {label('reports.kinds', r.kind)}
        </Typography.Title>
        <ReportStatusTags status={r.status} isOverdue={r.isOverdue} />
      </Space>
      <Space wrap>
        {r.can.regenerate ? (
          <Button loading={step.isPending} onClick={() => run('regenerate', 'reports.regenerated')} data-testid="report-regenerate">
            {t('reports.regenerate')}
          </Button>
        ) : null}
        {r.can.submit ? (
          <Popconfirm title={t('reports.submitConfirm')} onConfirm={() => run('submit', 'reports.submitted')}>
            <Button type="primary" loading={step.isPending} data-testid="report-submit">
              {t('reports.submit')}
            </Button>
          </Popconfirm>
        ) : null}
        {r.can.receive ? (
          <Button type="primary" loading={step.isPending} onClick={() => run('receive', 'reports.received')} data-testid="report-receive">
            {t('reports.receive')}
          </Button>
        ) : null}
        <Button icon={<PrinterOutlined />} href={printUrl(r.id)} target="_blank" data-testid="report-print">
          {t('reports.print')}
        </Button>
        <Button icon={<DownloadOutlined />} href={exportUrl(r.id)} data-testid="report-export">
          {t('reports.export')}
        </Button>
      </Space>
      <Card size="small">
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'due', label: t('reports.dueAt'), children: formatDateTime(r.dueAt) },
            { key: 'g', label: t('reports.generatedBy'), children: `${formatDateTime(r.generatedAt)} ${r.generatedByName}` },
            {
              key: 's',
              label: t('reports.submittedBy'),
              children: r.submittedAt ? `${formatDateTime(r.submittedAt)} ${r.submittedByName ?? ''}` : '—',
            },
            {
              key: 'r',
              label: t('reports.receivedBy'),
              children: r.receivedAt ? `${formatDateTime(r.receivedAt)} ${r.receivedByName ?? ''}` : '—',
            },
          ]}
        />
      </Card>
      <Card size="small" title={t('reports.figures')}>
        {r.complaintFigures ? <ComplaintFigures f={r.complaintFigures} /> : null}
        {r.ownerVisitFigures ? <OwnerVisitFigures v={r.ownerVisitFigures} /> : null}
      </Card>
      {r.kind === 'complaints' ? (
        <Card size="small" title={t('reports.analysis')}>
          {r.can.writeAnalysis ? <AnalysisForm key={r.generatedAt} report={r} /> : <ReadOnlyAnalysis report={r} />}
        </Card>
      ) : null}
    </Space>
  );
}
