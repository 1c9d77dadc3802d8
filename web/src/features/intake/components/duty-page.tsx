import { App, Button, Card, Col, Collapse, Form, Input, Row, Select, Space, Table, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCommunity } from '../../../app/community-context';
import { formatShort } from '../../../lib/datetime';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { type PickedReporter, RoomFinder } from '../../repair/components/room-finder';
import { type ContactListParams, type ContactSummary, type CreateContactBody, useContacts, useLogContact } from '../api/contacts';
import { ContactFlagTags, ContactStatusTag } from './contact-tags';
import { TriageFields } from './triage-fields';

const views = ['today', 'mine', 'open', 'emergencies', 'overdue', 'all'] as const;
const channels = ['phone', 'walk_in', 'app', 'wechat', 'email', 'fax', 'mailbox'];
const categories = ['consultation', 'help', 'suggestion', 'emergency', 'repair', 'paid_service', 'matter', 'complaint'];

function NewEntryForm({ communityId }: { communityId: string }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const [room, setRoom] = useState<PickedReporter['room'] | null>(null);
  const log = useLogContact();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const submit = (values: Record<string, unknown>) => {
    const triage = values.triage as { category?: string } | undefined;
    const body = {
      ...values,
      communityId,
      ...(room ? { roomId: room.id } : {}),
      callerPhone: (values.callerPhone as string | undefined)?.trim() || undefined,
      triage: triage?.category ? triage : undefined,
    } as CreateContactBody;
    log.mutate(body, {
      onSuccess: (d) => {
        void message.success(`${t('intake.logged')} ${d.number}`);
        form.resetFields();
        setRoom(null);
      },
      onError: (e) => onError(e, form),
    });
  };
  return (
    <Card size="small" title={t('intake.newEntry')} data-testid="duty-new-entry">
      <Collapse
        size="small"
        style={{ marginBottom: 12 }}
        items={[
          {
            key: 'room',
            label: room ? `${t('intake.room')}：${room.label}` : t('intake.room'),
            children: (
              <RoomFinder
                communityId={communityId}
                pickLabel={t('intake.pickCaller')}
                onPick={(p) => {
                  setRoom(p.room);
                  if (p.resident) form.setFieldsValue({ callerName: p.resident.name, callerPhone: p.resident.phone });
                }}
              />
            ),
          },
        ]}
      />
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ channel: 'phone' }}>
        <Row gutter={12}>
          <Col span={4}>
            <Form.Item name="channel" label={t('intake.channel')} rules={[{ required: true }]}>
              <Select data-testid="duty-channel" options={channels.map((c) => ({ value: c, label: t(`intake.channels.${c}` as never) }))} />
            </Form.Item>
          </Col>
          <Col span={5}>
            <Form.Item name="callerName" label={t('intake.callerName')} rules={[{ required: true, whitespace: true }]}>
              <Input data-testid="duty-caller" />
            </Form.Item>
          </Col>
          <Col span={5}>
            <Form.Item name="callerPhone" label={t('intake.callerPhone')}>
              <Input data-testid="duty-phone" />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="location" label={t('intake.location')}>
              <Input data-testid="duty-location" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="content" label={t('intake.content')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={2} data-testid="duty-content" />
        </Form.Item>
        <Row gutter={12}>
          <Col span={24}>
            <TriageFields prefix={['triage']} communityId={communityId} isOptional />
          </Col>
        </Row>
        <Button type="primary" htmlType="submit" loading={log.isPending} data-testid="duty-submit">
          {t('intake.submit')}
        </Button>
      </Form>
    </Card>
  );
}

/** 值班记录: the duty log of the community, a form to log a contact on top. */
export function DutyPage() {
  const { t } = useTranslation();
  const { communityId } = useCommunity();
  const [params, setParams] = useState<ContactListParams>({ view: 'today' });
  const list = useContacts({ ...params, communityId: communityId ?? undefined });
  const columns = [
    {
      title: t('intake.number'),
      dataIndex: 'number',
      width: 175,
      render: (n: string, r: ContactSummary) => (
        <Link to={`/duty/${r.id}`} data-testid="duty-link" style={{ whiteSpace: 'nowrap' }}>
          {n}
        </Link>
      ),
    },
    { title: t('intake.createdAt'), dataIndex: 'createdAt', width: 96, render: (v: string) => formatShort(v) },
    { title: t('intake.channel'), dataIndex: 'channel', width: 64, render: (v: string) => t(`intake.channels.${v}` as never) },
    { title: t('intake.callerName'), dataIndex: 'callerName', width: 90 },
    { title: t('intake.location'), dataIndex: 'location', width: 130, ellipsis: true, render: (v: string) => v || '—' },
    { title: t('intake.content'), dataIndex: 'content', ellipsis: true },
    {
      title: t('intake.category'),
      dataIndex: 'category',
      width: 120,
      render: (v: string | null, r: ContactSummary) =>
        v
          ? `${t(`intake.categories.${v}` as never)}${r.emergencyKind ? `（${t(`intake.emergencyKinds.${r.emergencyKind}` as never)}）` : ''}`
          : '—',
    },
    {
      title: t('intake.status'),
      dataIndex: 'status',
      width: 100,
      render: (v: string, r: ContactSummary) => (
        <Space size={2} wrap>
          <ContactStatusTag status={v} />
          <ContactFlagTags flags={r.flags} />
        </Space>
      ),
    },
    {
      title: t('intake.currentOwner'),
      dataIndex: 'ownerName',
      width: 110,
      // An emergency is answered for by whoever took it.
      render: (v: string | null, r: ContactSummary) => (r.category === 'emergency' ? (r.responderName ?? '—') : (v ?? '—')),
    },
    {
      title: t('intake.replyDue'),
      dataIndex: 'replyDueAt',
      width: 100,
      render: (v: string | null, r: ContactSummary) =>
        v ? (
          <Typography.Text type={r.flags.includes('reply_overdue') ? 'danger' : undefined} data-testid="contact-reply-due">
            {formatShort(v)}
          </Typography.Text>
        ) : (
          '—'
        ),
    },
  ];
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle" data-testid="duty-page">
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('intake.title')}
      </Typography.Title>
      {communityId ? <NewEntryForm communityId={communityId} /> : null}
      <Card size="small">
        <Tabs
          activeKey={params.view}
          onChange={(v) => setParams({ ...params, view: v as ContactListParams['view'], offset: 0 })}
          items={views.map((v) => ({ key: v, label: <span data-testid={`duty-tab-${v}`}>{t(`intake.view.${v}`)}</span> }))}
        />
        <Space style={{ marginBottom: 12 }} wrap>
          <Select
            allowClear
            style={{ width: 160 }}
            placeholder={t('intake.filterCategory')}
            value={params.category}
            onChange={(v) => setParams({ ...params, category: v, offset: 0 })}
            options={categories.map((c) => ({ value: c, label: t(`intake.categories.${c}` as never) }))}
            data-testid="duty-filter-category"
          />
          <Input.Search
            allowClear
            style={{ width: 280 }}
            placeholder={t('intake.search')}
            onSearch={(q) => setParams({ ...params, q: q || undefined, offset: 0 })}
          />
        </Space>
        <Table
          rowKey="id"
          size="small"
          loading={list.isLoading || list.isPlaceholderData}
          dataSource={list.data?.items ?? []}
          columns={columns}
          data-testid="duty-table"
          scroll={{ x: 1100 }}
          onRow={(r) =>
            ({
              'data-testid': 'duty-row',
              'data-number': r.number,
              style: r.status === 'emergency' ? { background: '#fff1f0' } : undefined,
            }) as never
          }
          pagination={{
            total: list.data?.total ?? 0,
            pageSize: params.limit ?? 100,
            current: Math.floor((params.offset ?? 0) / (params.limit ?? 100)) + 1,
            onChange: (page, size) => setParams({ ...params, limit: size, offset: (page - 1) * size }),
          }}
        />
      </Card>
    </Space>
  );
}
