import { MinusCircleOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Radio, Space, Upload } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toServerTime } from '../../../lib/datetime';
import { formatYuan, yuanToFen } from '../../../lib/money';
import { useApiErrorHandler, useErrorText } from '../../../lib/use-api-error';
import { useSignedInMe } from '../../auth/api/get-me';
import { csInspectorRoles } from '../access';
import {
  actionPath,
  photoUploadTypes,
  type RenovationAction,
  type RenovationDetail,
  uploadProblem,
  useRenovationAction,
  useUploadPhoto,
} from '../api/renovations';
import { ApplicationFields, type ApplicationValues, applicationBody, applicationFieldMap, applicationValuesOf } from './application-fields';

/** What a row's button hands to the form: the patrol or the violation it is about. */
export interface ActionTarget {
  patrolId?: string;
  violationId?: string;
}

const noteOnly = new Set<RenovationAction>(['pass_check', 'approve', 'resubmit', 'resume_work']);
const reasonOnly = new Set<RenovationAction>(['return', 'reject', 'withdraw']);
const acceptanceItemKeys = ['i1', 'i2', 'i3', 'i4', 'i5', 'i6'] as const;

type Values = Record<string, unknown> & Partial<ApplicationValues>;

/** The form's values as the action's request body. */
function bodyOf(action: RenovationAction, v: Values, target: ActionTarget): Record<string, unknown> {
  const at = (d: unknown) => (d ? toServerTime(d as Dayjs) : undefined);
  switch (action) {
    case 'edit':
      return applicationBody(v as unknown as ApplicationValues);
    case 'record_payment':
      return {
        fees: ((v.fees as { name: string; amountYuan: number }[] | undefined) ?? []).map((f) => ({
          name: f.name,
          amountCents: yuanToFen(f.amountYuan) ?? 0,
        })),
        depositCents: yuanToFen(v.depositYuan as number) ?? 0,
        receiptNumber: v.receiptNumber,
      };
    case 'record_patrol':
      return {
        patrolId: target.patrolId,
        result: v.result,
        note: v.note || undefined,
        violation: v.result === 'issue' && v.raiseViolation ? { description: v.violationDescription } : undefined,
      };
    case 'issue_notice':
      return { violationId: target.violationId, requirement: v.requirement, deadlineAt: at(v.deadlineAt) };
    case 'recheck':
      return { violationId: target.violationId, isRectified: v.isRectified === true, note: v.note || undefined };
    case 'decide_penalty':
      return {
        violationId: target.violationId,
        isStopWork: v.isStopWork === true,
        deductionCents: yuanToFen(v.deductionYuan as number) ?? 0,
        reason: v.reason,
      };
    case 'book_inspection':
    case 'book_refund':
      return { at: at(v.at), note: v.note || undefined };
    case 'record_acceptance':
      return {
        items: ((v.items as { name: string; isPassed?: boolean; note?: string }[] | undefined) ?? []).map((i) => ({
          name: i.name,
          isPassed: i.isPassed === true,
          note: i.note || undefined,
        })),
        note: v.note || undefined,
      };
    default:
      return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== ''));
  }
}

/** Server fields that sit on a differently named form item. */
const fieldMapOf = (action: RenovationAction): Record<string, string> => {
  if (action === 'edit') return applicationFieldMap;
  if (action === 'record_payment')
    return {
      depositCents: 'depositYuan',
      ...Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`fees.${i}.amountCents`, `fees.${i}.amountYuan`])),
    };
  if (action === 'record_patrol') return { 'violation.description': 'violationDescription' };
  if (action === 'decide_penalty') return { deductionCents: 'deductionYuan' };
  return {};
};

/** One step of a renovation in a modal: the fields it needs, the server's field errors on them. */
export function RenovationActionModal({
  r,
  action,
  target,
  onClose,
}: {
  r: RenovationDetail;
  action: RenovationAction;
  target: ActionTarget;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const [form] = Form.useForm<Values>();
  const act = useRenovationAction();
  const upload = useUploadPhoto();
  const onError = useApiErrorHandler();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [photo, setPhoto] = useState<File | null>(null);
  const result = Form.useWatch('result', form);
  const raiseViolation = Form.useWatch('raiseViolation', form);
  const required = [{ required: true, whitespace: true }];
  const hasPhoto = action === 'record_patrol' || action === 'record_violation';

  const afterSaved = async (d: RenovationDetail) => {
    if (!photo) return;
    const violationId = action === 'record_violation' ? [...d.violations].sort((a, b) => b.seq - a.seq)[0]?.id : undefined;
    const targetId = action === 'record_patrol' ? target.patrolId : violationId;
    if (!targetId) return;
    try {
      await upload.mutateAsync({ id: d.id, purpose: action === 'record_patrol' ? 'patrol' : 'violation', targetId, file: photo });
      void message.success(t('renovation.form.photoUploaded'));
    } catch (e) {
      void message.error(errorText(e));
    }
  };

  const submit = async () => {
    const v = await form.validateFields();
    act.mutate(
      { id: r.id, action: actionPath(action), body: bodyOf(action, v, target) },
      {
        onSuccess: async (d) => {
          await afterSaved(d);
          void message.success(t('renovation.done'));
          onClose();
        },
        onError: (e) => onError(e, form as never, fieldMapOf(action)),
      },
    );
  };

  const initialValues = (
    action === 'edit'
      ? applicationValuesOf(r)
      : action === 'record_payment'
        ? { fees: [{ name: t('renovation.form.feeDefault') }, { name: t('renovation.form.feeDefault2') }] }
        : action === 'record_acceptance'
          ? { items: acceptanceItemKeys.map((k) => ({ name: t(`renovation.acceptanceItems.${k}`), isPassed: true })) }
          : action === 'record_patrol'
            ? { result: 'pass' }
            : action === 'recheck'
              ? { isRectified: true }
              : {}
  ) as Values;
  const violation = r.violations.find((x) => x.id === target.violationId);

  return (
    <Modal
      open
      width={action === 'edit' || action === 'record_acceptance' ? 820 : 560}
      title={`${t(`renovation.actions.${action}`)} · ${r.number}`}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={act.isPending || upload.isPending}
      okButtonProps={{ 'data-testid': 'renovation-action-submit' } as never}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={initialValues} data-testid="renovation-action-form" data-action={action}>
        {violation ? (
          <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={`#${violation.seq} ${violation.description}`} />
        ) : null}
        {action === 'edit' ? <ApplicationFields /> : null}
        {reasonOnly.has(action) ? (
          <Form.Item name="reason" label={t('renovation.form.reason')} rules={required}>
            <Input.TextArea rows={3} data-testid="field-reason" />
          </Form.Item>
        ) : null}
        {action === 'record_payment' ? (
          <>
            <Form.List name="fees">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f) => (
                    <Space key={f.key} align="baseline" data-testid="fee-line">
                      <Form.Item name={[f.name, 'name']} label={t('renovation.form.feeName')} rules={required}>
                        <Input style={{ width: 200 }} data-testid={`field-fee-name-${f.name}`} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'amountYuan']} label={t('renovation.form.amount')} rules={[{ required: true }]}>
                        <InputNumber min={0} precision={2} style={{ width: 140 }} data-testid={`field-fee-amount-${f.name}`} />
                      </Form.Item>
                      {fields.length > 1 ? <MinusCircleOutlined onClick={() => remove(f.name)} /> : null}
                    </Space>
                  ))}
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '' })} style={{ marginBottom: 16 }}>
                    {t('renovation.form.addFee')}
                  </Button>
                </>
              )}
            </Form.List>
            <Space align="start" wrap>
              <Form.Item name="depositYuan" label={t('renovation.form.depositYuan')} rules={[{ required: true }]}>
                <InputNumber min={0} precision={2} style={{ width: 160 }} data-testid="field-deposit" />
              </Form.Item>
              <Form.Item name="receiptNumber" label={t('renovation.fields.receiptNumber')} rules={required}>
                <Input style={{ width: 200 }} data-testid="field-receipt-number" />
              </Form.Item>
            </Space>
          </>
        ) : null}
        {action === 'record_patrol' ? (
          <>
            <Form.Item name="result" label={t('renovation.form.result')} rules={[{ required: true }]}>
              <Radio.Group
                data-testid="field-result"
                options={[
                  { value: 'pass', label: t('renovation.form.pass') },
                  { value: 'issue', label: t('renovation.form.issue') },
                ]}
              />
            </Form.Item>
            {result === 'issue' ? (
              <Form.Item name="raiseViolation" valuePropName="checked">
                <Checkbox data-testid="field-raise-violation">{t('renovation.form.raiseViolation')}</Checkbox>
              </Form.Item>
            ) : null}
            {result === 'issue' && raiseViolation ? (
              <Form.Item name="violationDescription" label={t('renovation.form.violationDescription')} rules={required}>
                <Input.TextArea rows={2} data-testid="field-violation-description" />
              </Form.Item>
            ) : null}
          </>
        ) : null}
        {action === 'record_violation' ? (
          <Form.Item name="description" label={t('renovation.form.violationDescription')} rules={required}>
            <Input.TextArea rows={3} data-testid="field-description" />
          </Form.Item>
        ) : null}
        {action === 'issue_notice' ? (
          <>
            <Form.Item name="requirement" label={t('renovation.form.requirement')} rules={required}>
              <Input.TextArea rows={3} data-testid="field-requirement" />
            </Form.Item>
            <Form.Item name="deadlineAt" label={t('renovation.form.deadline')} extra={t('renovation.form.deadlineHint')}>
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" data-testid="field-deadline" />
            </Form.Item>
          </>
        ) : null}
        {action === 'recheck' ? (
          <Form.Item name="isRectified" label={t('renovation.form.isRectified')}>
            <Radio.Group
              data-testid="field-is-rectified"
              options={[
                { value: true, label: t('renovation.form.rectified') },
                { value: false, label: t('renovation.form.notRectified') },
              ]}
            />
          </Form.Item>
        ) : null}
        {action === 'decide_penalty' ? (
          <>
            <Alert
              type="info"
              style={{ marginBottom: 12 }}
              message={t('renovation.form.depositLeft', { amount: formatYuan(r.ledger.balanceCents) })}
            />
            <Form.Item name="isStopWork" valuePropName="checked">
              <Checkbox data-testid="field-stop-work">{t('renovation.form.isStopWork')}</Checkbox>
            </Form.Item>
            <Form.Item name="deductionYuan" label={t('renovation.form.deductionYuan')} initialValue={0}>
              <InputNumber min={0} precision={2} style={{ width: 160 }} data-testid="field-deduction" />
            </Form.Item>
            <Form.Item name="reason" label={t('renovation.form.reason')} rules={required}>
              <Input.TextArea rows={2} data-testid="field-reason" />
            </Form.Item>
          </>
        ) : null}
        {action === 'book_inspection' || action === 'book_refund' ? (
          <Form.Item
            name="at"
            label={t(action === 'book_inspection' ? 'renovation.form.inspectionAt' : 'renovation.form.refundAt')}
            rules={[{ required: true }]}
          >
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" data-testid="field-at" />
          </Form.Item>
        ) : null}
        {action === 'record_acceptance' ? (
          <>
            <Alert
              type="info"
              style={{ marginBottom: 12 }}
              data-testid="acceptance-side"
              message={t('renovation.form.side', {
                side: t(csInspectorRoles.includes(me.role) ? 'renovation.form.sideCs' : 'renovation.form.sideEng'),
              })}
            />
            <Form.List name="items">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f) => (
                    <Space key={f.key} align="baseline" wrap data-testid="acceptance-item">
                      <Form.Item name={[f.name, 'name']} rules={required} style={{ marginBottom: 8 }}>
                        <Input style={{ width: 220 }} placeholder={t('renovation.form.itemName')} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'isPassed']} valuePropName="checked" style={{ marginBottom: 8 }}>
                        <Checkbox data-testid={`field-item-passed-${f.name}`}>{t('renovation.form.itemPassed')}</Checkbox>
                      </Form.Item>
                      <Form.Item name={[f.name, 'note']} style={{ marginBottom: 8 }}>
                        <Input style={{ width: 260 }} placeholder={t('renovation.form.note')} />
                      </Form.Item>
                      <MinusCircleOutlined onClick={() => remove(f.name)} />
                    </Space>
                  ))}
                  <Button
                    type="dashed"
                    icon={<PlusOutlined />}
                    onClick={() => add({ name: '', isPassed: true })}
                    style={{ marginBottom: 16 }}
                  >
                    {t('renovation.form.addItem')}
                  </Button>
                </>
              )}
            </Form.List>
          </>
        ) : null}
        {action === 'record_refund' ? (
          <>
            <Alert
              type="info"
              style={{ marginBottom: 12 }}
              data-testid="refund-preview"
              message={t('renovation.form.refundPreview', {
                deposit: formatYuan(r.ledger.depositCents),
                deducted: formatYuan(r.ledger.deductedCents),
                refund: formatYuan(Math.max(0, r.ledger.balanceCents)),
              })}
              description={r.refundDueDate ? t('renovation.form.refundDueShort', { date: r.refundDueDate }) : undefined}
            />
            <Form.Item name="receiptNumber" label={t('renovation.fields.receiptNumber')} rules={required}>
              <Input style={{ width: 220 }} data-testid="field-receipt-number" />
            </Form.Item>
          </>
        ) : null}
        {noteOnly.has(action) ||
        action === 'record_patrol' ||
        action === 'recheck' ||
        action === 'book_inspection' ||
        action === 'record_acceptance' ||
        action === 'record_refund' ? (
          <Form.Item name="note" label={t('renovation.form.note')}>
            <Input.TextArea rows={2} data-testid="field-note" />
          </Form.Item>
        ) : null}
        {hasPhoto ? (
          <Form.Item label={t('renovation.form.photo')}>
            <Upload
              accept={photoUploadTypes.join(',')}
              maxCount={1}
              beforeUpload={(file) => {
                const problem = uploadProblem(file, photoUploadTypes);
                if (problem) {
                  void message.error(t(problem));
                  return Upload.LIST_IGNORE;
                }
                setPhoto(file);
                return false;
              }}
              onRemove={() => setPhoto(null)}
            >
              <Button icon={<UploadOutlined />} data-testid="field-photo">
                {t('renovation.form.addPhoto')}
              </Button>
            </Upload>
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
