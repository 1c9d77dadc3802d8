import { Button, Descriptions, Empty, Image, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/datetime';
import { label } from '../../../lib/i18n';
import { formatYuan } from '../../../lib/money';
import { EventDataList } from '../../../components/event-data-list';
import { fileUrl, openInNewTab, printUrl, type RenovationAction, type RenovationDetail } from '../api/renovations';
import type { ActionTarget } from './action-modal';
import { renovationEventDetails } from './event-details';

type Patrol = RenovationDetail['patrols'][number];
type Violation = RenovationDetail['violations'][number];
type Inspection = RenovationDetail['inspections'][number];
type Open = (action: RenovationAction, target: ActionTarget) => void;

/** The duty the signed-in role patrols as (security is told apart by the server, by department). */
export const dutyOfRole = (role: string): Patrol['duty'] | null =>
  role === 'clerk' || role === 'cs_supervisor'
    ? 'cs'
    : role === 'eng_supervisor' || role === 'technician'
      ? 'engineering'
      : role === 'department_staff'
        ? 'security'
        : null;

/** The patrols of the works: who, which day, what was found, with the button to record a due one. */
export function PatrolsTable({ r, role, onAct }: { r: RenovationDetail; role: string; onAct: Open }) {
  const { t } = useTranslation();
  const canRecord = r.allowedActions.includes('record_patrol');
  const duty = dutyOfRole(role);
  if (!r.patrols.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('renovation.patrols.none')} />;
  return (
    <Table<Patrol>
      size="small"
      rowKey="id"
      pagination={{ pageSize: 10, hideOnSinglePage: true, size: 'small' }}
      dataSource={[...r.patrols].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.duty.localeCompare(b.duty)))}
      data-testid="renovation-patrols"
      onRow={(p) => ({ 'data-testid': 'patrol-row', 'data-status': p.status, 'data-duty': p.duty, 'data-result': p.result ?? '' }) as never}
      columns={[
        { title: t('renovation.patrols.date'), dataIndex: 'date', width: 105 },
        {
          title: t('renovation.patrols.duty'),
          dataIndex: 'duty',
          width: 100,
          render: (d: string) => label('renovation.patrols.dutyNames', d),
        },
        {
          title: t('renovation.patrols.status'),
          dataIndex: 'status',
          width: 90,
          render: (s: string) => (
            <Tag color={s === 'done' ? 'green' : s === 'missed' ? 'red' : 'gold'}>{label('renovation.patrols.statusNames', s)}</Tag>
          ),
        },
        {
          title: t('renovation.patrols.result'),
          dataIndex: 'result',
          width: 100,
          render: (v: string | null) =>
            v ? <Tag color={v === 'pass' ? 'green' : 'red'}>{label('renovation.patrols.resultNames', v)}</Tag> : '—',
        },
        {
          title: t('renovation.patrols.note'),
          dataIndex: 'note',
          render: (v: string | null, p) => (
            <Space size={6}>
              <span>{v ?? ''}</span>
              {p.photoFileId ? <Image src={fileUrl(r.id, p.photoFileId)} width={40} height={40} style={{ objectFit: 'cover' }} /> : null}
            </Space>
          ),
        },
        {
          title: t('renovation.patrols.by'),
          key: 'by',
          width: 150,
          render: (_: unknown, p) => (p.recordedBy ? `${p.recordedBy} ${formatDateTime(p.recordedAt)}` : ''),
        },
        {
          title: '',
          key: 'act',
          width: 80,
          render: (_: unknown, p) =>
            canRecord && p.status === 'due' && p.duty === duty ? (
              <Button size="small" onClick={() => onAct('record_patrol', { patrolId: p.id })} data-testid="patrol-record">
                {t('renovation.patrols.record')}
              </Button>
            ) : null,
        },
      ]}
    />
  );
}

const isPastDeadline = (v: Violation, now: number) =>
  v.status === 'overdue' || (v.status === 'notice_issued' && v.deadlineAt !== null && Date.parse(v.deadlineAt) <= now);

/** Violations and their rectification: notice (printable), re-checks, penalty; each row's next step. */
export function ViolationsTable({ r, onAct }: { r: RenovationDetail; onAct: Open }) {
  const { t } = useTranslation();
  const allowed = new Set(r.allowedActions);
  const now = Date.now();
  if (!r.violations.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('renovation.violations.none')} />;
  return (
    <Table<Violation>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={[...r.violations].sort((a, b) => a.seq - b.seq)}
      data-testid="renovation-violations"
      onRow={(v) => ({ 'data-testid': 'violation-row', 'data-status': v.status, 'data-seq': v.seq }) as never}
      columns={[
        { title: t('renovation.violations.seq'), dataIndex: 'seq', width: 55 },
        {
          title: t('renovation.violations.description'),
          dataIndex: 'description',
          render: (d: string, v) => (
            <Space orientation="vertical" size={0}>
              <span>{d}</span>
              <Typography.Text type="secondary">
                {v.recordedBy} {formatDateTime(v.recordedAt)}
              </Typography.Text>
              {v.photoFileId ? <Image src={fileUrl(r.id, v.photoFileId)} width={48} height={48} style={{ objectFit: 'cover' }} /> : null}
            </Space>
          ),
        },
        {
          title: t('renovation.violations.status'),
          dataIndex: 'status',
          width: 120,
          render: (s: string) => (
            <Tag color={s === 'rectified' ? 'green' : s === 'overdue' ? 'red' : 'orange'}>
              {label('renovation.violations.statusNames', s)}
            </Tag>
          ),
        },
        {
          title: t('renovation.violations.notice'),
          key: 'notice',
          render: (_: unknown, v) =>
            v.noticeNumber ? (
              <Space orientation="vertical" size={0}>
                <span>
                  {v.noticeNumber} · {v.requirement}
                </span>
                <Typography.Text type="secondary">
                  {t('renovation.violations.deadline')} {formatDateTime(v.deadlineAt)}
                </Typography.Text>
              </Space>
            ) : (
              '—'
            ),
        },
        {
          title: t('renovation.violations.rechecks'),
          key: 'rechecks',
          render: (_: unknown, v) =>
            v.rechecks.length
              ? v.rechecks
                  .map(
                    (c) =>
                      `${formatDateTime(c.at)} ${c.by} ${t(c.isRectified ? 'renovation.form.rectified' : 'renovation.form.notRectified')}`,
                  )
                  .join('；')
              : '—',
        },
        {
          title: t('renovation.violations.penalty'),
          key: 'penalty',
          render: (_: unknown, v) =>
            v.penaltyAt
              ? [
                  v.isStopWork ? t('renovation.violations.stopWork') : null,
                  v.deductionCents ? t('renovation.violations.deduction', { amount: formatYuan(v.deductionCents) }) : null,
                  v.penaltyReason,
                ]
                  .filter(Boolean)
                  .join(' · ')
              : '—',
        },
        {
          title: t('common.operation'),
          key: 'act',
          width: 150,
          render: (_: unknown, v) => (
            <Space orientation="vertical" size={4}>
              {allowed.has('issue_notice') && v.status === 'recorded' ? (
                <Button size="small" onClick={() => onAct('issue_notice', { violationId: v.id })} data-testid="violation-issue-notice">
                  {t('renovation.actions.issue_notice')}
                </Button>
              ) : null}
              {allowed.has('recheck') && (v.status === 'notice_issued' || v.status === 'overdue') ? (
                <Button size="small" onClick={() => onAct('recheck', { violationId: v.id })} data-testid="violation-recheck">
                  {t('renovation.actions.recheck')}
                </Button>
              ) : null}
              {allowed.has('decide_penalty') && !v.penaltyAt && isPastDeadline(v, now) ? (
                <Button size="small" danger onClick={() => onAct('decide_penalty', { violationId: v.id })} data-testid="violation-penalty">
                  {t('renovation.actions.decide_penalty')}
                </Button>
              ) : null}
              {v.noticeNumber ? (
                <Button size="small" type="link" onClick={() => openInNewTab(printUrl.notice(r.id, v.id))} data-testid="print-notice">
                  {t('renovation.print.notice')}
                </Button>
              ) : null}
            </Space>
          ),
        },
      ]}
    />
  );
}

/** One side's signature of the acceptance: who, and which items failed. */
function SideSign({ sign }: { sign: Inspection['cs'] }) {
  const { t } = useTranslation();
  if (!sign) return <Typography.Text type="secondary">{t('renovation.inspections.notSigned')}</Typography.Text>;
  const failed = sign.items.filter((i) => !i.isPassed);
  return (
    <Space orientation="vertical" size={0}>
      <span>
        {sign.byName} {formatDateTime(sign.at)}
      </span>
      <Typography.Text type={failed.length ? 'danger' : 'success'}>
        {failed.length
          ? t('renovation.inspections.failedItems', { list: failed.map((i) => (i.note ? `${i.name}（${i.note}）` : i.name)).join('、') })
          : t('renovation.inspections.allPassed')}
      </Typography.Text>
      {sign.note ? <Typography.Text type="secondary">{sign.note}</Typography.Text> : null}
    </Space>
  );
}

/** The completion inspections: each round, both sides' signatures, the outcome, the printable form. */
export function InspectionsTable({ r }: { r: RenovationDetail }) {
  const { t } = useTranslation();
  if (!r.inspections.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('renovation.inspections.none')} />;
  return (
    <Table<Inspection>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={[...r.inspections].sort((a, b) => b.round - a.round)}
      data-testid="renovation-inspections"
      onRow={(i) => ({ 'data-testid': 'inspection-row', 'data-outcome': i.outcome, 'data-round': i.round }) as never}
      columns={[
        { title: '', dataIndex: 'round', width: 80, render: (n: number) => t('renovation.inspections.round', { round: n }) },
        { title: t('renovation.inspections.at'), dataIndex: 'at', width: 140, render: (v: string) => formatDateTime(v) },
        { title: t('renovation.inspections.cs'), key: 'cs', render: (_: unknown, i) => <SideSign sign={i.cs} /> },
        { title: t('renovation.inspections.engineering'), key: 'eng', render: (_: unknown, i) => <SideSign sign={i.engineering} /> },
        {
          title: t('renovation.inspections.outcome'),
          dataIndex: 'outcome',
          width: 90,
          render: (o: string) => (
            <Tag color={o === 'passed' ? 'green' : o === 'failed' ? 'red' : 'gold'} data-testid="inspection-outcome" data-outcome={o}>
              {label('renovation.inspections.outcomeNames', o)}
            </Tag>
          ),
        },
        {
          title: '',
          key: 'print',
          width: 130,
          render: (_: unknown, i) => (
            <Button size="small" type="link" onClick={() => openInNewTab(printUrl.acceptance(r.id, i.id))} data-testid="print-acceptance">
              {t('renovation.print.acceptance')}
            </Button>
          ),
        },
      ]}
    />
  );
}

/** Fees, deposit, deductions, the refund and when it is due. */
export function DepositPanel({ r }: { r: RenovationDetail }) {
  const { t } = useTranslation();
  const l = r.ledger;
  if (!r.paidAt) return <Typography.Text type="secondary">{t('renovation.deposit.notPaid')}</Typography.Text>;
  return (
    <Descriptions size="small" bordered column={2} data-testid="renovation-deposit">
      <Descriptions.Item label={t('renovation.fields.fees')} span={2}>
        {r.fees.map((f) => `${f.name} ${formatYuan(f.amountCents)}`).join('；')}
      </Descriptions.Item>
      <Descriptions.Item label={t('renovation.fields.receiptNumber')}>{r.paymentReceiptNumber}</Descriptions.Item>
      <Descriptions.Item label={t('renovation.fields.paidAt')}>{formatDateTime(r.paidAt)}</Descriptions.Item>
      <Descriptions.Item label={t('renovation.deposit.paid')}>
        <span data-testid="deposit-paid">{formatYuan(l.depositCents)}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('renovation.deposit.deductions')}>
        <span data-testid="deposit-deducted">{formatYuan(l.deductedCents)}</span>
        {l.deductions.length ? ` （${l.deductions.map((d) => `${formatYuan(d.amountCents)} ${d.reason}`).join('；')}）` : ''}
      </Descriptions.Item>
      <Descriptions.Item label={t('renovation.deposit.balance')}>
        <span data-testid="deposit-balance">{formatYuan(l.balanceCents)}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('renovation.deposit.refundDue')}>
        <span data-testid="refund-due-date">{r.refundDueDate ?? '—'}</span>
        {r.refundAppointmentAt ? ` · ${t('renovation.fields.refundAppointmentAt')} ${formatDateTime(r.refundAppointmentAt)}` : ''}
      </Descriptions.Item>
      <Descriptions.Item label={t('renovation.deposit.refund')} span={2}>
        <span data-testid="deposit-refunded">
          {l.refundCents != null ? `${formatYuan(l.refundCents)} · ${formatDateTime(l.refundedAt)} · ${l.refundReceiptNumber ?? ''}` : '—'}
        </span>
      </Descriptions.Item>
    </Descriptions>
  );
}

/** The renovation's history, newest first, each step with who, when, the state it moved to and its data. */
export function RenovationTimeline({ events }: { events: RenovationDetail['events'] }) {
  const { t } = useTranslation();
  if (!events.length) return <Empty description={t('common.empty')} />;
  return (
    <Timeline
      data-testid="renovation-timeline"
      items={[...events]
        .sort((a, b) => b.seq - a.seq)
        .map((e) => ({
          key: e.seq,
          color: /Rejected|Returned|Violation|Penalty|Overdue|Withdrawn/.test(e.type)
            ? 'red'
            : e.type === 'DepositRefunded'
              ? 'green'
              : 'blue',
          content: (
            <div className="timeline-item" data-testid="timeline-item" data-event-type={e.type} data-actor={e.actorName}>
              <div className="timeline-head">
                <Typography.Text strong>{label('renovation.events', e.type)}</Typography.Text>
                <Typography.Text type="secondary" className="timeline-time">
                  {formatDateTime(e.at)}
                </Typography.Text>
              </div>
              <Typography.Text type="secondary">
                {e.actorName}
                {e.actorRole && e.actorRole !== 'system' ? ` · ${label('role', e.actorRole)}` : ''}
                {e.fromStatus && e.fromStatus !== e.toStatus
                  ? ` · ${label('renovation.statuses', e.fromStatus)} → ${label('renovation.statuses', e.toStatus)}`
                  : ''}
              </Typography.Text>
              <EventDataList items={renovationEventDetails(e.data)} />
            </div>
          ),
        }))}
    />
  );
}
