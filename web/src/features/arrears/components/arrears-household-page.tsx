import { ArrowLeftOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { FullPageSpin, LoadError } from '../../../components/page-states';
import { formatDateTime } from '../../../lib/datetime';
import { formatYuan, yuanToFen } from '../../../lib/money';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { type ArrearsHouseholdDetail, useArrearsHousehold, useRecordChase, useRecordPayment } from '../api/arrears';

const methods = ['phone', 'visit', 'sms', 'notice', 'other'] as const;
const results = ['promised', 'refused', 'unreachable', 'paid', 'other'] as const;

function PaymentModal({ line, onClose }: { line: ArrearsHouseholdDetail['lines'][number]; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const pay = useRecordPayment();
  const onError = useApiErrorHandler();
  const outstanding = line.amountOwedCents - line.amountPaidCents;
  const submit = async () => {
    const v = (await form.validateFields()) as { amount: number; note?: string };
    pay.mutate(
      { lineId: line.id, body: { amountCents: yuanToFen(v.amount) ?? 0, ...(v.note ? { note: v.note } : {}) } },
      { onSuccess: onClose, onError: (e) => onError(e, form, { amountCents: 'amount' }) },
    );
  };
  return (
    <Modal
      open
      title={`${t('arrears.pay')} · ${line.feeType} ${line.period}`}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={pay.isPending}
    >
      <Form form={form} layout="vertical" initialValues={{ amount: outstanding / 100 }}>
        <Form.Item name="amount" label={t('arrears.payAmount')} rules={[{ required: true }]}>
          <InputNumber min={0.01} max={outstanding / 100} precision={2} style={{ width: 200 }} data-testid="arrears-pay-amount" />
        </Form.Item>
        <Form.Item name="note" label={t('arrears.note')}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ChaseForm({ roomId }: { roomId: string }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const chase = useRecordChase();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const result = Form.useWatch('result', form);
  return (
    <Form
      form={form}
      layout="inline"
      initialValues={{ method: 'phone', result: 'promised' }}
      onFinish={(v: { method: string; result: string; promisedDate?: { format(f: string): string }; note?: string }) =>
        chase.mutate(
          {
            roomId,
            body: {
              method: v.method,
              result: v.result,
              ...(v.promisedDate ? { promisedDate: v.promisedDate.format('YYYY-MM-DD') } : {}),
              ...(v.note ? { note: v.note } : {}),
            },
          },
          {
            onSuccess: () => {
              void message.success(t('arrears.saved'));
              form.resetFields(['note', 'promisedDate']);
            },
            onError: (e) => onError(e, form),
          },
        )
      }
    >
      <Form.Item name="method" label={t('arrears.method')}>
        <Select style={{ width: 110 }} options={methods.map((m) => ({ value: m, label: t(`arrears.methods.${m}`) }))} />
      </Form.Item>
      <Form.Item name="result" label={t('arrears.result')}>
        <Select style={{ width: 130 }} options={results.map((m) => ({ value: m, label: t(`arrears.results.${m}`) }))} />
      </Form.Item>
      {result === 'promised' ? (
        <Form.Item name="promisedDate" label={t('arrears.promisedDate')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
      ) : null}
      <Form.Item name="note" label={t('arrears.note')}>
        <Input style={{ width: 220 }} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={chase.isPending} data-testid="arrears-chase-submit">
        {t('arrears.newChase')}
      </Button>
    </Form>
  );
}

/** One household's arrears: lines with payments (finance), chases (the clerk). */
export function ArrearsHouseholdPage() {
  const { t } = useTranslation();
  const { roomId = '' } = useParams();
  const navigate = useNavigate();
  const q = useArrearsHousehold(roomId);
  const [paying, setPaying] = useState<ArrearsHouseholdDetail['lines'][number] | null>(null);
  if (q.isLoading) return <FullPageSpin />;
  if (q.error || !q.data) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const h = q.data;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle" data-testid="arrears-household-page">
      <Space wrap>
        <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate('/arrears')}>
          {t('arrears.back')}
        </Button>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {h.location} {h.ownerName}
        </Typography.Title>
        <Tag color={h.status === 'paid' ? 'green' : 'gold'}>{t(`arrears.statuses.${h.status}`)}</Tag>
        {h.isChaseDue ? <Tag color="red">{t('arrears.chaseDue')}</Tag> : null}
      </Space>
      <Card size="small">
        <Descriptions
          size="small"
          column={3}
          items={[
            {
              key: 'o',
              label: t('arrears.outstanding'),
              children: <b data-testid="arrears-outstanding">{formatYuan(h.outstandingCents)}</b>,
            },
            { key: 'p', label: t('arrears.paid'), children: formatYuan(h.paidCents) },
            { key: 'c', label: t('arrears.clerk'), children: h.clerkName ?? '—' },
            { key: 'l', label: t('arrears.lastChase'), children: formatDateTime(h.lastChasedAt) || '—' },
            { key: 'n', label: t('arrears.nextChase'), children: formatDateTime(h.nextChaseDueAt) || '—' },
          ]}
        />
      </Card>
      <Card size="small" title={t('arrears.lines')}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={h.lines}
          columns={[
            { title: t('arrears.feeType'), dataIndex: 'feeType' },
            { title: t('arrears.period'), dataIndex: 'period' },
            { title: t('arrears.owed'), dataIndex: 'amountOwedCents', align: 'right' as const, render: (v: number) => formatYuan(v) },
            { title: t('arrears.paid'), dataIndex: 'amountPaidCents', align: 'right' as const, render: (v: number) => formatYuan(v) },
            { title: t('arrears.status'), dataIndex: 'status', render: (v: 'owed' | 'paid') => t(`arrears.lineStatus.${v}`) },
            ...(h.canPay
              ? [
                  {
                    title: '',
                    key: 'pay',
                    render: (_: unknown, l: ArrearsHouseholdDetail['lines'][number]) =>
                      l.status === 'owed' ? (
                        <Button size="small" onClick={() => setPaying(l)} data-testid="arrears-pay">
                          {t('arrears.pay')}
                        </Button>
                      ) : null,
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Card size="small" title={t('arrears.chases')}>
        {h.canChase ? (
          <div style={{ marginBottom: 12 }}>
            <ChaseForm roomId={h.roomId} />
          </div>
        ) : null}
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={h.chases}
          data-testid="arrears-chases"
          columns={[
            { title: t('arrears.at'), dataIndex: 'at', render: (v: string) => formatDateTime(v) },
            { title: t('arrears.method'), dataIndex: 'method', render: (v: string) => t(`arrears.methods.${v}` as never) },
            { title: t('arrears.result'), dataIndex: 'result', render: (v: string) => t(`arrears.results.${v}` as never) },
            { title: t('arrears.promisedDate'), dataIndex: 'promisedDate', render: (v: string | null) => v ?? '—' },
            { title: t('arrears.note'), dataIndex: 'note' },
            { title: t('arrears.chasedBy'), dataIndex: 'chasedByName' },
          ]}
        />
      </Card>
      {paying ? <PaymentModal line={paying} onClose={() => setPaying(null)} /> : null}
    </Space>
  );
}
