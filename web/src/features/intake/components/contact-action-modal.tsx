import { Alert, App, Checkbox, Form, Input, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/datetime';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { type ContactActionPath, type ContactDetail, useContactAction } from '../api/contacts';
import { TriageFields } from './triage-fields';

const replyMethods = ['in_person', 'phone', 'written', 'message'] as const;

/** The form of one duty-log action, in a modal. */
export function ContactActionModal({
  contact,
  action,
  onClose,
}: {
  contact: ContactDetail;
  action: ContactActionPath | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const act = useContactAction();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const isSatisfied = Form.useWatch('isSatisfied', form) as boolean | undefined;
  useEffect(() => {
    if (action) form.resetFields();
  }, [action, form]);
  if (!action) return null;
  const submit = async () => {
    const values = (await form.validateFields()) as Record<string, unknown>;
    act.mutate(
      { id: contact.id, action, body: values },
      {
        onSuccess: () => {
          void message.success(t('intake.done'));
          onClose();
        },
        onError: (e) => onError(e, form),
      },
    );
  };
  const required = [{ required: true, whitespace: true }];
  // A letter is answered in writing; the resident's dissatisfaction, once recorded, names its cause.
  const hasBeenUnsatisfied = contact.events.some((e) => e.type === 'ReplyGiven' && e.data.isSatisfied === false);
  return (
    <Modal
      open
      title={`${t(`intake.actionNames.${action}` as never)} · ${contact.number}`}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={act.isPending}
      okButtonProps={{ 'data-testid': 'contact-action-submit' } as never}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ method: contact.isWritten ? 'written' : 'phone', isSatisfied: true }}
        data-testid="contact-action-form"
      >
        {action === 'triage' && <TriageFields prefix={[]} communityId={contact.communityId} />}
        {action === 'reply' && (
          <>
            {contact.replyDueAt ? (
              <Alert
                type={contact.flags.includes('reply_overdue') ? 'error' : 'info'}
                showIcon
                style={{ marginBottom: 12 }}
                title={`${t('intake.replyDue')}${t('common.colon')}${formatDateTime(contact.replyDueAt)}`}
              />
            ) : null}
            <Form.Item name="answer" label={t('intake.answer')} rules={required}>
              <Input.TextArea rows={3} data-testid="reply-answer" />
            </Form.Item>
            <Form.Item name="method" label={t('intake.method')}>
              <Select
                data-testid="reply-method"
                options={replyMethods
                  .filter((m) => !contact.isWritten || m === 'written')
                  .map((m) => ({ value: m, label: t(`intake.replyMethods.${m}` as never) }))}
              />
            </Form.Item>
            <Form.Item name="isSatisfied" valuePropName="checked">
              <Checkbox data-testid="reply-satisfied">{t('intake.isSatisfied')}</Checkbox>
            </Form.Item>
            {hasBeenUnsatisfied && isSatisfied !== false ? (
              <>
                <Form.Item name="cause" label={t('intake.cause')} rules={required}>
                  <Input data-testid="reply-cause" />
                </Form.Item>
                <Form.Item name="responsible" label={t('intake.responsible')} rules={required}>
                  <Input data-testid="reply-responsible" />
                </Form.Item>
              </>
            ) : null}
          </>
        )}
        {(action === 'escalate' || action === 'void') && (
          <Form.Item name="reason" label={t('intake.reason')} rules={required}>
            <Input.TextArea rows={2} data-testid="action-reason" />
          </Form.Item>
        )}
        {action === 'acknowledge' && (
          <Form.Item name="note" label={t('intake.note')}>
            <Input data-testid="action-note" />
          </Form.Item>
        )}
        {(action === 'resolve' || action === 'close') && (
          <Form.Item name="result" label={t(action === 'resolve' ? 'intake.emergencyResult' : 'intake.result')} rules={required}>
            <Input.TextArea rows={3} data-testid="action-result" />
          </Form.Item>
        )}
        {action === 'resolve' && (
          <>
            <Form.Item name="hasCalledAmbulance" valuePropName="checked" style={{ marginBottom: 4 }}>
              <Checkbox>{t('intake.calledAmbulance')}</Checkbox>
            </Form.Item>
            <Form.Item name="hasCalledPolice" valuePropName="checked">
              <Checkbox>{t('intake.calledPolice')}</Checkbox>
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
