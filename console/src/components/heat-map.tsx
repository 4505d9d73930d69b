import { HeatmapChart } from 'echarts/charts';
import { GridComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { useEChart } from './use-echart.js';

echarts.use([HeatmapChart, GridComponent, TooltipComponent, VisualMapComponent]);

/** A heatmap of percentages 0..100: rows by columns, described for screen readers by `label`. */
export function HeatMap({ rows, columns, values, label }: { rows: readonly string[]; columns: readonly string[]; values: readonly (readonly (number | null)[])[]; label: string }) {
  const element = useEChart(() => {
    const data = values.flatMap((row, y) => row.map((value, x) => [x, y, value === null ? '-' : Math.round(value * 10) / 10]));
    return {
      grid: { left: 8, right: 16, top: 8, bottom: 64, containLabel: true },
      tooltip: { position: 'top', valueFormatter: (value: number) => `${value}%` },
      xAxis: { type: 'category', data: columns, axisLabel: { interval: 0, rotate: 30 } },
      yAxis: { type: 'category', data: rows, inverse: true },
      visualMap: { min: 0, max: 100, calculable: true, orient: 'horizontal', left: 'center', bottom: 0, inRange: { color: ['#f6ffed', '#fadb14', '#a8071a'] } },
      series: [{ type: 'heatmap', data, label: { show: rows.length <= 60, formatter: ({ value }: { value: [number, number, number] }) => `${value[2]}` } }],
    };
  }, [rows, columns, values]);
  return <div ref={element} role="img" aria-label={label} data-chart="heatmap" style={{ width: '100%', height: Math.max(200, rows.length * 22 + 120) }} />;
}
