import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, type DescriptionsProps, Empty, Row, Space, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { FullPageSpin, LoadError } from '../../../components/page-states';
import { isApiError } from '../../../lib/api-error';
import { formatDateTime } from '../../../lib/datetime';
import { label } from '../../../lib/i18n';
import { type VisitAction, type VisitDetail, useVisit } from '../api/visits';
import { VisitActionButtons, VisitActionModal } from './visit-action-modal';
import { DueCell, KindTag, OutcomeTag, RoundTag, TicketLink, ticketStatusLabel, VisitStatusTag } from './visit-tags';

const dash = (v: string | null | undefined) => (v ? v : '—');

function TaskFields({ visit }: { visit: VisitDetail }) {
  const { t } = useTranslation();
  const items: DescriptionsProps['items'] = [
    { key: 'status', label: t('visitTasks.columns.status'), children: <VisitStatusTag status={visit.status} /> },
    { key: 'duty', label: t('visitTasks.columns.duty'), children: label('visitTasks.duties', visit.duty) },
    { key: 'round', label: t('visitTasks.columns.round'), children: <RoundTag round={visit.round} /> },
    { key: 'due', label: t('visitTasks.columns.dueAt'), children: <DueCell task={visit} />, span: 2 },
    {
      key: 'visitor',
      label: t('visitTasks.columns.visitor'),
      children: <span data-testid="visit-visitor">{visit.visitorName ?? t('visitTasks.unassigned')}</span>,
    },
    {
      key: 'appointment',
      label: t('visitTasks.columns.appointmentAt'),
      children: visit.appointmentAt ? formatDateTime(visit.appointmentAt) : visit.isHomeVisitRequired ? t('visitTasks.homeRequired') : '—',
    },
    { key: 'technician', label: t('visitTasks.detail.technician'), children: dash(visit.technicianName) },
    { key: 'notice-due', label: t('visitTasks.columns.rectificationDueAt'), children: dash(formatDateTime(visit.rectificationDueAt)) },
    ...(visit.samplingPeriod ? [{ key: 'period', label: t('visitTasks.detail.samplingPeriod'), children: visit.samplingPeriod }] : []),
  ];
  return (
    <Descriptions
      size="small"
      bordered
      column={3}
      items={items}
      data-testid="visit-task-fields"
      styles={{ label: { whiteSpace: 'nowrap' } }}
    />
  );
}

function TicketFields({ visit }: { visit: VisitDetail }) {
  const { t } = useTranslation();
  const items: DescriptionsProps['items'] = [
    {
      key: 'number',
      label: t('visitTasks.columns.ticket'),
      children: (
        <Space size={6}>
          <TicketLink task={visit} />
          <KindTag kind={visit.ticketKind} />
        </Space>
      ),
    },
    {
      key: 'status',
      label: t('visitTasks.detail.ticketStatus'),
      children: (
        <Tag data-testid="visit-ticket-status" data-status={visit.ticketStatus}>
          {ticketStatusLabel(visit.ticketKind, visit.ticketStatus)}
        </Tag>
      ),
    },
    { key: 'community', label: t('visitTasks.columns.community'), children: visit.communityName },
    { key: 'reporter', label: t('visitTasks.columns.reporter'), children: visit.reporterName },
    {
      key: 'phone',
      label: t('visitTasks.detail.reporterPhone'),
      children: <a href={`tel:${visit.reporterPhone}`}>{visit.reporterPhone}</a>,
    },
    { key: 'location', label: t('visitTasks.columns.location'), children: dash(visit.location) },
    { key: 'category', label: t('visitTasks.detail.category'), children: label('category', visit.category) || '—' },
    { key: 'handler', label: t('visitTasks.columns.handler'), children: dash(visit.assigneeName ?? visit.technicianName) },
    {
      key: 'content',
      label: t('visitTasks.columns.content'),
      span: 3,
      children: <span style={{ whiteSpace: 'pre-wrap' }}>{visit.content}</span>,
    },
  ];
  return (
    <Descriptions size="small" bordered column={3} items={items} data-testid="visit-ticket" styles={{ label: { whiteSpace: 'nowrap' } }} />
  );
}

function RecordFields({ visit }: { visit: VisitDetail }) {
  const { t } = useTranslation();
  if (!visit.visitedAt && !visit.rectificationNotice) return null;
  const items: DescriptionsProps['items'] = [
    { key: 'outcome', label: t('visitTasks.columns.outcome'), children: <OutcomeTag outcome={visit.outcome} /> },
    { key: 'method', label: t('visitTasks.columns.method'), children: visit.method ? label('visitTasks.methods', visit.method) : '—' },
    {
      key: 'charge',
      label: t('visitTasks.detail.chargeCheck'),
      children: visit.chargeCheck ? label('visitTasks.chargeChecks', visit.chargeCheck) : '—',
    },
    { key: 'comment', label: t('visitTasks.columns.comment'), children: dash(visit.comment), span: 3 },
    {
      key: 'signature',
      label: t('visitTasks.detail.signature'),
      children: visit.hasRefusedToSign ? <Tag color="orange">{t('visitTasks.detail.refusedToSign')}</Tag> : dash(visit.signature),
    },
    { key: 'by', label: t('visitTasks.columns.visitedBy'), children: dash(visit.visitedByName) },
    { key: 'at', label: t('visitTasks.columns.visitedAt'), children: dash(formatDateTime(visit.visitedAt)) },
    ...(visit.apology ? [{ key: 'apology', label: t('visitTasks.detail.apology'), children: visit.apology, span: 3 }] : []),
    ...(visit.problems ? [{ key: 'problems', label: t('visitTasks.detail.problems'), children: visit.problems, span: 3 }] : []),
    ...(visit.rectificationNotice
      ? [
          {
            key: 'notice',
            label: t('visitTasks.detail.notice'),
            children: <span data-testid="visit-notice">{visit.rectificationNotice}</span>,
            span: 3,
          },
        ]
      : []),
  ];
  return (
    <Card size="small" title={t('visitTasks.detail.record')} style={{ marginBottom: 12 }}>
      <Descriptions
        size="small"
        bordered
        column={3}
        items={items}
        data-testid="visit-record"
        styles={{ label: { whiteSpace: 'nowrap' } }}
      />
    </Card>
  );
}

/** The values a step carries that a reader wants to see, by field. */
function stepDetails(data: Record<string, unknown>, roundText: (n: number) => string): [string, string][] {
  const out: [string, string][] = [];
  const str = (k: string) => (typeof data[k] === 'string' && data[k] ? (data[k] as string) : null);
  if (typeof data.round === 'number') out.push(['round', roundText(data.round)]);
  const outcome = str('outcome');
  if (outcome) out.push(['outcome', label('visitTasks.outcomes', outcome)]);
  const method = str('method');
  if (method) out.push(['method', label('visitTasks.methods', method)]);
  const appointment = str('appointmentAt');
  if (appointment) out.push(['appointmentAt', formatDateTime(appointment)]);
  for (const k of ['comment', 'apology', 'problems', 'text', 'reason']) {
    const v = str(k);
    if (v) out.push([k, v]);
  }
  return out;
}

function Steps({ events }: { events: VisitDetail['events'] }) {
  const { t } = useTranslation();
  if (!events.length) return <Empty description={t('visitTasks.detail.noSteps')} />;
  const items = [...events].reverse().map((e, i) => ({
    key: `${e.at}-${i}`,
    color: e.type === 'VisitRecorded' && e.data.outcome === 'unsatisfied' ? 'red' : e.type === 'VisitRecorded' ? 'green' : 'blue',
    content: (
      <div data-testid="visit-step" data-event-type={e.type}>
        <div className="timeline-head">
          <Typography.Text strong>{label('visitTasks.events', e.type)}</Typography.Text>
          <Typography.Text type="secondary" className="timeline-time">
            {formatDateTime(e.at)}
          </Typography.Text>
        </div>
        <Typography.Text type="secondary">{e.actorName}</Typography.Text>
        {stepDetails(e.data, (n) => t('visitTasks.roundN', { n })).map(([k, v]) => (
          <div key={k} style={{ fontSize: 13 }}>
            {v}
          </div>
        ))}
      </div>
    ),
  }));
  return <Timeline items={items} data-testid="visit-steps" />;
}

/** /visits/:id 回访任务: the task, its ticket's summary, what was recorded and its steps. */
export function VisitDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const { data: visit, error, isPending, refetch } = useVisit(id);
  const [action, setAction] = useState<VisitAction | null>(null);

  if (isPending) return <FullPageSpin />;
  if (error || !visit) {
    if (isApiError(error) && [400, 403, 404].includes(error.status))
      return <Alert type="warning" showIcon title={t('visitTasks.notFound')} data-testid="visit-not-found" />;
    return <LoadError error={error} onRetry={() => void refetch()} />;
  }

  return (
    <div data-testid="visit-detail-page" data-visit-id={visit.id} data-status={visit.status} data-round={visit.round}>
      <div className="page-head">
        <Space align="center" wrap>
          <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)} aria-label={t('common.back')} />
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('visitTasks.detailTitle')} · <span data-testid="visit-ticket-number">{visit.ticketNumber}</span>
          </Typography.Title>
          <VisitStatusTag status={visit.status} />
          <KindTag kind={visit.ticketKind} />
          <RoundTag round={visit.round} />
          {visit.isOverdue ? (
            <Tag color="red" variant="solid">
              {t('visitTasks.overdue')}
            </Tag>
          ) : null}
        </Space>
      </div>
      <Card size="small" title={t('order.actions')} style={{ marginBottom: 12 }}>
        <VisitActionButtons task={visit} onPick={setAction} />
      </Card>
      <Row gutter={12}>
        <Col xs={24} xl={16}>
          <Card size="small" title={t('visitTasks.detail.task')} style={{ marginBottom: 12 }}>
            <TaskFields visit={visit} />
          </Card>
          <RecordFields visit={visit} />
          <Card size="small" title={t('visitTasks.detail.ticket')} style={{ marginBottom: 12 }}>
            <TicketFields visit={visit} />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card size="small" title={t('visitTasks.detail.steps')} styles={{ body: { paddingTop: 16 } }}>
            <Steps events={visit.events} />
          </Card>
        </Col>
      </Row>
      <VisitActionModal task={visit} action={action} onClose={() => setAction(null)} />
    </div>
  );
}
