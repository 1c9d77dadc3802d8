import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, type DescriptionsProps, Empty, Space, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { FullPageSpin, LoadError } from '../../../components/page-states';
import { formatDateTime } from '../../../lib/datetime';
import { label } from '../../../lib/i18n';
import { type ContactActionPath, type ContactDetail, useContact } from '../api/contacts';
import { ContactActionModal } from './contact-action-modal';
import { ContactFlagTags, ContactStatusTag } from './contact-tags';
import { EventDataList } from '../../../components/event-data-list';

const linkOf = (l: NonNullable<ContactDetail['linkedTicket']>) =>
  l.kind === 'repair' ? `/orders/${l.id}` : l.kind === 'matter' ? `/matters/${l.id}` : `/complaints/${l.id}`;

/** The ticket a referred entry became, with its state in the words of its own screens. */
const linkedStatus = (l: NonNullable<ContactDetail['linkedTicket']>) =>
  l.status ? label(l.kind === 'repair' ? 'status' : l.kind === 'matter' ? 'matters.statuses' : 'complaints.statuses', l.status) : '';

const warningEvents = new Set(['ReplyOverdue', 'EmergencyEscalated', 'EntryVoided']);
const doneEvents = new Set(['EmergencyResolved', 'EntryClosed']);
/** The parts of a step's data a reader needs (the rest is on the page already, or ids). */
const shownData = [
  'category',
  'emergencyKind',
  'isAnsweredOnSpot',
  'answer',
  'method',
  'isSatisfied',
  'cause',
  'responsible',
  'reason',
  'note',
  'result',
  'hasCalledAmbulance',
  'hasCalledPolice',
];

/** What one step of the entry's history says (the answer, the result, the reason), in words. */
function useEventDetails() {
  const { t } = useTranslation();
  return (e: ContactDetail['events'][number]) =>
    shownData.flatMap((key) => {
      const value = e.data[key];
      if (value == null || value === '') return [];
      // Only what happened: "not on the spot", "no ambulance" are not news.
      if (value === false && key !== 'isSatisfied') return [];
      let text: string;
      if (typeof value === 'boolean') text = t(value ? 'common.yes' : 'common.no');
      else if (typeof value !== 'string') return [];
      else if (key === 'category') text = t(`intake.categories.${value}` as never);
      else if (key === 'emergencyKind') text = t(`intake.emergencyKinds.${value}` as never);
      else if (key === 'method') text = t(`intake.replyMethods.${value}` as never);
      else text = value;
      return [{ key, label: t(`intake.eventData.${key}` as never), value: text }];
    });
}

/** One duty-log entry: what was asked, who answers for it, what they may do, and its timeline. */
export function ContactDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const q = useContact(id);
  const details = useEventDetails();
  const [action, setAction] = useState<ContactActionPath | null>(null);
  if (q.isLoading) return <FullPageSpin />;
  if (q.error || !q.data) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const c = q.data;
  const resolved = [...c.events].reverse().find((e) => e.type === 'EmergencyResolved');
  const isEmergency = c.category === 'emergency';
  const items: DescriptionsProps['items'] = [
    {
      key: 'status',
      label: t('intake.status'),
      children: (
        <Space size={2} wrap>
          <ContactStatusTag status={c.status} />
          <ContactFlagTags flags={c.flags} />
        </Space>
      ),
    },
    {
      key: 'category',
      label: t('intake.category'),
      children: c.category ? (
        <span data-testid="contact-category">
          {t(`intake.categories.${c.category}` as never)}
          {c.emergencyKind ? `（${t(`intake.emergencyKinds.${c.emergencyKind}` as never)}）` : ''}
        </span>
      ) : (
        t('intake.triageLater')
      ),
    },
    {
      key: 'channel',
      label: t('intake.channel'),
      children: `${t(`intake.channels.${c.channel}` as never)}${c.isWritten ? `（${t('intake.replyMethods.written')}）` : ''}`,
    },
    { key: 'caller', label: t('intake.callerName'), children: c.callerName },
    { key: 'phone', label: t('intake.callerPhone'), children: c.callerPhone || '—' },
    { key: 'location', label: t('intake.location'), children: c.location || '—' },
    {
      key: 'content',
      label: t('intake.content'),
      children: (
        <span data-testid="contact-content" style={{ whiteSpace: 'pre-wrap' }}>
          {c.content}
        </span>
      ),
      span: 3,
    },
    { key: 'createdAt', label: t('intake.createdAt'), children: formatDateTime(c.createdAt) },
    { key: 'createdBy', label: t('intake.createdBy'), children: c.createdByName },
    { key: 'owner', label: t('intake.owner'), children: c.firstOwnerName ?? '—' },
    {
      key: 'current',
      label: t('intake.currentOwner'),
      children: (
        <span data-testid="contact-owner">
          {c.ownerName ?? '—'}
          {c.isEscalated && c.escalationReason ? (
            <Tag color="orange" style={{ marginInlineStart: 8 }}>
              {t(`intake.escalationReasons.${c.escalationReason}` as never, { defaultValue: c.escalationReason })}
            </Tag>
          ) : null}
        </span>
      ),
    },
    ...(isEmergency
      ? [
          {
            key: 'responder',
            label: t('intake.responder'),
            children: <span data-testid="contact-responder">{c.responderName ?? '—'}</span>,
          },
          {
            key: 'result',
            label: t('intake.emergencyResult'),
            children: (
              <span data-testid="contact-result">
                {typeof resolved?.data.result === 'string' ? resolved.data.result : '—'}
                {resolved?.data.hasCalledAmbulance ? <Tag style={{ marginInlineStart: 8 }}>{t('intake.calledAmbulance')}</Tag> : null}
                {resolved?.data.hasCalledPolice ? <Tag>{t('intake.calledPolice')}</Tag> : null}
              </span>
            ),
          },
        ]
      : [
          {
            key: 'due',
            label: t('intake.replyDue'),
            children: <span data-testid="contact-reply-due">{formatDateTime(c.replyDueAt) || '—'}</span>,
          },
          {
            key: 'answer',
            label: t('intake.answer'),
            children: (
              <span data-testid="contact-answer">
                {c.answer ?? '—'}
                {c.answer && c.replyMethod ? (
                  <Typography.Text type="secondary">（{t(`intake.replyMethods.${c.replyMethod}` as never)}）</Typography.Text>
                ) : null}
              </span>
            ),
          },
        ]),
    // Only a triage into repair, matter or complaint makes a ticket.
    ...(c.status !== 'referred' && !c.linkedTicket
      ? []
      : [
          {
            key: 'linked',
            label: t('intake.linked'),
            children: c.linkedTicket ? (
              <Space size={8}>
                <Link to={linkOf(c.linkedTicket)} data-testid="contact-linked" data-number={c.linkedTicket.number ?? ''}>
                  {t(`intake.categories.${c.linkedTicket.kind}` as never)} {c.linkedTicket.number}
                </Link>
                {c.linkedTicket.status ? <Tag>{linkedStatus(c.linkedTicket)}</Tag> : null}
              </Space>
            ) : (
              '—'
            ),
          },
        ]),
  ];
  const timeline = [...c.events]
    .sort((a, b) => a.seq - b.seq)
    .map((e) => {
      const data = details(e);
      return {
        key: e.seq,
        color: warningEvents.has(e.type) ? 'red' : doneEvents.has(e.type) ? 'green' : 'blue',
        content: (
          <div className="timeline-item" data-testid="timeline-item" data-event-type={e.type} data-actor={e.actorName}>
            <div className="timeline-head">
              <Typography.Text strong>{t(`intake.events.${e.type}` as never, { defaultValue: e.type })}</Typography.Text>
              <Typography.Text type="secondary" className="timeline-time">
                {formatDateTime(e.at)}
              </Typography.Text>
            </div>
            <Typography.Text type="secondary">
              {e.actorName}
              {e.actorRole && e.actorRole !== 'system' ? ` · ${label('role', e.actorRole)}` : ''}
            </Typography.Text>
            <EventDataList items={data} />
          </div>
        ),
      };
    });
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle" data-testid="contact-detail-page">
      <Space wrap>
        <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate('/duty')}>
          {t('intake.back')}
        </Button>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="contact-number">
          {c.number}
        </Typography.Title>
        <ContactStatusTag status={c.status} />
        {c.emergencyKind ? <Tag color="red">{t(`intake.emergencyKinds.${c.emergencyKind}` as never)}</Tag> : null}
      </Space>
      <Card size="small" title={t('intake.detail')}>
        <Descriptions size="small" bordered column={3} items={items} />
      </Card>
      {c.allowedActions.length ? (
        <Card size="small" title={t('intake.actions')}>
          <Space wrap>
            {c.allowedActions.map((a) => (
              <Button
                key={a}
                onClick={() => setAction(a as ContactActionPath)}
                data-testid={`contact-action-${a}`}
                type={a === 'acknowledge' || a === 'resolve' || a === 'reply' ? 'primary' : 'default'}
                danger={a === 'acknowledge' || a === 'void'}
              >
                {t(`intake.actionNames.${a}` as never)}
              </Button>
            ))}
          </Space>
        </Card>
      ) : null}
      <Card size="small" title={t('intake.timeline')}>
        {timeline.length ? <Timeline data-testid="contact-timeline" items={timeline} /> : <Empty description={t('intake.none')} />}
      </Card>
      <ContactActionModal contact={c} action={action} onClose={() => setAction(null)} />
    </Space>
  );
}
