import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Checkbox,
  Descriptions,
  type DescriptionsProps,
  Form,
  Image,
  Input,
  Modal,
  Radio,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { FullPageSpin, LoadError } from '../../../components/page-states';
import { formatDateTime } from '../../../lib/datetime';
import { currentLanguage, label } from '../../../lib/i18n';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { rolesWith } from '../../../../../src/contract/access';
import { useSignedInMe } from '../../auth/api/get-me';
import { type HotWorkActionPath, type HotWorkDetail, photoUrl, printUrl, useHotWork, useHotWorkAction } from '../api/hot-work';
import { ApplyHotWorkModal } from './hot-work-list-page';
import { HotWorkStatusTag } from './hot-work-status-tag';

const appliers = rolesWith('hot_work.apply');
const pathOf = (a: string) => a.replaceAll('_', '-') as HotWorkActionPath;

/** The fields each action asks for. */
export function HotWorkActionFields({ action, status }: { action: HotWorkActionPath; status: string }) {
  const { t } = useTranslation();
  const required = [{ required: true, whitespace: true }];
  return (
    <>
      {(action === 'reject' || action === 'cancel') && (
        <Form.Item name="reason" label={t('hotWork.reasonField')} rules={required}>
          <Input.TextArea rows={2} data-testid="hot-work-action-reason" />
        </Form.Item>
      )}
      {action === 'inspect' && (
        <>
          <Form.Item name="findings" label={t('hotWork.findings')} rules={[{ required: true }]} initialValue="ok">
            <Radio.Group data-testid="hot-work-findings">
              <Radio value="ok">{t('hotWork.findingsOk')}</Radio>
              <Radio value="problem">{t('hotWork.findingsProblem')}</Radio>
            </Radio.Group>
          </Form.Item>
          {status === 'active' ? (
            <Form.Item name="stopWork" valuePropName="checked">
              <Checkbox data-testid="hot-work-stop">{t('hotWork.stopWork')}</Checkbox>
            </Form.Item>
          ) : (
            <Form.Item name="resumeWork" valuePropName="checked">
              <Checkbox data-testid="hot-work-resume">{t('hotWork.resumeWork')}</Checkbox>
            </Form.Item>
          )}
        </>
      )}
      {action === 'close' && (
        <>
          <Form.Item name="isSiteSafe" valuePropName="checked" initialValue={false}>
            <Checkbox data-testid="hot-work-site-safe">{t('hotWork.isSiteSafe')}</Checkbox>
          </Form.Item>
          <Form.Item name="hasNoEmbers" valuePropName="checked" initialValue={false}>
            <Checkbox data-testid="hot-work-no-embers">{t('hotWork.hasNoEmbers')}</Checkbox>
          </Form.Item>
        </>
      )}
      {action !== 'reject' && action !== 'cancel' && (
        <Form.Item name="note" label={t('hotWork.note')}>
          <Input data-testid="hot-work-action-note" />
        </Form.Item>
      )}
    </>
  );
}

function ActionModal({ permit, action, onClose }: { permit: HotWorkDetail; action: HotWorkActionPath; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const act = useHotWorkAction();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const submit = async () => {
    const body = (await form.validateFields()) as Record<string, unknown>;
    act.mutate(
      { id: permit.id, action, body },
      {
        onSuccess: () => {
          void message.success(t('hotWork.done'));
          onClose();
        },
        onError: (e) => onError(e, form),
      },
    );
  };
  return (
    <Modal
      open
      title={`${t(`hotWork.actionNames.${action}` as never)} · ${permit.number}`}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={act.isPending}
      okButtonProps={{ 'data-testid': 'hot-work-action-submit' } as never}
    >
      <Form form={form} layout="vertical">
        <HotWorkActionFields action={action} status={permit.status} />
      </Form>
    </Modal>
  );
}

/** What a step of the history says: the reason, the findings, the note. */
function eventText(e: HotWorkDetail['events'][number], t: (k: string) => string): string {
  const d = e.data as Record<string, unknown>;
  const parts: string[] = [];
  if (d.findings === 'ok' || d.findings === 'problem')
    parts.push(t(d.findings === 'ok' ? 'hotWork.findingsOk' : 'hotWork.findingsProblem'));
  for (const key of ['reason', 'note'] as const) if (typeof d[key] === 'string' && d[key]) parts.push(d[key] as string);
  return parts.join(' · ');
}

/** One hot-work permit: the form, approvals, safety notes, inspections, actions by role and state, timeline and print. */
export function HotWorkDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const me = useSignedInMe();
  const q = useHotWork(id);
  const [action, setAction] = useState<HotWorkActionPath | null>(null);
  const [isReapplying, setReapplying] = useState(false);
  if (q.isLoading) return <FullPageSpin />;
  if (q.error || !q.data) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const p = q.data;
  const lang = currentLanguage() === 'en' ? 'en' : 'zh';
  const items: DescriptionsProps['items'] = [
    { key: 'status', label: t('hotWork.status'), children: <HotWorkStatusTag status={p.status} /> },
    { key: 'company', label: t('hotWork.applicantCompany'), children: p.applicantCompany, span: 2 },
    { key: 'person', label: t('hotWork.personInCharge'), children: `${p.personInCharge} ${p.personInChargePhone}` },
    { key: 'operator', label: t('hotWork.operatorName'), children: p.operatorName },
    { key: 'certificate', label: t('hotWork.operatorCertificateNo'), children: p.operatorCertificateNo },
    { key: 'location', label: t('hotWork.location'), children: p.location },
    { key: 'type', label: t('hotWork.workType'), children: t(`hotWork.workTypes.${p.workType}` as never) },
    { key: 'window', label: t('hotWork.window'), children: `${formatDateTime(p.windowStartAt)} – ${formatDateTime(p.windowEndAt)}` },
    { key: 'reason', label: t('hotWork.reason'), children: p.reason, span: 3 },
    {
      key: 'measures',
      label: t('hotWork.measures'),
      span: 3,
      children: `${t('hotWork.extinguisherCount')} ${p.extinguisherCount} · ${t('hotWork.fireWatcherName')} ${p.fireWatcherName} · ${p.hasClearedCombustibles ? '☑' : '☐'} ${t('hotWork.hasClearedCombustibles')}`,
    },
    {
      key: 'cs',
      label: t('hotWork.csApproval'),
      children: p.csApprovedByName ? `${p.csApprovedByName} ${formatDateTime(p.csApprovedAt)}` : '—',
    },
    {
      key: 'eng',
      label: t('hotWork.engineeringApproval'),
      children: p.engineeringApprovedByName ? `${p.engineeringApprovedByName} ${formatDateTime(p.engineeringApprovedAt)}` : '—',
    },
    { key: 'createdBy', label: t('hotWork.createdBy'), children: p.createdByName },
    ...(p.rejectionReason ? [{ key: 'rejected', label: t('hotWork.rejectionReason'), children: p.rejectionReason, span: 3 }] : []),
    ...(p.closedByName
      ? [{ key: 'closed', label: t('hotWork.closedBy'), children: [p.closedByName, p.closeNote].filter(Boolean).join(' · '), span: 3 }]
      : []),
  ];
  const canReapply = p.status === 'rejected' && appliers.includes(me.role);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle" data-testid="hot-work-detail-page">
      <Space wrap>
        <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate('/hot-work')}>
          {t('hotWork.back')}
        </Button>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="hot-work-number">
          {p.number}
        </Typography.Title>
        <HotWorkStatusTag status={p.status} />
        <Button icon={<PrinterOutlined />} href={printUrl(p.id, 'application')} target="_blank" data-testid="hot-work-print-application">
          {t('hotWork.printApplication')}
        </Button>
        {p.issuedAt ? (
          <Button icon={<PrinterOutlined />} href={printUrl(p.id, 'permit')} target="_blank" data-testid="hot-work-print-permit">
            {t('hotWork.printPermit')}
          </Button>
        ) : null}
      </Space>
      <Card size="small">
        <Descriptions size="small" bordered column={3} items={items} />
      </Card>
      {p.allowedActions.length || canReapply ? (
        <Card size="small" title={t('hotWork.actions')}>
          <Space wrap>
            {p.allowedActions.map((a) => (
              <Button
                key={a}
                onClick={() => setAction(pathOf(a))}
                data-testid={`hot-work-action-${pathOf(a)}`}
                danger={a === 'cancel' || a === 'reject'}
              >
                {t(`hotWork.actionNames.${pathOf(a)}` as never)}
              </Button>
            ))}
            {canReapply ? (
              <Button onClick={() => setReapplying(true)} data-testid="hot-work-reapply">
                {t('hotWork.reapply')}
              </Button>
            ) : null}
          </Space>
        </Card>
      ) : null}
      {p.safetyNotes.length ? (
        <Card size="small" title={t('hotWork.safetyNotes')}>
          <ol style={{ margin: 0, paddingLeft: 20 }} data-testid="hot-work-safety-notes">
            {p.safetyNotes.map((n) => (
              <li key={n.zh}>{n[lang]}</li>
            ))}
          </ol>
        </Card>
      ) : null}
      <Card size="small" title={t('hotWork.inspections')}>
        {p.inspections.length === 0 ? (
          <Typography.Text type="secondary">{t('hotWork.noInspections')}</Typography.Text>
        ) : (
          <Space orientation="vertical" style={{ width: '100%' }} data-testid="hot-work-inspections">
            {p.inspections.map((i) => (
              <Space key={i.id} wrap data-testid="hot-work-inspection">
                <Typography.Text>{formatDateTime(i.at)}</Typography.Text>
                <Typography.Text>{i.inspectorName}</Typography.Text>
                <Tag color={i.findings === 'ok' ? 'green' : 'red'}>
                  {t(i.findings === 'ok' ? 'hotWork.findingsOk' : 'hotWork.findingsProblem')}
                </Tag>
                {i.outcome !== 'none' ? <Tag color="orange">{t(`hotWork.outcomes.${i.outcome}` as never)}</Tag> : null}
                {i.note ? <Typography.Text type="secondary">{i.note}</Typography.Text> : null}
                {i.photos.map((ph) => (
                  <Image key={ph.id} width={48} height={48} src={photoUrl(p.id, ph.id)} alt={ph.filename} />
                ))}
              </Space>
            ))}
          </Space>
        )}
      </Card>
      <Card size="small" title={t('hotWork.timeline')}>
        <Timeline
          data-testid="hot-work-timeline"
          items={[...p.events]
            .sort((a, b) => a.seq - b.seq)
            .map((e) => ({
              key: e.seq,
              content: (
                <div className="timeline-item" data-testid="timeline-item" data-event-type={e.type} data-actor={e.actorName}>
                  <div className="timeline-head">
                    <Typography.Text strong>{t(`hotWork.events.${e.type}` as never, { defaultValue: e.type })}</Typography.Text>
                    <Typography.Text type="secondary" className="timeline-time">
                      {formatDateTime(e.at)}
                    </Typography.Text>
                  </div>
                  <Typography.Text type="secondary">
                    {e.actorName}
                    {e.actorRole && e.actorRole !== 'system' ? ` · ${label('role', e.actorRole)}` : ''}
                  </Typography.Text>
                  {eventText(e, t as never) ? <div className="timeline-data">{eventText(e, t as never)}</div> : null}
                </div>
              ),
            }))}
        />
      </Card>
      {action ? <ActionModal permit={p} action={action} onClose={() => setAction(null)} /> : null}
      {isReapplying ? (
        <ApplyHotWorkModal
          communityId={p.communityId}
          from={p}
          onClose={(created) => {
            setReapplying(false);
            if (created) void navigate(`/hot-work/${created}`);
          }}
        />
      ) : null}
    </Space>
  );
}
