import { Alert, App, Button, DatePicker, Form, Input, InputNumber, Modal, Radio, Select, Space, Switch, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { dayjs } from '../../../lib/datetime';
import { label } from '../../../lib/i18n';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { useTechnicians } from '../../directory/api/list-technicians';
import { useOrderAction } from '../api/order-action';
import { type RepairAction, type RepairDetail, actionPath } from '../api/types';
import { actionFieldMap, type ActionValues, confirmOnlyActions, dangerActions, initialValues, toBody } from './action-bodies';

function Fields({ action, order }: { action: RepairAction; order: RepairDetail }) {
  const { t } = useTranslation();
  const technicians = useTechnicians(action === 'assign' ? order.communityId : null);
  const isFeasible = Form.useWatch('isFeasible');
  // Messages that say what is missing ("请填写原因"), not just the field's name.
  const required = (field: string) => [{ required: true, whitespace: true, message: t('form.required', { field }) }];
  const chosen = (field: string) => [{ required: true, message: t('form.choose', { field }) }];
  const reason = (
    <Form.Item name="reason" label={t('form.reason')} rules={required(t('form.reason'))}>
      <Input.TextArea rows={3} maxLength={500} showCount data-testid="field-reason" />
    </Form.Item>
  );
  switch (action) {
    case 'assign':
      return (
        <>
          <Form.Item name="technicianId" label={t('form.technician')} rules={chosen(t('form.technician'))}>
            <Select
              showSearch={{ optionFilterProp: 'search' }}
              placeholder={t('form.technicianPlaceholder')}
              loading={technicians.isPending}
              data-testid="field-technician"
              options={(technicians.data ?? [])
                .slice()
                .sort((a, b) => a.openLoad - b.openLoad)
                .map((tech) => ({
                  value: tech.id,
                  // Reassigning to the technician who already has it changes nothing.
                  disabled: tech.id === order.assigneeId,
                  search: `${tech.name} ${tech.phone} ${tech.skills.join(' ')}`,
                  label: (
                    <Space size={6} data-testid="technician-option">
                      <span>{tech.name}</span>
                      {tech.id === order.assigneeId ? <Tag>{t('dispatch.currentAssignee')}</Tag> : null}
                      <Typography.Text type={tech.openLoad >= 5 ? 'danger' : 'secondary'}>
                        {t('newOrder.openLoad', { count: tech.openLoad })}
                      </Typography.Text>
                      {tech.skills.length ? (
                        <Typography.Text type="secondary">{tech.skills.map((s) => label('category', s)).join('、')}</Typography.Text>
                      ) : null}
                    </Space>
                  ),
                }))}
            />
          </Form.Item>
          <Form.Item name="note" label={t('form.note')}>
            <Input maxLength={500} />
          </Form.Item>
        </>
      );
    case 'decline':
    case 'confirm_by_phone':
    case 'refuse_quote':
    case 'reject_completion':
    case 'cancel':
    case 'close_returned':
      return reason;
    case 'set_off':
      return (
        <Form.Item name="etaMinutes" label={t('form.etaMinutes')}>
          <InputNumber min={0} max={1440} suffix={t('common.minutes')} style={{ width: 200 }} data-testid="field-eta" />
        </Form.Item>
      );
    case 'verify_code':
      return (
        <Form.Item
          name="code"
          label={t('form.code')}
          rules={[{ required: true, pattern: /^\d{4,8}$/, message: t('form.codePlaceholder') }]}
          extra={t('tech.attemptsLeft', { count: Math.max(0, order.codeMaxAttempts - order.codeAttempts) })}
        >
          <Input inputMode="numeric" maxLength={8} placeholder={t('form.codePlaceholder')} data-testid="field-code" />
        </Form.Item>
      );
    case 'reschedule':
      return (
        <>
          <Form.Item
            name="appointmentAt"
            label={t('form.appointmentAt')}
            rules={[
              ...chosen(t('form.appointmentAt')),
              {
                validator: (_: unknown, v?: Dayjs) =>
                  !v || v.isAfter(dayjs()) ? Promise.resolve() : Promise.reject(new Error(t('newOrder.appointmentFuture'))),
              },
            ]}
          >
            <DatePicker
              showTime={{ format: 'HH:mm', minuteStep: 5 }}
              format="YYYY-MM-DD HH:mm"
              disabledDate={(d) => d.isBefore(dayjs(), 'day')}
              data-testid="field-appointment"
            />
          </Form.Item>
          {reason}
        </>
      );
    case 'record_work':
      return (
        <>
          <Form.Item name="actualItems" label={t('form.actualItems')}>
            <Input.TextArea rows={3} maxLength={2000} data-testid="field-actual-items" />
          </Form.Item>
          <Space size={16}>
            <Form.Item name="labourFee" label={t('form.labourFee')}>
              <InputNumber min={0} precision={2} prefix="¥" style={{ width: 160 }} data-testid="field-labour-fee" />
            </Form.Item>
            <Form.Item name="materialFee" label={t('form.materialFee')}>
              <InputNumber min={0} precision={2} prefix="¥" style={{ width: 160 }} data-testid="field-material-fee" />
            </Form.Item>
          </Space>
          <Form.Item name="customerMaterialRating" label={t('form.customerMaterialRating')}>
            <Radio.Group
              optionType="button"
              options={(['none', 'qualified', 'unqualified', 'poor'] as const).map((r) => ({ value: r, label: t(`materialRating.${r}`) }))}
            />
          </Form.Item>
          <Form.Item name="note" label={t('form.note')}>
            <Input maxLength={2000} />
          </Form.Item>
        </>
      );
    case 'hold':
      return (
        <>
          <Form.Item name="reason" label={t('form.holdReason')} rules={chosen(t('form.holdReason'))}>
            <Radio.Group
              options={(['parts', 'long_job', 'leftover', 'not_home', 'other'] as const).map((r) => ({
                value: r,
                label: t(`holdReason.${r}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="note" label={t('form.holdNote')} rules={required(t('form.holdNote'))}>
            <Input.TextArea rows={3} maxLength={500} data-testid="field-note" />
          </Form.Item>
        </>
      );
    case 'resume':
      return (
        <Form.Item name="note" label={t('form.note')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      );
    case 'request_quote':
      return (
        <Form.Item name="description" label={t('form.description')} rules={required(t('form.description'))}>
          <Input.TextArea rows={3} maxLength={1000} data-testid="field-description" />
        </Form.Item>
      );
    case 'quote':
      return (
        <>
          {order.quoteDescription ? <Alert type="info" showIcon title={order.quoteDescription} style={{ marginBottom: 16 }} /> : null}
          <Form.Item name="isFeasible" label={t('form.isFeasible')} valuePropName="checked">
            <Switch checkedChildren={t('form.feasible')} unCheckedChildren={t('form.infeasible')} data-testid="field-feasible" />
          </Form.Item>
          {isFeasible ? (
            <Form.Item
              name="price"
              label={t('form.price')}
              rules={[{ required: true, message: t('form.required', { field: t('form.price') }) }]}
            >
              <InputNumber min={0} precision={2} prefix="¥" style={{ width: 200 }} data-testid="field-price" />
            </Form.Item>
          ) : null}
          <Form.Item name="note" label={t('form.note')} rules={required(t('form.note'))}>
            <Input.TextArea rows={2} maxLength={1000} data-testid="field-note" />
          </Form.Item>
        </>
      );
    case 'complete':
      return (
        <Form.Item name="summary" label={t('form.summary')} rules={required(t('form.summary'))}>
          <Input.TextArea rows={3} maxLength={2000} data-testid="field-summary" />
        </Form.Item>
      );
    case 'confirm':
      return (
        <>
          <Typography.Paragraph>{t('actionHint.confirm')}</Typography.Paragraph>
          <Form.Item name="signature" label={t('form.signature')}>
            <Input maxLength={100} data-testid="field-signature" />
          </Form.Item>
        </>
      );
    case 'record_payment':
      return (
        <>
          <Form.Item
            name="amount"
            label={t('form.amount')}
            rules={[{ required: true, message: t('form.required', { field: t('form.amount') }) }]}
          >
            <InputNumber min={0} precision={2} prefix="¥" style={{ width: 200 }} data-testid="field-amount" />
          </Form.Item>
          <Form.Item name="receiptNo" label={t('form.receiptNo')}>
            <Input maxLength={50} />
          </Form.Item>
        </>
      );
    default: {
      const hint = confirmOnlyActions.includes(action) ? t(`actionHint.${action as 'grab'}`) : '';
      return <Typography.Paragraph>{hint}</Typography.Paragraph>;
    }
  }
}

export interface ActionModalProps {
  order: RepairDetail;
  action: RepairAction | null;
  onClose: () => void;
}

/** The small form of one lifecycle action; submits its body and closes on success. */
export function ActionModal({ order, action, onClose }: ActionModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ActionValues>();
  const run = useOrderAction();
  const onError = useApiErrorHandler();

  useEffect(() => {
    if (action) {
      form.resetFields();
      form.setFieldsValue(initialValues(action, order));
    }
  }, [action, order, form]);

  if (!action) return null;
  const path = actionPath(action);
  const title = action === 'assign' && order.assigneeId ? t('dispatch.reassign') : label('action', action);
  const submit = (values: ActionValues) =>
    run.mutate(
      { id: order.id, action, body: toBody(action, values) },
      {
        onSuccess: () => {
          void message.success(`${label('action', action)} · ${t('common.done')}`);
          onClose();
        },
        onError: (e) => onError(e, form, actionFieldMap),
      },
    );

  return (
    <Modal
      open
      title={`${title} · ${order.number}`}
      onCancel={onClose}
      destroyOnHidden
      footer={null}
      width={action === 'record_work' || action === 'assign' ? 560 : 480}
    >
      {/* The test id sits on the visible form: antd puts Modal's own props on a zero-size root. */}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={initialValues(action, order)} data-testid={`modal-${path}`}>
        <Fields action={action} order={order} />
        <div className="modal-actions">
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            danger={dangerActions.includes(action)}
            htmlType="submit"
            loading={run.isPending}
            data-testid={`submit-${path}`}
          >
            {title}
          </Button>
        </div>
      </Form>
    </Modal>
  );
}

/** One button per action the server allows the signed-in user on this order. */
export function ActionButtons({ order, onPick }: { order: RepairDetail; onPick: (a: RepairAction) => void }) {
  const { t } = useTranslation();
  if (!order.allowedActions.length) return <Typography.Text type="secondary">{t('order.noActions')}</Typography.Text>;
  return (
    <Space wrap data-testid="action-buttons">
      {(order.allowedActions as RepairAction[]).map((a, i) => (
        <Button
          key={a}
          type={i === 0 && !dangerActions.includes(a) ? 'primary' : 'default'}
          danger={dangerActions.includes(a)}
          onClick={() => onPick(a)}
          data-testid={`action-${actionPath(a)}`}
        >
          {label('action', a)}
        </Button>
      ))}
    </Space>
  );
}
