import { Button, Card, Col, Descriptions, Form, Modal, Row, Space, Table, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { FullPageSpin } from '../../../components/page-states';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { useSignedInMe } from '../../auth/api/get-me';
import { actionPath, type ComplaintAction, useComplaint, useComplaintAction } from '../api';
import { ActionFields, bodyOf, initialValuesOf } from './action-fields';
import { CollectiveBanner } from './collective-banner';
import { ComplaintTags } from './complaint-tags';
import { label } from '../../../lib/i18n';

const at = (d: string | null) => (d ? dayjs(d).format('YYYY-MM-DD HH:mm') : '—');

/** The words a step was taken with (the reason, summary, note or comment), under the step. */
function TimelineNote({ data }: { data: Record<string, unknown> }) {
  const words = ['summary', 'reason', 'note', 'comment'].map((k) => data[k]).find((v) => typeof v === 'string' && v.trim() !== '');
  if (typeof words !== 'string') return null;
  return (
    <Typography.Paragraph type="secondary" style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
      {words}
    </Typography.Paragraph>
  );
}

/** /complaints/:id: the complaint, its households, history, timers, linked cases, and every action allowed now. */
export function ComplaintDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const me = useSignedInMe();
  const q = useComplaint(id);
  const run = useComplaintAction(id);
  const onError = useApiErrorHandler();
  const [action, setAction] = useState<ComplaintAction | null>(null);
  const [form] = Form.useForm();
  if (q.isPending) return <FullPageSpin />;
  if (!q.data) return <Typography.Text type="danger">{String(q.error ?? '')}</Typography.Text>;
  const c = q.data;
  const link = (l: { id: string; number: string; status: string }) => (
    <Link key={l.id} to={`/complaints/${l.id}`} style={{ marginRight: 8 }}>
      {l.number}（{t(`complaints.statuses.${l.status}`, { defaultValue: l.status })}）
    </Link>
  );
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="complaint-detail-page">
      {['cs_supervisor', 'director'].includes(me.role) && c.status === 'recorded' ? <CollectiveBanner communityId={c.communityId} /> : null}
      <Card
        title={
          <Space>
            <span data-testid="complaint-number">{c.number}</span>
            <ComplaintTags c={c} />
            {c.flags.map((f) => (
              <Tag key={f} color="red" data-testid="complaint-overdue">
                {label('complaints.flags', f)}
              </Tag>
            ))}
          </Space>
        }
        extra={
          <Space wrap data-testid="complaint-actions">
            {c.allowedActions.map((a) => (
              <Button
                key={a}
                onClick={() => {
                  form.resetFields();
                  setAction(a);
                }}
                data-testid={`action-${actionPath(a)}`}
              >
                {t(`complaints.actions.${a}`)}
              </Button>
            ))}
          </Space>
        }
      >
        <Descriptions column={2} size="small" bordered>
          <Descriptions.Item label={t('complaints.community')}>{c.communityName}</Descriptions.Item>
          <Descriptions.Item label={t('complaints.complainant')}>
            {c.complainantName} {c.complainantPhone}
          </Descriptions.Item>
          <Descriptions.Item label={t('complaints.channel')}>
            {t(`complaints.channels.${c.channel}`, { defaultValue: c.channel })} · {t(`complaints.forms.${c.form}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('complaints.location')}>{c.location}</Descriptions.Item>
          <Descriptions.Item label={t('complaints.households')} span={2}>
            <span data-testid="complaint-households">
              {c.households.map((h) => (
                <Tag key={h.householdId} data-testid="complaint-household">
                  {h.label}
                </Tag>
              ))}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('complaints.content')} span={2}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{c.content}</Typography.Paragraph>
          </Descriptions.Item>
          <Descriptions.Item label={t('complaints.fields.agreedReplyAt')}>
            <span data-testid="complaint-agreed-reply-at">{at(c.agreedReplyAt)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('complaints.escalation')}>
            {c.escalationLevel} · {t(`complaints.rungs.${c.escalationRung}`, { defaultValue: c.escalationRung })}
          </Descriptions.Item>
          <Descriptions.Item label={t('complaints.incidentReport')}>
            <span data-testid="complaint-incident-report">
              {c.incidentReportFiledAt ? `${t('complaints.filed')} ${at(c.incidentReportFiledAt)}` : '—'}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('complaints.result')}>
            <span data-testid="complaint-result">
              {c.resultSummary ?? '—'}
              {c.solvingDepartment ? `（${label('complaints.departments', c.solvingDepartment)}）` : ''}
              {c.signedOffAt ? ` · ${t('complaints.signedOff')}` : ''}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('complaints.reply')} span={2}>
            <span data-testid="complaint-reply">
              {c.reply ? `${label('complaints.methods', c.reply.method)} ${at(c.reply.at)} · ${c.replySummary ?? ''}` : '—'}
            </span>
          </Descriptions.Item>
          {c.linkedFrom || c.successors.length || c.mergedFrom.length || c.mergedInto ? (
            <Descriptions.Item label={t('complaints.linked')} span={2}>
              {c.linkedFrom ? (
                <div>
                  {t('complaints.linkedFrom')}：{link(c.linkedFrom)}
                </div>
              ) : null}
              {c.successors.length ? (
                <div>
                  {t('complaints.successors')}：{c.successors.map(link)}
                </div>
              ) : null}
              {c.mergedFrom.length ? (
                <div data-testid="complaint-merged-from">
                  {t('complaints.mergedFrom')}：{c.mergedFrom.map(link)}
                </div>
              ) : null}
              {c.mergedInto ? (
                <div>
                  {t('complaints.mergedInto')}：{link(c.mergedInto)}
                </div>
              ) : null}
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      </Card>
      <Row gutter={[16, 16]} align="top">
        <Col xs={24} xl={14}>
          <Card title={t('complaints.timeline')}>
            <Timeline
              data-testid="complaint-timeline"
              items={c.events.map((e) => ({
                children: (
                  <div data-testid="timeline-item" data-type={e.type} data-actor={e.actorName}>
                    <b>{at(e.at)}</b> {e.actorName} · {t(`complaints.events.${e.type}`, { defaultValue: e.type })}
                    {e.toStatus !== e.fromStatus ? ` → ${t(`complaints.statuses.${e.toStatus}`, { defaultValue: e.toStatus })}` : ''}
                    <TimelineNote data={e.data} />
                  </div>
                ),
              }))}
            />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t('complaints.timers')}>
            <Table
              size="small"
              rowKey={(r) => `${r.kind}-${r.dueAt}`}
              pagination={false}
              dataSource={c.timers.filter((x) => !x.kind.startsWith('visit.'))}
              data-testid="complaint-timers"
              columns={[
                {
                  title: t('complaints.timerKind'),
                  dataIndex: 'kind',
                  render: (k: string) => t(`complaints.timerKinds.${k}`, { defaultValue: k }),
                },
                { title: t('complaints.timerDue'), dataIndex: 'dueAt', render: at },
                { title: t('complaints.timerLevel'), dataIndex: 'level' },
                {
                  title: t('complaints.timerStatus'),
                  dataIndex: 'status',
                  render: (st: string) => t(`complaints.timerStatuses.${st}`, { defaultValue: st }),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <Modal
        open={action !== null}
        title={action ? t(`complaints.actions.${action}`) : ''}
        onCancel={() => setAction(null)}
        onOk={() => form.submit()}
        confirmLoading={run.isPending}
        okButtonProps={{ 'data-testid': 'action-submit' } as never}
        destroyOnHidden
      >
        {action ? (
          <Form
            form={form}
            layout="vertical"
            data-testid="action-form"
            initialValues={initialValuesOf(action, c)}
            onFinish={(v) =>
              run.mutate(
                { path: actionPath(action), body: bodyOf(v) },
                { onSuccess: () => setAction(null), onError: (e) => onError(e, form as never) },
              )
            }
          >
            <ActionFields action={action} complaint={c} />
          </Form>
        ) : null}
      </Modal>
    </Space>
  );
}
