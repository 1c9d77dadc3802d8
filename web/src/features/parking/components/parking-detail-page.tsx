import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  type DescriptionsProps,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Timeline,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { type ChangeEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { FullPageSpin, LoadError } from '../../../components/page-states';
import { formatDateTime } from '../../../lib/datetime';
import { label } from '../../../lib/i18n';
import { formatYuan, yuanToFen } from '../../../lib/money';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import {
  documentUrl,
  type ParkingActionPath,
  type ParkingDetail,
  printUrl,
  uploadParkingDocument,
  useParking,
  useParkingAction,
  useSpaces,
} from '../api/parking';
import { ParkingStatusTag } from './parking-tags';

const pathOf = (a: string) => a.replaceAll('_', '-') as ParkingActionPath;
const purposes = ['driving_licence', 'id_card', 'other'] as const;

function ActionModal({ app, action, onClose }: { app: ParkingDetail; action: ParkingActionPath; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const act = useParkingAction();
  const free = useSpaces({ communityId: app.communityId, status: 'free' }, action === 'assign');
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const submit = async () => {
    const v = (await form.validateFields()) as Record<string, unknown> & { amount?: number; validFrom?: Dayjs };
    const { amount, validFrom, ...rest } = v;
    const body: Record<string, unknown> = { ...rest };
    if (amount !== undefined) body.amountCents = yuanToFen(amount);
    if (validFrom) body.validFrom = validFrom.format('YYYY-MM-DD');
    act.mutate(
      { id: app.id, action, body },
      {
        onSuccess: () => {
          void message.success(t('parking.done'));
          onClose();
        },
        onError: (e) => onError(e, form, { amountCents: 'amount' }),
      },
    );
  };
  return (
    <Modal
      open
      title={`${t(`parking.actionNames.${action}` as never)} · ${app.number}`}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={act.isPending}
      okButtonProps={{ 'data-testid': 'parking-action-submit' } as never}
    >
      <Form form={form} layout="vertical" initialValues={{ spaceId: app.wantedSpaceId ?? undefined, months: app.paidMonths ?? 12 }}>
        {action === 'assign' && (
          <Form.Item name="spaceId" label={t('parking.space')} rules={[{ required: true }]}>
            <Select
              showSearch
              optionFilterProp="label"
              data-testid="parking-space-select"
              options={(free.data?.items ?? []).map((s) => ({
                value: s.id,
                label: `${s.number} · ${s.zone} · ${t(`parking.spaceKinds.${s.kind}` as never)}`,
              }))}
            />
          </Form.Item>
        )}
        {(action === 'reject' || action === 'cancel') && (
          <Form.Item name="reason" label={t('parking.reasonField')} rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea rows={2} data-testid="parking-reason" />
          </Form.Item>
        )}
        {(action === 'pay' || action === 'renew') && (
          <>
            <Form.Item name="amount" label={t('parking.amount')} rules={[{ required: true }]}>
              <InputNumber min={0.01} precision={2} data-testid="parking-amount" />
            </Form.Item>
            <Form.Item name="months" label={t('parking.months')} rules={[{ required: true }]}>
              <InputNumber min={1} max={120} data-testid="parking-months" />
            </Form.Item>
            <Form.Item name="receiptNo" label={t('parking.receiptNo')} rules={[{ required: true, whitespace: true }]}>
              <Input data-testid="parking-receipt" />
            </Form.Item>
          </>
        )}
        {action === 'issue-card' && (
          <>
            <Form.Item name="cardNumber" label={t('parking.cardNumber')} rules={[{ required: true, whitespace: true }]}>
              <Input data-testid="parking-card-number" />
            </Form.Item>
            <Form.Item name="validFrom" label={t('parking.validFrom')}>
              <DatePicker data-testid="parking-valid-from" />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}

/** Upload a document: the kind, then the file. */
function DocumentUpload({ id, onDone }: { id: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [purpose, setPurpose] = useState<(typeof purposes)[number]>('driving_licence');
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  return (
    <Space>
      <Select
        value={purpose}
        onChange={setPurpose}
        style={{ width: 170 }}
        options={purposes.map((p) => ({ value: p, label: t(`parking.documentPurposes.${p}`) }))}
      />
      <input
        type="file"
        accept="image/*,application/pdf"
        data-testid="parking-document-file"
        onChange={(e: ChangeEvent<HTMLInputElement>) => {
          const file = e.target.files?.[0];
          if (!file) return;
          uploadParkingDocument(id, purpose, file).then(
            () => {
              void message.success(t('parking.uploaded'));
              onDone();
            },
            (err) => onError(err),
          );
        }}
      />
    </Space>
  );
}

/** One parking application: household, vehicle, space, card, payments, documents, actions by role and state, timeline and print. */
export function ParkingDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const q = useParking(id);
  const [action, setAction] = useState<ParkingActionPath | null>(null);
  if (q.isLoading) return <FullPageSpin />;
  if (q.error || !q.data) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const a = q.data;
  const items: DescriptionsProps['items'] = [
    { key: 'status', label: t('parking.status'), children: <ParkingStatusTag status={a.status} /> },
    { key: 'room', label: t('parking.room'), children: a.roomLabel },
    { key: 'applicant', label: t('parking.applicant'), children: `${a.applicantName} ${a.applicantPhone}` },
    { key: 'plate', label: t('parking.plateNumber'), children: <b>{a.plateNumber}</b> },
    { key: 'model', label: t('parking.vehicleModel'), children: a.vehicleModel },
    { key: 'driver', label: t('parking.driverName'), children: a.driverName },
    { key: 'wanted', label: t('parking.wantedSpace'), children: a.wantedSpaceNumber ?? t('parking.anySpace') },
    { key: 'space', label: t('parking.space'), children: a.spaceNumber ? `${a.spaceNumber} · ${a.spaceZone ?? ''}` : '—' },
    { key: 'agreement', label: t('parking.agreementSignedAt'), children: a.agreementSignedAt ? formatDateTime(a.agreementSignedAt) : '—' },
    { key: 'card', label: t('parking.cardNumber'), children: a.cardNumber ?? '—' },
    { key: 'validity', label: t('parking.validity'), children: a.validTo ? `${a.validFrom} – ${a.validTo}` : '—', span: 2 },
    { key: 'createdBy', label: t('parking.createdBy'), children: `${a.createdByName} ${formatDateTime(a.createdAt)}` },
    ...(a.rejectionReason ? [{ key: 'rejected', label: t('parking.rejectionReason'), children: a.rejectionReason, span: 2 }] : []),
    ...(a.cancelReason ? [{ key: 'cancelled', label: t('parking.cancelReason'), children: a.cancelReason, span: 2 }] : []),
  ];
  const canUpload = ['submitted', 'assigned', 'signed'].includes(a.status);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle" data-testid="parking-detail-page">
      <Space wrap>
        <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate('/parking')}>
          {t('parking.back')}
        </Button>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="parking-number">
          {a.number}
        </Typography.Title>
        <ParkingStatusTag status={a.status} />
        {a.spaceId ? (
          <Button icon={<PrinterOutlined />} href={printUrl(a.id, 'agreement')} target="_blank" data-testid="parking-print-agreement">
            {t('parking.printAgreement')}
          </Button>
        ) : null}
        {a.cardNumber ? (
          <Button icon={<PrinterOutlined />} href={printUrl(a.id, 'card')} target="_blank" data-testid="parking-print-card">
            {t('parking.printCard')}
          </Button>
        ) : null}
      </Space>
      <Card size="small">
        <Descriptions size="small" bordered column={3} items={items} />
      </Card>
      {a.allowedActions.length ? (
        <Card size="small" title={t('parking.actions')}>
          <Space wrap>
            {a.allowedActions.map((x) => (
              <Button
                key={x}
                onClick={() => setAction(pathOf(x))}
                data-testid={`parking-action-${pathOf(x)}`}
                danger={x === 'cancel' || x === 'reject'}
              >
                {t(`parking.actionNames.${pathOf(x)}` as never)}
              </Button>
            ))}
          </Space>
        </Card>
      ) : null}
      <Card
        size="small"
        title={t('parking.documents')}
        extra={canUpload ? <DocumentUpload id={a.id} onDone={() => void q.refetch()} /> : null}
      >
        {a.documents.length === 0
          ? '—'
          : a.documents.map((d) => (
              <div key={d.id}>
                <a href={documentUrl(a.id, d.id)} target="_blank" rel="noreferrer" data-testid="parking-document">
                  {`${t(`parking.documentPurposes.${d.purpose}` as never)} · ${d.filename}`}
                </a>
              </div>
            ))}
      </Card>
      {a.payments.length ? (
        <Card size="small" title={t('parking.payments')}>
          <Table
            rowKey="receiptNo"
            size="small"
            pagination={false}
            dataSource={a.payments}
            columns={[
              { title: t('parking.amount'), dataIndex: 'amountCents', render: (v: number) => formatYuan(v) },
              { title: t('parking.months'), dataIndex: 'months' },
              { title: t('parking.receiptNo'), dataIndex: 'receiptNo' },
              { title: t('parking.createdBy'), dataIndex: 'recordedByName' },
              { title: '', dataIndex: 'paidAt', render: (v: string) => formatDateTime(v) },
            ]}
          />
        </Card>
      ) : null}
      <Card size="small" title={t('parking.timeline')}>
        <Timeline
          data-testid="parking-timeline"
          items={[...a.events]
            .sort((x, y) => x.seq - y.seq)
            .map((e) => ({
              key: e.seq,
              content: (
                <div className="timeline-item" data-testid="timeline-item" data-event-type={e.type} data-actor={e.actorName}>
                  <div className="timeline-head">
                    <Typography.Text strong>{t(`parking.events.${e.type}` as never, { defaultValue: e.type })}</Typography.Text>
                    <Typography.Text type="secondary" className="timeline-time">
                      {formatDateTime(e.at)}
                    </Typography.Text>
                  </div>
                  <Typography.Text type="secondary">
                    {e.actorName}
                    {e.actorRole && e.actorRole !== 'system' ? ` · ${label('role', e.actorRole)}` : ''}
                  </Typography.Text>
                  {typeof e.data.reason === 'string' ? <div className="timeline-data">{e.data.reason}</div> : null}
                </div>
              ),
            }))}
        />
      </Card>
      {action ? <ActionModal app={a} action={action} onClose={() => setAction(null)} /> : null}
    </Space>
  );
}
