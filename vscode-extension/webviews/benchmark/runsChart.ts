// Each variant's measured runs as a box plot with every run drawn over it (ECharts, canvas).
// Colours come from the theme's CSS variables; labels and tooltips are canvas text, never HTML.
import * as echarts from 'echarts/core';
import { BoxplotChart, ScatterChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { BenchmarkVariant } from '../../src/protocol.generated';
import { boxOf, ms } from '../../src/benchmark/benchmarkFormat';

echarts.use([BoxplotChart, ScatterChart, GridComponent, TooltipComponent, CanvasRenderer]);

const css = (name: string, fallback: string) =>
  getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;

/** Spreads a variant's runs across its band so equal times stay visible (deterministic). */
function jitter(i: number): number {
  const x = Math.sin(i * 12.9898) * 43758.5453;
  return (x - Math.floor(x) - 0.5) * 0.36;
}

export class RunsChart {
  private chart?: echarts.ECharts;
  private readonly resize = new ResizeObserver(() => this.chart?.resize());

  constructor(private readonly host: HTMLElement) {
    this.resize.observe(host);
  }

  show(variants: BenchmarkVariant[]): void {
    const n = variants.length;
    this.host.style.height = `${Math.max(150, 70 + 70 * n)}px`;
    if (!this.chart) this.chart = echarts.init(this.host, undefined, { renderer: 'canvas' });
    const fg = css('--vscode-foreground', '#ccc');
    const muted = css('--vscode-descriptionForeground', '#999');
    const lines = css('--vscode-panel-border', '#444');
    const palette = [
      '--vscode-charts-blue',
      '--vscode-charts-orange',
      '--vscode-charts-purple',
      '--vscode-charts-green',
    ].map((v, i) => css(v, ['#3794ff', '#d18616', '#b180d7', '#89d185'][i]));
    const colour = (i: number) => palette[i % palette.length];
    const labels = variants.map((v, i) => v.label ?? `variant ${i + 1}`);
    const short = labels.map((l) => (l.length > 26 ? `${l.slice(0, 25)}…` : l));
    // times far apart (an index making a query 40x faster) read on a log scale
    const all = variants.flatMap((v) => v.runsMs ?? []).filter((x) => x > 0);
    const log = all.length > 1 && Math.max(...all) / Math.min(...all) > 8;
    const font = css('--vscode-font-family', 'sans-serif');

    this.chart.setOption(
      {
        animation: false,
        textStyle: { color: fg, fontFamily: font },
        grid: { left: 28, right: 24, top: 14, bottom: 34, containLabel: true },
        tooltip: {
          trigger: 'item',
          renderMode: 'richText',
          confine: true,
          backgroundColor: css('--vscode-editorWidget-background', '#252526'),
          borderColor: lines,
          textStyle: { color: fg },
        },
        xAxis: {
          type: log ? 'log' : 'value',
          name: log ? 'time per run (log scale)' : 'time per run',
          nameLocation: 'middle',
          nameGap: 22,
          scale: !log,
          logBase: 10,
          nameTextStyle: { color: muted },
          axisLabel: { color: muted, formatter: (x: number) => (x === 0 ? '0' : ms(x)) },
          splitLine: { lineStyle: { color: lines } },
          axisLine: { lineStyle: { color: lines } },
        },
        yAxis: [
          {
            type: 'category',
            data: short,
            inverse: true,
            axisLabel: { color: fg },
            axisLine: { lineStyle: { color: lines } },
            axisTick: { show: false },
          },
          // the runs' axis: the same bands as numbers, so each run can sit off the middle line
          { type: 'value', min: -0.5, max: n - 0.5, inverse: true, show: false },
        ],
        series: [
          {
            type: 'boxplot',
            name: 'distribution',
            yAxisIndex: 0,
            boxWidth: [12, 36],
            data: variants.map((v, i) => ({
              value: boxOf(v.runsMs ?? []) ?? [],
              itemStyle: { color: 'transparent', borderColor: colour(i), borderWidth: 1.5 },
            })),
            tooltip: {
              formatter: (p: { dataIndex: number }) => boxTooltip(variants[p.dataIndex], labels[p.dataIndex]),
            },
          },
          ...variants.map((v, i) => ({
            type: 'scatter',
            name: labels[i],
            yAxisIndex: 1,
            symbolSize: 6,
            itemStyle: { color: colour(i), opacity: 0.75 },
            data: (v.runsMs ?? []).map((t, k) => [t, i + jitter(k + 1)]),
            tooltip: {
              formatter: (p: { dataIndex: number; value: number[] }) =>
                `${labels[i]}\nrun ${p.dataIndex + 1}: ${ms(p.value[0])}`,
            },
          })),
        ],
      },
      true,
    );
  }

  clear(): void {
    this.chart?.dispose();
    this.chart = undefined;
    this.host.style.height = '';
  }
}

function boxTooltip(v: BenchmarkVariant, label: string): string {
  const s = v.stats;
  if (!s) return label;
  return `${label}\nmin ${ms(s.min)} · median ${ms(s.median)} · p95 ${ms(s.p95)} · max ${ms(s.max)}`;
}
