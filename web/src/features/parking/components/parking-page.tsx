import { App, Button, Card, Checkbox, Form, Input, Modal, Select, Space, Table, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCommunity } from '../../../app/community-context';
import { formatShort } from '../../../lib/datetime';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { useSignedInMe } from '../../auth/api/get-me';
import { RoomSelect } from '../../directory/components/room-select';
import {
  type ApplyParkingBody,
  type ParkingListParams,
  type ParkingSummary,
  type Space as ParkingSpace,
  type SpaceListParams,
  useApplyParking,
  useCreateSpace,
  useParkingList,
  useSpaces,
  useUpdateSpace,
} from '../api/parking';
import { ParkingStatusTag, SpaceStatusTag } from './parking-tags';

/** Who keeps the register and enters applications at the desk (客服员, 客服主管). */
const deskRoles = ['clerk', 'cs_supervisor'];
const views = ['open', 'cards', 'all'] as const;
const kinds = ['owned', 'rented', 'visitor'] as const;

function NewApplicationModal({ communityId, onClose }: { communityId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const apply = useApplyParking();
  const free = useSpaces({ communityId, status: 'free' });
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const required = [{ required: true, whitespace: true }];
  const submit = async () => {
    const v = (await form.validateFields()) as Omit<ApplyParkingBody, 'communityId'>;
    apply.mutate(
      { ...v, communityId },
      {
        onSuccess: (d) => {
          void message.success(`${t('parking.created')} ${d.number}`);
          onClose();
        },
        onError: (e) => onError(e, form),
      },
    );
  };
  return (
    <Modal
      open
      title={t('parking.new')}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={apply.isPending}
      okButtonProps={{ 'data-testid': 'parking-apply-submit' } as never}
    >
      <Form form={form} layout="vertical">
        <Form.Item name="roomId" label={t('parking.room')} rules={[{ required: true }]}>
          <RoomSelect communityId={communityId} testId="parking-room" />
        </Form.Item>
        <Space.Compact block>
          <Form.Item name="applicantName" label={t('parking.applicantName')} style={{ flex: 1 }}>
            <Input data-testid="parking-applicant" />
          </Form.Item>
          <Form.Item name="applicantPhone" label={t('parking.applicantPhone')} style={{ flex: 1 }}>
            <Input data-testid="parking-phone" />
          </Form.Item>
        </Space.Compact>
        <Space.Compact block>
          <Form.Item name="plateNumber" label={t('parking.plateNumber')} rules={required} style={{ flex: 1 }}>
            <Input data-testid="parking-plate" />
          </Form.Item>
          <Form.Item name="vehicleModel" label={t('parking.vehicleModel')} rules={required} style={{ flex: 1 }}>
            <Input data-testid="parking-model" />
          </Form.Item>
          <Form.Item name="driverName" label={t('parking.driverName')} rules={required} style={{ flex: 1 }}>
            <Input data-testid="parking-driver" />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="wantedSpaceId" label={t('parking.wantedSpace')}>
          <Select
            allowClear
            placeholder={t('parking.anySpace')}
            data-testid="parking-wanted-space"
            options={(free.data?.items ?? []).map((s) => ({ value: s.id, label: `${s.number} · ${s.zone}` }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function NewSpaceModal({ communityId, onClose }: { communityId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const create = useCreateSpace();
  const onError = useApiErrorHandler();
  const submit = async () => {
    const v = (await form.validateFields()) as { number: string; zone: string; kind: (typeof kinds)[number]; note?: string };
    create.mutate({ ...v, communityId }, { onSuccess: onClose, onError: (e) => onError(e, form) });
  };
  return (
    <Modal
      open
      title={t('parking.newSpace')}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={create.isPending}
      okButtonProps={{ 'data-testid': 'space-new-submit' } as never}
    >
      <Form form={form} layout="vertical" initialValues={{ kind: 'rented' }}>
        <Form.Item name="number" label={t('parking.spaceNumber')} rules={[{ required: true, whitespace: true }]}>
          <Input data-testid="space-number" />
        </Form.Item>
        <Form.Item name="zone" label={t('parking.zone')} rules={[{ required: true, whitespace: true }]}>
          <Input data-testid="space-zone" />
        </Form.Item>
        <Form.Item name="kind" label={t('parking.kind')} rules={[{ required: true }]}>
          <Select options={kinds.map((k) => ({ value: k, label: t(`parking.spaceKinds.${k}`) }))} />
        </Form.Item>
        <Form.Item name="note" label={t('parking.spaceNote')}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ApplicationsTab({ communityId, canApply }: { communityId: string | null; canApply: boolean }) {
  const { t } = useTranslation();
  const [params, setParams] = useState<ParkingListParams>({ view: 'open' });
  const [isNew, setNew] = useState(false);
  const list = useParkingList({ ...params, communityId: communityId ?? undefined });
  const columns = [
    {
      title: t('parking.number'),
      dataIndex: 'number',
      width: 175,
      render: (n: string, r: ParkingSummary) => (
        <Link to={`/parking/${r.id}`} data-testid="parking-link" style={{ whiteSpace: 'nowrap' }}>
          {n}
        </Link>
      ),
    },
    { title: t('parking.status'), dataIndex: 'status', width: 100, render: (v: string) => <ParkingStatusTag status={v} /> },
    { title: t('parking.room'), dataIndex: 'roomLabel', width: 160 },
    { title: t('parking.applicant'), dataIndex: 'applicantName', width: 100 },
    { title: t('parking.plateNumber'), dataIndex: 'plateNumber', width: 110 },
    {
      title: t('parking.space'),
      dataIndex: 'spaceNumber',
      width: 90,
      render: (v: string | null, r: ParkingSummary) => v ?? r.wantedSpaceNumber ?? '—',
    },
    { title: t('parking.cardNumber'), dataIndex: 'cardNumber', width: 120, render: (v: string | null) => v ?? '—' },
    {
      title: t('parking.validity'),
      key: 'validity',
      width: 200,
      render: (_: unknown, r: ParkingSummary) => (r.validTo ? `${r.validFrom} – ${r.validTo}` : '—'),
    },
    { title: t('parking.appliedAt'), dataIndex: 'createdAt', width: 100, render: (v: string) => formatShort(v) },
  ];
  return (
    <>
      <Space style={{ justifyContent: 'space-between', width: '100%', marginBottom: 12 }}>
        <Tabs
          activeKey={params.view}
          onChange={(v) => setParams({ ...params, view: v as ParkingListParams['view'], offset: 0 })}
          items={views.map((v) => ({ key: v, label: <span data-testid={`parking-tab-${v}`}>{t(`parking.view.${v}`)}</span> }))}
        />
        <Space>
          <Input.Search
            allowClear
            style={{ width: 240 }}
            placeholder={t('parking.search')}
            onSearch={(q) => setParams({ ...params, q: q || undefined, offset: 0 })}
            data-testid="parking-search"
          />
          {canApply && communityId ? (
            <Button type="primary" onClick={() => setNew(true)} data-testid="parking-new">
              {t('parking.new')}
            </Button>
          ) : null}
        </Space>
      </Space>
      <Table
        rowKey="id"
        size="small"
        loading={list.isLoading || list.isPlaceholderData}
        dataSource={list.data?.items ?? []}
        columns={columns}
        data-testid="parking-table"
        scroll={{ x: 1100 }}
        onRow={(r) => ({ 'data-testid': 'parking-row', 'data-number': r.number }) as never}
        pagination={{
          total: list.data?.total ?? 0,
          pageSize: params.limit ?? 100,
          current: Math.floor((params.offset ?? 0) / (params.limit ?? 100)) + 1,
          onChange: (page, size) => setParams({ ...params, limit: size, offset: (page - 1) * size }),
        }}
      />
      {isNew && communityId ? <NewApplicationModal communityId={communityId} onClose={() => setNew(false)} /> : null}
    </>
  );
}

function SpacesTab({ communityId, canKeep }: { communityId: string | null; canKeep: boolean }) {
  const { t } = useTranslation();
  const [params, setParams] = useState<SpaceListParams>({});
  const [isNew, setNew] = useState(false);
  const spaces = useSpaces({ ...params, communityId: communityId ?? undefined });
  const update = useUpdateSpace();
  const onError = useApiErrorHandler();
  const columns = [
    { title: t('parking.spaceNumber'), dataIndex: 'number', width: 90 },
    { title: t('parking.zone'), dataIndex: 'zone', width: 110 },
    { title: t('parking.kind'), dataIndex: 'kind', width: 90, render: (v: string) => t(`parking.spaceKinds.${v}` as never) },
    { title: t('parking.status'), dataIndex: 'status', width: 90, render: (v: string) => <SpaceStatusTag status={v} /> },
    {
      title: t('parking.holder'),
      key: 'holder',
      render: (_: unknown, s: ParkingSpace) =>
        s.holder ? (
          <Link to={`/parking/${s.holder.applicationId}`} data-testid="space-holder">
            {`${s.holder.roomLabel} ${s.holder.holderName}`}
          </Link>
        ) : (
          '—'
        ),
    },
    { title: t('parking.plateNumber'), key: 'plate', width: 110, render: (_: unknown, s: ParkingSpace) => s.holder?.plateNumber ?? '—' },
    { title: t('parking.cardNumber'), key: 'card', width: 120, render: (_: unknown, s: ParkingSpace) => s.holder?.cardNumber ?? '—' },
    {
      title: t('parking.validity'),
      key: 'validity',
      width: 200,
      render: (_: unknown, s: ParkingSpace) => (s.holder?.validTo ? `${s.holder.validFrom} – ${s.holder.validTo}` : '—'),
    },
    ...(canKeep
      ? [
          {
            title: '',
            key: 'act',
            width: 100,
            render: (_: unknown, s: ParkingSpace) =>
              s.holder ? null : (
                <Button
                  size="small"
                  data-testid="space-toggle"
                  onClick={() =>
                    update.mutate({ id: s.id, body: { status: s.status === 'free' ? 'reserved' : 'free' } }, { onError: (e) => onError(e) })
                  }
                >
                  {s.status === 'free' ? t('parking.reserve') : t('parking.release')}
                </Button>
              ),
          },
        ]
      : []),
  ];
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          style={{ width: 140 }}
          placeholder={t('parking.allStatuses')}
          data-testid="space-filter-status"
          onChange={(v) => setParams({ ...params, status: v })}
          options={(['free', 'occupied', 'reserved'] as const).map((s) => ({ value: s, label: t(`parking.spaceStatuses.${s}`) }))}
        />
        <Select
          allowClear
          style={{ width: 160 }}
          placeholder={t('parking.allZones')}
          data-testid="space-filter-zone"
          onChange={(v) => setParams({ ...params, zone: v })}
          options={(spaces.data?.zones ?? []).map((z) => ({ value: z, label: z }))}
        />
        <Checkbox
          data-testid="space-filter-expiring"
          onChange={(e) => setParams({ ...params, isExpiringSoon: e.target.checked ? 'true' : undefined })}
        >
          {t('parking.expiringSoon')}
        </Checkbox>
        <Input.Search
          allowClear
          style={{ width: 220 }}
          placeholder={t('parking.searchSpaces')}
          onSearch={(q) => setParams({ ...params, q: q || undefined })}
        />
        {canKeep && communityId ? (
          <Button onClick={() => setNew(true)} data-testid="space-new">
            {t('parking.newSpace')}
          </Button>
        ) : null}
      </Space>
      <Table
        rowKey="id"
        size="small"
        loading={spaces.isLoading}
        dataSource={spaces.data?.items ?? []}
        columns={columns}
        data-testid="spaces-table"
        scroll={{ x: 1100 }}
        pagination={{ pageSize: 50 }}
      />
      {isNew && communityId ? <NewSpaceModal communityId={communityId} onClose={() => setNew(false)} /> : null}
    </>
  );
}

/** 车位: applications and cards, and the spaces register. */
export function ParkingPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const { communityId } = useCommunity();
  const isDesk = deskRoles.includes(me.role);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle" data-testid="parking-page">
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('parking.title')}
      </Typography.Title>
      <Card size="small">
        <Tabs
          items={[
            {
              key: 'applications',
              label: <span data-testid="parking-tab-applications">{t('parking.applications')}</span>,
              children: <ApplicationsTab communityId={communityId} canApply={isDesk} />,
            },
            {
              key: 'spaces',
              label: <span data-testid="parking-tab-spaces">{t('parking.spaces')}</span>,
              children: <SpacesTab communityId={communityId} canKeep={isDesk} />,
            },
          ]}
        />
      </Card>
    </Space>
  );
}
