import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, CanvasRenderer]);

/** The option object of a chart. */
export type ChartOption = echarts.EChartsCoreOption;

/**
 * An ECharts chart (only the chart types used here, so the library is tree-shaken); import it from
 * lazily loaded pages only. `label` names the chart for screen readers, `summary` states its data.
 */
export function EChart({ option, height = 320, label, summary }: { option: ChartOption; height?: number; label: string; summary: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    if (!ref.current) return;
    const instance = echarts.init(ref.current, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(ref.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);
  return (
    <figure style={{ margin: 0 }}>
      <div ref={ref} role="img" aria-label={label} style={{ width: '100%', height }} />
      <figcaption className="visually-hidden">{summary}</figcaption>
    </figure>
  );
}
