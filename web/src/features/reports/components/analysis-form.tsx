import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError, localize } from '../../../lib/api-error';
import { currentLanguage } from '../../../lib/i18n';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { type CaseAnalysisBody, type ReportDetail, useWriteAnalysis } from '../api/reports';

/** A server field ('cases.0.cause') as the form's name path (['cases', 0, 'cause']): list items are numbered. */
const namePath = (field: string) => field.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s));

/** 投诉案例分析: the CS supervisor's summary and, per notable case, cause, corrective and preventive action. */
export function AnalysisForm({ report }: { report: ReportDetail }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CaseAnalysisBody>();
  const write = useWriteAnalysis(report.id);
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const complaints = report.complaintFigures?.complaints ?? [];
  const save = async () => {
    const v = await form.validateFields();
    write.mutate(
      { summary: v.summary ?? '', cases: (v.cases ?? []).map((c) => ({ ...c, complaintId: c.complaintId ?? null })) },
      {
        onSuccess: () => void message.success(t('reports.analysisSaved')),
        onError: (e) => {
          onError(e);
          if (isApiError(e)) {
            form.setFields(e.fields.map((f) => ({ name: namePath(f.field) as never, errors: [localize(f.message, currentLanguage())] })));
          }
        },
      },
    );
  };
  return (
    <Form form={form} layout="vertical" initialValues={report.analysis} data-testid="report-analysis-form">
      <Form.Item name="summary" label={t('reports.summary')}>
        <Input.TextArea rows={3} maxLength={4000} data-testid="report-summary" />
      </Form.Item>
      <Form.List name="cases">
        {(fields, { add, remove }) => (
          <Space orientation="vertical" style={{ width: '100%' }}>
            {fields.map((field, i) => (
              <Card
                key={field.key}
                size="small"
                title={`${t('reports.caseTitle')} ${i + 1}`}
                data-testid="report-case"
                extra={
                  <Button size="small" icon={<DeleteOutlined />} onClick={() => remove(field.name)}>
                    {t('reports.removeCase')}
                  </Button>
                }
              >
                <Form.Item name={[field.name, 'complaintId']} label={t('reports.caseComplaint')}>
                  <Select
                    allowClear
                    data-testid="report-case-complaint"
                    options={complaints.map((c) => ({ value: c.id, label: `${c.number} ${c.content.slice(0, 30)}` }))}
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'title']} label={t('reports.caseTitle')} rules={[{ required: true, whitespace: true }]}>
                  <Input maxLength={200} data-testid="report-case-title" />
                </Form.Item>
                <Form.Item name={[field.name, 'cause']} label={t('reports.cause')} rules={[{ required: true, whitespace: true }]}>
                  <Input.TextArea rows={2} maxLength={2000} data-testid="report-case-cause" />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'correctiveAction']}
                  label={t('reports.correctiveAction')}
                  rules={[{ required: true, whitespace: true }]}
                >
                  <Input.TextArea rows={2} maxLength={2000} data-testid="report-case-corrective" />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'preventiveAction']}
                  label={t('reports.preventiveAction')}
                  rules={[{ required: true, whitespace: true }]}
                >
                  <Input.TextArea rows={2} maxLength={2000} data-testid="report-case-preventive" />
                </Form.Item>
              </Card>
            ))}
            <Space>
              <Button
                icon={<PlusOutlined />}
                onClick={() => add({ complaintId: null, title: '', cause: '', correctiveAction: '', preventiveAction: '' })}
                data-testid="report-add-case"
              >
                {t('reports.addCase')}
              </Button>
              <Button type="primary" loading={write.isPending} onClick={() => void save()} data-testid="report-save-analysis">
                {t('reports.saveAnalysis')}
              </Button>
            </Space>
          </Space>
        )}
      </Form.List>
    </Form>
  );
}
