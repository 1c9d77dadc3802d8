import { Button, Checkbox, DotLoading, ErrorBlock, Form, Popup, PullToRefresh, Selector, Tag, TextArea, Toast } from 'antd-mobile';
import { type ChangeEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MobileHeader } from '../../../components/mobile-header';
import { label } from '../../../lib/i18n';
import { useErrorText } from '../../../lib/use-api-error';
import { useMobileErrorText } from '../../../lib/use-mobile-error';
import { useSignedInMe } from '../../auth/api/get-me';
import { type PatrolTask, photoUploadTypes, uploadProblem, usePatrolTasks, useRenovationAction, useUploadPhoto } from '../api/renovations';

interface Values {
  result: ('pass' | 'issue')[];
  note?: string;
  raiseViolation?: boolean;
  violationDescription?: string;
}

/** The bottom sheet that records one patrol: all right or an issue, a note, a photo, and a violation if it is one. */
function RecordSheet({ task, onClose }: { task: PatrolTask | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const act = useRenovationAction();
  const upload = useUploadPhoto();
  const onError = useMobileErrorText();
  const text = useErrorText();
  const [photo, setPhoto] = useState<File | null>(null);
  const result = Form.useWatch('result', form)?.[0];
  const raise = Form.useWatch('raiseViolation', form) === true;
  const onPhoto = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0] ?? null;
    if (file) {
      const problem = uploadProblem(file, photoUploadTypes);
      if (problem) {
        Toast.show({ icon: 'fail', content: t(problem) });
        e.target.value = '';
        return;
      }
    }
    setPhoto(file);
  };
  const close = () => {
    form.resetFields();
    setPhoto(null);
    onClose();
  };
  const submit = (v: Values) => {
    if (!task) return;
    const isIssue = v.result[0] === 'issue';
    act.mutate(
      {
        id: task.renovationId,
        action: 'record-patrol',
        body: {
          patrolId: task.id,
          result: v.result[0],
          note: v.note || undefined,
          violation: isIssue && v.raiseViolation ? { description: v.violationDescription } : undefined,
        },
      },
      {
        onSuccess: async () => {
          if (photo) {
            try {
              await upload.mutateAsync({ id: task.renovationId, purpose: 'patrol', targetId: task.id, file: photo });
            } catch (e) {
              Toast.show({ icon: 'fail', content: text(e) });
            }
          }
          Toast.show({ icon: 'success', content: t('renovation.mobile.patrolSaved') });
          close();
        },
        onError: (e) => onError(e, form, { 'violation.description': 'violationDescription' }),
      },
    );
  };
  return (
    <Popup visible={task !== null} onMaskClick={close} bodyStyle={{ borderTopLeftRadius: 12, borderTopRightRadius: 12, padding: 8 }}>
      {task ? (
        <Form
          form={form}
          layout="vertical"
          initialValues={{ result: ['pass'] }}
          onFinish={submit}
          data-testid="sheet-record-patrol"
          footer={
            <Button block type="submit" color="primary" loading={act.isPending || upload.isPending} data-testid="submit-record-patrol">
              {t('renovation.mobile.patrolRecord')}
            </Button>
          }
        >
          <Form.Item label={`${task.roomLabel} · ${task.renovationNumber}`}>{task.contractorCompany}</Form.Item>
          <Form.Item name="result" label={t('renovation.form.result')} rules={[{ required: true }]}>
            <Selector
              options={[
                { value: 'pass', label: t('renovation.form.pass') },
                { value: 'issue', label: t('renovation.form.issue') },
              ]}
              data-testid="field-result"
            />
          </Form.Item>
          <Form.Item name="note" label={t('renovation.form.note')}>
            <TextArea rows={2} data-testid="field-note" />
          </Form.Item>
          {result === 'issue' ? (
            <Form.Item name="raiseViolation" valuePropName="checked">
              <Checkbox data-testid="field-raise-violation">{t('renovation.form.raiseViolation')}</Checkbox>
            </Form.Item>
          ) : null}
          {result === 'issue' && raise ? (
            <Form.Item
              name="violationDescription"
              label={t('renovation.form.violationDescription')}
              rules={[{ required: true, message: t('common.required') }]}
            >
              <TextArea rows={2} data-testid="field-violation-description" />
            </Form.Item>
          ) : null}
          <Form.Item label={t('renovation.form.photo')}>
            <input type="file" accept={photoUploadTypes.join(',')} capture="environment" onChange={onPhoto} data-testid="field-photo" />
          </Form.Item>
        </Form>
      ) : null}
    </Popup>
  );
}

/** /m/renovation-patrols: today's renovation patrols of the signed-in person's duty (客户助理, 保安, 工程), recorded on the spot. */
export function MobilePatrolPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const list = usePatrolTasks({});
  const text = useErrorText();
  const [task, setTask] = useState<PatrolTask | null>(null);
  return (
    <div className="m-page" data-testid="mobile-patrol-page">
      <MobileHeader title={t('renovation.mobile.patrolTitle')} backTo={me.role === 'technician' ? '/m/tech' : '/renovations'} />
      <PullToRefresh onRefresh={async () => void (await list.refetch())}>
        {list.isPending ? (
          <div className="m-loading">
            <DotLoading color="primary" />
          </div>
        ) : list.error ? (
          <ErrorBlock status="default" title={t('common.loadFailed')} description={text(list.error)} />
        ) : (
          <>
            <div style={{ padding: '10px 14px 0', color: '#666' }} data-testid="patrol-day" data-duty={list.data.duty}>
              {t('renovation.patrols.today')} · {list.data.date} · {label('renovation.patrols.dutyNames', list.data.duty)}
            </div>
            {!list.data.items.length ? (
              <ErrorBlock status="empty" title={t('renovation.patrols.empty')} description="" data-testid="empty-list" />
            ) : (
              <div className="m-list" data-testid="patrol-tasks">
                {list.data.items.map((p) => (
                  <div key={p.id} className="m-card" data-testid="patrol-task" data-number={p.renovationNumber} data-status={p.status}>
                    <div className="m-card-main">
                      <div className="m-card-head">
                        <span className="m-card-number">{p.renovationNumber}</span>
                        <span className="m-card-tags">
                          <Tag color={p.status === 'done' ? 'success' : p.status === 'missed' ? 'danger' : 'warning'} fill="outline">
                            {label('renovation.patrols.statusNames', p.status)}
                          </Tag>
                          {p.result ? (
                            <Tag color={p.result === 'pass' ? 'success' : 'danger'}>
                              {label('renovation.patrols.resultNames', p.result)}
                            </Tag>
                          ) : null}
                        </span>
                      </div>
                      <div className="m-card-title">{p.roomLabel}</div>
                      <div className="m-card-content">
                        {p.contractorCompany} · {label('renovation.statuses', p.renovationStatus)}
                      </div>
                      {p.note ? <div className="m-card-meta">{p.note}</div> : null}
                      {p.status === 'due' ? (
                        <Button size="small" color="primary" onClick={() => setTask(p)} data-testid="patrol-record">
                          {t('renovation.mobile.patrolRecord')}
                        </Button>
                      ) : null}
                    </div>
                  </div>
                ))}
              </div>
            )}
          </>
        )}
      </PullToRefresh>
      <RecordSheet task={task} onClose={() => setTask(null)} />
    </div>
  );
}
