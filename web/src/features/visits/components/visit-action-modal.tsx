import { Alert, App, Button, Checkbox, DatePicker, Form, Input, Modal, Radio, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { dayjs, toServerTime } from '../../../lib/datetime';
import { label } from '../../../lib/i18n';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { useTechnicians } from '../../directory/api/list-technicians';
import { type VisitAction, type VisitDetail, type VisitSummary, useVisit, useVisitAction, visitActionPath } from '../api/visits';

type Values = Record<string, unknown>;

const methods = ['phone', 'home', 'on_site'] as const;
const outcomes = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;
const chargeChecks = ['correct', 'incorrect', 'no_charge'] as const;
const duties = ['desk', 'office', 'engineering_head', 'repairer'] as const;

/** The order the buttons show in: recording first, cancelling last. */
const actionOrder: VisitAction[] = ['record', 'book', 'assign', 'issue_rectification_notice', 'cancel'];

/**
 * Test ids of a visit action: recording keeps the repair desk's `visit` (`action-visit`,
 * `modal-visit`, `submit-visit`); the others are `visit-<action>` (`action-visit-book`…).
 */
export const visitTestId = (a: VisitAction): string => (a === 'record' ? 'visit' : `visit-${visitActionPath(a)}`);

const text = (v: unknown): string | undefined => {
  const s = typeof v === 'string' ? v.trim() : '';
  return s === '' ? undefined : s;
};

function initialValues(action: VisitAction, task: VisitSummary): Values {
  switch (action) {
    case 'record':
      return {
        method: task.status === 'booked' || task.isHomeVisitRequired ? 'home' : 'phone',
        outcome: 'satisfied',
        // Only a repair charges; the visitor checks the charge with the resident.
        chargeCheck: task.ticketKind === 'repair' ? undefined : 'no_charge',
        hasRefusedToSign: false,
      };
    case 'assign':
      return { visitorId: task.visitorId ?? undefined, duty: task.duty };
    case 'issue_rectification_notice':
      return { technicianId: task.technicianId ?? undefined };
    default:
      return {};
  }
}

/** The request body, as src/contract/visit.ts visitBodies defines it. */
function toBody(action: VisitAction, v: Values): Record<string, unknown> {
  switch (action) {
    case 'record': {
      const isInPerson = v.method !== 'phone';
      const hasRefused = isInPerson && !!v.hasRefusedToSign;
      return {
        method: v.method,
        outcome: v.outcome,
        chargeCheck: v.chargeCheck,
        comment: text(v.comment) ?? '',
        signature: isInPerson && !hasRefused ? text(v.signature) : undefined,
        hasRefusedToSign: isInPerson ? hasRefused : undefined,
        apology: v.outcome === 'unsatisfied' ? text(v.apology) : undefined,
        problems: text(v.problems),
      };
    }
    case 'book':
      return { appointmentAt: v.appointmentAt ? toServerTime(v.appointmentAt as Dayjs) : '' };
    case 'assign':
      return { visitorId: v.visitorId, duty: v.duty };
    case 'issue_rectification_notice':
      return { technicianId: v.technicianId || undefined, text: text(v.text) ?? '' };
    case 'cancel':
      return { reason: text(v.reason) ?? '' };
  }
}

function RecordFields({ task }: { task: VisitSummary }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const method = Form.useWatch('method', form) as string | undefined;
  const outcome = Form.useWatch('outcome', form) as string | undefined;
  const chargeCheck = Form.useWatch('chargeCheck', form) as string | undefined;
  const problems = Form.useWatch('problems', form) as string | undefined;
  const hasRefused = Form.useWatch('hasRefusedToSign', form) as boolean | undefined;
  const required = (field: string) => [{ required: true, whitespace: true, message: t('visitTasks.fields.required', { field }) }];
  const chosen = (field: string) => [{ required: true, message: t('visitTasks.fields.choose', { field }) }];
  const isInPerson = method !== undefined && method !== 'phone';
  const isBooked = task.status === 'booked';
  const owesNotice = chargeCheck === 'incorrect' || !!problems?.trim();
  return (
    <>
      {task.isHomeVisitRequired ? (
        <Alert type="warning" showIcon title={t('visitTasks.hints.homeRequired')} style={{ marginBottom: 12 }} />
      ) : null}
      <Form.Item name="method" label={t('visitTasks.fields.method')} rules={chosen(t('visitTasks.fields.method'))}>
        <Radio.Group
          data-testid="field-method"
          options={methods.map((m) => ({
            value: m,
            label:
              m === 'home' && !isBooked
                ? `${label('visitTasks.methods', m)}（${t('visitTasks.hints.homeNeedsBooking')}）`
                : label('visitTasks.methods', m),
            disabled: (m === 'home' && !isBooked) || (task.isHomeVisitRequired && m !== 'home'),
          }))}
        />
      </Form.Item>
      <Form.Item name="outcome" label={t('visitTasks.fields.outcome')} rules={chosen(t('visitTasks.fields.outcome'))}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          data-testid="field-outcome"
          options={outcomes.map((o) => ({ value: o, label: label('visitTasks.outcomes', o) }))}
        />
      </Form.Item>
      <Form.Item name="chargeCheck" label={t('visitTasks.fields.chargeCheck')} rules={chosen(t('visitTasks.fields.chargeCheck'))}>
        <Radio.Group
          data-testid="field-charge-check"
          options={chargeChecks.map((c) => ({ value: c, label: label('visitTasks.chargeChecks', c) }))}
        />
      </Form.Item>
      <Form.Item name="comment" label={t('visitTasks.fields.comment')} rules={required(t('visitTasks.fields.comment'))}>
        <Input.TextArea rows={3} maxLength={2000} placeholder={t('visitTasks.fields.commentPlaceholder')} data-testid="field-comment" />
      </Form.Item>
      {isInPerson ? (
        <Space align="start" size={16} wrap>
          <Form.Item
            name="signature"
            label={t('visitTasks.fields.signature')}
            dependencies={['hasRefusedToSign']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_: unknown, v?: string) =>
                  getFieldValue('hasRefusedToSign') || v?.trim()
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('visitTasks.fields.signatureOrRefusal'))),
              }),
            ]}
          >
            <Input
              maxLength={100}
              disabled={!!hasRefused}
              placeholder={t('visitTasks.fields.signaturePlaceholder')}
              style={{ width: 220 }}
              data-testid="field-signature"
            />
          </Form.Item>
          <Form.Item name="hasRefusedToSign" valuePropName="checked" label=" ">
            <Checkbox
              data-testid="field-refused-to-sign"
              onChange={(e) => {
                if (e.target.checked) form.setFieldValue('signature', undefined);
              }}
            >
              {t('visitTasks.fields.hasRefusedToSign')}
            </Checkbox>
          </Form.Item>
        </Space>
      ) : null}
      {outcome === 'unsatisfied' ? (
        <>
          <Alert
            type="warning"
            showIcon
            title={t('visitTasks.hints.unsatisfied')}
            style={{ marginBottom: 12 }}
            data-testid="unsatisfied-hint"
          />
          <Form.Item name="apology" label={t('visitTasks.fields.apology')} rules={required(t('visitTasks.fields.apology'))}>
            <Input.TextArea rows={2} maxLength={1000} placeholder={t('visitTasks.fields.apologyPlaceholder')} data-testid="field-apology" />
          </Form.Item>
        </>
      ) : null}
      <Form.Item name="problems" label={t('visitTasks.fields.problems')}>
        <Input.TextArea rows={2} maxLength={2000} placeholder={t('visitTasks.fields.problemsPlaceholder')} data-testid="field-problems" />
      </Form.Item>
      {owesNotice ? <Alert type="info" showIcon title={t('visitTasks.hints.rectification')} style={{ marginBottom: 12 }} /> : null}
    </>
  );
}

function AssignFields({ detail, isLoading }: { detail: VisitDetail | undefined; isLoading: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item
        name="visitorId"
        label={t('visitTasks.fields.visitor')}
        rules={[{ required: true, message: t('visitTasks.fields.choose', { field: t('visitTasks.fields.visitor') }) }]}
      >
        <Select
          showSearch={{ optionFilterProp: 'search' }}
          loading={isLoading}
          placeholder={t('visitTasks.fields.visitorPlaceholder')}
          data-testid="field-visitor"
          options={(detail?.visitorOptions ?? []).map((o) => ({
            value: o.id,
            search: `${o.name} ${label('role', o.role)}`,
            label: (
              <span data-testid="visitor-option">
                {o.name} <Typography.Text type="secondary">{label('role', o.role)}</Typography.Text>
              </span>
            ),
          }))}
        />
      </Form.Item>
      <Form.Item name="duty" label={t('visitTasks.fields.duty')}>
        <Select data-testid="field-duty" options={duties.map((d) => ({ value: d, label: label('visitTasks.duties', d) }))} />
      </Form.Item>
    </>
  );
}

function NoticeFields({ task }: { task: VisitSummary & { problems?: string | null } }) {
  const { t } = useTranslation();
  const technicians = useTechnicians(task.communityId);
  const options = (technicians.data ?? []).map((tech) => ({ value: tech.id, label: tech.name }));
  if (task.technicianId && !options.some((o) => o.value === task.technicianId))
    options.unshift({ value: task.technicianId, label: task.technicianName ?? task.technicianId });
  return (
    <>
      <Form.Item
        name="technicianId"
        label={t('visitTasks.fields.technician')}
        rules={[{ required: true, message: t('visitTasks.fields.choose', { field: t('visitTasks.fields.technician') }) }]}
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          loading={technicians.isPending}
          options={options}
          data-testid="field-technician"
        />
      </Form.Item>
      <Form.Item
        name="text"
        label={t('visitTasks.fields.noticeText')}
        rules={[
          { required: true, whitespace: true, message: t('visitTasks.fields.required', { field: t('visitTasks.fields.noticeText') }) },
        ]}
      >
        <Input.TextArea rows={4} maxLength={2000} placeholder={t('visitTasks.fields.noticePlaceholder')} data-testid="field-notice-text" />
      </Form.Item>
      {task.problems ? (
        <Typography.Paragraph type="secondary">
          {t('visitTasks.detail.problems')}
          {t('common.colon')}
          {task.problems}
        </Typography.Paragraph>
      ) : null}
    </>
  );
}

function Fields({ action, task }: { action: VisitAction; task: VisitSummary & { problems?: string | null } }) {
  const { t } = useTranslation();
  const detail = useVisit(action === 'assign' ? task.id : null);
  switch (action) {
    case 'record':
      return <RecordFields task={task} />;
    case 'book':
      return (
        <Form.Item
          name="appointmentAt"
          label={t('visitTasks.fields.appointmentAt')}
          rules={[
            { required: true, message: t('visitTasks.fields.choose', { field: t('visitTasks.fields.appointmentAt') }) },
            {
              validator: (_: unknown, v?: Dayjs) =>
                !v || v.isAfter(dayjs()) ? Promise.resolve() : Promise.reject(new Error(t('visitTasks.fields.appointmentFuture'))),
            },
          ]}
        >
          <DatePicker
            showTime={{ format: 'HH:mm', minuteStep: 5 }}
            format="YYYY-MM-DD HH:mm"
            disabledDate={(d) => d.isBefore(dayjs(), 'day')}
            style={{ width: 240 }}
            data-testid="field-appointment"
          />
        </Form.Item>
      );
    case 'assign':
      return <AssignFields detail={detail.data} isLoading={detail.isPending} />;
    case 'issue_rectification_notice':
      return <NoticeFields task={task} />;
    case 'cancel':
      return (
        <Form.Item
          name="reason"
          label={t('visitTasks.fields.reason')}
          rules={[{ required: true, whitespace: true, message: t('visitTasks.fields.required', { field: t('visitTasks.fields.reason') }) }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="field-reason" />
        </Form.Item>
      );
  }
}

export interface VisitActionModalProps {
  task: (VisitSummary & { problems?: string | null }) | null;
  action: VisitAction | null;
  onClose: () => void;
  onDone?: (visit: VisitDetail) => void;
}

/** The form of one step on a visit task (shared by the visits list, the task page and a ticket's page). */
export function VisitActionModal({ task, action, onClose, onDone }: VisitActionModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const run = useVisitAction();
  const onError = useApiErrorHandler();

  useEffect(() => {
    if (action && task) {
      form.resetFields();
      form.setFieldsValue(initialValues(action, task));
    }
  }, [action, task, form]);

  if (!action || !task) return null;
  const id = visitTestId(action);
  const title = label('visitTasks.actions', action);
  const submit = (values: Values) =>
    run.mutate(
      { id: task.id, action, body: toBody(action, values) },
      {
        onSuccess: (visit) => {
          void message.success(t('visitTasks.done', { action: title }));
          onClose();
          onDone?.(visit);
        },
        onError: (e) => onError(e, form),
      },
    );

  return (
    <Modal
      open
      title={`${title} · ${task.ticketNumber}`}
      onCancel={onClose}
      destroyOnHidden
      footer={null}
      width={action === 'record' ? 600 : 480}
    >
      {/* The test id sits on the visible form: antd puts Modal's own props on a zero-size root. */}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={initialValues(action, task)} data-testid={`modal-${id}`}>
        <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ marginBottom: 12 }}>
          {task.reporterName} · {task.location} · {task.content}
        </Typography.Paragraph>
        <Fields action={action} task={task} />
        <div className="modal-actions">
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" danger={action === 'cancel'} htmlType="submit" loading={run.isPending} data-testid={`submit-${id}`}>
            {title}
          </Button>
        </div>
      </Form>
    </Modal>
  );
}

/** One button per action the server allows the signed-in user on this task. */
export function VisitActionButtons({
  task,
  onPick,
  size,
}: {
  task: Pick<VisitSummary, 'allowedActions'>;
  onPick: (a: VisitAction) => void;
  size?: 'small' | 'middle';
}) {
  const { t } = useTranslation();
  const actions = actionOrder.filter((a) => task.allowedActions.includes(a));
  if (!actions.length)
    return (
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('visitTasks.noActions')}
      </Typography.Text>
    );
  return (
    <Space wrap size={4} data-testid="visit-actions">
      {actions.map((a, i) => (
        <Button
          key={a}
          size={size}
          type={i === 0 && a !== 'cancel' ? 'primary' : 'default'}
          danger={a === 'cancel'}
          onClick={(e) => {
            e.stopPropagation();
            onPick(a);
          }}
          data-testid={`action-${visitTestId(a)}`}
        >
          {label('visitTasks.actions', a)}
        </Button>
      ))}
    </Space>
  );
}
