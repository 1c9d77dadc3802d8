import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useTranslation } from 'react-i18next';
import type { QuestionnaireStatistics } from '../api/questionnaires';

// Only what a Pareto chart draws: bars, a cumulative line and the threshold line.
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

/** 排列图: the dissatisfied items' counts as bars, largest first, and their cumulative share as a line. */
export function ParetoChart({ s }: { s: QuestionnaireStatistics }) {
  const { t } = useTranslation();
  const count = t('questionnaires.paretoCount');
  const cumulative = t('questionnaires.cumulative');
  const option = {
    tooltip: { trigger: 'axis' },
    legend: { data: [count, cumulative], top: 0, right: 56 },
    grid: { left: 48, right: 56, bottom: 72, top: 48 },
    xAxis: { type: 'category', data: s.pareto.map((r) => r.text), axisLabel: { interval: 0, rotate: s.pareto.length > 5 ? 30 : 0 } },
    yAxis: [
      { type: 'value', name: count, minInterval: 1 },
      { type: 'value', name: '%', min: 0, max: 100 },
    ],
    series: [
      {
        name: count,
        type: 'bar',
        data: s.pareto.map((r) => ({ value: r.count, itemStyle: { color: r.isMain ? '#cf1322' : '#8c8c8c' } })),
        barMaxWidth: 48,
      },
      {
        name: cumulative,
        type: 'line',
        yAxisIndex: 1,
        data: s.pareto.map((r) => r.cumulativePercent),
        label: { show: true, formatter: '{c}%' },
        markLine: { symbol: 'none', data: [{ yAxis: s.paretoThresholdPercent }], lineStyle: { type: 'dashed' } },
      },
    ],
  };
  return (
    <div data-testid="questionnaire-pareto-chart" data-points={s.pareto.length}>
      <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height: 320, width: '100%' }} />
    </div>
  );
}
