import { Alert, Col, DatePicker, Empty, Row, Segmented, Select, Space, Spin, Statistic, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommunity } from '../../../app/community-context';
import { label } from '../../../lib/i18n';
import { type DashboardParams, type DashboardView, useDashboard } from '../api/dashboards';
import { Chart, type ChartOption } from './chart';
import { PanelCard } from './panel-card';

type Preset = 'this_month' | 'last_month' | 'last_30_days' | 'custom';
const presets: Preset[] = ['this_month', 'last_month', 'last_30_days', 'custom'];

const percent = (v: number | null) => (v === null ? '—' : `${v}%`);
const filled = (values: (number | null)[]) => values.filter((v) => v !== null && v !== 0).length;

/** A bar chart of named values, one or more series. */
function bars(names: string[], series: { name: string; data: (number | null)[]; stack?: string }[], horizontal = false): ChartOption {
  const category = { type: 'category' as const, data: names, axisLabel: { interval: 0, hideOverlap: true } };
  const value = { type: 'value' as const };
  return {
    tooltip: { trigger: 'axis' },
    legend: series.length > 1 ? { top: 0 } : undefined,
    grid: { left: 8, right: 16, top: series.length > 1 ? 32 : 16, bottom: 8, containLabel: true },
    xAxis: horizontal ? value : category,
    yAxis: horizontal ? category : value,
    series: series.map((s) => ({
      type: 'bar' as const,
      name: s.name,
      data: s.data,
      stack: s.stack,
      barMaxWidth: 36,
      // A 0% bar has no height: the figure is written on it.
      label: { show: !s.stack, position: horizontal ? ('right' as const) : ('top' as const) },
    })),
  };
}

function pie(data: { name: string; value: number }[]): ChartOption {
  return {
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { bottom: 0 },
    series: [{ type: 'pie', radius: ['35%', '65%'], data, label: { formatter: '{b}\n{c}' } }],
  };
}

function ChartOrEmpty({ points, children }: { points: number; children: React.ReactNode }) {
  const { t } = useTranslation();
  return points > 0 ? children : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboards.noData')} />;
}

function Rates({ view }: { view: DashboardView }) {
  const { t } = useTranslation();
  const r = view.rates;
  const isOverTarget = r.complaintRate !== null && r.complaintRate >= r.complaintRateTarget;
  return (
    <Row gutter={[16, 16]} data-testid="dashboard-rates">
      <Col xs={12} md={8} xl={4}>
        <Statistic title={t('dashboards.rates.orders')} value={r.orders} />
      </Col>
      <Col xs={12} md={8} xl={4}>
        <Statistic title={t('dashboards.rates.complaints')} value={r.complaints} />
      </Col>
      <Col xs={12} md={8} xl={4} data-testid="dashboard-rate-visit">
        <Statistic title={t('dashboards.rates.visitRate')} value={percent(r.visitRate)} />
        <Typography.Text type="secondary">{t('dashboards.rates.visits', { done: r.visitsDone, due: r.visitsDue })}</Typography.Text>
      </Col>
      <Col xs={12} md={8} xl={4} data-testid="dashboard-rate-satisfaction">
        <Statistic title={t('dashboards.rates.satisfactionRate')} value={percent(r.satisfactionRate)} />
      </Col>
      <Col xs={12} md={8} xl={4} data-testid="dashboard-rate-complaint">
        <Statistic
          title={t('dashboards.rates.complaintRate')}
          value={percent(r.complaintRate)}
          styles={{ content: isOverTarget ? { color: '#cf1322' } : undefined }}
        />
        <Typography.Text type="secondary">
          {t('dashboards.rates.complaintTarget', { value: r.complaintRateTarget })} ·{' '}
          {t('dashboards.rates.households', { value: r.households })}
        </Typography.Text>
      </Col>
      <Col xs={12} md={8} xl={4} data-testid="dashboard-rate-reopen">
        <Statistic title={t('dashboards.rates.reopenRate')} value={percent(r.reopenRate)} />
        <Typography.Text type="secondary">{t('dashboards.rates.reopened', { value: r.reopened })}</Typography.Text>
      </Col>
    </Row>
  );
}

function Panels({ view, params, isCompany }: { view: DashboardView; params: DashboardParams; isCompany: boolean }) {
  const { t } = useTranslation();
  const series = (key: string) => t(`dashboards.series.${key}` as 'dashboards.series.orders');
  const daily = view.daily;
  const satisfaction = (['satisfied', 'basicallySatisfied', 'unsatisfied'] as const).map((k) => ({
    name: t(`dashboards.outcomes.${k}`),
    value: view.satisfaction[k],
  }));
  const techs = view.technicians;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <PanelCard panel="rates" params={params}>
        <Rates view={view} />
      </PanelCard>
      {isCompany && (
        <PanelCard panel="communities" params={params}>
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Chart
              testId="dashboard-chart-communities"
              points={filled(view.communities.flatMap((c) => [c.orders, c.complaints]))}
              option={bars(
                view.communities.map((c) => c.name),
                [
                  { name: series('orders'), data: view.communities.map((c) => c.orders) },
                  { name: series('complaints'), data: view.communities.map((c) => c.complaints) },
                ],
              )}
            />
            <Table
              size="small"
              rowKey="communityId"
              pagination={false}
              dataSource={view.communities}
              data-testid="dashboard-communities-table"
              columns={[
                { title: t('dashboards.columns.community'), dataIndex: 'name' },
                { title: t('dashboards.columns.orders'), dataIndex: 'orders', align: 'right' },
                { title: t('dashboards.columns.complaints'), dataIndex: 'complaints', align: 'right' },
                { title: t('dashboards.columns.households'), dataIndex: 'households', align: 'right' },
                {
                  title: t('dashboards.columns.complaintRate'),
                  align: 'right',
                  render: (_, c) => (
                    <Typography.Text type={c.complaintRate !== null && c.complaintRate >= c.complaintRateTarget ? 'danger' : undefined}>
                      {percent(c.complaintRate)}
                    </Typography.Text>
                  ),
                },
                { title: t('dashboards.columns.visitRate'), align: 'right', render: (_, c) => percent(c.visitRate) },
                { title: t('dashboards.columns.satisfactionRate'), align: 'right', render: (_, c) => percent(c.satisfactionRate) },
                { title: t('dashboards.columns.reopenRate'), align: 'right', render: (_, c) => percent(c.reopenRate) },
                {
                  title: t('dashboards.columns.averageComplete'),
                  align: 'right',
                  render: (_, c) => c.averageCompleteMinutes ?? '—',
                },
              ]}
            />
          </Space>
        </PanelCard>
      )}
      <PanelCard panel="daily" params={params}>
        <Chart
          testId="dashboard-chart-daily"
          points={filled(daily.flatMap((d) => [d.orders, d.complaints]))}
          option={{
            tooltip: { trigger: 'axis' },
            legend: { top: 0 },
            grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
            xAxis: { type: 'category', data: daily.map((d) => d.date.slice(5)) },
            yAxis: { type: 'value', minInterval: 1 },
            series: [
              { type: 'line', name: series('orders'), data: daily.map((d) => d.orders), smooth: true },
              { type: 'line', name: series('complaints'), data: daily.map((d) => d.complaints), smooth: true },
            ],
          }}
        />
      </PanelCard>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <PanelCard panel="categories" params={params}>
            <ChartOrEmpty points={view.categories.length}>
              <Chart
                testId="dashboard-chart-categories"
                points={view.categories.length}
                option={pie(view.categories.map((c) => ({ name: label('dashboards.categories', c.key), value: c.count })))}
              />
            </ChartOrEmpty>
          </PanelCard>
        </Col>
        <Col xs={24} xl={12}>
          <PanelCard panel="buildings" params={params}>
            <ChartOrEmpty points={view.buildings.length}>
              <Chart
                testId="dashboard-chart-buildings"
                points={view.buildings.length}
                option={bars(
                  view.buildings.map((b) => (b.key ? b.name : t('dashboards.publicArea'))),
                  [{ name: series('orders'), data: view.buildings.map((b) => b.count) }],
                )}
              />
            </ChartOrEmpty>
          </PanelCard>
        </Col>
        <Col xs={24} xl={12}>
          <PanelCard panel="durations" params={params}>
            <Chart
              testId="dashboard-chart-durations"
              points={view.durations.filter((d) => d.averageMinutes !== null).length}
              option={bars(
                view.durations.map((d) => t(`dashboards.steps.${d.step}`)),
                [{ name: series('minutes'), data: view.durations.map((d) => d.averageMinutes) }],
              )}
            />
          </PanelCard>
        </Col>
        <Col xs={24} xl={12}>
          <PanelCard panel="timers" params={params}>
            <ChartOrEmpty points={view.timers.length}>
              <Chart
                testId="dashboard-chart-timers"
                points={view.timers.length}
                option={bars(
                  view.timers.map((x) => label('dashboards.timers', x.kind)),
                  [{ name: series('onTimeRate'), data: view.timers.map((x) => x.onTimeRate) }],
                )}
              />
            </ChartOrEmpty>
          </PanelCard>
        </Col>
        <Col xs={24} xl={12}>
          <PanelCard panel="satisfaction" params={params}>
            <ChartOrEmpty points={filled(satisfaction.map((s) => s.value))}>
              <Chart testId="dashboard-chart-satisfaction" points={filled(satisfaction.map((s) => s.value))} option={pie(satisfaction)} />
            </ChartOrEmpty>
          </PanelCard>
        </Col>
        <Col xs={24} xl={12}>
          <PanelCard panel="technicians" params={params}>
            <ChartOrEmpty points={techs.length}>
              <Chart
                testId="dashboard-chart-technicians"
                points={filled(techs.flatMap((x) => [x.open, x.completed]))}
                option={bars(
                  techs.map((x) => x.name),
                  [
                    { name: series('open'), data: techs.map((x) => x.open), stack: 'load' },
                    { name: series('completed'), data: techs.map((x) => x.completed), stack: 'load' },
                  ],
                )}
              />
              <Table
                size="small"
                rowKey="technicianId"
                pagination={false}
                dataSource={techs}
                data-testid="dashboard-technicians-table"
                columns={[
                  { title: t('dashboards.columns.technician'), dataIndex: 'name' },
                  { title: t('dashboards.columns.open'), dataIndex: 'open', align: 'right' },
                  { title: t('dashboards.columns.completed'), dataIndex: 'completed', align: 'right' },
                  { title: t('dashboards.columns.averageComplete'), align: 'right', render: (_, x) => x.averageCompleteMinutes ?? '—' },
                  {
                    title: t('dashboards.columns.ratings'),
                    align: 'right',
                    render: (_, x) => `${x.ratings.satisfied} / ${x.ratings.basicallySatisfied} / ${x.ratings.unsatisfied}`,
                  },
                  { title: t('dashboards.columns.satisfactionRate'), align: 'right', render: (_, x) => percent(x.satisfactionRate) },
                ]}
              />
            </ChartOrEmpty>
          </PanelCard>
        </Col>
      </Row>
    </Space>
  );
}

/**
 * 统计看板 (domain.md §9): a community's figures (`/dashboards`) or the company's with every
 * community side by side (`/dashboards/company`), for a preset or chosen period.
 */
export function DashboardPage({ scope }: { scope: 'community' | 'company' }) {
  const { t } = useTranslation();
  const isCompany = scope === 'company';
  const { communityId: headerCommunity, communities } = useCommunity();
  const [preset, setPreset] = useState<Preset>('this_month');
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>(null);
  const [picked, setPicked] = useState<string | null | undefined>(undefined);
  const communityId = picked !== undefined ? picked : isCompany ? null : (headerCommunity ?? communities[0]?.id ?? null);
  const params: DashboardParams =
    preset === 'custom' && range
      ? { communityId, from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') }
      : { communityId, preset: preset === 'custom' ? 'this_month' : preset };
  const dashboard = useDashboard(params);
  const view = dashboard.data;
  const options = [
    ...(isCompany ? [{ value: '', label: t('dashboards.allCommunities') }] : []),
    ...communities.map((c) => ({ value: c.id, label: c.name })),
  ];
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid={`dashboard-${scope}`}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {isCompany ? t('dashboards.companyTitle') : t('dashboards.title')}
        </Typography.Title>
        <Space wrap>
          <Select
            style={{ minWidth: 180 }}
            value={communityId ?? ''}
            options={options}
            placeholder={t('dashboards.pickCommunity')}
            onChange={(v: string) => setPicked(v === '' ? null : v)}
            data-testid="dashboard-community-filter"
          />
          <Segmented
            value={preset}
            options={presets.map((p) => ({ value: p, label: t(`dashboards.presets.${p}`) }))}
            onChange={(v) => setPreset(v as Preset)}
            data-testid="dashboard-preset"
          />
          {preset === 'custom' && (
            <DatePicker.RangePicker
              value={range}
              onChange={(v) => setRange(v?.[0] && v[1] ? [v[0], v[1]] : null)}
              allowClear={false}
              data-testid="dashboard-range"
            />
          )}
        </Space>
      </Space>
      {view && (
        <Typography.Text type="secondary" data-testid="dashboard-period">
          {t('dashboards.period', { from: view.from, to: view.to })}
        </Typography.Text>
      )}
      {dashboard.isError && <Alert type="error" showIcon message={t('dashboards.loadFailed')} />}
      {!view && dashboard.isLoading && <Spin />}
      {view && <Panels view={view} params={params} isCompany={isCompany} />}
    </Space>
  );
}

/** `/dashboards`: one community's figures. */
export const CommunityDashboardPage = () => <DashboardPage scope="community" />;
/** `/dashboards/company`: every community of the company, side by side. */
export const CompanyDashboardPage = () => <DashboardPage scope="company" />;
