import { Button, Card, DotLoading, ErrorBlock, Form, Selector, Tag, TextArea, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { MobileHeader } from '../../../components/mobile-header';
import { useMobileErrorText } from '../../../lib/use-mobile-error';
import { type ResidentQuestionnaire, type Tick, useAnswerQuestionnaire, useResidentQuestionnaires } from '../api/questionnaires';

const ticks: Tick[] = ['satisfied', 'basically_satisfied', 'unsatisfied'];

/** One open questionnaire for one of the resident's households: one choice per item, a comment. */
function AnswerForm({ q, roomId }: { q: ResidentQuestionnaire; roomId: string }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Record<string, Tick[] | string | undefined>>();
  const answer = useAnswerQuestionnaire();
  const onError = useMobileErrorText();
  const submit = (v: Record<string, Tick[] | string | undefined>) =>
    answer.mutate(
      {
        id: q.id,
        body: {
          roomId,
          // An item left unchosen is sent without a mark: the survey counts it as an abstention.
          answers: q.items.map((item) => ({ itemId: item.id, ticks: (v[`item_${item.id}`] as Tick[] | undefined) ?? [] })),
          comment: (v.comment as string | undefined) || undefined,
        },
      },
      {
        onSuccess: () => void Toast.show({ icon: 'success', content: t('questionnaires.submitted') }),
        onError: (e) => onError(e, form),
      },
    );
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={submit}
      footer={
        <Button block color="primary" type="submit" loading={answer.isPending} data-testid="m-questionnaire-submit">
          {t('questionnaires.submit')}
        </Button>
      }
    >
      {q.items.map((item, i) => (
        <Form.Item key={item.id} name={`item_${item.id}`} label={`${i + 1}. ${item.text}`}>
          <Selector
            options={ticks.map((m) => ({ value: m, label: t(`questionnaires.marks.${m}`) }))}
            data-testid={`m-questionnaire-item-${i}`}
          />
        </Form.Item>
      ))}
      <Form.Item name="comment" label={t('questionnaires.comment')}>
        <TextArea maxLength={1000} rows={3} data-testid="m-questionnaire-comment" />
      </Form.Item>
    </Form>
  );
}

/** The resident's satisfaction questionnaires (问卷): answer the open ones, once per household. */
export function MobileQuestionnairesPage() {
  const { t } = useTranslation();
  const list = useResidentQuestionnaires();
  return (
    <div data-testid="m-questionnaires-page">
      <MobileHeader title={t('questionnaires.mobileTitle')} backTo="/m/home" />
      {list.isLoading && <DotLoading />}
      {list.isError && <ErrorBlock status="default" />}
      {list.data && list.data.items.length === 0 && <ErrorBlock status="empty" title={t('questionnaires.mobileEmpty')} description="" />}
      {list.data?.items.map((q) =>
        q.households.map((h) => (
          <Card
            key={`${q.id}-${h.roomId}`}
            title={q.title}
            extra={
              h.answeredAt ? (
                <Tag color="success">{t('questionnaires.alreadyAnswered')}</Tag>
              ) : q.phase === 'open' ? (
                <Tag color="primary">{t('questionnaires.daysLeftValue', { n: q.workingDaysLeft ?? 0 })}</Tag>
              ) : (
                <Tag>{t('questionnaires.closedNote')}</Tag>
              )
            }
            style={{ margin: 12 }}
            data-testid="m-questionnaire-card"
          >
            <div style={{ color: '#666', marginBottom: 8 }}>
              {t('questionnaires.answerFor')}：{h.roomLabel}　{t('questionnaires.deadline')}：{q.recoveryDeadline}
            </div>
            {q.phase === 'open' && !h.answeredAt && <AnswerForm q={q} roomId={h.roomId} />}
          </Card>
        )),
      )}
    </div>
  );
}
