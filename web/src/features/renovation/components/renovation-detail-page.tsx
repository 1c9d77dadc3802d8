import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Col, Descriptions, type DescriptionsProps, Row, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { workItems } from '../../../../../src/domain/renovation/documents';
import { FullPageSpin, LoadError } from '../../../components/page-states';
import { formatDateTime } from '../../../lib/datetime';
import { label } from '../../../lib/i18n';
import { formatYuan } from '../../../lib/money';
import { useSignedInMe } from '../../auth/api/get-me';
import { openInNewTab, printUrl, type RenovationAction, type RenovationDetail, useRenovation } from '../api/renovations';
import { type ActionTarget, RenovationActionModal } from './action-modal';
import { DocumentChecklist } from './document-checklist';
import { DepositPanel, InspectionsTable, PatrolsTable, RenovationTimeline, ViolationsTable } from './renovation-sections';
import { RenovationSteps, RenovationTags } from './renovation-tags';

/** Steps taken from a row of the patrols or violations, not from the button bar. */
const rowActions = new Set<RenovationAction>(['record_patrol', 'issue_notice', 'recheck', 'decide_penalty']);
const dangerActions = new Set<RenovationAction>(['return', 'reject', 'withdraw', 'decide_penalty']);
const primaryActions = new Set<RenovationAction>(['pass_check', 'approve', 'record_payment', 'record_acceptance', 'record_refund']);

function summaryItems(r: RenovationDetail, t: (k: string, o?: Record<string, unknown>) => string): DescriptionsProps['items'] {
  const ticked = workItems.filter((w) => r.workItems[w]);
  return [
    { key: 'room', label: t('renovation.fields.room'), children: <span data-testid="renovation-room">{r.roomLabel}</span> },
    {
      key: 'applicant',
      label: t('renovation.fields.applicantName'),
      children: (
        <span data-testid="renovation-applicant">
          {r.applicantName} {r.applicantPhone}
        </span>
      ),
    },
    { key: 'createdAt', label: t('renovation.fields.createdAt'), children: `${formatDateTime(r.createdAt)} · ${r.createdByName}` },
    {
      key: 'contractor',
      label: t('renovation.fields.contractor'),
      children: `${r.contractorCompany} · ${r.contractorContact} ${r.contractorPhone}`,
      span: 2,
    },
    { key: 'planned', label: t('renovation.fields.planned'), children: `${r.plannedStartDate} ~ ${r.plannedEndDate}` },
    {
      key: 'items',
      label: t('renovation.fields.workItems'),
      children: ticked.length ? ticked.map((w) => <Tag key={w}>{t(`renovation.workItemNames.${w}`)}</Tag>) : '—',
      span: 2,
    },
    {
      key: 'agreement',
      label: t('renovation.fields.agreement'),
      children: <Tag color={r.isAgreementSigned ? 'green' : 'orange'}>{t(r.isAgreementSigned ? 'common.yes' : 'common.no')}</Tag>,
    },
    {
      key: 'description',
      label: t('renovation.fields.description'),
      children: <span style={{ whiteSpace: 'pre-wrap' }}>{r.description}</span>,
      span: 3,
    },
    {
      key: 'reviews',
      label: t('renovation.fields.csApproved'),
      children: r.csApprovedBy ? `${r.csApprovedBy} ${formatDateTime(r.csApprovedAt)}` : '—',
    },
    {
      key: 'eng',
      label: t('renovation.fields.engApproved'),
      children: r.engApprovedBy ? `${r.engApprovedBy} ${formatDateTime(r.engApprovedAt)}` : '—',
    },
    { key: 'round', label: t('renovation.fields.round'), children: r.round },
    ...(r.lastReturnReason
      ? [
          {
            key: 'returned',
            label: t('renovation.fields.lastReturnReason'),
            children: (
              <Typography.Text type="danger" data-testid="renovation-return-reason">
                {r.lastReturnReason}
              </Typography.Text>
            ),
            span: 3,
          },
        ]
      : []),
    {
      key: 'permit',
      label: t('renovation.fields.permitNumber'),
      children: <span data-testid="renovation-permit-number">{r.permitNumber ?? '—'}</span>,
    },
    {
      key: 'permitValid',
      label: t('renovation.fields.permitValid'),
      children: r.permitValidFrom ? `${r.permitValidFrom} ~ ${r.permitValidTo}` : '—',
    },
    {
      key: 'balance',
      label: t('renovation.fields.balance'),
      children: r.paidAt ? formatYuan(r.depositBalanceCents) : '—',
    },
  ];
}

/** /renovations/:id: the application, its file, the steps the signed-in person may take, and everything that happened. */
export function RenovationDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const me = useSignedInMe();
  const q = useRenovation(id);
  const [open, setOpen] = useState<{ action: RenovationAction; target: ActionTarget } | null>(null);
  if (q.isLoading) return <FullPageSpin />;
  if (q.error || !q.data) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const r = q.data;
  const act = (action: RenovationAction, target: ActionTarget = {}) => setOpen({ action, target });
  const buttons = r.allowedActions.filter((a) => !rowActions.has(a));
  const canChangeFile = r.allowedActions.includes('edit');
  const tt = t as unknown as (k: string, o?: Record<string, unknown>) => string;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle" data-testid="renovation-detail-page" data-status={r.status}>
      <Space wrap>
        <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate('/renovations')}>
          {t('renovation.back')}
        </Button>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="renovation-number">
          {r.number}
        </Typography.Title>
        <RenovationTags r={r} />
      </Space>
      <Card size="small">
        <RenovationSteps status={r.status} />
      </Card>
      <Card
        size="small"
        title={t('renovation.actionsTitle')}
        extra={
          <Space wrap data-testid="renovation-print">
            <PrinterOutlined />
            <Button size="small" onClick={() => openInNewTab(printUrl.application(r.id))} data-testid="print-application">
              {t('renovation.print.application')}
            </Button>
            {r.permitNumber ? (
              <Button size="small" onClick={() => openInNewTab(printUrl.permit(r.id))} data-testid="print-permit">
                {t('renovation.print.permit')}
              </Button>
            ) : null}
            {r.inspections.length ? (
              <Button size="small" onClick={() => openInNewTab(printUrl.acceptance(r.id))} data-testid="print-acceptance-latest">
                {t('renovation.print.acceptance')}
              </Button>
            ) : null}
          </Space>
        }
      >
        {buttons.length ? (
          <Space wrap data-testid="renovation-actions">
            {buttons.map((a) => (
              <Button
                key={a}
                type={primaryActions.has(a) ? 'primary' : 'default'}
                danger={dangerActions.has(a)}
                onClick={() => act(a)}
                data-testid={`renovation-action-${a.replaceAll('_', '-')}`}
              >
                {t(`renovation.actions.${a}`)}
              </Button>
            ))}
          </Space>
        ) : (
          <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
        )}
      </Card>
      <Card size="small">
        <Descriptions size="small" bordered column={3} items={summaryItems(r, tt)} />
      </Card>
      <Card size="small" title={t('renovation.documents.title')}>
        <DocumentChecklist r={r} canChange={canChangeFile} />
      </Card>
      <Card size="small" title={t('renovation.deposit.title')}>
        <DepositPanel r={r} />
      </Card>
      <Card size="small" title={t('renovation.inspections.title')}>
        <InspectionsTable r={r} />
      </Card>
      <Card
        size="small"
        title={t('renovation.violations.title')}
        extra={
          r.allowedActions.includes('record_violation') ? (
            <Button size="small" danger onClick={() => act('record_violation')} data-testid="renovation-record-violation">
              {t('renovation.actions.record_violation')}
            </Button>
          ) : null
        }
      >
        <ViolationsTable r={r} onAct={act} />
      </Card>
      <Card size="small" title={t('renovation.patrols.title')}>
        <PatrolsTable r={r} role={me.role} onAct={act} />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card size="small" title={t('renovation.timeline')}>
            <RenovationTimeline events={r.events} />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card size="small" title={t('renovation.timers')}>
            <Table
              size="small"
              rowKey={(x) => `${x.kind}-${x.dueAt}`}
              pagination={false}
              dataSource={r.timers}
              data-testid="renovation-timers"
              columns={[
                { title: t('renovation.eventData.timer'), dataIndex: 'kind', render: (k: string) => label('renovation.timerKinds', k) },
                { title: t('renovation.violations.deadline'), dataIndex: 'dueAt', render: (v: string) => formatDateTime(v) },
                { title: t('renovation.fields.status'), dataIndex: 'status', render: (s: string) => label('renovation.timerStatuses', s) },
              ]}
            />
          </Card>
        </Col>
      </Row>
      {open ? <RenovationActionModal r={r} action={open.action} target={open.target} onClose={() => setOpen(null)} /> : null}
    </Space>
  );
}
