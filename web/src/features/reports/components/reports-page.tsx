import { Alert, App, Button, Card, Form, Modal, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { rolesWith } from '../../../../../src/contract/access';
import { useCommunity } from '../../../app/community-context';
import { formatDateTime } from '../../../lib/datetime';
import { label } from '../../../lib/i18n';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { useSignedInMe } from '../../auth/api/get-me';
import { type ReportListParams, type ReportSummary, useGenerateReports, useReports } from '../api/reports';
import { lastMonth, recentMonths } from './months';
import { ReportStatusTags } from './report-tags';

const generators = rolesWith('report.generate');

function GenerateModal({ communityId, onClose }: { communityId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ period: string }>();
  const generate = useGenerateReports();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const submit = async () => {
    const { period } = await form.validateFields();
    generate.mutate(
      { communityId, period },
      {
        onSuccess: (r) => {
          void message.success(r.created ? t('reports.generated', { count: r.created }) : t('reports.nothingNew'));
          onClose();
          const first = r.items.find((i) => i.kind === 'complaints') ?? r.items[0];
          if (first) navigate(`/reports/${first.id}`);
        },
        onError: (e) => onError(e, form),
      },
    );
  };
  return (
    <Modal
      open
      title={t('reports.generateTitle')}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={generate.isPending}
      okButtonProps={{ 'data-testid': 'reports-generate-ok' } as never}
    >
      <Form form={form} layout="vertical" initialValues={{ period: lastMonth() }}>
        <Form.Item name="period" label={t('reports.period')} rules={[{ required: true }]}>
          <Select options={recentMonths().map((m) => ({ value: m, label: m }))} data-testid="reports-generate-period" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 月报: every report by month and community; community staff see their own, the complaint centre every community's. */
export function ReportsPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const { communityId } = useCommunity();
  const [params, setParams] = useState<ReportListParams>({});
  const [isGenerating, setGenerating] = useState(false);
  const list = useReports({ ...params, communityId: communityId ?? undefined });
  const canGenerate = generators.includes(me.role);
  const columns = [
    { title: t('reports.period'), dataIndex: 'period', width: 90 },
    { title: t('reports.community'), dataIndex: 'communityName', width: 120 },
    {
      title: t('reports.kind'),
      dataIndex: 'kind',
      render: (v: string, r: ReportSummary) => (
        <Link to={`/reports/${r.id}`} data-testid="report-link">
          {label('reports.kinds', v)}
        </Link>
      ),
    },
    {
      title: t('reports.status'),
      dataIndex: 'status',
      width: 150,
      render: (v: string, r: ReportSummary) => <ReportStatusTags status={v} isOverdue={r.isOverdue} />,
    },
    { title: t('reports.dueAt'), dataIndex: 'dueAt', width: 150, render: (v: string) => formatDateTime(v) },
    { title: t('reports.submittedAt'), dataIndex: 'submittedAt', width: 150, render: (v: string | null) => formatDateTime(v) || '—' },
    { title: t('reports.receivedAt'), dataIndex: 'receivedAt', width: 150, render: (v: string | null) => formatDateTime(v) || '—' },
  ];
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle" data-testid="reports-page">
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('reports.title')}
        </Typography.Title>
        {canGenerate ? (
          <Button type="primary" disabled={!communityId} onClick={() => setGenerating(true)} data-testid="reports-generate">
            {t('reports.generate')}
          </Button>
        ) : null}
      </Space>
      {canGenerate && !communityId ? <Alert type="info" showIcon title={t('reports.pickCommunity')} /> : null}
      <Card size="small">
        <Space wrap style={{ marginBottom: 12 }}>
          <Select
            allowClear
            style={{ width: 120 }}
            placeholder={t('reports.period')}
            value={params.period}
            onChange={(period) => setParams({ ...params, period, offset: 0 })}
            options={recentMonths().map((m) => ({ value: m, label: m }))}
            data-testid="reports-period"
          />
          <Select
            allowClear
            style={{ width: 200 }}
            placeholder={t('reports.kind')}
            value={params.kind}
            onChange={(kind) => setParams({ ...params, kind, offset: 0 })}
            options={(['complaints', 'owner_visits'] as const).map((k) => ({ value: k, label: t(`reports.kinds.${k}`) }))}
          />
          <Select
            allowClear
            style={{ width: 120 }}
            placeholder={t('reports.status')}
            value={params.status}
            onChange={(status) => setParams({ ...params, status, offset: 0 })}
            options={(['draft', 'submitted', 'received'] as const).map((s) => ({ value: s, label: t(`reports.statuses.${s}`) }))}
            data-testid="reports-status"
          />
        </Space>
        <Table
          rowKey="id"
          size="small"
          loading={list.isLoading || list.isPlaceholderData}
          dataSource={list.data?.items ?? []}
          columns={columns}
          scroll={{ x: 1000 }}
          data-testid="reports-table"
          onRow={(r) => ({ 'data-testid': 'report-row', 'data-kind': r.kind, 'data-period': r.period }) as never}
          pagination={{
            total: list.data?.total ?? 0,
            pageSize: params.limit ?? 100,
            current: Math.floor((params.offset ?? 0) / (params.limit ?? 100)) + 1,
            onChange: (page, size) => setParams({ ...params, limit: size, offset: (page - 1) * size }),
          }}
        />
      </Card>
      {isGenerating && communityId ? <GenerateModal communityId={communityId} onClose={() => setGenerating(false)} /> : null}
    </Space>
  );
}
