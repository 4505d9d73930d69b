import { LineChart as Lines } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { useEChart } from './use-echart.js';

echarts.use([Lines, GridComponent, LegendComponent, TooltipComponent]);

export interface Line {
  readonly name: string;
  /** One value per category; null where there is none (drawn as a gap). */
  readonly values: readonly (number | null)[];
}

/** Lines over categories (quarters): ECharts on a canvas, described for screen readers by `label`. */
export function LineChart({ categories, lines, label, valueName }: { categories: readonly string[]; lines: readonly Line[]; label: string; valueName: string }) {
  const element = useEChart(() => {
    return {
      grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      xAxis: { type: 'category', data: [...categories] },
      yAxis: { type: 'value', name: valueName, min: 0, max: 100 },
      // A quarter alone is still a point: show the symbols, not only the lines between them.
      series: lines.map((line) => ({ type: 'line', name: line.name, data: [...line.values], showSymbol: true, symbolSize: 8, connectNulls: false })),
    };
  }, [categories, lines, valueName]);
  return <div ref={element} role="img" aria-label={label} data-chart="lines" style={{ width: '100%', height: 280 }} />;
}
