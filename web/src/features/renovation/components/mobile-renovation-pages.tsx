import {
  Button,
  Checkbox,
  DotLoading,
  ErrorBlock,
  Form,
  Input,
  List,
  Popup,
  PullToRefresh,
  Selector,
  Steps,
  Switch,
  Tag,
  TextArea,
  Toast,
} from 'antd-mobile';
import { type ChangeEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { documentCodes, requiredDocuments, workItems } from '../../../../../src/domain/renovation/documents';
import { MobileHeader } from '../../../components/mobile-header';
import { dayjs, formatDateTime, formatShort, toServerTime } from '../../../lib/datetime';
import { label } from '../../../lib/i18n';
import { formatYuan } from '../../../lib/money';
import { useErrorText } from '../../../lib/use-api-error';
import { useMobileErrorText } from '../../../lib/use-mobile-error';
import { useSignedInMe } from '../../auth/api/get-me';
import {
  type DocumentCode,
  fileUrl,
  type RenovationDetail,
  type RenovationSummary,
  uploadProblem,
  uploadTypes,
  useCreateRenovation,
  useMarkSigned,
  useRenovation,
  useRenovationAction,
  useRenovations,
  useUploadDocument,
} from '../api/renovations';
import { applicationFieldMap, toWorkItems } from './application-fields';
import { stepIndex, stepKeys, stepStatus } from './renovation-steps';

const tagColor = (s: string) =>
  s === 'closed'
    ? 'success'
    : s === 'returned' || s === 'stopped' || s === 'inspection_failed'
      ? 'danger'
      : s === 'withdrawn'
        ? 'default'
        : 'primary';

function StatusTag({ status }: { status: string }) {
  return (
    <Tag color={tagColor(status)} fill="outline" data-testid="renovation-status" data-status={status}>
      {label('renovation.statuses', status)}
    </Tag>
  );
}

function Loading() {
  return (
    <div className="m-loading">
      <DotLoading color="primary" />
    </div>
  );
}

function RenovationCard({ r, onOpen }: { r: RenovationSummary; onOpen: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="m-card" data-testid="my-renovation" data-number={r.number} data-status={r.status}>
      <button type="button" className="m-card-main" onClick={onOpen}>
        <div className="m-card-head">
          <span className="m-card-number">{r.number}</span>
          <span className="m-card-tags">
            {r.flags.map((f) => (
              <Tag key={f} color="danger">
                {label('renovation.flags', f)}
              </Tag>
            ))}
            <StatusTag status={r.status} />
          </span>
        </div>
        <div className="m-card-title">{r.roomLabel}</div>
        <div className="m-card-content">
          {r.contractorCompany} · {r.plannedStartDate} ~ {r.plannedEndDate}
        </div>
        <div className="m-card-meta">
          <span>
            {t('renovation.fields.createdAt')} {formatShort(r.createdAt)}
          </span>
          {r.depositCents ? (
            <span>
              {t('renovation.fields.balance')} {formatYuan(r.depositBalanceCents)}
            </span>
          ) : null}
        </div>
      </button>
    </div>
  );
}

/** /m/renovations: the resident's renovation applications, and the button to apply. */
export function MobileRenovationsPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const navigate = useNavigate();
  const list = useRenovations({ view: 'all', limit: 100 });
  const text = useErrorText();
  return (
    <div className="m-page" data-testid="mobile-renovations-page">
      <MobileHeader title={t('renovation.mobile.mine')} backTo="/m/home" />
      <div style={{ padding: 12 }}>
        <Button
          block
          color="primary"
          disabled={!me.rooms.length}
          onClick={() => navigate('/m/renovations/new')}
          data-testid="renovation-apply"
        >
          ＋ {t('renovation.mobile.apply')}
        </Button>
      </div>
      <PullToRefresh onRefresh={async () => void (await list.refetch())}>
        {list.isPending ? (
          <Loading />
        ) : list.error ? (
          <ErrorBlock status="default" title={t('common.loadFailed')} description={text(list.error)} />
        ) : !list.data?.items.length ? (
          <ErrorBlock status="empty" title={t('renovation.mobile.empty')} description="" data-testid="empty-list" />
        ) : (
          <div className="m-list" data-testid="my-renovations">
            {list.data.items.map((r) => (
              <RenovationCard key={r.id} r={r} onOpen={() => navigate(`/m/renovations/${r.id}`)} />
            ))}
          </div>
        )}
      </PullToRefresh>
    </div>
  );
}

interface NewValues {
  roomId: string[];
  applicantName: string;
  applicantPhone: string;
  contractorCompany: string;
  contractorContact: string;
  contractorPhone: string;
  plannedStartDate: string;
  plannedEndDate: string;
  workItems: string[];
  description: string;
  isAgreementSigned: boolean;
}

/** /m/renovations/new: a resident applies for their own room (装修申请表); documents follow on the next page. */
export function MobileNewRenovationPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const navigate = useNavigate();
  const [form] = Form.useForm<NewValues>();
  const create = useCreateRenovation();
  const onError = useMobileErrorText();
  const picked = Form.useWatch('workItems', form) as string[] | undefined;
  const rooms = me.rooms;
  const required = [{ required: true, message: t('common.required') }];
  const submit = (v: NewValues) => {
    const room = rooms.find((r) => r.id === v.roomId?.[0]) ?? rooms[0];
    if (!room) return;
    create.mutate(
      {
        communityId: room.communityId,
        roomId: room.id,
        applicantName: v.applicantName,
        applicantPhone: v.applicantPhone,
        contractorCompany: v.contractorCompany,
        contractorContact: v.contractorContact,
        contractorPhone: v.contractorPhone,
        plannedStartDate: v.plannedStartDate,
        plannedEndDate: v.plannedEndDate,
        workItems: toWorkItems(v.workItems),
        description: v.description,
        isAgreementSigned: v.isAgreementSigned === true,
      },
      {
        onSuccess: (d) => {
          Toast.show({ icon: 'success', content: t('renovation.created') });
          navigate(`/m/renovations/${d.id}`, { replace: true });
        },
        onError: (e) =>
          onError(e, form, { ...applicationFieldMap, plannedStartDate: 'plannedStartDate', plannedEndDate: 'plannedEndDate' }),
      },
    );
  };
  if (!rooms.length) {
    return (
      <div className="m-page">
        <MobileHeader title={t('renovation.mobile.apply')} backTo="/m/renovations" />
        <ErrorBlock status="empty" title={t('renovation.mobile.noRooms')} description="" />
      </div>
    );
  }
  return (
    <div className="m-page" data-testid="mobile-new-renovation-page">
      <MobileHeader title={t('renovation.mobile.apply')} backTo="/m/renovations" />
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          roomId: [rooms[0]!.id],
          applicantName: me.name,
          applicantPhone: me.phone,
          workItems: [],
          isAgreementSigned: false,
          plannedStartDate: dayjs().add(3, 'day').format('YYYY-MM-DD'),
          plannedEndDate: dayjs().add(63, 'day').format('YYYY-MM-DD'),
        }}
        onFinish={submit}
        footer={
          <Button block type="submit" color="primary" loading={create.isPending} data-testid="renovation-submit">
            {t('renovation.mobile.submit')}
          </Button>
        }
      >
        <Form.Item name="roomId" label={t('renovation.mobile.myHome')} rules={required}>
          <Selector options={rooms.map((r) => ({ value: r.id, label: r.label }))} data-testid="field-room" />
        </Form.Item>
        <Form.Item name="applicantName" label={t('renovation.fields.applicantName')} rules={required}>
          <Input data-testid="field-applicant-name" />
        </Form.Item>
        <Form.Item name="applicantPhone" label={t('renovation.fields.applicantPhone')} rules={required}>
          <Input type="tel" data-testid="field-applicant-phone" />
        </Form.Item>
        <Form.Item name="contractorCompany" label={t('renovation.fields.contractorCompany')} rules={required}>
          <Input data-testid="field-contractor-company" />
        </Form.Item>
        <Form.Item name="contractorContact" label={t('renovation.fields.contractorContact')} rules={required}>
          <Input data-testid="field-contractor-contact" />
        </Form.Item>
        <Form.Item name="contractorPhone" label={t('renovation.fields.contractorPhone')} rules={required}>
          <Input type="tel" data-testid="field-contractor-phone" />
        </Form.Item>
        <Form.Item name="plannedStartDate" label={t('renovation.fields.plannedStartDate')} rules={required}>
          <Input type="date" data-testid="field-planned-start" />
        </Form.Item>
        <Form.Item name="plannedEndDate" label={t('renovation.fields.plannedEndDate')} rules={required}>
          <Input type="date" data-testid="field-planned-end" />
        </Form.Item>
        <Form.Item name="workItems" label={t('renovation.fields.workItems')}>
          <Selector
            multiple
            options={workItems.map((w) => ({ value: w, label: t(`renovation.workItemNames.${w}`) }))}
            data-testid="field-work-items"
          />
        </Form.Item>
        <Form.Item label={t('renovation.requiredDocuments')}>
          <div data-testid="renovation-required-documents">
            {requiredDocuments(toWorkItems(picked)).map((c) => (
              <Tag key={c} fill="outline" style={{ margin: '0 4px 4px 0' }}>
                {t(`renovation.documentNames.${c}`)}
              </Tag>
            ))}
          </div>
        </Form.Item>
        <Form.Item name="description" label={t('renovation.fields.description')} rules={required}>
          <TextArea rows={3} data-testid="field-description" />
        </Form.Item>
        <Form.Item name="isAgreementSigned" valuePropName="checked">
          <Checkbox data-testid="field-agreement-signed">{t('renovation.fields.isAgreementSigned')}</Checkbox>
        </Form.Item>
      </Form>
    </div>
  );
}

/** One document of the file on the phone: its state, view, mark signed, upload (camera or file). */
function MobileDocument({
  r,
  code,
  isRequired,
  canChange,
}: {
  r: RenovationDetail;
  code: DocumentCode;
  isRequired: boolean;
  canChange: boolean;
}) {
  const { t } = useTranslation();
  const doc = r.documents.find((d) => d.code === code && d.isCurrent) ?? null;
  const upload = useUploadDocument(r.id);
  const mark = useMarkSigned(r.id);
  const text = useErrorText();
  const input = useRef<HTMLInputElement>(null);
  const [isSigned, setSigned] = useState(true);
  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    const problem = uploadProblem(file);
    if (problem) {
      Toast.show({ icon: 'fail', content: t(problem) });
      return;
    }
    upload.mutate(
      { code, isSigned, file },
      {
        onSuccess: () => Toast.show({ icon: 'success', content: t('renovation.documents.uploaded') }),
        onError: (err) => Toast.show({ icon: 'fail', content: text(err) }),
      },
    );
  };
  return (
    <List.Item
      data-testid="document-row"
      data-code={code}
      data-signed={String(!!doc?.isSigned)}
      description={
        <div>
          {doc ? (
            <a href={fileUrl(r.id, doc.fileId)} target="_blank" rel="noopener noreferrer" data-testid="document-view">
              {doc.filename}
            </a>
          ) : (
            t('renovation.documents.notUploaded')
          )}
          {canChange ? (
            <div style={{ display: 'flex', gap: 8, alignItems: 'center', marginTop: 6, flexWrap: 'wrap' }}>
              {doc ? (
                <span>
                  <Switch
                    checked={doc.isSigned}
                    loading={mark.isPending}
                    onChange={(v) =>
                      mark.mutate({ documentId: doc.id, isSigned: v }, { onError: (err) => Toast.show({ content: text(err) }) })
                    }
                    data-testid="document-mark-signed"
                  />{' '}
                  {t('renovation.documents.signed')}
                </span>
              ) : (
                <Checkbox checked={isSigned} onChange={setSigned} data-testid="document-upload-signed">
                  {t('renovation.mobile.signedCheck')}
                </Checkbox>
              )}
              <input ref={input} type="file" accept={uploadTypes.join(',')} hidden onChange={onFile} data-testid="document-file" />
              <Button
                size="mini"
                color="primary"
                fill="outline"
                loading={upload.isPending}
                onClick={() => input.current?.click()}
                data-testid="document-upload"
              >
                {t(doc ? 'renovation.documents.replace' : 'renovation.documents.upload')}
              </Button>
            </div>
          ) : null}
        </div>
      }
      extra={
        doc ? (
          <Tag color={doc.isSigned ? 'success' : 'warning'}>
            {t(doc.isSigned ? 'renovation.documents.signed' : 'renovation.documents.notSigned')}
          </Tag>
        ) : (
          <Tag color="default">{t('renovation.documents.notUploaded')}</Tag>
        )
      }
    >
      {t(`renovation.documentNames.${code}`)}
      {isRequired ? '' : ` ${t('renovation.documents.optional')}`}
    </List.Item>
  );
}

type PhoneAction = 'resubmit' | 'withdraw' | 'book_inspection';

/** The resident's own step in a bottom sheet: resubmit, withdraw (with a reason), book the inspection (with a time). */
function ActionSheet({ r, action, onClose }: { r: RenovationDetail; action: PhoneAction | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const act = useRenovationAction();
  const onError = useMobileErrorText();
  const submit = (v: { reason?: string; note?: string; at?: string }) => {
    if (!action) return;
    const body =
      action === 'withdraw'
        ? { reason: v.reason }
        : action === 'book_inspection'
          ? { at: v.at ? toServerTime(dayjs(v.at)) : undefined, note: v.note || undefined }
          : { note: v.note || undefined };
    act.mutate(
      { id: r.id, action: action === 'book_inspection' ? 'book-inspection' : action, body },
      {
        onSuccess: () => {
          Toast.show({ icon: 'success', content: t('renovation.done') });
          form.resetFields();
          onClose();
        },
        onError: (e) => onError(e, form),
      },
    );
  };
  return (
    <Popup visible={action !== null} onMaskClick={onClose} bodyStyle={{ borderTopLeftRadius: 12, borderTopRightRadius: 12, padding: 8 }}>
      {action ? (
        <Form
          form={form}
          layout="vertical"
          onFinish={submit}
          data-testid={`sheet-${action.replaceAll('_', '-')}`}
          footer={
            <Button block type="submit" color="primary" loading={act.isPending} data-testid={`submit-${action.replaceAll('_', '-')}`}>
              {t(`renovation.actions.${action}`)}
            </Button>
          }
        >
          {action === 'withdraw' ? (
            <Form.Item name="reason" label={t('renovation.form.reason')} rules={[{ required: true, message: t('common.required') }]}>
              <TextArea rows={3} data-testid="field-reason" />
            </Form.Item>
          ) : null}
          {action === 'book_inspection' ? (
            <Form.Item name="at" label={t('renovation.mobile.bookAt')} rules={[{ required: true, message: t('common.required') }]}>
              <Input type="datetime-local" data-testid="field-at" />
            </Form.Item>
          ) : null}
          {action !== 'withdraw' ? (
            <Form.Item name="note" label={t('renovation.form.note')}>
              <TextArea rows={2} data-testid="field-note" />
            </Form.Item>
          ) : null}
        </Form>
      ) : null}
    </Popup>
  );
}

/** /m/renovations/:id: where the resident's renovation is, its documents to upload, their steps, the deposit and refund. */
export function MobileRenovationPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const q = useRenovation(id);
  const text = useErrorText();
  const [action, setAction] = useState<PhoneAction | null>(null);
  if (q.isPending) return <Loading />;
  if (!q.data) return <ErrorBlock status="default" title={t('common.loadFailed')} description={text(q.error)} />;
  const r = q.data;
  const canChange = r.allowedActions.includes('edit');
  const current = r.documents.filter((d) => d.isCurrent);
  const codes = documentCodes.filter((c) => r.completeness.required.includes(c) || current.some((d) => d.code === c));
  const phoneActions = (['resubmit', 'book_inspection', 'withdraw'] as const).filter((a) => r.allowedActions.includes(a));
  const l = r.ledger;
  return (
    <div className="m-page" data-testid="mobile-renovation-page" data-status={r.status} data-number={r.number}>
      <MobileHeader title={r.number} backTo="/m/renovations" />
      <List>
        <List.Item extra={<StatusTag status={r.status} />}>{t('renovation.fields.status')}</List.Item>
        <List.Item extra={r.roomLabel}>{t('renovation.fields.room')}</List.Item>
        <List.Item description={`${r.contractorContact} ${r.contractorPhone}`} extra={r.contractorCompany}>
          {t('renovation.fields.contractor')}
        </List.Item>
        <List.Item extra={`${r.plannedStartDate} ~ ${r.plannedEndDate}`}>{t('renovation.fields.planned')}</List.Item>
        {r.permitNumber ? (
          <List.Item
            extra={<span data-testid="renovation-permit-number">{r.permitNumber}</span>}
            description={`${r.permitValidFrom} ~ ${r.permitValidTo}`}
          >
            {t('renovation.fields.permitNumber')}
          </List.Item>
        ) : null}
        {r.lastReturnReason && r.status === 'returned' ? (
          <List.Item description={<span style={{ color: '#ff3141' }}>{r.lastReturnReason}</span>} data-testid="renovation-return-reason">
            {t('renovation.fields.lastReturnReason')}
          </List.Item>
        ) : null}
      </List>
      {phoneActions.length ? (
        <div style={{ display: 'flex', gap: 8, padding: 12, flexWrap: 'wrap' }} data-testid="renovation-actions">
          {phoneActions.map((a) => (
            <Button
              key={a}
              color={a === 'withdraw' ? 'danger' : 'primary'}
              fill={a === 'withdraw' ? 'outline' : 'solid'}
              onClick={() => setAction(a)}
              data-testid={`action-${a.replaceAll('_', '-')}`}
            >
              {t(`renovation.actions.${a}`)}
            </Button>
          ))}
        </div>
      ) : null}
      <List header={t('renovation.mobile.steps')}>
        <div style={{ padding: '8px 0', overflowX: 'auto' }}>
          <Steps current={stepIndex(r.status)} data-testid="renovation-steps">
            {stepKeys.map((k, i) => (
              <Steps.Step
                key={k}
                title={t(`renovation.steps.${k}`)}
                status={
                  i < stepIndex(r.status)
                    ? 'finish'
                    : i === stepIndex(r.status)
                      ? stepStatus(r.status) === 'error'
                        ? 'error'
                        : stepStatus(r.status) === 'finish'
                          ? 'finish'
                          : 'process'
                      : 'wait'
                }
              />
            ))}
          </Steps>
        </div>
      </List>
      <List header={t('renovation.documents.title')} data-testid="renovation-documents">
        <List.Item
          data-testid="renovation-completeness"
          data-complete={String(r.completeness.isComplete)}
          extra={
            <Tag color={r.completeness.isComplete ? 'success' : 'warning'}>
              {t(r.completeness.isComplete ? 'renovation.documents.complete' : 'renovation.documents.incomplete')}
            </Tag>
          }
          description={canChange ? t('renovation.mobile.uploadHint') : undefined}
        >
          {t('renovation.fields.agreement')}：{t(r.isAgreementSigned ? 'common.yes' : 'common.no')}
        </List.Item>
        {codes.map((c) => (
          <MobileDocument key={c} r={r} code={c} isRequired={r.completeness.required.includes(c)} canChange={canChange} />
        ))}
      </List>
      {r.violations.length ? (
        <List header={t('renovation.violations.title')} data-testid="renovation-violations">
          {r.violations.map((v) => (
            <List.Item
              key={v.id}
              data-testid="violation-row"
              data-status={v.status}
              extra={
                <Tag color={v.status === 'rectified' ? 'success' : 'danger'}>{label('renovation.violations.statusNames', v.status)}</Tag>
              }
              description={
                v.requirement
                  ? `${v.noticeNumber ?? ''} ${v.requirement} · ${t('renovation.violations.deadline')} ${formatDateTime(v.deadlineAt)}`
                  : undefined
              }
            >
              {v.description}
            </List.Item>
          ))}
        </List>
      ) : null}
      {r.inspections.length ? (
        <List header={t('renovation.inspections.title')} data-testid="renovation-inspections">
          {r.inspections.map((i) => (
            <List.Item
              key={i.id}
              data-testid="inspection-row"
              data-outcome={i.outcome}
              extra={
                <Tag color={i.outcome === 'passed' ? 'success' : i.outcome === 'failed' ? 'danger' : 'warning'}>
                  {label('renovation.inspections.outcomeNames', i.outcome)}
                </Tag>
              }
              description={formatDateTime(i.at)}
            >
              {t('renovation.inspections.round', { round: i.round })}
            </List.Item>
          ))}
        </List>
      ) : null}
      <List header={t('renovation.mobile.depositInfo')} data-testid="renovation-deposit">
        {r.paidAt ? (
          <>
            <List.Item extra={r.fees.map((f) => `${f.name} ${formatYuan(f.amountCents)}`).join('；')}>
              {t('renovation.fields.fees')}
            </List.Item>
            <List.Item extra={<span data-testid="deposit-paid">{formatYuan(l.depositCents)}</span>}>
              {t('renovation.deposit.paid')}
            </List.Item>
            <List.Item extra={formatYuan(l.deductedCents)}>{t('renovation.deposit.deductions')}</List.Item>
            <List.Item extra={<span data-testid="deposit-balance">{formatYuan(l.balanceCents)}</span>}>
              {t('renovation.deposit.balance')}
            </List.Item>
            {r.refundDueDate ? (
              <List.Item extra={<span data-testid="refund-due-date">{r.refundDueDate}</span>}>
                {t('renovation.deposit.refundDue')}
              </List.Item>
            ) : null}
            {r.refundAppointmentAt ? (
              <List.Item extra={formatDateTime(r.refundAppointmentAt)}>{t('renovation.fields.refundAppointmentAt')}</List.Item>
            ) : null}
            {l.refundCents != null ? (
              <List.Item
                extra={<span data-testid="deposit-refunded">{formatYuan(l.refundCents)}</span>}
                description={formatDateTime(l.refundedAt)}
              >
                {t('renovation.deposit.refund')}
              </List.Item>
            ) : null}
          </>
        ) : (
          <List.Item>{t('renovation.deposit.notPaid')}</List.Item>
        )}
      </List>
      <List header={t('renovation.timeline')}>
        <Steps direction="vertical" data-testid="renovation-history">
          {[...r.events]
            .sort((a, b) => b.seq - a.seq)
            .map((e) => (
              <Steps.Step
                key={e.seq}
                status="finish"
                title={label('renovation.events', e.type)}
                description={`${formatShort(e.at)} · ${e.actorName}${e.toStatus !== e.fromStatus ? ` · ${label('renovation.statuses', e.toStatus)}` : ''}`}
              />
            ))}
        </Steps>
      </List>
      <ActionSheet r={r} action={action} onClose={() => setAction(null)} />
    </div>
  );
}
