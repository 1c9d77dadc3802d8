import { Button, Checkbox, DotLoading, ErrorBlock, Form, List, Popup, PullToRefresh, Selector, Tag, TextArea, Toast } from 'antd-mobile';
import { type ChangeEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MobileHeader } from '../../../components/mobile-header';
import { useMobileErrorText } from '../../../lib/use-mobile-error';
import { useSignedInMe } from '../../auth/api/get-me';
import {
  type RoundDetail,
  uploadFindingPhoto,
  useFinishRound,
  useFulfilment,
  useMarkCheckpoint,
  usePatrolRound,
  usePatrolRounds,
  usePatrolRoutes,
  useStartRound,
} from '../api/patrol';

const categories = ['public_area', 'electrical', 'plumbing', 'doors_windows', 'equipment', 'other'] as const;

interface MarkValues {
  result: ('ok' | 'issue')[];
  note?: string;
  category?: (typeof categories)[number][];
  raiseOrder?: boolean;
  urgent?: boolean;
}

/** The sheet that records one checkpoint: ok, or an issue with a note, a category (raising the order at once) and a photo. */
function MarkSheet({ round, checkpointId, onClose }: { round: RoundDetail; checkpointId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<MarkValues>();
  const mark = useMarkCheckpoint();
  const onError = useMobileErrorText();
  const [photo, setPhoto] = useState<File | null>(null);
  const result = Form.useWatch('result', form)?.[0];
  const raise = Form.useWatch('raiseOrder', form) !== false;
  const checkpoint = round.checkpoints.find((c) => c.id === checkpointId);
  const close = () => {
    form.resetFields();
    setPhoto(null);
    onClose();
  };
  const submit = (v: MarkValues) => {
    if (!checkpointId) return;
    const isIssue = v.result[0] === 'issue';
    mark.mutate(
      {
        id: round.id,
        body: {
          checkpointId,
          result: v.result[0]!,
          note: v.note || undefined,
          raiseOrder: isIssue && v.raiseOrder !== false,
          category: isIssue ? v.category?.[0] : undefined,
          urgency: v.urgent ? 'urgent' : 'normal',
        },
      },
      {
        onSuccess: async (d) => {
          const finding = d.findings.find((f) => f.checkpointId === checkpointId);
          if (photo && finding) {
            try {
              await uploadFindingPhoto(round.id, finding.id, photo);
            } catch (e) {
              onError(e);
            }
          }
          Toast.show({
            icon: 'success',
            content: finding?.repairOrder ? t('patrol.mOrderRaised', { number: finding.repairOrder.number }) : t('patrol.mRecorded'),
          });
          close();
        },
        onError: (e) => onError(e, form),
      },
    );
  };
  return (
    <Popup visible={!!checkpointId} onMaskClick={close} bodyStyle={{ maxHeight: '85vh', overflowY: 'auto' }}>
      <div style={{ padding: '12px 16px 0', fontWeight: 600 }}>{checkpoint?.label}</div>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ result: ['ok'], raiseOrder: true, category: ['public_area'] }}
        onFinish={submit}
        footer={
          <Button block color="primary" type="submit" loading={mark.isPending} data-testid="m-patrol-mark-submit">
            {t('patrol.mConfirm')}
          </Button>
        }
      >
        <Form.Item name="result" rules={[{ required: true }]}>
          <Selector
            columns={2}
            options={[
              { label: t('patrol.mOk'), value: 'ok' },
              { label: t('patrol.mIssue'), value: 'issue' },
            ]}
            data-testid="m-patrol-result"
          />
        </Form.Item>
        {result === 'issue' ? (
          <>
            <Form.Item name="note" label={t('patrol.note')} rules={[{ required: true, whitespace: true }]}>
              <TextArea rows={3} data-testid="m-patrol-note" />
            </Form.Item>
            <Form.Item name="raiseOrder" valuePropName="checked">
              <Checkbox>{t('patrol.mRaiseOrder')}</Checkbox>
            </Form.Item>
            {raise ? (
              <>
                <Form.Item name="category" label={t('patrol.category')} rules={[{ required: true }]}>
                  <Selector columns={3} options={categories.map((c) => ({ label: t(`patrol.categories.${c}`), value: c }))} />
                </Form.Item>
                <Form.Item name="urgent" valuePropName="checked">
                  <Checkbox>{t('patrol.mUrgent')}</Checkbox>
                </Form.Item>
              </>
            ) : null}
            <Form.Item label={t('patrol.mPhoto')}>
              <input
                type="file"
                accept="image/jpeg,image/png,image/webp"
                capture="environment"
                onChange={(e: ChangeEvent<HTMLInputElement>) => setPhoto(e.target.files?.[0] ?? null)}
                data-testid="m-patrol-photo"
              />
            </Form.Item>
          </>
        ) : null}
      </Form>
    </Popup>
  );
}

function FinishSheet({ round, visible, onClose }: { round: RoundDetail; visible: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const finish = useFinishRound();
  const onError = useMobileErrorText();
  const [summary, setSummary] = useState('');
  return (
    <Popup visible={visible} onMaskClick={onClose}>
      <div style={{ padding: 16 }}>
        <TextArea rows={3} placeholder={t('patrol.mSummaryHint')} value={summary} onChange={setSummary} data-testid="m-patrol-summary" />
        <Button
          block
          color="primary"
          style={{ marginTop: 12 }}
          loading={finish.isPending}
          data-testid="m-patrol-finish-submit"
          onClick={() =>
            finish.mutate(
              { id: round.id, summary },
              {
                onSuccess: (d) => {
                  Toast.show({ icon: 'success', content: t('patrol.mFinished', { n: d.durationMinutes ?? 0 }) });
                  onClose();
                },
                onError: (e) => onError(e),
              },
            )
          }
        >
          {t('patrol.mFinish')}
        </Button>
      </div>
    </Popup>
  );
}

function RoundWalk({ roundId }: { roundId: string }) {
  const { t } = useTranslation();
  const q = usePatrolRound(roundId);
  const [marking, setMarking] = useState<string | null>(null);
  const [finishing, setFinishing] = useState(false);
  if (!q.data) return <DotLoading color="primary" />;
  const round = q.data;
  const byCheckpoint = new Map(round.findings.map((f) => [f.checkpointId, f]));
  const allMarked = round.checkpoints.every((c) => byCheckpoint.has(c.id));
  return (
    <>
      <List header={`${t('patrol.mMyRound')} · ${round.routeName}`} data-testid="m-patrol-round">
        {round.checkpoints.map((c) => {
          const f = byCheckpoint.get(c.id);
          return (
            <List.Item
              key={c.id}
              onClick={f ? undefined : () => setMarking(c.id)}
              arrow={!f}
              description={f?.note ?? undefined}
              extra={
                f ? (
                  <span>
                    <Tag color={f.result === 'ok' ? 'success' : 'danger'}>{t(`patrol.results.${f.result}`)}</Tag>
                    {f.repairOrder ? <Tag color="primary"> {f.repairOrder.number}</Tag> : null}
                  </span>
                ) : null
              }
              data-testid="m-patrol-checkpoint"
            >
              {c.label}
            </List.Item>
          );
        })}
      </List>
      <div style={{ padding: 12 }}>
        <Button block color="primary" disabled={!allMarked} onClick={() => setFinishing(true)} data-testid="m-patrol-finish">
          {t('patrol.mFinish')}
        </Button>
      </div>
      <MarkSheet round={round} checkpointId={marking} onClose={() => setMarking(null)} />
      <FinishSheet round={round} visible={finishing} onClose={() => setFinishing(false)} />
    </>
  );
}

/** /m/patrol: the CS supervisor (or a clerk) walks a route on the phone, checkpoint by checkpoint. */
export function MobilePatrolPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const communityId = me.communityId ?? null;
  const routes = usePatrolRoutes(communityId);
  const open = usePatrolRounds({ status: 'in_progress', limit: 50 });
  const fulfilment = useFulfilment(communityId);
  const start = useStartRound();
  const onError = useMobileErrorText();
  const mine = open.data?.items.find((r) => r.patrollerId === me.id);
  const refresh = async () => {
    await Promise.all([routes.refetch(), open.refetch(), fulfilment.refetch()]);
  };
  return (
    <div className="m-page" data-testid="m-patrol-page">
      <MobileHeader title={t('patrol.mTitle')} canLogout />
      <PullToRefresh onRefresh={refresh}>
        {fulfilment.data ? (
          <div style={{ padding: '8px 12px' }} data-testid="m-patrol-fulfilment">
            <Tag color={fulfilment.data.isBehind ? 'warning' : 'success'}>
              {t('patrol.week', { done: fulfilment.data.done, target: fulfilment.data.target })}
            </Tag>{' '}
            {fulfilment.data.isBehind ? t('patrol.behind', { expected: fulfilment.data.expectedSoFar }) : null}
          </div>
        ) : null}
        {open.isLoading || routes.isLoading ? (
          <div className="m-loading">
            <DotLoading color="primary" />
          </div>
        ) : mine ? (
          <RoundWalk roundId={mine.id} />
        ) : (routes.data ?? []).filter((r) => r.isActive).length === 0 ? (
          <ErrorBlock status="empty" title={t('patrol.mNoRoutes')} description="" />
        ) : (
          <List header={t('patrol.mChooseRoute')}>
            {(routes.data ?? [])
              .filter((r) => r.isActive)
              .map((r) => (
                <List.Item
                  key={r.id}
                  description={r.checkpoints.map((c) => c.label).join(' → ')}
                  extra={
                    <Button
                      size="small"
                      color="primary"
                      loading={start.isPending}
                      data-testid="m-patrol-start"
                      onClick={() =>
                        start.mutate(r.id, {
                          onSuccess: () => {
                            Toast.show({ icon: 'success', content: t('patrol.mStarted') });
                            void open.refetch();
                          },
                          onError: (e) => onError(e),
                        })
                      }
                    >
                      {t('patrol.mStart')}
                    </Button>
                  }
                >
                  {r.name}
                </List.Item>
              ))}
          </List>
        )}
      </PullToRefresh>
    </div>
  );
}
