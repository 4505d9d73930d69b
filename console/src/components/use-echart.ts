import type { EChartsCoreOption } from 'echarts/core';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef, type RefObject } from 'react';

echarts.use([CanvasRenderer]);

/**
 * An ECharts chart on a canvas in the returned element: drawn with `option` (rebuilt when a
 * dependency changes), resized with the window, disposed with the component. Each chart module
 * registers the ECharts parts it draws with; this hook holds what they all share.
 */
export function useEChart(option: () => EChartsCoreOption, dependencies: readonly unknown[]): RefObject<HTMLDivElement | null> {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) return;
    const chart = echarts.init(element.current);
    chart.setOption({ ...option(), animation: false });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
    // The option is rebuilt from exactly these dependencies.
  }, dependencies);
  return element;
}
