import { Button, DotLoading, ErrorBlock, Form, List, Selector, Steps, Tag, TextArea, Toast } from 'antd-mobile';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { MobileHeader } from '../../../components/mobile-header';
import { useErrorText } from '../../../lib/use-api-error';
import { useSignedInMe } from '../../auth/api/get-me';
import { useComplaint, useComplaints, useCreateComplaint } from '../api';
import { label } from '../../../lib/i18n';

const at = (d: string | null) => (d ? dayjs(d).format('MM-DD HH:mm') : '');

/** /m/complaints: the resident's complaints with their state, and a button to file one. */
export function MobileComplaintsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const list = useComplaints({ view: 'all' });
  const text = useErrorText();
  return (
    <div className="m-page" data-testid="mobile-complaints-page">
      <MobileHeader title={t('complaints.mine')} backTo="/m/home?tab=complaints" />
      <div style={{ padding: 12 }}>
        <Button block color="warning" onClick={() => navigate('/m/complaints/new')} data-testid="new-complaint">
          {t('complaints.fileNew')}
        </Button>
      </div>
      {list.isPending ? (
        <DotLoading />
      ) : list.error ? (
        <ErrorBlock status="default" description={text(list.error)} />
      ) : !list.data?.items.length ? (
        <ErrorBlock status="empty" title={t('complaints.empty')} description="" />
      ) : (
        <List data-testid="my-complaints">
          {list.data.items.map((c) => (
            <List.Item
              key={c.id}
              onClick={() => navigate(`/m/complaints/${c.id}`)}
              description={`${c.number} · ${at(c.createdAt)}`}
              extra={<Tag color="primary">{t(`complaints.statuses.${c.status}`)}</Tag>}
              data-testid="my-complaint"
            >
              {c.content}
            </List.Item>
          ))}
        </List>
      )}
    </div>
  );
}

/** /m/complaints/new: a resident complains for their own home (channel: app). */
export function MobileNewComplaintPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const navigate = useNavigate();
  const create = useCreateComplaint();
  const text = useErrorText();
  const rooms = me.rooms;
  return (
    <div className="m-page" data-testid="mobile-new-complaint-page">
      <MobileHeader title={t('complaints.fileNew')} backTo="/m/home?tab=complaints" />
      <Form
        layout="vertical"
        initialValues={{ roomId: rooms[0] ? [rooms[0].id] : [] }}
        onFinish={(v: { roomId: string[]; content: string }) => {
          const room = rooms.find((r) => r.id === v.roomId[0]) ?? rooms[0];
          if (!room) return;
          create.mutate(
            { communityId: room.communityId, householdIds: [room.id], content: v.content ?? '' },
            {
              onSuccess: (d) => {
                Toast.show({ content: t('complaints.created') });
                navigate(`/m/complaints/${d.id}`, { replace: true });
              },
              onError: (e) => Toast.show({ content: text(e) }),
            },
          );
        }}
        footer={
          <Button block type="submit" color="primary" loading={create.isPending} data-testid="submit-complaint">
            {t('complaints.submit')}
          </Button>
        }
      >
        <Form.Item name="roomId" label={t('complaints.myHome')}>
          <Selector options={rooms.map((r) => ({ value: r.id, label: r.label }))} />
        </Form.Item>
        <Form.Item name="content" label={t('complaints.content')} rules={[{ required: true }]}>
          <TextArea rows={5} placeholder={t('complaints.describe')} data-testid="complaint-content" />
        </Form.Item>
      </Form>
    </div>
  );
}

/** /m/complaints/:id: the complaint's state, steps and the reply, as the resident sees them. */
export function MobileComplaintPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const q = useComplaint(id);
  const text = useErrorText();
  if (q.isPending) return <DotLoading />;
  if (!q.data) return <ErrorBlock status="default" description={text(q.error)} />;
  const c = q.data;
  return (
    <div className="m-page" data-testid="mobile-complaint-page">
      <MobileHeader title={c.number} backTo="/m/home?tab=complaints" />
      <List>
        <List.Item
          extra={
            <Tag color="primary" data-testid="complaint-status" data-status={c.status}>
              {t(`complaints.statuses.${c.status}`)}
            </Tag>
          }
        >
          {t('complaints.status')}
        </List.Item>
        <List.Item description={c.households.map((h) => h.label).join('、')}>{t('complaints.households')}</List.Item>
        <List.Item description={<span style={{ whiteSpace: 'pre-wrap' }}>{c.content}</span>}>{t('complaints.content')}</List.Item>
        {c.mergedInto ? (
          <List.Item
            onClick={() => navigate(`/m/complaints/${c.mergedInto?.id}`)}
            description={c.mergedInto.number}
            data-testid="complaint-merged-into"
          >
            {t('complaints.mergedInto')}
          </List.Item>
        ) : null}
        {c.reply ? (
          <List.Item
            description={
              <>
                <div className="m-card-reply">{c.replySummary}</div>
                {label('complaints.methods', c.reply.method)} · {at(c.reply.at)}
              </>
            }
            data-testid="complaint-reply"
          >
            {t('complaints.reply')}
          </List.Item>
        ) : null}
      </List>
      <Steps direction="vertical" data-testid="complaint-steps">
        {c.events
          // The follow-up visit's own steps belong to the visit, not to the resident's view of the complaint.
          .filter((e) => !e.data.visitId && e.type !== 'ComplaintTimerFired')
          .map((e) => (
            <Steps.Step
              key={e.seq}
              title={t(`complaints.events.${e.type}`, { defaultValue: e.type })}
              description={`${at(e.at)} · ${t(`complaints.statuses.${e.toStatus}`, { defaultValue: e.toStatus })}`}
              status="finish"
            />
          ))}
      </Steps>
    </div>
  );
}
