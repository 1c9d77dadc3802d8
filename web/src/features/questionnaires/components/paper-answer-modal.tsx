import { App, Checkbox, Form, Input, Modal, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { type QuestionnaireDetail, type Tick, useEnterPaperAnswer } from '../api/questionnaires';

const ticks: Tick[] = ['satisfied', 'basically_satisfied', 'unsatisfied'];

/**
 * The clerk copies a recovered paper form: the household, then for each item the boxes ticked on
 * the paper, as they are (none or several become an abstention on the server), and the comment.
 */
export function PaperAnswerModal({ q, onClose }: { q: QuestionnaireDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ roomId: string; comment?: string } & Record<string, Tick[] | string | undefined>>();
  const enter = useEnterPaperAnswer();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const open = q.households.filter((h) => !h.answeredAt);
  const submit = async () => {
    const v = await form.validateFields();
    enter.mutate(
      {
        id: q.id,
        body: {
          roomId: v.roomId,
          answers: q.items.map((item) => ({ itemId: item.id, ticks: (v[`item_${item.id}`] as Tick[] | undefined) ?? [] })),
          comment: v.comment || undefined,
        },
      },
      {
        onSuccess: () => {
          void message.success(t('questionnaires.entered'));
          form.resetFields();
        },
        onError: (e) => onError(e, form),
      },
    );
  };
  return (
    <Modal
      open
      width={720}
      title={t('questionnaires.enterPaper')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('questionnaires.save')}
      confirmLoading={enter.isPending}
      okButtonProps={{ 'data-testid': 'paper-save' } as never}
    >
      <Typography.Paragraph type="secondary">{t('questionnaires.paperHint')}</Typography.Paragraph>
      <Form form={form} layout="horizontal" labelCol={{ span: 6 }}>
        <Form.Item name="roomId" label={t('questionnaires.room')} rules={[{ required: true }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={open.map((h) => ({ value: h.roomId, label: h.roomLabel }))}
            data-testid="paper-room"
          />
        </Form.Item>
        {q.items.map((item, i) => (
          <Form.Item key={item.id} name={`item_${item.id}`} label={item.text}>
            <Checkbox.Group
              options={ticks.map((m) => ({ value: m, label: t(`questionnaires.marks.${m}`) }))}
              data-testid={`paper-item-${i}`}
            />
          </Form.Item>
        ))}
        <Form.Item name="comment" label={t('questionnaires.comment')}>
          <Input.TextArea maxLength={1000} rows={2} data-testid="paper-comment" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
