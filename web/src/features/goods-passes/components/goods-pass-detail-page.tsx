import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  type DescriptionsProps,
  Form,
  Input,
  Modal,
  Space,
  Table,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { FullPageSpin, LoadError } from '../../../components/page-states';
import { formatDateTime } from '../../../lib/datetime';
import { label } from '../../../lib/i18n';
import { formatYuan } from '../../../lib/money';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { type GoodsPassActionPath, type GoodsPassDetail, useGoodsPass, useGoodsPassAction } from '../api/goods-passes';
import { GoodsPassStatusTag } from './goods-pass-status-tag';
import { IdentityFields } from './goods-passes-page';

function ActionModal({ pass, action, onClose }: { pass: GoodsPassDetail; action: GoodsPassActionPath; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const act = useGoodsPassAction();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const submit = async () => {
    const body = (await form.validateFields()) as Record<string, unknown>;
    act.mutate(
      { id: pass.id, action, body },
      {
        onSuccess: () => {
          void message.success(t('goodsPasses.done'));
          onClose();
        },
        onError: (e) => onError(e, form),
      },
    );
  };
  const initialValues =
    action === 'issue'
      ? {
          identity: {
            applicantName: pass.applicantName || undefined,
            relation: pass.relation ?? 'owner',
            idType: pass.idType ?? 'id_card',
            idLast4: pass.idLast4 ?? undefined,
            authorisation: pass.authorisation ?? undefined,
          },
        }
      : {};
  return (
    <Modal
      open
      width={action === 'issue' ? 720 : 520}
      title={`${t(`goodsPasses.actionNames.${action}` as never)} · ${pass.number}`}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={act.isPending}
      okButtonProps={{ 'data-testid': 'goods-pass-action-submit' } as never}
    >
      <Form form={form} layout="vertical" initialValues={initialValues}>
        {action === 'issue' ? <IdentityFields /> : null}
        {action === 'override' || action === 'return' || action === 'cancel' ? (
          <Form.Item name="reason" label={t('goodsPasses.reason')} rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea rows={2} data-testid="goods-pass-reason" />
          </Form.Item>
        ) : null}
        {action === 'release' ? (
          <Form.Item name="note" label={t('goodsPasses.note')}>
            <Input data-testid="goods-pass-note" />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}

/** What a step of the pass's history says: the reason, the note, the guard. */
function eventText(e: GoodsPassDetail['events'][number]): string {
  const d = e.data as Record<string, unknown>;
  return ['reason', 'note']
    .map((k) => d[k])
    .filter((v): v is string => typeof v === 'string' && v.length > 0)
    .join(' · ');
}

/** One pass: the goods, who applied and was checked, the household's arrears, the actions, printing and the timeline. */
export function GoodsPassDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const q = useGoodsPass(id);
  const [action, setAction] = useState<GoodsPassActionPath | null>(null);
  if (q.isLoading) return <FullPageSpin />;
  if (q.error || !q.data) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const g = q.data;
  const items: DescriptionsProps['items'] = [
    { key: 'status', label: t('goodsPasses.status'), children: <GoodsPassStatusTag status={g.status} /> },
    { key: 'location', label: t('goodsPasses.location'), children: g.location },
    { key: 'channel', label: t('goodsPasses.channel'), children: label('goodsPasses.channels', g.channel) },
    { key: 'applicant', label: t('goodsPasses.applicant'), children: [g.applicantName, g.reporterPhone].filter(Boolean).join(' ') || '—' },
    { key: 'relation', label: t('goodsPasses.relation'), children: g.relation ? t(`goodsPasses.relations.${g.relation}`) : '—' },
    {
      key: 'id',
      label: t('goodsPasses.idLast4'),
      children: g.idLast4 ? `${g.idType ? t(`goodsPasses.idTypes.${g.idType}`) : ''} ****${g.idLast4}` : '—',
    },
    ...(g.authorisation ? [{ key: 'auth', label: t('goodsPasses.authorisation'), children: g.authorisation, span: 3 }] : []),
    { key: 'carrier', label: t('goodsPasses.carrier'), children: g.carrierName || '—' },
    { key: 'plate', label: t('goodsPasses.plate'), children: g.vehiclePlate || '—' },
    { key: 'planned', label: t('goodsPasses.plannedAt'), children: formatDateTime(g.plannedAt) || '—' },
    { key: 'issuedBy', label: t('goodsPasses.issuedBy'), children: <span data-testid="goods-pass-issuer">{g.issuedByName ?? '—'}</span> },
    { key: 'issuedAt', label: t('goodsPasses.issuedAt'), children: formatDateTime(g.issuedAt) || '—' },
    { key: 'valid', label: t('goodsPasses.validUntil'), children: formatDateTime(g.validUntil) || '—' },
    ...(g.releasedAt
      ? [
          { key: 'releasedBy', label: t('goodsPasses.releasedBy'), children: g.releasedByName ?? '—' },
          { key: 'releasedAt', label: t('goodsPasses.releasedAt'), children: formatDateTime(g.releasedAt) },
        ]
      : []),
    ...(g.returnReason ? [{ key: 'return', label: t('goodsPasses.returnReason'), children: g.returnReason, span: 3 }] : []),
  ];
  const owed = g.householdOwedCents ?? 0;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle" data-testid="goods-pass-detail-page">
      <Space wrap>
        <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate('/goods-passes')}>
          {t('goodsPasses.back')}
        </Button>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="goods-pass-number">
          {g.number}
        </Typography.Title>
        <GoodsPassStatusTag status={g.status} />
        {g.issuedAt && g.status !== 'cancelled' ? (
          <Button icon={<PrinterOutlined />} href={`/print/goods-passes/${g.id}`} target="_blank" data-testid="goods-pass-print">
            {t('goodsPasses.print')}
          </Button>
        ) : null}
      </Space>
      {g.status === 'applied' && g.householdOwedCents !== null ? (
        owed > 0 && !g.overrideReason ? (
          <Alert type="error" showIcon data-testid="goods-pass-arrears" title={t('goodsPasses.owedBlock', { amount: formatYuan(owed) })} />
        ) : owed > 0 ? (
          <Alert
            type="warning"
            showIcon
            data-testid="goods-pass-arrears"
            title={`${t('goodsPasses.owed')} ${formatYuan(owed)} · ${t('goodsPasses.overridden')}（${g.overrideByName}：${g.overrideReason}）`}
          />
        ) : (
          <Alert type="success" showIcon data-testid="goods-pass-arrears" title={t('goodsPasses.noArrears')} />
        )
      ) : null}
      <Card size="small">
        <Descriptions size="small" bordered column={3} items={items} />
      </Card>
      <Card size="small" title={t('goodsPasses.items')}>
        <Table
          rowKey={(_, i) => String(i)}
          size="small"
          pagination={false}
          dataSource={g.items}
          data-testid="goods-pass-items"
          columns={[
            { title: t('goodsPasses.itemName'), dataIndex: 'name' },
            { title: t('goodsPasses.quantity'), dataIndex: 'quantity', width: 80 },
            { title: t('goodsPasses.itemNote'), dataIndex: 'note', render: (v?: string) => v ?? '' },
          ]}
        />
      </Card>
      {g.allowedActions.length ? (
        <Card size="small" title={t('goodsPasses.actions')}>
          <Space wrap>
            {g.allowedActions
              .filter((a): a is GoodsPassActionPath => a !== 'expire')
              .map((a) => (
                <Button
                  key={a}
                  type={a === 'issue' ? 'primary' : 'default'}
                  danger={a === 'cancel'}
                  onClick={() => setAction(a)}
                  data-testid={`goods-pass-action-${a}`}
                >
                  {t(`goodsPasses.actionNames.${a}`)}
                </Button>
              ))}
          </Space>
        </Card>
      ) : null}
      <Card size="small" title={t('goodsPasses.timeline')}>
        <Timeline
          data-testid="goods-pass-timeline"
          items={[...g.events]
            .sort((a, b) => a.seq - b.seq)
            .map((e) => ({
              key: e.seq,
              content: (
                <div className="timeline-item" data-testid="timeline-item" data-event-type={e.type} data-actor={e.actorName}>
                  <div className="timeline-head">
                    <Typography.Text strong>{t(`goodsPasses.events.${e.type}` as never, { defaultValue: e.type })}</Typography.Text>
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
      {action ? <ActionModal pass={g} action={action} onClose={() => setAction(null)} /> : null}
    </Space>
  );
}
