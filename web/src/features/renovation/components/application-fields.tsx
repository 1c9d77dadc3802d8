import { Checkbox, DatePicker, Form, Input, Space, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { requiredDocuments, type WorkItems, workItems } from '../../../../../src/domain/renovation/documents';
import { dayjs } from '../../../lib/datetime';
import type { CreateRenovationBody, RenovationDetail } from '../api/renovations';

/** The application form's values (装修申请表) as the antd form holds them. */
export interface ApplicationValues {
  applicantName: string;
  applicantPhone: string;
  contractorCompany: string;
  contractorContact: string;
  contractorPhone: string;
  planned: [Dayjs, Dayjs];
  workItems: string[];
  description: string;
  isAgreementSigned?: boolean;
}

/** Server fields that sit on a differently named form item. */
export const applicationFieldMap: Record<string, string> = {
  plannedStartDate: 'planned',
  plannedEndDate: 'planned',
  ...Object.fromEntries(workItems.map((w) => [`workItems.${w}`, 'workItems'])),
};

export const toWorkItems = (picked: readonly string[] | undefined): WorkItems =>
  Object.fromEntries(workItems.map((w) => [w, (picked ?? []).includes(w)])) as WorkItems;

/** The form's values as the API's application fields. */
export function applicationBody(v: ApplicationValues): Omit<CreateRenovationBody, 'communityId' | 'roomId'> {
  return {
    applicantName: v.applicantName,
    applicantPhone: v.applicantPhone,
    contractorCompany: v.contractorCompany,
    contractorContact: v.contractorContact,
    contractorPhone: v.contractorPhone,
    plannedStartDate: v.planned[0].format('YYYY-MM-DD'),
    plannedEndDate: v.planned[1].format('YYYY-MM-DD'),
    workItems: toWorkItems(v.workItems),
    description: v.description,
    isAgreementSigned: v.isAgreementSigned === true,
  };
}

/** A renovation's application as the form's starting values (for editing). */
export const applicationValuesOf = (r: RenovationDetail): ApplicationValues => ({
  applicantName: r.applicantName,
  applicantPhone: r.applicantPhone,
  contractorCompany: r.contractorCompany,
  contractorContact: r.contractorContact,
  contractorPhone: r.contractorPhone,
  planned: [dayjs(r.plannedStartDate), dayjs(r.plannedEndDate)],
  workItems: workItems.filter((w) => r.workItems[w]),
  description: r.description,
  isAgreementSigned: r.isAgreementSigned,
});

/** The documents the ticked work needs, shown as the clerk ticks. */
function RequiredDocuments() {
  const { t } = useTranslation();
  const picked = Form.useWatch<string[] | undefined>('workItems');
  const codes = requiredDocuments(toWorkItems(picked));
  return (
    <div data-testid="renovation-required-documents" style={{ marginBottom: 16 }}>
      <Typography.Text type="secondary">{t('renovation.requiredDocuments')}：</Typography.Text>
      {codes.map((c) => (
        <Tag key={c} data-testid="required-document" data-code={c} style={{ marginBottom: 4 }}>
          {t(`renovation.documentNames.${c}`)}
        </Tag>
      ))}
    </div>
  );
}

/** The application's own fields (applicant, contractor, dates, work items, agreement). */
export function ApplicationFields() {
  const { t } = useTranslation();
  const required = [{ required: true, whitespace: true }];
  return (
    <>
      <Space wrap align="start">
        <Form.Item name="applicantName" label={t('renovation.fields.applicantName')} rules={required}>
          <Input style={{ width: 180 }} data-testid="renovation-applicant-name" />
        </Form.Item>
        <Form.Item name="applicantPhone" label={t('renovation.fields.applicantPhone')} rules={required}>
          <Input style={{ width: 180 }} data-testid="renovation-applicant-phone" />
        </Form.Item>
      </Space>
      <Space wrap align="start">
        <Form.Item name="contractorCompany" label={t('renovation.fields.contractorCompany')} rules={required}>
          <Input style={{ width: 260 }} data-testid="renovation-contractor-company" />
        </Form.Item>
        <Form.Item name="contractorContact" label={t('renovation.fields.contractorContact')} rules={required}>
          <Input style={{ width: 160 }} data-testid="renovation-contractor-contact" />
        </Form.Item>
        <Form.Item name="contractorPhone" label={t('renovation.fields.contractorPhone')} rules={required}>
          <Input style={{ width: 180 }} data-testid="renovation-contractor-phone" />
        </Form.Item>
      </Space>
      <Form.Item name="planned" label={t('renovation.fields.planned')} rules={[{ required: true }]}>
        <DatePicker.RangePicker format="YYYY-MM-DD" data-testid="renovation-planned" />
      </Form.Item>
      <Form.Item name="workItems" label={t('renovation.fields.workItems')}>
        <Checkbox.Group
          options={workItems.map((w) => ({
            value: w,
            label: <span data-testid={`work-item-${w}`}>{t(`renovation.workItemNames.${w}`)}</span>,
          }))}
        />
      </Form.Item>
      <RequiredDocuments />
      <Form.Item name="description" label={t('renovation.fields.description')} rules={required}>
        <Input.TextArea rows={3} data-testid="renovation-description" />
      </Form.Item>
      <Form.Item name="isAgreementSigned" valuePropName="checked">
        <Checkbox data-testid="renovation-agreement-signed">{t('renovation.fields.isAgreementSigned')}</Checkbox>
      </Form.Item>
    </>
  );
}
