import { ExperimentOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Space, Statistic, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCommunity } from '../../../app/community-context';
import { samplerRoles } from '../access';
import { LoadError } from '../../../components/page-states';
import { dayjs, zone } from '../../../lib/datetime';
import { label } from '../../../lib/i18n';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { useSignedInMe } from '../../auth/api/get-me';
import { type SamplingView, type VisitAction, type VisitSummary, useDrawSampling, useSampling, useVisitList } from '../api/visits';
import { VisitActionButtons, VisitActionModal } from './visit-action-modal';
import { DueCell, OutcomeTag, TicketLink, VisitStatusTag } from './visit-tags';

type DutyRow = SamplingView['duties'][number];

const lastMonth = () => dayjs().tz(zone).subtract(1, 'month').format('YYYY-MM');

/** /visits/sampling 抽样回访: draw a month's sampling duties, and follow them to done. */
export function SamplingPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useSignedInMe();
  const { communityId } = useCommunity();
  const [period, setPeriod] = useState(lastMonth);
  const sampling = useSampling(communityId, period);
  const tasks = useVisitList({ communityId, tab: 'all', samplingPeriod: period }, !!communityId);
  const draw = useDrawSampling();
  const onError = useApiErrorHandler();
  const [picked, setPicked] = useState<{ task: VisitSummary; action: VisitAction } | null>(null);
  const canDraw = samplerRoles.includes(me.role);
  const view = sampling.data;

  const runDraw = () => {
    if (!communityId) return;
    draw.mutate(
      { communityId, period },
      {
        onSuccess: (v) =>
          void (v.created
            ? message.success(t('visitTasks.sampling.drawn', { count: v.created }))
            : message.info(v.isDrawn ? t('visitTasks.sampling.alreadyDrawn') : t('visitTasks.sampling.nothingToDraw'))),
        onError: (e) => onError(e),
      },
    );
  };

  const dutyColumns: TableColumnsType<DutyRow> = [
    { title: t('visitTasks.sampling.duty'), dataIndex: 'duty', render: (d: string) => label('visitTasks.duties', d) },
    { title: t('visitTasks.sampling.person'), dataIndex: 'visitorName', render: (n: string | null) => n ?? '—' },
    { title: t('visitTasks.sampling.poolSize'), dataIndex: 'poolSize', align: 'end' },
    { title: t('visitTasks.sampling.required'), dataIndex: 'required', align: 'end' },
    { title: t('visitTasks.sampling.drawnCount'), dataIndex: 'drawn', align: 'end' },
    {
      title: t('visitTasks.sampling.doneCount'),
      dataIndex: 'done',
      align: 'end',
      render: (n: number, r) => <Typography.Text type={n < r.required ? 'danger' : undefined}>{n}</Typography.Text>,
    },
    {
      title: t('visitTasks.sampling.fulfilled'),
      dataIndex: 'isFulfilled',
      render: (ok: boolean) => (
        <Tag color={ok ? 'green' : 'orange'} data-testid="sampling-fulfilled" data-fulfilled={ok ? 'true' : 'false'}>
          {ok ? t('visitTasks.sampling.isFulfilled') : t('visitTasks.sampling.notFulfilled')}
        </Tag>
      ),
    },
  ];

  const taskColumns: TableColumnsType<VisitSummary> = [
    { title: t('visitTasks.columns.ticket'), dataIndex: 'ticketNumber', width: 170, render: (_: string, v) => <TicketLink task={v} /> },
    { title: t('visitTasks.columns.duty'), dataIndex: 'duty', width: 120, render: (d: string) => label('visitTasks.duties', d) },
    { title: t('visitTasks.columns.visitor'), dataIndex: 'visitorName', width: 90, render: (n: string | null) => n ?? '—' },
    { title: t('visitTasks.columns.reporter'), dataIndex: 'reporterName', width: 150, render: (n: string, v) => `${n} ${v.location}` },
    {
      title: t('visitTasks.columns.handler'),
      key: 'handler',
      width: 90,
      render: (_: unknown, v) => v.technicianName ?? v.assigneeName ?? '—',
    },
    { title: t('visitTasks.columns.status'), dataIndex: 'status', width: 110, render: (s: string) => <VisitStatusTag status={s} /> },
    {
      title: t('visitTasks.columns.dueAt'),
      key: 'due',
      width: 200,
      render: (_: unknown, v) => (v.visitedAt ? <OutcomeTag outcome={v.outcome} /> : <DueCell task={v} />),
    },
    {
      title: t('visitTasks.columns.operation'),
      key: 'op',
      render: (_: unknown, v) => (
        <Space size={4} wrap>
          <VisitActionButtons task={v} size="small" onPick={(action) => setPicked({ task: v, action })} />
          <Link to={`/visits/${v.id}`} data-testid="visit-link" style={{ paddingInline: 4 }}>
            {t('common.detail')}
          </Link>
        </Space>
      ),
    },
  ];

  return (
    <div data-testid="sampling-page">
      <div className="page-head">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('visitTasks.sampling.title')}
        </Typography.Title>
        <Space>
          <Typography.Text type="secondary">{t('visitTasks.sampling.period')}</Typography.Text>
          <DatePicker
            picker="month"
            allowClear={false}
            value={dayjs(`${period}-01`)}
            onChange={(d) => d && setPeriod(d.format('YYYY-MM'))}
            disabledDate={(d) => d.isAfter(dayjs(), 'month')}
            data-testid="sampling-period"
          />
          {canDraw ? (
            <Button
              type="primary"
              icon={<ExperimentOutlined />}
              disabled={!communityId || !view || view.isDrawn || view.poolSize === 0}
              loading={draw.isPending}
              onClick={runDraw}
              data-testid="sampling-draw"
            >
              {t('visitTasks.sampling.draw')}
            </Button>
          ) : null}
        </Space>
      </div>
      {!communityId ? (
        <Alert type="info" showIcon title={t('visitTasks.sampling.chooseCommunity')} data-testid="sampling-choose-community" />
      ) : sampling.error ? (
        <LoadError error={sampling.error} onRetry={() => void sampling.refetch()} />
      ) : (
        <>
          <Card size="small" style={{ marginBottom: 12 }} loading={!view}>
            {view ? (
              <Space size={48} wrap>
                <Statistic title={t('visitTasks.sampling.period')} value={view.period} />
                <Statistic title={t('visitTasks.sampling.poolSize')} value={view.poolSize} />
                <div>
                  <Tag color={view.isDrawn ? 'green' : 'default'} data-testid="sampling-state" data-drawn={view.isDrawn ? 'true' : 'false'}>
                    {view.isDrawn ? t('visitTasks.sampling.isDrawn') : t('visitTasks.sampling.notDrawn')}
                  </Tag>
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('visitTasks.sampling.pool', { count: view.poolSize })} · {t('visitTasks.sampling.rule')}
                    </Typography.Text>
                  </div>
                </div>
              </Space>
            ) : null}
          </Card>
          <Card size="small" title={t('visitTasks.sampling.duties')} style={{ marginBottom: 12 }}>
            <Table<DutyRow>
              size="small"
              rowKey={(r) => `${r.duty}-${r.visitorId ?? ''}`}
              pagination={false}
              loading={sampling.isFetching && !view}
              dataSource={view?.duties ?? []}
              columns={dutyColumns}
              onRow={(r) => ({ 'data-testid': 'sampling-duty', 'data-duty': r.duty }) as React.HTMLAttributes<HTMLElement>}
              data-testid="sampling-duties"
            />
          </Card>
          <Card size="small" title={t('visitTasks.sampling.tasks')}>
            {tasks.error ? (
              <LoadError error={tasks.error} onRetry={() => void tasks.refetch()} />
            ) : (
              <Table<VisitSummary>
                size="small"
                rowKey="id"
                pagination={{ pageSize: 50, size: 'small', hideOnSinglePage: true }}
                loading={tasks.isFetching && !tasks.data}
                dataSource={tasks.data ?? []}
                columns={taskColumns}
                rowClassName={(v) => (v.isOverdue ? 'row-overdue' : '')}
                onRow={(v) =>
                  ({
                    'data-testid': 'visit-row',
                    'data-order-number': v.ticketNumber,
                    'data-status': v.status,
                    'data-duty': v.duty,
                  }) as React.HTMLAttributes<HTMLElement>
                }
                data-testid="sampling-tasks"
              />
            )}
          </Card>
        </>
      )}
      <VisitActionModal task={picked?.task ?? null} action={picked?.action ?? null} onClose={() => setPicked(null)} />
    </div>
  );
}
