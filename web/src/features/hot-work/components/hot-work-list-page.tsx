import { App, Button, Card, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Table, Tabs, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { rolesWith } from '../../../../../src/contract/access';
import { useCommunity } from '../../../app/community-context';
import { formatDateTime, formatShort, toServerTime } from '../../../lib/datetime';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { useSignedInMe } from '../../auth/api/get-me';
import {
  type ApplyHotWorkBody,
  type HotWorkDetail,
  type HotWorkListParams,
  type HotWorkSummary,
  useApplyHotWork,
  useHotWorkList,
} from '../api/hot-work';
import { HotWorkStatusTag } from './hot-work-status-tag';
import { RoomSelect } from '../../directory/components/room-select';

const appliers = rolesWith('hot_work.apply');
const views = ['open', 'review', 'today', 'all'] as const;
const workTypes = ['welding', 'cutting', 'grinding', 'other'] as const;

/** The form 临时动火作业申请表 as the desk enters it; `from` prefills a rejected application applied for again. */
export function ApplyHotWorkModal({
  communityId,
  from,
  onClose,
}: {
  communityId: string;
  from?: HotWorkDetail;
  onClose: (created?: string) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const apply = useApplyHotWork();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const required = [{ required: true, whitespace: true }];
  const submit = async () => {
    const v = (await form.validateFields()) as Record<string, unknown> & { window: [Dayjs, Dayjs] };
    const { window, ...rest } = v;
    apply.mutate(
      {
        ...(rest as Omit<ApplyHotWorkBody, 'communityId' | 'windowStartAt' | 'windowEndAt'>),
        communityId,
        windowStartAt: toServerTime(window[0]),
        windowEndAt: toServerTime(window[1]),
        hasClearedCombustibles: rest.hasClearedCombustibles === true,
        ...(from ? { reappliedFromId: from.id } : {}),
      },
      {
        onSuccess: (d) => {
          void message.success(`${t('hotWork.created')} ${d.number}`);
          onClose(d.id);
        },
        onError: (e) => onError(e, form, { windowStartAt: 'window', windowEndAt: 'window' }),
      },
    );
  };
  return (
    <Modal
      open
      width={720}
      title={from ? `${t('hotWork.reapply')} · ${from.number}` : t('hotWork.new')}
      onCancel={() => onClose()}
      onOk={() => void submit()}
      confirmLoading={apply.isPending}
      okButtonProps={{ 'data-testid': 'hot-work-apply-submit' } as never}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={
          from
            ? {
                applicantCompany: from.applicantCompany,
                personInCharge: from.personInCharge,
                personInChargePhone: from.personInChargePhone,
                operatorName: from.operatorName,
                operatorCertificateNo: from.operatorCertificateNo,
                location: from.location,
                workType: from.workType,
                reason: from.reason,
                extinguisherCount: from.extinguisherCount,
                fireWatcherName: from.fireWatcherName,
              }
            : { workType: 'welding', extinguisherCount: 2 }
        }
      >
        <Space.Compact block>
          <Form.Item name="applicantCompany" label={t('hotWork.applicantCompany')} rules={required} style={{ flex: 2 }}>
            <Input data-testid="hot-work-company" />
          </Form.Item>
          <Form.Item name="personInCharge" label={t('hotWork.personInCharge')} rules={required} style={{ flex: 1 }}>
            <Input data-testid="hot-work-person" />
          </Form.Item>
          <Form.Item name="personInChargePhone" label={t('hotWork.personInChargePhone')} rules={required} style={{ flex: 1 }}>
            <Input data-testid="hot-work-phone" />
          </Form.Item>
        </Space.Compact>
        <Space.Compact block>
          <Form.Item name="operatorName" label={t('hotWork.operatorName')} rules={required} style={{ flex: 1 }}>
            <Input data-testid="hot-work-operator" />
          </Form.Item>
          <Form.Item name="operatorCertificateNo" label={t('hotWork.operatorCertificateNo')} rules={required} style={{ flex: 1 }}>
            <Input data-testid="hot-work-certificate" />
          </Form.Item>
          <Form.Item name="workType" label={t('hotWork.workType')} rules={[{ required: true }]} style={{ flex: 1 }}>
            <Select data-testid="hot-work-type" options={workTypes.map((w) => ({ value: w, label: t(`hotWork.workTypes.${w}`) }))} />
          </Form.Item>
        </Space.Compact>
        <Space.Compact block>
          <Form.Item name="roomId" label={t('hotWork.room')} style={{ flex: 1 }}>
            <RoomSelect communityId={communityId} testId="hot-work-room" />
          </Form.Item>
          <Form.Item name="location" label={t('hotWork.location')} style={{ flex: 1 }}>
            <Input data-testid="hot-work-location" />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="reason" label={t('hotWork.reason')} rules={required}>
          <Input.TextArea rows={2} data-testid="hot-work-reason" />
        </Form.Item>
        <Form.Item name="window" label={t('hotWork.window')} rules={[{ required: true }]}>
          <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" data-testid="hot-work-window" />
        </Form.Item>
        <Space.Compact block>
          <Form.Item name="extinguisherCount" label={t('hotWork.extinguisherCount')} rules={[{ required: true }]} style={{ flex: 1 }}>
            <InputNumber min={0} max={100} data-testid="hot-work-extinguishers" />
          </Form.Item>
          <Form.Item name="fireWatcherName" label={t('hotWork.fireWatcherName')} rules={required} style={{ flex: 1 }}>
            <Input data-testid="hot-work-watcher" />
          </Form.Item>
          <Form.Item name="hasClearedCombustibles" label=" " valuePropName="checked" style={{ flex: 1 }}>
            <Checkbox data-testid="hot-work-cleared">{t('hotWork.hasClearedCombustibles')}</Checkbox>
          </Form.Item>
        </Space.Compact>
      </Form>
    </Modal>
  );
}

/** 临时动火: the community's permits, by view. */
export function HotWorkListPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const { communityId } = useCommunity();
  const [params, setParams] = useState<HotWorkListParams>({ view: 'open' });
  const [isNew, setNew] = useState(false);
  const list = useHotWorkList({ ...params, communityId: communityId ?? undefined });
  const columns = [
    {
      title: t('hotWork.number'),
      dataIndex: 'number',
      width: 175,
      render: (n: string, r: HotWorkSummary) => (
        <Link to={`/hot-work/${r.id}`} data-testid="hot-work-link" style={{ whiteSpace: 'nowrap' }}>
          {n}
        </Link>
      ),
    },
    { title: t('hotWork.status'), dataIndex: 'status', width: 110, render: (v: string) => <HotWorkStatusTag status={v} /> },
    { title: t('hotWork.applicantCompany'), dataIndex: 'applicantCompany', ellipsis: true },
    { title: t('hotWork.location'), dataIndex: 'location', width: 160, ellipsis: true },
    { title: t('hotWork.workType'), dataIndex: 'workType', width: 80, render: (v: string) => t(`hotWork.workTypes.${v}` as never) },
    {
      title: t('hotWork.window'),
      key: 'window',
      width: 230,
      render: (_: unknown, r: HotWorkSummary) => `${formatDateTime(r.windowStartAt)} – ${formatShort(r.windowEndAt)}`,
    },
    {
      title: t('hotWork.lastInspected'),
      dataIndex: 'lastInspectedAt',
      width: 110,
      render: (v: string | null) => (v ? formatShort(v) : '—'),
    },
  ];
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle" data-testid="hot-work-page">
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('hotWork.title')}
        </Typography.Title>
        {appliers.includes(me.role) && communityId ? (
          <Button type="primary" onClick={() => setNew(true)} data-testid="hot-work-new">
            {t('hotWork.new')}
          </Button>
        ) : null}
      </Space>
      <Card size="small">
        <Tabs
          activeKey={params.view}
          onChange={(v) => setParams({ ...params, view: v as HotWorkListParams['view'], offset: 0 })}
          items={views.map((v) => ({ key: v, label: <span data-testid={`hot-work-tab-${v}`}>{t(`hotWork.view.${v}`)}</span> }))}
        />
        <Input.Search
          allowClear
          style={{ width: 280, marginBottom: 12 }}
          placeholder={t('hotWork.search')}
          onSearch={(q) => setParams({ ...params, q: q || undefined, offset: 0 })}
          data-testid="hot-work-search"
        />
        <Table
          rowKey="id"
          size="small"
          loading={list.isLoading || list.isPlaceholderData}
          dataSource={list.data?.items ?? []}
          columns={columns}
          data-testid="hot-work-table"
          scroll={{ x: 1000 }}
          onRow={(r) => ({ 'data-testid': 'hot-work-row', 'data-number': r.number }) as never}
          pagination={{
            total: list.data?.total ?? 0,
            pageSize: params.limit ?? 100,
            current: Math.floor((params.offset ?? 0) / (params.limit ?? 100)) + 1,
            onChange: (page, size) => setParams({ ...params, limit: size, offset: (page - 1) * size }),
          }}
        />
      </Card>
      {isNew && communityId ? <ApplyHotWorkModal communityId={communityId} onClose={() => setNew(false)} /> : null}
    </Space>
  );
}
