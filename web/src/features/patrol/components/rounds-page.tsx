import { Card, Checkbox, DatePicker, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCommunity } from '../../../app/community-context';
import { formatShort } from '../../../lib/datetime';
import { type RoundListParams, type RoundSummary, usePatrolRounds, usePatrolRoutes } from '../api/patrol';
import { FulfilmentBanner } from './fulfilment-banner';

/** 巡楼记录: rounds with filters (route, state, days, issues), and this week's fulfilment. */
export function PatrolRoundsPage() {
  const { t } = useTranslation();
  const { communityId } = useCommunity();
  const [params, setParams] = useState<RoundListParams>({ limit: 50, offset: 0 });
  const routes = usePatrolRoutes(communityId);
  const list = usePatrolRounds({ ...params, communityId: communityId ?? undefined });
  const set = (p: Partial<RoundListParams>) => setParams({ ...params, ...p, offset: 0 });
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle" data-testid="patrol-rounds-page">
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('patrol.roundsTitle')}
      </Typography.Title>
      <FulfilmentBanner communityId={communityId} />
      <Card size="small">
        <Space wrap style={{ marginBottom: 12 }}>
          <Select
            allowClear
            placeholder={t('patrol.route')}
            style={{ width: 200 }}
            options={(routes.data ?? []).map((r) => ({ value: r.id, label: r.name }))}
            onChange={(v?: string) => set({ routeId: v })}
            data-testid="patrol-filter-route"
          />
          <Select
            allowClear
            placeholder={t('patrol.status')}
            style={{ width: 120 }}
            options={(['in_progress', 'finished'] as const).map((s) => ({ value: s, label: t(`patrol.statuses.${s}`) }))}
            onChange={(v?: 'in_progress' | 'finished') => set({ status: v })}
          />
          <DatePicker.RangePicker
            onChange={(v) => {
              const [from, to] = (v ?? []) as (Dayjs | null)[];
              set({ from: from?.format('YYYY-MM-DD'), to: to?.format('YYYY-MM-DD') });
            }}
          />
          <Checkbox onChange={(e) => set({ hasIssues: e.target.checked || undefined })} data-testid="patrol-filter-issues">
            {t('patrol.onlyIssues')}
          </Checkbox>
        </Space>
        <Table
          rowKey="id"
          size="small"
          loading={list.isLoading || list.isPlaceholderData}
          dataSource={list.data?.items ?? []}
          pagination={{
            total: list.data?.total ?? 0,
            pageSize: params.limit ?? 50,
            current: Math.floor((params.offset ?? 0) / (params.limit ?? 50)) + 1,
            onChange: (page, size) => setParams({ ...params, limit: size, offset: (page - 1) * size }),
          }}
          columns={[
            {
              title: t('patrol.startedAt'),
              dataIndex: 'startedAt',
              width: 120,
              render: (v: string, r: RoundSummary) => (
                <Link to={`/patrol/rounds/${r.id}`} data-testid="patrol-round-link">
                  {formatShort(v)}
                </Link>
              ),
            },
            { title: t('patrol.route'), dataIndex: 'routeName' },
            { title: t('patrol.patroller'), dataIndex: 'patrollerName', width: 120 },
            {
              title: t('patrol.status'),
              dataIndex: 'status',
              width: 150,
              render: (v: 'in_progress' | 'finished', r: RoundSummary) => (
                <Space size={2}>
                  <Tag color={v === 'finished' ? 'green' : 'blue'}>{t(`patrol.statuses.${v}`)}</Tag>
                  {v === 'in_progress' ? t('patrol.progress', { marked: r.markedCount, total: r.checkpointCount }) : null}
                </Space>
              ),
            },
            {
              title: t('patrol.duration'),
              dataIndex: 'durationMinutes',
              width: 90,
              render: (v: number | null) => (v === null ? '—' : t('patrol.minutes', { n: v })),
            },
            {
              title: t('patrol.issues'),
              dataIndex: 'issueCount',
              width: 70,
              render: (v: number) => (v > 0 ? <Tag color="red">{v}</Tag> : 0),
            },
            { title: t('patrol.orders'), dataIndex: 'orderCount', width: 70 },
            { title: t('patrol.summary'), dataIndex: 'summary', ellipsis: true, render: (v: string | null) => v ?? '—' },
          ]}
        />
      </Card>
    </Space>
  );
}
