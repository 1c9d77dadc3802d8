import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, DatePicker, Form, Input, Modal, Radio, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { visitMethodEnum } from '../../../../../src/contract/owner-visits';
import { toServerTime } from '../../../lib/datetime';
import { dayjs } from '../../../lib/datetime';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { type RecordInput, useBookVisit, useRecordUnbooked, useRecordVisit, useRescheduleVisit, useCancelVisit } from '../api/owner-visits';

/** What the modals act on: a household (to book or record unbooked) or a booked visit. */
export type VisitTarget =
  | { kind: 'book'; communityId: string; roomId: string; household: string }
  | { kind: 'record-unbooked'; communityId: string; roomId: string; household: string }
  | { kind: 'record'; id: string; household: string }
  | { kind: 'reschedule'; id: string; household: string }
  | { kind: 'cancel'; id: string; household: string };

interface RecordValues {
  method: RecordInput['method'];
  visitedAt: Dayjs;
  visitorName?: string;
  residentName?: string;
  notes?: string;
  opinions?: string;
  issues?: { text: string }[];
  signature?: 'signed' | 'refused' | 'none';
  signedBy?: string;
  isConfidential?: boolean;
}

/** The booking, recording (业户访问记录), moving and cancelling forms, each in a modal with field errors from the server. */
export function VisitModal({ target, onClose }: { target: VisitTarget | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const onError = useApiErrorHandler();
  const book = useBookVisit();
  const record = useRecordVisit();
  const unbooked = useRecordUnbooked();
  const reschedule = useRescheduleVisit();
  const cancel = useCancelVisit();
  const method = Form.useWatch('method', form) as RecordValues['method'] | undefined;
  const signature = Form.useWatch('signature', form) as RecordValues['signature'];
  if (!target) return null;
  const isRecord = target.kind === 'record' || target.kind === 'record-unbooked';
  const unsigned = method === 'phone' || method === 'questionnaire';
  const done = (text: string) => () => {
    void message.success(text);
    form.resetFields();
    onClose();
  };
  const fail = (e: unknown) => onError(e, form);

  const submit = (v: Record<string, unknown>) => {
    if (target.kind === 'book') {
      book.mutate(
        {
          communityId: target.communityId,
          roomId: target.roomId,
          bookedFor: toServerTime(v.bookedFor as Dayjs),
          ...(v.residentName ? { residentName: v.residentName as string } : {}),
        },
        { onSuccess: done(t('ownerVisits.booked')), onError: fail },
      );
    } else if (target.kind === 'reschedule') {
      reschedule.mutate(
        { id: target.id, bookedFor: toServerTime(v.bookedFor as Dayjs) },
        { onSuccess: done(t('ownerVisits.booked')), onError: fail },
      );
    } else if (target.kind === 'cancel') {
      cancel.mutate({ id: target.id, reason: v.reason as string }, { onSuccess: done(t('ownerVisits.cancelled')), onError: fail });
    } else {
      const r = v as unknown as RecordValues;
      const body: RecordInput = {
        method: r.method,
        visitedAt: toServerTime(r.visitedAt),
        visitorName: r.visitorName || undefined,
        residentName: r.residentName || undefined,
        notes: r.notes || undefined,
        opinions: r.opinions || undefined,
        issues: (r.issues ?? []).filter((i) => i?.text?.trim()),
        signature: !r.signature || r.signature === 'none' ? null : r.signature,
        signedBy: r.signature === 'signed' ? r.signedBy : undefined,
        isConfidential: r.isConfidential ?? false,
      };
      if (target.kind === 'record') record.mutate({ id: target.id, body }, { onSuccess: done(t('ownerVisits.recorded')), onError: fail });
      else
        unbooked.mutate(
          { ...body, communityId: target.communityId, roomId: target.roomId },
          { onSuccess: done(t('ownerVisits.recorded')), onError: fail },
        );
    }
  };

  const title =
    target.kind === 'book'
      ? t('ownerVisits.bookTitle', { household: target.household })
      : target.kind === 'reschedule'
        ? t('ownerVisits.rescheduleTitle')
        : target.kind === 'cancel'
          ? t('ownerVisits.cancelTitle')
          : t('ownerVisits.recordTitle', { household: target.household });
  const pending = book.isPending || record.isPending || unbooked.isPending || reschedule.isPending || cancel.isPending;

  return (
    <Modal
      open
      title={title}
      onCancel={() => {
        form.resetFields();
        onClose();
      }}
      onOk={() => form.submit()}
      okText={t('ownerVisits.save')}
      confirmLoading={pending}
      width={isRecord ? 680 : 440}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'owner-visit-modal-ok' } as never}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={isRecord ? { method: 'home', visitedAt: dayjs(), signature: 'signed', issues: [] } : {}}
        data-testid="owner-visit-form"
      >
        {target.kind === 'book' || target.kind === 'reschedule' ? (
          <Form.Item name="bookedFor" label={t('ownerVisits.bookedFor')} rules={[{ required: true, message: t('ownerVisits.required') }]}>
            <DatePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format="YYYY-MM-DD HH:mm" data-testid="owner-visit-booked-for" />
          </Form.Item>
        ) : null}
        {target.kind === 'book' ? (
          <Form.Item name="residentName" label={t('ownerVisits.residentName')}>
            <Input maxLength={50} />
          </Form.Item>
        ) : null}
        {target.kind === 'cancel' ? (
          <Form.Item name="reason" label={t('ownerVisits.cancelReason')} rules={[{ required: true, message: t('ownerVisits.required') }]}>
            <Input.TextArea rows={2} maxLength={500} data-testid="owner-visit-cancel-reason" />
          </Form.Item>
        ) : null}
        {isRecord ? (
          <>
            <Space wrap>
              <Form.Item name="method" label={t('ownerVisits.method')} rules={[{ required: true }]}>
                <Select
                  style={{ width: 160 }}
                  options={visitMethodEnum.options.map((m) => ({ value: m, label: t(`ownerVisits.methods.${m}`) }))}
                  data-testid="owner-visit-method"
                />
              </Form.Item>
              <Form.Item name="visitedAt" label={t('ownerVisits.visitedAt')} rules={[{ required: true }]}>
                <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
              </Form.Item>
              <Form.Item name="visitorName" label={t('ownerVisits.visitor')}>
                <Input maxLength={50} style={{ width: 120 }} />
              </Form.Item>
              <Form.Item name="residentName" label={t('ownerVisits.residentName')}>
                <Input maxLength={50} style={{ width: 120 }} />
              </Form.Item>
            </Space>
            <Form.Item name="notes" label={t('ownerVisits.notes')}>
              <Input.TextArea rows={2} maxLength={4000} />
            </Form.Item>
            <Form.Item name="opinions" label={t('ownerVisits.opinions')}>
              <Input.TextArea rows={2} maxLength={4000} data-testid="owner-visit-opinions" />
            </Form.Item>
            <Form.List name="issues">
              {(fields, { add, remove }) => (
                <Form.Item label={t('ownerVisits.issues')}>
                  {fields.map((f) => (
                    <Space key={f.key} style={{ display: 'flex' }} align="baseline">
                      <Form.Item
                        name={[f.name, 'text']}
                        rules={[{ required: true, message: t('ownerVisits.required') }]}
                        style={{ width: 520 }}
                      >
                        <Input maxLength={1000} placeholder={t('ownerVisits.issueText')} />
                      </Form.Item>
                      <MinusCircleOutlined onClick={() => remove(f.name)} />
                    </Space>
                  ))}
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ text: '' })} data-testid="owner-visit-add-issue">
                    {t('ownerVisits.addIssue')}
                  </Button>
                </Form.Item>
              )}
            </Form.List>
            <Form.Item name="signature" label={t('ownerVisits.signature')}>
              <Radio.Group data-testid="owner-visit-signature">
                <Radio value="signed">{t('ownerVisits.signatures.signed')}</Radio>
                <Radio value="refused">{t('ownerVisits.signatures.refused')}</Radio>
                {unsigned ? <Radio value="none">{t('ownerVisits.noSignature')}</Radio> : null}
              </Radio.Group>
            </Form.Item>
            {signature === 'signed' ? (
              <Form.Item name="signedBy" label={t('ownerVisits.signedBy')} rules={[{ required: true, message: t('ownerVisits.required') }]}>
                <Input maxLength={50} style={{ width: 200 }} data-testid="owner-visit-signed-by" />
              </Form.Item>
            ) : null}
            <Form.Item name="isConfidential" valuePropName="checked">
              <Checkbox>{t('ownerVisits.isConfidential')}</Checkbox>
            </Form.Item>
          </>
        ) : null}
      </Form>
    </Modal>
  );
}
