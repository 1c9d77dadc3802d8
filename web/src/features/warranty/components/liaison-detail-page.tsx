import { ArrowLeftOutlined, PrinterOutlined, UploadOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  type DescriptionsProps,
  Form,
  Image,
  Input,
  Modal,
  Radio,
  Space,
  Table,
  Timeline,
  Typography,
  Upload,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { FullPageSpin, LoadError } from '../../../components/page-states';
import { formatDateTime, toServerTime } from '../../../lib/datetime';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { type LiaisonActionPath, type LiaisonDetail, uploadItemPhoto, useLiaison, useLiaisonAction } from '../api/warranty';
import { LiaisonStatusTags } from './liaison-tags';

const pathOf = (a: string) => a.replaceAll('_', '-') as LiaisonActionPath;

function ActionModal({ form: liaison, action, onClose }: { form: LiaisonDetail; action: LiaisonActionPath; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const act = useLiaisonAction();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const required = [{ required: true, whitespace: true }];
  const submit = async () => {
    const v = (await form.validateFields()) as Record<string, unknown>;
    const body = action === 'reply' ? { ...v, repairBy: toServerTime((v.repairBy as Dayjs).endOf('day')) } : v;
    act.mutate(
      { id: liaison.id, action, body },
      {
        onSuccess: () => {
          void message.success(t('warranty.done'));
          onClose();
        },
        onError: (e) => onError(e, form),
      },
    );
  };
  return (
    <Modal
      open
      title={`${t(`warranty.actionNames.${action}`)} · ${liaison.number}`}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={act.isPending}
      okButtonProps={{ 'data-testid': 'liaison-action-submit' } as never}
    >
      <Form form={form} layout="vertical" initialValues={action === 'record-visit' ? { signature: 'signed' } : {}}>
        {action === 'receive' && (
          <Form.Item name="receiverName" label={t('warranty.receiver')} rules={required}>
            <Input data-testid="liaison-receiver" />
          </Form.Item>
        )}
        {action === 'reply' && (
          <>
            <Form.Item name="plan" label={t('warranty.plan')} rules={required}>
              <Input.TextArea rows={3} data-testid="liaison-plan" />
            </Form.Item>
            <Form.Item name="repairBy" label={t('warranty.repairBy')} rules={[{ required: true }]}>
              <DatePicker data-testid="liaison-repair-by" />
            </Form.Item>
          </>
        )}
        {action === 'report-repaired' && (
          <Form.Item name="note" label={t('warranty.repairedNote')} rules={required}>
            <Input.TextArea rows={3} data-testid="liaison-repaired-note" />
          </Form.Item>
        )}
        {action === 'record-visit' && (
          <>
            <Form.Item name="signature" label={t('warranty.signature')} rules={[{ required: true }]}>
              <Radio.Group options={(['signed', 'refused'] as const).map((s) => ({ value: s, label: t(`warranty.signatures.${s}`) }))} />
            </Form.Item>
            <Form.Item name="comment" label={t('warranty.comment')}>
              <Input.TextArea rows={2} data-testid="liaison-visit-comment" />
            </Form.Item>
          </>
        )}
        {action === 'chase' && (
          <Form.Item name="note" label={t('warranty.note')} rules={required}>
            <Input data-testid="liaison-note" />
          </Form.Item>
        )}
        {action === 'cancel' && (
          <Form.Item name="reason" label={t('warranty.reason')} rules={required}>
            <Input data-testid="liaison-reason" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/** What a step of the form's history says. */
function eventText(e: LiaisonDetail['events'][number], t: (k: string) => string): string {
  const d = e.data as Record<string, unknown>;
  const parts: string[] = [];
  for (const key of ['receiverName', 'plan', 'note', 'reason', 'comment'] as const)
    if (typeof d[key] === 'string' && d[key]) parts.push(d[key] as string);
  if (typeof d.signature === 'string') parts.push(t(`warranty.signatures.${d.signature}`));
  if (typeof d.repairBy === 'string') parts.push(formatDateTime(d.repairBy));
  return parts.join(' · ');
}

/** One liaison form: its defects with photos, the developer's answers, what the signed-in person may do, its history. */
export function LiaisonDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const onError = useApiErrorHandler();
  const q = useLiaison(id);
  const [action, setAction] = useState<LiaisonActionPath | null>(null);
  if (q.isLoading) return <FullPageSpin />;
  if (q.error || !q.data) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const f = q.data;
  const info: DescriptionsProps['items'] = [
    { key: 'status', label: t('warranty.status'), children: <LiaisonStatusTags status={f.status} flags={f.flags} /> },
    { key: 'to', label: t('warranty.toDepartment'), children: f.toDepartment },
    { key: 'works', label: t('warranty.works'), children: t(`warranty.worksNames.${f.works}`) },
    { key: 'subject', label: t('warranty.subject'), children: f.subject, span: 3 },
    { key: 'created', label: t('warranty.createdAt'), children: formatDateTime(f.createdAt) },
    { key: 'by', label: t('warranty.createdBy'), children: f.createdByName },
    {
      key: 'receiver',
      label: t('warranty.receiver'),
      children: f.receiverName ? `${f.receiverName} ${formatDateTime(f.receivedAt)}` : '—',
    },
    { key: 'plan', label: t('warranty.plan'), children: f.replyPlan ?? '—', span: 2 },
    { key: 'repairBy', label: t('warranty.repairBy'), children: formatDateTime(f.repairBy) || '—' },
    {
      key: 'repaired',
      label: t('warranty.repairedNote'),
      children: f.repairedNote ? `${f.repairedNote}（${formatDateTime(f.repairedAt)}）` : '—',
      span: 3,
    },
    {
      key: 'visit',
      label: t('warranty.signature'),
      children: f.residentSignature
        ? `${t(`warranty.signatures.${f.residentSignature}`)} ${f.visitComment ?? ''} · ${f.visitedByName ?? ''} ${formatDateTime(f.visitedAt)}`
        : '—',
      span: 3,
    },
  ];
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle" data-testid="liaison-detail-page">
      <Space wrap>
        <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate('/warranty')}>
          {t('warranty.back')}
        </Button>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="liaison-number">
          {f.number}
        </Typography.Title>
        <Button icon={<PrinterOutlined />} href={`/print/liaison-forms/${f.id}`} target="_blank" data-testid="liaison-print">
          {t('warranty.print')}
        </Button>
      </Space>
      <Card size="small">
        <Descriptions size="small" bordered column={3} items={info} />
      </Card>
      {f.allowedActions.length ? (
        <Card size="small" title={t('warranty.actions')}>
          <Space wrap>
            {f.allowedActions.map((a) => (
              <Button key={a} onClick={() => setAction(pathOf(a))} data-testid={`liaison-action-${pathOf(a)}`} danger={a === 'cancel'}>
                {t(`warranty.actionNames.${pathOf(a)}`)}
              </Button>
            ))}
          </Space>
        </Card>
      ) : null}
      <Card size="small" title={t('warranty.items')}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={f.items}
          columns={[
            { title: '#', dataIndex: 'seq', width: 40 },
            { title: t('warranty.location'), dataIndex: 'location', width: 200 },
            { title: t('warranty.defect'), dataIndex: 'defect' },
            {
              title: t('warranty.warrantyClass'),
              dataIndex: 'warrantyClass',
              width: 150,
              render: (v: string) => t(`warranty.classes.${v}` as never),
            },
            {
              title: t('warranty.source'),
              width: 180,
              render: (_: unknown, r: LiaisonDetail['items'][number]) =>
                r.source === 'repair' && r.sourceTicketId ? (
                  <Link to={`/orders/${r.sourceTicketId}`}>{r.sourceNumber}</Link>
                ) : r.source === 'complaint' && r.sourceTicketId ? (
                  <Link to={`/complaints/${r.sourceTicketId}`}>{r.sourceNumber}</Link>
                ) : (
                  t(`warranty.sources.${r.source}`)
                ),
            },
            {
              title: t('warranty.photos'),
              width: 220,
              render: (_: unknown, r: LiaisonDetail['items'][number]) => (
                <Space size={4} wrap>
                  <Image.PreviewGroup>
                    {r.photos.map((p) => (
                      <Image key={p.id} src={p.url} width={40} height={40} style={{ objectFit: 'cover' }} />
                    ))}
                  </Image.PreviewGroup>
                  {f.canAddPhotos ? (
                    <Upload
                      accept="image/jpeg,image/png,image/webp"
                      showUploadList={false}
                      customRequest={({ file, onSuccess, onError: failed }) => {
                        uploadItemPhoto(f.id, r.id, file as File)
                          .then((res) => {
                            onSuccess?.(res);
                            void qc.invalidateQueries({ queryKey: ['warranty', 'one', f.id] });
                          })
                          .catch((e: unknown) => {
                            failed?.(e as Error);
                            onError(e);
                          });
                      }}
                    >
                      <Button size="small" icon={<UploadOutlined />} data-testid="liaison-photo-add">
                        {t('warranty.addPhoto')}
                      </Button>
                    </Upload>
                  ) : null}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Card size="small" title={t('warranty.timeline')}>
        <Timeline
          items={f.events.map((e) => ({
            key: e.seq,
            children: (
              <span>
                {formatDateTime(e.at)} · {e.actorName} · {t(`warranty.statuses.${e.toStatus}` as never)} {eventText(e, t as never)}
              </span>
            ),
          }))}
        />
      </Card>
      {action ? <ActionModal form={f} action={action} onClose={() => setAction(null)} /> : null}
    </Space>
  );
}
