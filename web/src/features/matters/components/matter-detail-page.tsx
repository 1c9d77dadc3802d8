import { ArrowLeftOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Descriptions,
  type DescriptionsProps,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { FullPageSpin, LoadError } from '../../../components/page-states';
import { formatDateTime } from '../../../lib/datetime';
import { label } from '../../../lib/i18n';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { type MatterActionPath, type MatterDetail, useMatter, useMatterAction, useSupervisors } from '../api/matters';
import { MatterStatusTag } from './matter-status-tag';

const departments = ['security', 'cleaning', 'landscaping', 'engineering', 'other'];
const pathOf = (a: string) => a.replaceAll('_', '-') as MatterActionPath;

function ActionModal({
  id,
  number,
  communityId,
  action,
  onClose,
}: {
  id: string;
  number: string;
  communityId: string;
  action: MatterActionPath;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const act = useMatterAction();
  const sups = useSupervisors(communityId, action === 'send');
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const required = [{ required: true, whitespace: true }];
  const submit = async () => {
    const body = (await form.validateFields()) as Record<string, unknown>;
    act.mutate(
      { id, action, body },
      {
        onSuccess: () => {
          void message.success(t('matters.done'));
          onClose();
        },
        onError: (e) => onError(e, form),
      },
    );
  };
  return (
    <Modal
      open
      title={`${t(`matters.actionNames.${action}` as never)} · ${number}`}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={act.isPending}
      okButtonProps={{ 'data-testid': 'matter-action-submit' } as never}
    >
      <Form form={form} layout="vertical">
        {action === 'send' && (
          <Form.Item name="supervisorId" label={t('matters.supervisor')} rules={[{ required: true }]}>
            <Select
              data-testid="matter-supervisor"
              options={(sups.data ?? []).map((s) => ({ value: s.id, label: `${s.name}（${label('role', s.role)}）` }))}
            />
          </Form.Item>
        )}
        {action === 'hand-over' && (
          <Form.Item name="department" label={t('matters.department')} rules={[{ required: true }]}>
            <Select
              data-testid="matter-department"
              options={departments.map((d) => ({ value: d, label: t(`matters.departments.${d}` as never) }))}
            />
          </Form.Item>
        )}
        {(action === 'decline' || action === 'reopen' || action === 'cancel') && (
          <Form.Item name="reason" label={t('matters.reason')} rules={required}>
            <Input.TextArea rows={2} data-testid="matter-reason" />
          </Form.Item>
        )}
        {action === 'complete' && (
          <Form.Item name="result" label={t('matters.result')} rules={required}>
            <Input.TextArea rows={3} data-testid="matter-result" />
          </Form.Item>
        )}
        {(action === 'chase' || action === 'hand-over' || action === 'close') && (
          <Form.Item name="note" label={t('matters.note')} rules={action === 'chase' ? required : []}>
            <Input data-testid="matter-note" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/** The follow-up visits a matter opened, with their state in words. */
const visitsOf = (m: MatterDetail, homeVisit: string) =>
  m.visits
    .map((v) => `${formatDateTime(v.dueAt)} ${label('visitTasks.statuses', v.status)}${v.isHomeVisitRequired ? `（${homeVisit}）` : ''}`)
    .join('；');

/** What a step of the matter's history says: the department, the reason, the result, the note. */
function eventText(e: MatterDetail['events'][number]): string {
  const d = e.data as Record<string, unknown>;
  const parts: string[] = [];
  if (typeof d.department === 'string') parts.push(label('matters.departments', d.department));
  for (const key of ['reason', 'result', 'note'] as const) if (typeof d[key] === 'string' && d[key]) parts.push(d[key] as string);
  return parts.join(' · ');
}

/** One matter: where it is, who has it, what the signed-in person may do, and its timeline. */
export function MatterDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const q = useMatter(id);
  const [action, setAction] = useState<MatterActionPath | null>(null);
  if (q.isLoading) return <FullPageSpin />;
  if (q.error || !q.data) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const m = q.data;
  const items: DescriptionsProps['items'] = [
    {
      key: 'status',
      label: t('matters.status'),
      children: (
        <Space size={2} wrap>
          <MatterStatusTag status={m.status} />
          {m.flags.map((f) => (
            <Tag key={f} color="red">
              {t(`matters.flags.${f}` as never)}
            </Tag>
          ))}
        </Space>
      ),
    },
    { key: 'category', label: t('matters.category'), children: m.category },
    { key: 'location', label: t('matters.location'), children: m.location || '—' },
    { key: 'content', label: t('matters.content'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{m.content}</span>, span: 3 },
    {
      key: 'reporter',
      label: t('matters.reporterName'),
      children: [m.reporterName, m.reporterPhone].filter(Boolean).join(' ') || '—',
    },
    { key: 'createdAt', label: t('matters.createdAt'), children: formatDateTime(m.createdAt) },
    { key: 'owner', label: t('matters.owner'), children: m.ownerName ?? m.createdByName },
    { key: 'supervisor', label: t('matters.supervisor'), children: m.supervisorName ?? '—' },
    { key: 'department', label: t('matters.department'), children: m.department ? t(`matters.departments.${m.department}` as never) : '—' },
    { key: 'handler', label: t('matters.handler'), children: m.handlerName ?? '—' },
    {
      key: 'from',
      label: t('matters.fromContact'),
      children: m.fromContact ? (
        <Link to={`/duty/${m.fromContact.id}`} data-testid="matter-from-contact">
          {m.fromContact.number}
        </Link>
      ) : (
        '—'
      ),
    },
    { key: 'result', label: t('matters.result'), children: <span data-testid="matter-result-text">{m.result ?? '—'}</span>, span: 3 },
    {
      key: 'visits',
      label: t('matters.visits'),
      children: visitsOf(m, t('matters.isMajor')) || '—',
      span: 3,
    },
  ];
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle" data-testid="matter-detail-page">
      <Space wrap>
        <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate('/matters')}>
          {t('matters.back')}
        </Button>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="matter-number">
          {m.number}
        </Typography.Title>
        <MatterStatusTag status={m.status} />
        {m.isMajor ? <Tag color="red">{t('matters.isMajor')}</Tag> : null}
      </Space>
      <Card size="small">
        <Descriptions size="small" bordered column={3} items={items} />
      </Card>
      {m.allowedActions.length ? (
        <Card size="small" title={t('matters.actions')}>
          <Space wrap>
            {m.allowedActions.map((a) => (
              <Button key={a} onClick={() => setAction(pathOf(a))} data-testid={`matter-action-${pathOf(a)}`} danger={a === 'cancel'}>
                {t(`matters.actionNames.${pathOf(a)}` as never)}
              </Button>
            ))}
          </Space>
        </Card>
      ) : null}
      <Card size="small" title={t('matters.timeline')}>
        <Timeline
          data-testid="matter-timeline"
          items={[...m.events]
            .sort((a, b) => a.seq - b.seq)
            .map((e) => ({
              key: e.seq,
              content: (
                <div className="timeline-item" data-testid="timeline-item" data-event-type={e.type} data-actor={e.actorName}>
                  <div className="timeline-head">
                    <Typography.Text strong>{t(`matters.events.${e.type}` as never, { defaultValue: e.type })}</Typography.Text>
                    <Typography.Text type="secondary" className="timeline-time">
                      {formatDateTime(e.at)}
                    </Typography.Text>
                  </div>
                  <Typography.Text type="secondary">
                    {e.actorName}
                    {e.actorRole && e.actorRole !== 'system' ? ` · ${label('role', e.actorRole)}` : ''}
                  </Typography.Text>
                  {eventText(e) ? <div className="timeline-data">{eventText(e)}</div> : null}
                </div>
              ),
            }))}
        />
      </Card>
      {action ? (
        <ActionModal id={m.id} number={m.number} communityId={m.communityId} action={action} onClose={() => setAction(null)} />
      ) : null}
    </Space>
  );
}
