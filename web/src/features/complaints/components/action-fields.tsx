import { Checkbox, DatePicker, Form, Input, Select } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComplaintAction, ComplaintDetail } from '../api';

const departments = ['customer_service', 'engineering', 'security', 'cleaning', 'landscaping', 'finance', 'management', 'developer'];
type Field =
  | 'complaintClass'
  | 'reason'
  | 'isSerious'
  | 'isDeveloperCaused'
  | 'agreedReplyAt'
  | 'note'
  | 'party'
  | 'department'
  | 'recipient'
  | 'summary'
  | 'solvingDepartment'
  | 'method'
  | 'replyMethod'
  | 'hasWrittenCopy'
  | 'residentSignature'
  | 'outcome'
  | 'comment'
  | 'intoComplaintId';

/** The fields each action's modal asks for. */
export const fieldsOf: Record<ComplaintAction, Field[]> = {
  classify: ['complaintClass', 'reason', 'isSerious', 'isDeveloperCaused'],
  contact: ['agreedReplyAt', 'note'],
  refer: ['party', 'department', 'recipient', 'note'],
  update_progress: ['note'],
  escalate: ['reason'],
  file_incident_report: ['summary'],
  record_result: ['solvingDepartment', 'summary'],
  return_result: ['reason'],
  sign_off: ['note'],
  reply: ['replyMethod', 'summary', 'hasWrittenCopy', 'residentSignature'],
  report_to_centre: ['summary'],
  visit: ['outcome', 'method', 'comment'],
  merge: ['intoComplaintId'],
  withdraw: ['reason'],
};

/** Ways a complaint may be answered: a collective case by home visit only [000]. */
export const replyMethodsOf = (c: Pick<ComplaintDetail, 'complaintClass'>) =>
  c.complaintClass === 'collective' ? ['home_visit'] : ['home_visit', 'phone', 'written'];

/** What an action's form starts with: the only reply method there is, and a written copy of a written complaint. */
export function initialValuesOf(action: ComplaintAction, c: Pick<ComplaintDetail, 'complaintClass' | 'form'>): Record<string, unknown> {
  if (action !== 'reply') return {};
  const methods = replyMethodsOf(c);
  return { replyMethod: methods.length === 1 ? methods[0] : undefined, hasWrittenCopy: c.form === 'written' };
}

/** Turns the form's values into the action's body. */
export function bodyOf(values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined || v === null || v === '') continue;
    if (k === 'agreedReplyAt') out[k] = dayjs(v as dayjs.Dayjs).toISOString();
    else if (k === 'replyMethod') out.method = v;
    else out[k] = v;
  }
  return out;
}

/** The form items of one action. */
export function ActionFields({ action, complaint }: { action: ComplaintAction; complaint: ComplaintDetail }): ReactNode {
  const { t } = useTranslation();
  const f = (key: string): string => t(`complaints.fields.${key}` as never);
  const opts = (prefix: string, values: readonly string[]) =>
    values.map((v) => ({ value: v, label: t(`complaints.${prefix}.${v}` as never) as string }));
  const items: Record<Field, ReactNode> = {
    complaintClass: (
      <Form.Item key="c" name="complaintClass" label={f('complaintClass')} rules={[{ required: true }]}>
        <Select options={opts('classes', ['valid', 'assisted', 'invalid', 'collective'])} data-testid="field-complaintClass" />
      </Form.Item>
    ),
    reason: (
      <Form.Item key="r" name="reason" label={f('reason')} rules={[{ required: true }]}>
        <Input.TextArea rows={2} data-testid="field-reason" />
      </Form.Item>
    ),
    isSerious: (
      <Form.Item key="s" name="isSerious" valuePropName="checked">
        <Checkbox>{f('isSerious')}</Checkbox>
      </Form.Item>
    ),
    isDeveloperCaused: (
      <Form.Item key="d" name="isDeveloperCaused" valuePropName="checked">
        <Checkbox>{f('isDeveloperCaused')}</Checkbox>
      </Form.Item>
    ),
    agreedReplyAt: (
      <Form.Item key="a" name="agreedReplyAt" label={f('agreedReplyAt')} rules={[{ required: true }]}>
        <DatePicker showTime format="YYYY-MM-DD HH:mm" data-testid="field-agreedReplyAt" />
      </Form.Item>
    ),
    note: (
      <Form.Item key="n" name="note" label={f('note')}>
        <Input.TextArea rows={2} data-testid="field-note" />
      </Form.Item>
    ),
    party: (
      <Form.Item key="p" name="party" label={f('party')} rules={[{ required: true }]}>
        <Select options={opts('parties', ['developer', 'external', 'department'])} data-testid="field-party" />
      </Form.Item>
    ),
    department: (
      <Form.Item key="dep" name="department" label={f('department')} rules={[{ required: true }]}>
        <Select options={opts('departments', departments)} data-testid="field-department" />
      </Form.Item>
    ),
    recipient: (
      <Form.Item key="rc" name="recipient" label={f('recipient')} rules={[{ required: true }]}>
        <Input data-testid="field-recipient" />
      </Form.Item>
    ),
    summary: (
      <Form.Item key="sm" name="summary" label={f('summary')} rules={[{ required: true }]}>
        <Input.TextArea rows={3} data-testid="field-summary" />
      </Form.Item>
    ),
    solvingDepartment: (
      <Form.Item key="sd" name="solvingDepartment" label={f('solvingDepartment')} rules={[{ required: true }]}>
        <Select options={opts('departments', departments)} data-testid="field-solvingDepartment" />
      </Form.Item>
    ),
    method: (
      <Form.Item key="m" name="method" label={f('method')} rules={[{ required: true }]}>
        <Select options={opts('methods', ['phone', 'home_visit'])} data-testid="field-method" />
      </Form.Item>
    ),
    replyMethod: (
      <Form.Item
        key="rm"
        name="replyMethod"
        label={f('method')}
        rules={[{ required: true }]}
        extra={complaint.complaintClass === 'collective' ? t('complaints.collectiveHomeVisitOnly') : undefined}
      >
        <Select options={opts('methods', replyMethodsOf(complaint))} data-testid="field-method" />
      </Form.Item>
    ),
    hasWrittenCopy: (
      <Form.Item key="w" name="hasWrittenCopy" valuePropName="checked">
        <Checkbox>{f('hasWrittenCopy')}</Checkbox>
      </Form.Item>
    ),
    residentSignature: (
      <Form.Item key="sig" name="residentSignature" label={f('residentSignature')}>
        <Input data-testid="field-residentSignature" />
      </Form.Item>
    ),
    outcome: (
      <Form.Item key="o" name="outcome" label={f('outcome')} rules={[{ required: true }]}>
        <Select options={opts('outcomes', ['satisfied', 'basically_satisfied', 'unsatisfied'])} data-testid="field-outcome" />
      </Form.Item>
    ),
    comment: (
      <Form.Item key="cm" name="comment" label={f('comment')}>
        <Input.TextArea rows={2} data-testid="field-comment" />
      </Form.Item>
    ),
    intoComplaintId: (
      <Form.Item key="i" name="intoComplaintId" label={f('intoComplaintId')} rules={[{ required: true }]}>
        <Input data-testid="field-intoComplaintId" />
      </Form.Item>
    ),
  };
  return <>{fieldsOf[action].map((k) => items[k])}</>;
}
