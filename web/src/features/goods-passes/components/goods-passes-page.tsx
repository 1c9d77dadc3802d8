import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Table, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { rolesWith } from '../../../../../src/contract/access';
import { useCommunity } from '../../../app/community-context';
import { formatDateTime, formatShort, toServerTime } from '../../../lib/datetime';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { useSignedInMe } from '../../auth/api/get-me';
import { type GoodsPassListParams, type GoodsPassSummary, useApplyGoodsPass, useGoodsPasses } from '../api/goods-passes';
import { GoodsPassStatusTag } from './goods-pass-status-tag';
import { RoomSelect } from '../../directory/components/room-select';

const appliers = rolesWith('goods_pass.issue');
const relations = ['owner', 'tenant', 'delegate'] as const;
const idTypes = ['id_card', 'passport', 'hk_macau_permit', 'driving_licence', 'other'] as const;

/** The identity the desk checks: name, relation, ID type and only the ID's last digits. */
export function IdentityFields() {
  const { t } = useTranslation();
  const relation = Form.useWatch(['identity', 'relation']);
  return (
    <>
      <Space wrap align="start">
        <Form.Item name={['identity', 'applicantName']} label={t('goodsPasses.applicant')} rules={[{ required: true, whitespace: true }]}>
          <Input data-testid="goods-pass-applicant" style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name={['identity', 'relation']} label={t('goodsPasses.relation')} rules={[{ required: true }]}>
          <Select
            style={{ width: 120 }}
            data-testid="goods-pass-relation"
            options={relations.map((r) => ({ value: r, label: t(`goodsPasses.relations.${r}`) }))}
          />
        </Form.Item>
        <Form.Item name={['identity', 'idType']} label={t('goodsPasses.idType')} rules={[{ required: true }]}>
          <Select
            style={{ width: 140 }}
            data-testid="goods-pass-id-type"
            options={idTypes.map((r) => ({ value: r, label: t(`goodsPasses.idTypes.${r}`) }))}
          />
        </Form.Item>
        <Form.Item
          name={['identity', 'idLast4']}
          label={t('goodsPasses.idLast4')}
          tooltip={t('goodsPasses.idLast4Help')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input data-testid="goods-pass-id-last4" style={{ width: 120 }} maxLength={6} />
        </Form.Item>
      </Space>
      {relation === 'delegate' ? (
        <Form.Item
          name={['identity', 'authorisation']}
          label={t('goodsPasses.authorisation')}
          extra={t('goodsPasses.authorisationHelp')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input data-testid="goods-pass-authorisation" />
        </Form.Item>
      ) : null}
    </>
  );
}

function NewPassModal({ communityId, onClose }: { communityId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const apply = useApplyGoodsPass();
  const onError = useApiErrorHandler();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const submit = async () => {
    const v = (await form.validateFields()) as Record<string, unknown> & { plannedAt?: { toDate(): Date } };
    const body = { ...v, communityId, plannedAt: v.plannedAt ? toServerTime(v.plannedAt as never) : undefined };
    apply.mutate(body as never, {
      onSuccess: (d) => {
        void message.success(`${t('goodsPasses.created')} ${d.number}`);
        onClose();
        void navigate(`/goods-passes/${d.id}`);
      },
      onError: (e) => onError(e, form),
    });
  };
  return (
    <Modal
      open
      width={760}
      title={t('goodsPasses.new')}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={apply.isPending}
      okButtonProps={{ 'data-testid': 'goods-pass-new-submit' } as never}
    >
      <Form form={form} layout="vertical" initialValues={{ items: [{ quantity: 1 }], identity: { relation: 'owner', idType: 'id_card' } }}>
        <Form.Item name="roomId" label={t('goodsPasses.room')} rules={[{ required: true }]}>
          <RoomSelect communityId={communityId} testId="goods-pass-room" />
        </Form.Item>
        <IdentityFields />
        <Form.Item label={t('goodsPasses.items')} required>
          <Form.List name="items">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="baseline" wrap>
                    <Form.Item name={[f.name, 'name']} rules={[{ required: true, whitespace: true }]}>
                      <Input placeholder={t('goodsPasses.itemName')} data-testid="goods-pass-item-name" style={{ width: 200 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'quantity']} rules={[{ required: true }]}>
                      <InputNumber
                        min={1}
                        max={9999}
                        precision={0}
                        placeholder={t('goodsPasses.quantity')}
                        data-testid="goods-pass-item-quantity"
                      />
                    </Form.Item>
                    <Form.Item name={[f.name, 'note']}>
                      <Input placeholder={t('goodsPasses.itemNote')} style={{ width: 200 }} />
                    </Form.Item>
                    {fields.length > 1 ? <MinusCircleOutlined onClick={() => remove(f.name)} /> : null}
                  </Space>
                ))}
                <Button type="dashed" onClick={() => add({ quantity: 1 })} icon={<PlusOutlined />} data-testid="goods-pass-add-item">
                  {t('goodsPasses.addItem')}
                </Button>
              </>
            )}
          </Form.List>
        </Form.Item>
        <Space wrap>
          <Form.Item name="carrierName" label={t('goodsPasses.carrier')}>
            <Input data-testid="goods-pass-carrier" />
          </Form.Item>
          <Form.Item name="vehiclePlate" label={t('goodsPasses.plate')}>
            <Input data-testid="goods-pass-plate" maxLength={12} />
          </Form.Item>
          <Form.Item name="phone" label={t('goodsPasses.phone')}>
            <Input />
          </Form.Item>
          <Form.Item name="plannedAt" label={t('goodsPasses.plannedAt')}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}

/** 物品放行: the community's passes, and the desk's new application. */
export function GoodsPassesPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const { communityId } = useCommunity();
  const [params, setParams] = useState<GoodsPassListParams>({ view: 'active' });
  const [isNew, setNew] = useState(false);
  const list = useGoodsPasses({ ...params, communityId: communityId ?? undefined });
  const columns = [
    {
      title: t('goodsPasses.number'),
      dataIndex: 'number',
      width: 180,
      render: (n: string, r: GoodsPassSummary) => (
        <Link to={`/goods-passes/${r.id}`} data-testid="goods-pass-link" style={{ whiteSpace: 'nowrap' }}>
          {n}
        </Link>
      ),
    },
    { title: t('goodsPasses.createdAt'), dataIndex: 'createdAt', width: 96, render: (v: string) => formatShort(v) },
    { title: t('goodsPasses.location'), dataIndex: 'location', width: 150 },
    { title: t('goodsPasses.applicant'), dataIndex: 'applicantName', width: 90 },
    {
      title: t('goodsPasses.items'),
      dataIndex: 'items',
      ellipsis: true,
      render: (items: GoodsPassSummary['items']) => items.map((i) => `${i.name}×${i.quantity}`).join('、'),
    },
    { title: t('goodsPasses.status'), dataIndex: 'status', width: 90, render: (v: string) => <GoodsPassStatusTag status={v} /> },
    { title: t('goodsPasses.validUntil'), dataIndex: 'validUntil', width: 140, render: (v: string | null) => formatDateTime(v) || '—' },
    { title: t('goodsPasses.issuedBy'), dataIndex: 'issuedByName', width: 110, render: (v: string | null) => v ?? '—' },
  ];
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle" data-testid="goods-passes-page">
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('goodsPasses.title')}
        </Typography.Title>
        {appliers.includes(me.role) && communityId ? (
          <Button type="primary" onClick={() => setNew(true)} data-testid="goods-pass-new">
            {t('goodsPasses.new')}
          </Button>
        ) : null}
      </Space>
      <Card size="small">
        <Tabs
          activeKey={params.view}
          onChange={(v) => setParams({ ...params, view: v as GoodsPassListParams['view'], offset: 0 })}
          items={(['active', 'all'] as const).map((v) => ({
            key: v,
            label: <span data-testid={`goods-passes-tab-${v}`}>{t(`goodsPasses.views.${v}`)}</span>,
          }))}
        />
        <Input.Search
          allowClear
          style={{ width: 280, marginBottom: 12 }}
          placeholder={t('goodsPasses.search')}
          onSearch={(q) => setParams({ ...params, q: q || undefined, offset: 0 })}
          data-testid="goods-passes-search"
        />
        <Table
          rowKey="id"
          size="small"
          loading={list.isLoading || list.isPlaceholderData}
          dataSource={list.data?.items ?? []}
          columns={columns}
          scroll={{ x: 1000 }}
          data-testid="goods-passes-table"
          onRow={(r) => ({ 'data-testid': 'goods-pass-row', 'data-number': r.number }) as never}
          pagination={{
            total: list.data?.total ?? 0,
            pageSize: params.limit ?? 100,
            current: Math.floor((params.offset ?? 0) / (params.limit ?? 100)) + 1,
            onChange: (page, size) => setParams({ ...params, limit: size, offset: (page - 1) * size }),
          }}
        />
      </Card>
      {isNew && communityId ? <NewPassModal communityId={communityId} onClose={() => setNew(false)} /> : null}
    </Space>
  );
}
