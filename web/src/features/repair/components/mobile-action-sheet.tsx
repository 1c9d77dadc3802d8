import { Button, Form, Input, PasscodeInput, Popup, TextArea, Toast } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SingleSelector } from '../../../components/single-selector';
import { label } from '../../../lib/i18n';
import { formatYuan } from '../../../lib/money';
import { useMobileErrorText } from '../../../lib/use-mobile-error';
import { useOrderAction } from '../api/order-action';
import { type RepairAction, type RepairDetail, actionPath } from '../api/types';
import { actionFieldMap, type ActionValues, dangerActions, initialValues, toBody } from './action-bodies';

const codeLength = 6;
const reasonActions: RepairAction[] = ['decline', 'cancel', 'reject_completion', 'refuse_quote', 'confirm_by_phone', 'close_returned'];
const hintKey: Partial<
  Record<RepairAction, 'actionHint.grab' | 'actionHint.accept' | 'actionHint.arrive' | 'actionHint.accept_quote' | 'actionHint.confirm'>
> = {
  grab: 'actionHint.grab',
  accept: 'actionHint.accept',
  arrive: 'actionHint.arrive',
  accept_quote: 'actionHint.accept_quote',
  confirm: 'actionHint.confirm',
};

/** Selector fields hold arrays; bodies want the single choice. */
const single = (v: ActionValues): ActionValues => Object.fromEntries(Object.entries(v).map(([k, x]) => [k, Array.isArray(x) ? x[0] : x]));

function CodeEntry({ order, onDone }: { order: RepairDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [hasError, setError] = useState(false);
  const run = useOrderAction();
  const errorText = useMobileErrorText();
  const left = Math.max(0, order.codeMaxAttempts - order.codeAttempts);
  const submit = () =>
    run.mutate(
      { id: order.id, action: 'verify_code', body: { code } },
      {
        onSuccess: () => {
          Toast.show({ icon: 'success', content: t('event.CodeVerified') });
          onDone();
        },
        onError: (e) => {
          setError(true);
          setCode('');
          errorText(e);
        },
      },
    );
  return (
    <div className="m-code">
      <p className="m-code-hint">{t('tech.codeHint')}</p>
      <div data-testid="code-input">
        <PasscodeInput
          length={codeLength}
          plain
          seperated
          value={code}
          error={hasError}
          onChange={(v) => {
            setError(false);
            setCode(v.replace(/\D/g, ''));
          }}
        />
      </div>
      <p className="m-code-left">{t('tech.attemptsLeft', { count: left })}</p>
      <Button
        block
        color="primary"
        size="large"
        disabled={code.length !== codeLength}
        loading={run.isPending}
        onClick={submit}
        data-testid="submit-verify-code"
      >
        {t('common.confirm')}
      </Button>
    </div>
  );
}

/** Money in yuan as typed on the phone: digits, at most two decimals. */
const yuanPattern = /^\d+(\.\d{1,2})?$/;

function Fields({ action, order, audience }: { action: RepairAction; order: RepairDetail; audience: 'technician' | 'resident' }) {
  const { t } = useTranslation();
  // Messages that say what is missing ("请填写原因"), not just the field's name.
  const required = (field: string) => [{ required: true, whitespace: true, message: t('form.required', { field }) }];
  const fee = [{ pattern: yuanPattern, message: t('form.invalidAmount') }];
  if (reasonActions.includes(action)) {
    return (
      <Form.Item name="reason" label={t('form.reason')} rules={required(t('form.reason'))}>
        <TextArea rows={3} maxLength={500} showCount data-testid="field-reason" />
      </Form.Item>
    );
  }
  switch (action) {
    case 'set_off':
      return (
        <Form.Item name="etaMinutes" label={t('form.etaMinutes')}>
          <Input type="number" inputMode="numeric" min={0} max={1440} clearable data-testid="field-eta" />
        </Form.Item>
      );
    case 'hold':
      return (
        <>
          <Form.Item
            name="reason"
            label={t('form.holdReason')}
            rules={[{ required: true, message: t('form.choose', { field: t('form.holdReason') }) }]}
          >
            <SingleSelector
              columns={2}
              options={(['parts', 'long_job', 'leftover', 'not_home', 'other'] as const).map((r) => ({
                value: r,
                label: t(`holdReason.${r}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="note" label={t('form.holdNote')} rules={required(t('form.holdNote'))}>
            <TextArea rows={3} maxLength={500} data-testid="field-note" />
          </Form.Item>
        </>
      );
    case 'resume':
      return (
        <Form.Item name="note" label={t('form.note')}>
          <TextArea rows={2} maxLength={500} data-testid="field-note" />
        </Form.Item>
      );
    case 'record_work':
      return (
        <>
          <Form.Item name="actualItems" label={t('form.actualItems')}>
            <TextArea rows={3} maxLength={2000} data-testid="field-actual-items" />
          </Form.Item>
          <Form.Item name="labourFee" label={t('form.labourFee')} rules={fee}>
            <Input inputMode="decimal" placeholder="0.00" clearable data-testid="field-labour-fee" />
          </Form.Item>
          <Form.Item name="materialFee" label={t('form.materialFee')} rules={fee}>
            <Input inputMode="decimal" placeholder="0.00" clearable data-testid="field-material-fee" />
          </Form.Item>
          <Form.Item name="customerMaterialRating" label={t('form.customerMaterialRating')}>
            <SingleSelector
              columns={2}
              options={(['none', 'qualified', 'unqualified', 'poor'] as const).map((r) => ({ value: r, label: t(`materialRating.${r}`) }))}
            />
          </Form.Item>
          <Form.Item name="note" label={t('form.note')}>
            <Input maxLength={2000} clearable />
          </Form.Item>
        </>
      );
    case 'request_quote':
      return (
        <Form.Item name="description" label={t('form.description')} rules={required(t('form.description'))}>
          <TextArea rows={3} maxLength={1000} data-testid="field-description" />
        </Form.Item>
      );
    case 'complete':
      return (
        <Form.Item name="summary" label={t('form.summary')} rules={required(t('form.summary'))}>
          <TextArea rows={3} maxLength={2000} data-testid="field-summary" />
        </Form.Item>
      );
    case 'confirm':
      return (
        <>
          <p className="m-sheet-hint">{audience === 'resident' ? t('actionHint.confirm_resident') : t('actionHint.confirm')}</p>
          <Form.Item name="signature" label={t('form.signature')}>
            <Input maxLength={100} clearable data-testid="field-signature" />
          </Form.Item>
        </>
      );
    default: {
      if (action === 'accept_quote' && audience === 'resident') {
        return <p className="m-sheet-hint">{t('actionHint.accept_quote_resident', { price: formatYuan(order.quoteCents) })}</p>;
      }
      const key = hintKey[action];
      return key ? <p className="m-sheet-hint">{t(key)}</p> : null;
    }
  }
}

const asSelector = (v: ActionValues): ActionValues =>
  Object.fromEntries(
    Object.entries(v).map(([k, x]) => [k, (k === 'reason' || k === 'customerMaterialRating') && typeof x === 'string' ? [x] : x]),
  );

/** The phone's bottom sheet for one lifecycle step; the code step has its own digit entry. */
export function MobileActionSheet({
  order,
  action,
  onClose,
  audience = 'technician',
}: {
  order: RepairDetail;
  action: RepairAction | null;
  onClose: () => void;
  audience?: 'technician' | 'resident';
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ActionValues>();
  const run = useOrderAction();
  const errorText = useMobileErrorText();

  useEffect(() => {
    if (action && action !== 'verify_code') {
      form.resetFields();
      const init = initialValues(action, order);
      form.setFieldsValue(
        (action === 'hold' || action === 'record_work' ? asSelector(init) : init) as Parameters<typeof form.setFieldsValue>[0],
      );
    }
  }, [action, order, form]);

  const submit = (values: ActionValues) => {
    if (!action) return;
    run.mutate(
      { id: order.id, action, body: toBody(action, single(values)) },
      {
        onSuccess: () => {
          Toast.show({ icon: 'success', content: label('action', action) });
          onClose();
        },
        onError: (e) => errorText(e, form, actionFieldMap),
      },
    );
  };

  return (
    <Popup
      visible={!!action}
      onMaskClick={onClose}
      onClose={onClose}
      destroyOnClose
      bodyStyle={{ borderTopLeftRadius: 12, borderTopRightRadius: 12, maxHeight: '88vh', overflowY: 'auto' }}
    >
      {action ? (
        <div className="m-sheet" data-testid={`sheet-${actionPath(action)}`}>
          <div className="m-sheet-title">
            {action === 'verify_code' ? t('tech.codeTitle') : label('action', action)}
            <button type="button" className="m-link-button" onClick={onClose}>
              {t('common.cancel')}
            </button>
          </div>
          {action === 'verify_code' ? (
            <CodeEntry order={order} onDone={onClose} />
          ) : (
            <Form
              form={form}
              layout="vertical"
              onFinish={submit}
              footer={
                <Button
                  block
                  type="submit"
                  size="large"
                  color={dangerActions.includes(action) ? 'danger' : 'primary'}
                  loading={run.isPending}
                  data-testid={`submit-${actionPath(action)}`}
                >
                  {label('action', action)}
                </Button>
              }
            >
              <Fields action={action} order={order} audience={audience} />
            </Form>
          )}
        </div>
      ) : null}
    </Popup>
  );
}
