import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { rolesWith } from '../../../../../src/contract/access';
import { useCommunity } from '../../../app/community-context';
import { formatDateTime } from '../../../lib/datetime';
import { label } from '../../../lib/i18n';
import { formatYuan, yuanToFen } from '../../../lib/money';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { useSignedInMe } from '../../auth/api/get-me';
import { useBuildings } from '../../directory/api/list-buildings';
import { RoomSelect } from '../../directory/components/room-select';
import {
  type ArrearsHousehold,
  type ArrearsListParams,
  exportUrl,
  type ImportResult,
  useArrears,
  useArrearsClerks,
  useAssign,
  useImportArrears,
  useRecordArrears,
} from '../api/arrears';

const finance = rolesWith('arrears.import');
const assigners = rolesWith('arrears.assign');
const statuses = ['owing', 'chase_due', 'unassigned', 'chasing', 'paid'] as const;

function RecordModal({ communityId, onClose }: { communityId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const record = useRecordArrears();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const submit = async () => {
    const v = (await form.validateFields()) as { roomId: string; ownerName?: string; feeType: string; period: string; amount: number };
    record.mutate(
      {
        communityId,
        roomId: v.roomId,
        ownerName: v.ownerName,
        feeType: v.feeType,
        period: v.period,
        amountCents: yuanToFen(v.amount) ?? 0,
      },
      {
        onSuccess: () => {
          void message.success(t('arrears.saved'));
          onClose();
        },
        onError: (e) => onError(e, form, { amountCents: 'amount' }),
      },
    );
  };
  return (
    <Modal open title={t('arrears.record')} onCancel={onClose} onOk={() => void submit()} confirmLoading={record.isPending}>
      <Form form={form} layout="vertical">
        <Form.Item name="roomId" label={t('arrears.room')} rules={[{ required: true }]}>
          <RoomSelect communityId={communityId} testId="arrears-room" />
        </Form.Item>
        <Form.Item name="ownerName" label={t('arrears.owner')}>
          <Input />
        </Form.Item>
        <Form.Item name="feeType" label={t('arrears.feeType')} rules={[{ required: true, whitespace: true }]}>
          <Input placeholder="物业费" />
        </Form.Item>
        <Form.Item name="period" label={t('arrears.period')} extra={t('arrears.periodHelp')} rules={[{ required: true, whitespace: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="amount" label={t('arrears.amount')} rules={[{ required: true }]}>
          <InputNumber min={0.01} precision={2} style={{ width: 200 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ImportResultModal({ result, onClose }: { result: ImportResult; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  return (
    <Modal
      open
      title={t('arrears.importResult')}
      onCancel={onClose}
      onOk={onClose}
      width={720}
      cancelButtonProps={{ style: { display: 'none' } }}
    >
      <Alert
        type={result.errors.length ? 'warning' : 'success'}
        showIcon
        data-testid="arrears-import-summary"
        title={t('arrears.imported', { imported: result.imported, updated: result.updated, errors: result.errors.length })}
        style={{ marginBottom: 12 }}
      />
      {result.errors.length ? (
        <Table
          rowKey={(e) => `${e.row}-${e.field}-${e.code}`}
          size="small"
          pagination={false}
          dataSource={result.errors}
          data-testid="arrears-import-errors"
          columns={[
            { title: t('arrears.row'), dataIndex: 'row', width: 70 },
            { title: t('arrears.reason'), render: (_, e) => (i18n.language === 'en' ? e.message.en : e.message.zh) },
          ]}
        />
      ) : null}
    </Modal>
  );
}

/** 欠费催缴: households with arrears, filtered, with totals; finance imports, the supervisor assigns, clerks chase. */
export function ArrearsPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const { communityId } = useCommunity();
  const [params, setParams] = useState<ArrearsListParams>({ status: 'owing' });
  const [selected, setSelected] = useState<string[]>([]);
  const [assignTo, setAssignTo] = useState<string | null>(null);
  const [isRecording, setRecording] = useState(false);
  const [result, setResult] = useState<ImportResult | null>(null);
  const query = { ...params, communityId: communityId ?? undefined };
  const list = useArrears(query);
  const buildings = useBuildings(communityId);
  const canAssign = assigners.includes(me.role);
  const isFinance = finance.includes(me.role);
  const clerks = useArrearsClerks(communityId, canAssign && !!communityId);
  const assign = useAssign();
  const upload = useImportArrears();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const totals = list.data?.totals;
  const columns = [
    {
      title: t('arrears.location'),
      dataIndex: 'location',
      render: (v: string, h: ArrearsHousehold) => (
        <Link to={`/arrears/${h.roomId}`} data-testid="arrears-link">
          {v}
        </Link>
      ),
    },
    { title: t('arrears.owner'), dataIndex: 'ownerName', width: 90 },
    {
      title: t('arrears.outstanding'),
      dataIndex: 'outstandingCents',
      width: 110,
      align: 'right' as const,
      render: (v: number) => formatYuan(v),
    },
    { title: t('arrears.paid'), dataIndex: 'paidCents', width: 100, align: 'right' as const, render: (v: number) => formatYuan(v) },
    {
      title: t('arrears.status'),
      dataIndex: 'status',
      width: 140,
      render: (v: string, h: ArrearsHousehold) => (
        <Space size={2}>
          <Tag color={v === 'paid' ? 'green' : v === 'chasing' ? 'blue' : 'gold'}>{label('arrears.statuses', v)}</Tag>
          {h.isChaseDue ? <Tag color="red">{t('arrears.chaseDue')}</Tag> : null}
        </Space>
      ),
    },
    { title: t('arrears.clerk'), dataIndex: 'clerkName', width: 110, render: (v: string | null) => v ?? '—' },
    { title: t('arrears.lastChase'), dataIndex: 'lastChasedAt', width: 140, render: (v: string | null) => formatDateTime(v) || '—' },
    { title: t('arrears.nextChase'), dataIndex: 'nextChaseDueAt', width: 140, render: (v: string | null) => formatDateTime(v) || '—' },
  ];
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle" data-testid="arrears-page">
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('arrears.title')}
        </Typography.Title>
        <Space wrap>
          {isFinance && communityId ? (
            <>
              <Upload
                accept=".xlsx"
                showUploadList={false}
                beforeUpload={(file) => {
                  upload.mutate({ communityId, file }, { onSuccess: setResult, onError: (e) => onError(e) });
                  return false;
                }}
              >
                <Button icon={<UploadOutlined />} loading={upload.isPending} data-testid="arrears-import">
                  {t('arrears.import')}
                </Button>
              </Upload>
              <Button icon={<DownloadOutlined />} href="/api/arrears/template" data-testid="arrears-template">
                {t('arrears.template')}
              </Button>
              <Button onClick={() => setRecording(true)} data-testid="arrears-record">
                {t('arrears.record')}
              </Button>
            </>
          ) : null}
          <Button icon={<DownloadOutlined />} href={exportUrl(query)} data-testid="arrears-export">
            {t('arrears.export')}
          </Button>
        </Space>
      </Space>
      {totals && totals.chaseDue > 0 ? (
        <Alert type="warning" showIcon data-testid="arrears-chase-due" title={t('arrears.chaseDueAlert', { count: totals.chaseDue })} />
      ) : null}
      <Card size="small">
        <Space wrap style={{ marginBottom: 12 }}>
          <Select
            style={{ width: 130 }}
            value={params.status}
            onChange={(status) => setParams({ ...params, status, offset: 0 })}
            options={statuses.map((s) => ({ value: s, label: t(`arrears.statuses.${s}`) }))}
            data-testid="arrears-status"
          />
          <Select
            allowClear
            style={{ width: 120 }}
            placeholder={t('arrears.building')}
            value={params.buildingId}
            onChange={(buildingId) => setParams({ ...params, buildingId, offset: 0 })}
            options={(buildings.data ?? []).map((b) => ({ value: b.id, label: b.name }))}
          />
          {canAssign ? (
            <Select
              allowClear
              style={{ width: 140 }}
              placeholder={t('arrears.clerk')}
              value={params.clerkId}
              onChange={(clerkId) => setParams({ ...params, clerkId, offset: 0 })}
              options={(clerks.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
            />
          ) : null}
          <InputNumber
            min={0}
            placeholder={t('arrears.minAmount')}
            style={{ width: 170 }}
            onChange={(v) => setParams({ ...params, minAmountCents: v == null ? undefined : yuanToFen(v), offset: 0 })}
          />
          <Input.Search
            allowClear
            placeholder={t('arrears.search')}
            style={{ width: 200 }}
            onSearch={(q) => setParams({ ...params, q: q || undefined })}
          />
        </Space>
        {totals ? (
          <Typography.Paragraph data-testid="arrears-totals">
            {t('arrears.totals', { households: totals.households, amount: formatYuan(totals.outstandingCents) })}
          </Typography.Paragraph>
        ) : null}
        {canAssign && communityId && selected.length ? (
          <Space style={{ marginBottom: 12 }}>
            <Select
              style={{ width: 180 }}
              placeholder={t('arrears.assignTo')}
              value={assignTo}
              onChange={setAssignTo}
              options={(clerks.data ?? []).map((c) => ({ value: c.id, label: `${c.name}（${c.households}）` }))}
              data-testid="arrears-assign-to"
            />
            <Button
              type="primary"
              disabled={!assignTo}
              loading={assign.isPending}
              data-testid="arrears-assign"
              onClick={() =>
                assign.mutate(
                  { communityId, roomIds: selected, clerkId: assignTo },
                  {
                    onSuccess: () => {
                      void message.success(t('arrears.assigned'));
                      setSelected([]);
                    },
                    onError: (e) => onError(e),
                  },
                )
              }
            >
              {t('arrears.assign')}
            </Button>
          </Space>
        ) : null}
        <Table
          rowKey="roomId"
          size="small"
          loading={list.isLoading || list.isPlaceholderData}
          dataSource={list.data?.items ?? []}
          columns={columns}
          scroll={{ x: 1000 }}
          data-testid="arrears-table"
          onRow={(h) => ({ 'data-testid': 'arrears-row', 'data-room': h.location }) as never}
          rowSelection={canAssign ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) } : undefined}
          pagination={{
            total: list.data?.total ?? 0,
            pageSize: params.limit ?? 100,
            current: Math.floor((params.offset ?? 0) / (params.limit ?? 100)) + 1,
            onChange: (page, size) => setParams({ ...params, limit: size, offset: (page - 1) * size }),
          }}
        />
      </Card>
      {isRecording && communityId ? <RecordModal communityId={communityId} onClose={() => setRecording(false)} /> : null}
      {result ? <ImportResultModal result={result} onClose={() => setResult(null)} /> : null}
    </Space>
  );
}
