import { App, AutoComplete, Button, Card, Checkbox, Form, Input, Modal, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { rolesWith } from '../../../../../src/contract/access';
import { useCommunity } from '../../../app/community-context';
import { useSignedInMe } from '../../auth/api/get-me';
import { formatShort } from '../../../lib/datetime';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { label } from '../../../lib/i18n';
import { type MatterListParams, type MatterSummary, useCreateMatter, useMatters, useSupervisors } from '../api/matters';
import { matterCategoryOptions } from '../categories';
import { MatterStatusTag } from './matter-status-tag';

const creators = rolesWith('matter.create');
const views = ['active', 'mine', 'overdue', 'returned', 'all'] as const;

function NewMatterModal({ communityId, onClose }: { communityId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const create = useCreateMatter();
  const sups = useSupervisors(communityId, true);
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const submit = async () => {
    const v = (await form.validateFields()) as Record<string, unknown>;
    create.mutate({ ...v, communityId } as never, {
      onSuccess: (d) => {
        void message.success(`${t('matters.created')} ${d.number}`);
        onClose();
      },
      onError: (e) => onError(e, form),
    });
  };
  return (
    <Modal
      open
      title={t('matters.new')}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={create.isPending}
      okButtonProps={{ 'data-testid': 'matter-new-submit' } as never}
    >
      <Form form={form} layout="vertical">
        <Form.Item name="category" label={t('matters.category')} rules={[{ required: true, whitespace: true }]}>
          <AutoComplete options={matterCategoryOptions} data-testid="matter-category" />
        </Form.Item>
        <Form.Item name="content" label={t('matters.content')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={3} data-testid="matter-content" />
        </Form.Item>
        <Form.Item name="location" label={t('matters.location')}>
          <Input />
        </Form.Item>
        <Form.Item name="reporterName" label={t('matters.reporterName')}>
          <Input />
        </Form.Item>
        <Form.Item name="reporterPhone" label={t('matters.reporterPhone')}>
          <Input />
        </Form.Item>
        <Form.Item name="supervisorId" label={t('matters.supervisor')}>
          <Select
            allowClear
            placeholder={t('matters.supervisorHint')}
            options={(sups.data ?? []).map((s) => ({ value: s.id, label: `${s.name}（${label('role', s.role)}）` }))}
          />
        </Form.Item>
        <Form.Item name="isMajor" valuePropName="checked">
          <Checkbox>{t('matters.isMajor')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 报事: the community's matters, by view. */
export function MattersPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const { communityId } = useCommunity();
  const [params, setParams] = useState<MatterListParams>({ view: 'active' });
  const [isNew, setNew] = useState(false);
  const list = useMatters({ ...params, communityId: communityId ?? undefined });
  const columns = [
    {
      title: t('matters.number'),
      dataIndex: 'number',
      width: 175,
      render: (n: string, r: MatterSummary) => (
        <Link to={`/matters/${r.id}`} data-testid="matter-link" style={{ whiteSpace: 'nowrap' }}>
          {n}
        </Link>
      ),
    },
    { title: t('matters.createdAt'), dataIndex: 'createdAt', width: 96, render: (v: string) => formatShort(v) },
    { title: t('matters.category'), dataIndex: 'category', width: 100 },
    { title: t('matters.content'), dataIndex: 'content', ellipsis: true },
    { title: t('matters.location'), dataIndex: 'location', width: 140, ellipsis: true, render: (v: string) => v || '—' },
    {
      title: t('matters.status'),
      dataIndex: 'status',
      width: 130,
      render: (v: string, r: MatterSummary) => (
        <Space size={2} wrap>
          <MatterStatusTag status={v} />
          {r.flags.map((f) => (
            <Tag key={f} color="red">
              {t(`matters.flags.${f}` as never)}
            </Tag>
          ))}
        </Space>
      ),
    },
    { title: t('matters.supervisor'), dataIndex: 'supervisorName', width: 100, render: (v: string | null) => v ?? '—' },
    {
      title: t('matters.department'),
      dataIndex: 'department',
      width: 90,
      render: (v: string | null) => (v ? t(`matters.departments.${v}` as never) : '—'),
    },
    { title: t('matters.handler'), dataIndex: 'handlerName', width: 100, render: (v: string | null) => v ?? '—' },
  ];
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle" data-testid="matters-page">
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('matters.title')}
        </Typography.Title>
        {creators.includes(me.role) && communityId ? (
          <Button type="primary" onClick={() => setNew(true)} data-testid="matter-new">
            {t('matters.new')}
          </Button>
        ) : null}
      </Space>
      <Card size="small">
        <Tabs
          activeKey={params.view}
          onChange={(v) => setParams({ ...params, view: v as MatterListParams['view'], offset: 0 })}
          items={views.map((v) => ({ key: v, label: <span data-testid={`matters-tab-${v}`}>{t(`matters.view.${v}`)}</span> }))}
        />
        <Input.Search
          allowClear
          style={{ width: 280, marginBottom: 12 }}
          placeholder={t('matters.search')}
          onSearch={(q) => setParams({ ...params, q: q || undefined, offset: 0 })}
          data-testid="matters-search"
        />
        <Table
          rowKey="id"
          size="small"
          loading={list.isLoading || list.isPlaceholderData}
          dataSource={list.data?.items ?? []}
          columns={columns}
          data-testid="matters-table"
          scroll={{ x: 1100 }}
          onRow={(r) => ({ 'data-testid': 'matter-row', 'data-number': r.number }) as never}
          pagination={{
            total: list.data?.total ?? 0,
            pageSize: params.limit ?? 100,
            current: Math.floor((params.offset ?? 0) / (params.limit ?? 100)) + 1,
            onChange: (page, size) => setParams({ ...params, limit: size, offset: (page - 1) * size }),
          }}
        />
      </Card>
      {isNew && communityId ? <NewMatterModal communityId={communityId} onClose={() => setNew(false)} /> : null}
    </Space>
  );
}
