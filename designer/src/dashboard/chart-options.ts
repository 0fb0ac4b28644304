// The ECharts options of the dashboard's figures: bars for counts, a pie for series, percentages for rates.
// Plain functions of the server's figures, so the page stays layout only.
import type { EChartsCoreOption } from 'echarts/core';

interface Named {
  name: string;
}

const COLORS = ['#1677ff', '#52c41a', '#faad14', '#ff4d4f', '#722ed1', '#13c2c2'];

/** a horizontal bar per name (long Chinese names read better down the side), one series per measure */
export function bars<T extends Named>(rows: readonly T[], measures: { label: string; value: (r: T) => number }[]): EChartsCoreOption {
  const shown = [...rows].reverse(); // largest at the top
  return {
    color: COLORS,
    legend: measures.length > 1 ? { bottom: 0, data: measures.map((m) => m.label) } : undefined,
    grid: { left: 8, right: 48, top: 40, bottom: measures.length > 1 ? 32 : 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: shown.map((r) => r.name), axisLabel: { width: 230, overflow: 'truncate' } },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    series: measures.map((m) => ({ type: 'bar', name: m.label, barMaxWidth: 28, data: shown.map(m.value), label: { show: true, position: 'right' } })),
  };
}

export function pie(rows: readonly (Named & { count: number })[]): EChartsCoreOption {
  return {
    color: COLORS,
    tooltip: { trigger: 'item', formatter: '{b}：{c}（{d}%）' },
    legend: { bottom: 0, type: 'scroll' },
    series: [{ type: 'pie', radius: ['35%', '65%'], top: 24, bottom: 32, data: rows.map((r) => ({ name: r.name, value: r.count })), label: { formatter: '{b}\n{c}' } }],
  };
}

/** pass rates as percentages (a name with nothing decided shows no bar) */
export function rates(rows: readonly (Named & { rate: number | null })[]): EChartsCoreOption {
  const shown = [...rows].reverse();
  return {
    color: ['#52c41a'],
    grid: { left: 8, right: 56, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', data: shown.map((r) => r.name), axisLabel: { width: 220, overflow: 'truncate' } },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: unknown) => (typeof v === 'number' ? `${v}%` : '尚无结果') },
    series: [{ type: 'bar', name: '通过率', barMaxWidth: 28, data: shown.map((r) => (r.rate === null ? null : Math.round(r.rate * 1000) / 10)), label: { show: true, position: 'right', formatter: '{c}%' } }],
  };
}

/** enough height for one bar per row */
export const barHeight = (rows: number, measures = 1): number => Math.max(220, 60 + rows * (18 + 10 * measures));
