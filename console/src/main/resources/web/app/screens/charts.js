// ECharts with only the parts the console uses (smaller bundle), drawn as SVG, with ECharts' ARIA descriptions and
// decal patterns so that series differ by more than colour. Every chart also has a table with its numbers.
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, AriaComponent, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

/** Colours with at least 3:1 contrast against white. */
export const PALETTE = ['#0b5cad', '#b45309', '#047857', '#7c3aed', '#be123c', '#0e7490', '#4d7c0f', '#9d174d'];

export function createChart(element, label) {
  element.setAttribute('role', 'img');
  element.setAttribute('aria-label', label);
  const chart = echarts.init(element, null, { renderer: 'svg' });
  const observer = new ResizeObserver(() => chart.resize());
  observer.observe(element);
  return {
    update(option) {
      chart.setOption({
        color: PALETTE,
        aria: { enabled: true, decal: { show: true } },
        animation: false,
        textStyle: { fontFamily: 'system-ui, sans-serif', color: '#1a1a1a' },
        ...option,
      }, { notMerge: false, lazyUpdate: true });
    },
    dispose() {
      observer.disconnect();
      chart.dispose();
    },
  };
}
