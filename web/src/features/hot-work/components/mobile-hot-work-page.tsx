import {
  Button,
  Card,
  Checkbox,
  DotLoading,
  ErrorBlock,
  Form,
  List,
  Popup,
  PullToRefresh,
  Selector,
  Tag,
  TextArea,
  Toast,
} from 'antd-mobile';
import { type ChangeEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MobileHeader } from '../../../components/mobile-header';
import { formatDateTime, formatShort } from '../../../lib/datetime';
import { useMobileErrorText } from '../../../lib/use-mobile-error';
import { type HotWorkDetail, uploadInspectionPhoto, useHotWork, useHotWorkAction, useHotWorkList } from '../api/hot-work';

interface InspectValues {
  findings: ('ok' | 'problem')[];
  note?: string;
  stopWork?: boolean;
  resumeWork?: boolean;
}

/** The sheet security fills on site: in order or a problem, stop or resume work, a note and a photo. */
function InspectSheet({ permit, onClose }: { permit: HotWorkDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<InspectValues>();
  const act = useHotWorkAction();
  const onError = useMobileErrorText();
  const [photo, setPhoto] = useState<File | null>(null);
  const submit = (v: InspectValues) => {
    act.mutate(
      {
        id: permit.id,
        action: 'inspect',
        body: { findings: v.findings[0], note: v.note || undefined, stopWork: !!v.stopWork, resumeWork: !!v.resumeWork },
      },
      {
        onSuccess: async (d) => {
          const mine = d.inspections.at(-1);
          if (photo && mine) {
            try {
              await uploadInspectionPhoto(d.id, mine.id, photo);
              Toast.show({ icon: 'success', content: t('hotWork.photoUploaded') });
            } catch (e) {
              onError(e);
            }
          } else {
            Toast.show({ icon: 'success', content: t('hotWork.done') });
          }
          onClose();
        },
        onError: (e) => onError(e, form),
      },
    );
  };
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ findings: ['ok'] }}
      onFinish={submit}
      footer={
        <Button block color="primary" type="submit" loading={act.isPending} data-testid="m-hot-work-submit">
          {t('hotWork.save')}
        </Button>
      }
    >
      <Form.Header>{`${permit.number} · ${permit.location}`}</Form.Header>
      <Form.Item name="findings" label={t('hotWork.findings')} rules={[{ required: true }]}>
        <Selector
          data-testid="m-hot-work-findings"
          options={[
            { value: 'ok', label: t('hotWork.findingsOk') },
            { value: 'problem', label: t('hotWork.findingsProblem') },
          ]}
        />
      </Form.Item>
      {permit.status === 'active' ? (
        <Form.Item name="stopWork" valuePropName="checked">
          <Checkbox data-testid="m-hot-work-stop">{t('hotWork.stopWork')}</Checkbox>
        </Form.Item>
      ) : (
        <Form.Item name="resumeWork" valuePropName="checked">
          <Checkbox data-testid="m-hot-work-resume">{t('hotWork.resumeWork')}</Checkbox>
        </Form.Item>
      )}
      <Form.Item name="note" label={t('hotWork.note')}>
        <TextArea rows={2} data-testid="m-hot-work-note" />
      </Form.Item>
      <Form.Item label={t('hotWork.photo')}>
        <input
          type="file"
          accept="image/*"
          capture="environment"
          data-testid="m-hot-work-photo"
          onChange={(e: ChangeEvent<HTMLInputElement>) => setPhoto(e.target.files?.[0] ?? null)}
        />
      </Form.Item>
    </Form>
  );
}

/** The sheet that closes a permit on the completion check. */
function CloseSheet({ permit, onClose }: { permit: HotWorkDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ isSiteSafe?: boolean; hasNoEmbers?: boolean; note?: string }>();
  const act = useHotWorkAction();
  const onError = useMobileErrorText();
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={(v) =>
        act.mutate(
          { id: permit.id, action: 'close', body: { isSiteSafe: !!v.isSiteSafe, hasNoEmbers: !!v.hasNoEmbers, note: v.note || undefined } },
          {
            onSuccess: () => {
              Toast.show({ icon: 'success', content: t('hotWork.done') });
              onClose();
            },
            onError: (e) => onError(e, form),
          },
        )
      }
      footer={
        <Button block color="primary" type="submit" loading={act.isPending} data-testid="m-hot-work-close-submit">
          {t('hotWork.actionNames.close')}
        </Button>
      }
    >
      <Form.Item name="isSiteSafe" valuePropName="checked">
        <Checkbox data-testid="m-hot-work-site-safe">{t('hotWork.isSiteSafe')}</Checkbox>
      </Form.Item>
      <Form.Item name="hasNoEmbers" valuePropName="checked">
        <Checkbox data-testid="m-hot-work-no-embers">{t('hotWork.hasNoEmbers')}</Checkbox>
      </Form.Item>
      <Form.Item name="note" label={t('hotWork.note')}>
        <TextArea rows={2} />
      </Form.Item>
    </Form>
  );
}

/** One of today's permits, opened on the phone: what the permit allows and what security may do now. */
function PermitCard({ id, onSheet }: { id: string; onSheet: (p: HotWorkDetail, sheet: 'inspect' | 'close') => void }) {
  const { t } = useTranslation();
  const q = useHotWork(id);
  if (!q.data) return <DotLoading />;
  const p = q.data;
  return (
    <Card title={`${p.number} · ${t(`hotWork.statuses.${p.status}` as never)}`} data-testid="m-hot-work-card">
      <div>{`${p.location} · ${t(`hotWork.workTypes.${p.workType}` as never)}`}</div>
      <div>{`${formatDateTime(p.windowStartAt)} – ${formatShort(p.windowEndAt)}`}</div>
      <div>{`${p.applicantCompany} · ${p.operatorName} · ${t('hotWork.fireWatcherName')} ${p.fireWatcherName}`}</div>
      <div>{`${t('hotWork.lastInspected')} ${p.lastInspectedAt ? formatShort(p.lastInspectedAt) : '—'}`}</div>
      <div style={{ display: 'flex', gap: 8, marginTop: 8 }}>
        {p.allowedActions.includes('inspect') ? (
          <Button size="small" color="primary" onClick={() => onSheet(p, 'inspect')} data-testid="m-hot-work-inspect">
            {t('hotWork.inspectNow')}
          </Button>
        ) : null}
        {p.allowedActions.includes('close') ? (
          <Button size="small" onClick={() => onSheet(p, 'close')} data-testid="m-hot-work-close">
            {t('hotWork.actionNames.close')}
          </Button>
        ) : null}
      </div>
    </Card>
  );
}

/** /m/hot-work: security's phone page for today's hot work, to inspect and close on site. */
export function MobileHotWorkPage() {
  const { t } = useTranslation();
  const list = useHotWorkList({ view: 'today' });
  const [sheet, setSheet] = useState<{ permit: HotWorkDetail; kind: 'inspect' | 'close' } | null>(null);
  return (
    <div data-testid="m-hot-work-page">
      <MobileHeader title={t('hotWork.mobileTitle')} canLogout />
      <PullToRefresh onRefresh={async () => void (await list.refetch())}>
        {list.isLoading ? <DotLoading /> : null}
        {list.error ? <ErrorBlock status="default" /> : null}
        {list.data && list.data.items.length === 0 ? <ErrorBlock status="empty" title={t('hotWork.mobileEmpty')} description="" /> : null}
        <List>
          {(list.data?.items ?? []).map((p) => (
            <List.Item
              key={p.id}
              extra={<Tag color={p.status === 'active' ? 'danger' : 'default'}>{t(`hotWork.statuses.${p.status}` as never)}</Tag>}
            >
              <PermitCard id={p.id} onSheet={(permit, kind) => setSheet({ permit, kind })} />
            </List.Item>
          ))}
        </List>
      </PullToRefresh>
      <Popup visible={!!sheet} onMaskClick={() => setSheet(null)} bodyStyle={{ maxHeight: '85vh', overflowY: 'auto' }}>
        {sheet?.kind === 'inspect' ? <InspectSheet permit={sheet.permit} onClose={() => setSheet(null)} /> : null}
        {sheet?.kind === 'close' ? <CloseSheet permit={sheet.permit} onClose={() => setSheet(null)} /> : null}
      </Popup>
    </div>
  );
}
