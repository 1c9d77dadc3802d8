import { Button, Form, Popup, Selector, TextArea, Toast } from 'antd-mobile';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { label } from '../../../lib/i18n';
import { useMobileErrorText } from '../../../lib/use-mobile-error';
import { type MyTicket, type RatingOutcome, useRateTicket } from '../api/my-tickets';

const outcomes: RatingOutcome[] = ['satisfied', 'basically_satisfied', 'unsatisfied'];

interface Values {
  outcome: RatingOutcome[];
  comment: string;
}

/** The resident's rating of a finished ticket: 满意 / 基本满意 / 不满意 and a comment (required when unsatisfied). */
export function RatingSheet({ ticket, onClose }: { ticket: MyTicket | null; onClose: () => void }) {
  const { t } = useTranslation();
  const rate = useRateTicket();
  const [form] = Form.useForm<Values>();
  const showError = useMobileErrorText();
  const outcome = Form.useWatch('outcome', form)?.[0];

  useEffect(() => {
    if (ticket) form.setFieldsValue({ outcome: [ticket.rating?.outcome ?? 'satisfied'], comment: ticket.rating?.comment ?? '' });
  }, [ticket, form]);

  const submit = (v: Values) => {
    if (!ticket) return;
    rate.mutate(
      { ticketId: ticket.id, outcome: v.outcome[0] ?? 'satisfied', comment: v.comment ?? '' },
      {
        onSuccess: () => {
          Toast.show({ icon: 'success', content: t('resident.rated') });
          onClose();
        },
        onError: (e) => showError(e, form),
      },
    );
  };

  return (
    <Popup visible={ticket !== null} onMaskClick={onClose} bodyStyle={{ borderTopLeftRadius: 12, borderTopRightRadius: 12 }}>
      <div className="m-sheet" data-testid="rating-sheet">
        <div className="m-sheet-title">{t('resident.rateTitle')}</div>
        <Form
          form={form}
          layout="vertical"
          onFinish={submit}
          footer={
            <Button block type="submit" color="primary" size="large" loading={rate.isPending} data-testid="rating-submit">
              {t('common.submit')}
            </Button>
          }
        >
          <Form.Item name="outcome" label={t('resident.rateHow')}>
            <Selector
              columns={3}
              options={outcomes.map((o) => ({ value: o, label: label('visitOutcome', o) }))}
              data-testid="rating-outcome"
            />
          </Form.Item>
          <Form.Item name="comment" label={outcome === 'unsatisfied' ? t('resident.rateWhy') : t('resident.rateComment')}>
            <TextArea rows={3} maxLength={500} data-testid="rating-comment" />
          </Form.Item>
        </Form>
      </div>
    </Popup>
  );
}
