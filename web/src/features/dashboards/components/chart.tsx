import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';

// Only the chart types and parts the dashboards draw, so the page does not carry all of ECharts.
echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = Parameters<echarts.EChartsType['setOption']>[0];

interface ChartProps {
  option: ChartOption;
  testId: string;
  /** How many values the chart draws: tests read it, and an empty chart shows the empty text. */
  points: number;
  height?: number;
}

/** One ECharts chart on canvas, redrawn whole when its option changes. */
export function Chart({ option, testId, points, height = 280 }: ChartProps) {
  return (
    <div data-testid={testId} data-points={points}>
      <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height, width: '100%' }} />
    </div>
  );
}
