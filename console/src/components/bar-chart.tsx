import { BarChart as Bars } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { useEChart } from './use-echart.js';

echarts.use([Bars, GridComponent, TooltipComponent]);

export interface Bar {
  readonly name: string;
  readonly value: number;
  readonly color: string;
}

/** A horizontal bar chart: ECharts on a canvas, sized to its bars, described for screen readers by `label`. */
export function BarChart({ bars, label, valueName }: { bars: readonly Bar[]; label: string; valueName: string }) {
  const element = useEChart(() => {
    const shown = [...bars].reverse(); // ECharts draws the first category at the bottom
    return {
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'value', minInterval: 1, name: valueName },
      yAxis: { type: 'category', data: shown.map((bar) => bar.name) },
      series: [{ type: 'bar', data: shown.map((bar) => ({ value: bar.value, itemStyle: { color: bar.color } })) }],
    };
  }, [bars, valueName]);
  return <div ref={element} role="img" aria-label={label} data-chart="bars" style={{ width: '100%', height: Math.max(160, bars.length * 22 + 40) }} />;
}
