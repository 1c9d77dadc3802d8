import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Modal, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { type QuestionnaireDetail, useSaveQuestionnaire } from '../api/questionnaires';

interface Values {
  title: string;
  period: string;
  items: { id?: string; text: string }[];
}

/** Drafts a questionnaire or edits a draft: title, period and its items. */
export function QuestionnaireForm({
  communityId,
  questionnaire,
  onClose,
  onSaved,
}: {
  communityId: string;
  questionnaire: QuestionnaireDetail | null;
  onClose: () => void;
  onSaved?: (id: string) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const save = useSaveQuestionnaire();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const submit = async () => {
    const v = await form.validateFields();
    save.mutate(
      {
        id: questionnaire?.id ?? null,
        body: {
          communityId,
          title: v.title,
          period: v.period,
          items: (v.items ?? []).map((i) => ({ ...(i.id ? { id: i.id } : {}), text: i.text })),
        },
      },
      {
        onSuccess: (d) => {
          void message.success(t('questionnaires.saved'));
          onSaved?.(d.id);
          onClose();
        },
        onError: (e) => onError(e, form),
      },
    );
  };
  return (
    <Modal
      open
      width={640}
      title={t(questionnaire ? 'questionnaires.editQuestionnaire' : 'questionnaires.newQuestionnaire')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('questionnaires.save')}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'questionnaire-save' } as never}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={
          questionnaire
            ? { title: questionnaire.title, period: questionnaire.period, items: questionnaire.items }
            : { items: [{ text: '' }] }
        }
      >
        <Form.Item name="title" label={t('questionnaires.questionnaireTitle')} rules={[{ required: true }]}>
          <Input maxLength={100} data-testid="questionnaire-title" />
        </Form.Item>
        <Form.Item name="period" label={t('questionnaires.period')} extra={t('questionnaires.periodHint')} rules={[{ required: true }]}>
          <Input maxLength={7} placeholder="2026-12" style={{ width: 160 }} data-testid="questionnaire-period" />
        </Form.Item>
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <Form.Item label={t('questionnaires.items')} required>
              {fields.map((field, i) => (
                <Space key={field.key} align="baseline" style={{ display: 'flex' }}>
                  <Form.Item name={[field.name, 'id']} hidden>
                    <Input />
                  </Form.Item>
                  <Form.Item name={[field.name, 'text']} rules={[{ required: true }]} style={{ width: 480 }}>
                    <Input maxLength={200} placeholder={`${t('questionnaires.item')} ${i + 1}`} data-testid={`questionnaire-item-${i}`} />
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} disabled={fields.length <= 1} />
                </Space>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ text: '' })} data-testid="questionnaire-add-item">
                {t('questionnaires.addItem')}
              </Button>
            </Form.Item>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
