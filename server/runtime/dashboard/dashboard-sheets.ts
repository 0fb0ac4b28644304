// The dashboard as workbook sheets, one per figure, with Chinese headers (shape of http/xlsx-reply.ts's sheets).
import { shanghaiDate } from '../../domain/calendar/due.js';
import type { Dashboard } from './dashboard.js';
import type { OutcomeCount } from './by-org-series-level.js';
import type { PassRate } from './pass-rates.js';

export interface SheetColumn {
  header: string;
  key: string;
  width?: number;
}
export interface Sheet {
  name: string;
  title: string;
  columns: SheetColumn[];
  rows: Record<string, string | number | undefined>[];
}

/** 0.8333 → "83.3%"; nothing decided yet → "—" */
export const percent = (rate: number | null): string => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

const outcomeColumns = (first: string): SheetColumn[] => [
  { header: first, key: 'name' },
  { header: '申报数', key: 'count' },
  { header: '在办', key: 'inProgress' },
  { header: '已通过', key: 'passed' },
];
const outcomeRows = (rows: OutcomeCount[]) => rows.map((r) => ({ name: r.name, count: r.count, inProgress: r.inProgress, passed: r.passed }));

const rateColumns = (first: string): SheetColumn[] => [
  { header: first, key: 'name' },
  { header: '已通过', key: 'passed' },
  { header: '未通过', key: 'notPassed' },
  { header: '在办', key: 'inProgress' },
  { header: '通过率', key: 'rate' },
];
const rateRows = (rows: PassRate[]) => rows.map((r) => ({ name: r.name, passed: r.passed, notPassed: r.notPassed, inProgress: r.inProgress, rate: percent(r.rate) }));

export function dashboardSheets(d: Dashboard): Sheet[] {
  const t = (what: string) => `${d.campaign.name} ${d.scopeName} ${what}`;
  const o = d.overdue;
  return [
    {
      name: '总体情况',
      title: t('总体情况'),
      columns: [
        { header: '项目', key: 'name' },
        { header: '数量', key: 'count' },
      ],
      rows: [
        { name: '已提交申报', count: d.totals.submitted },
        { name: '在办', count: d.totals.inProgress },
        { name: '退回补正', count: d.totals.returned },
        { name: '已通过', count: d.totals.passed },
        { name: '未通过', count: d.totals.notPassed },
        { name: '草稿', count: d.totals.drafts },
        { name: '超期任务', count: d.totals.overdue },
      ],
    },
    {
      name: '各环节',
      title: t('各环节申报数'),
      columns: [
        { header: '申报状态', key: 'statusName' },
        { header: '当前环节', key: 'step' },
        { header: '申报数', key: 'count' },
      ],
      rows: d.stages.map((s) => ({ statusName: s.statusName, step: s.step, count: s.count })),
    },
    { name: '各盟市', title: t('各盟市申报数'), columns: outcomeColumns('盟市'), rows: outcomeRows(d.leagues) },
    { name: '各系列', title: t('各系列申报数'), columns: outcomeColumns('职称系列'), rows: outcomeRows(d.series) },
    { name: '各层级', title: t('各层级申报数'), columns: outcomeColumns('系列 · 职称'), rows: outcomeRows(d.levels) },
    {
      name: '指标使用',
      title: t('指标使用情况'),
      columns: [
        { header: '指标', key: 'quota', width: 60 },
        { header: '分配单位', key: 'holder' },
        { header: '指标数', key: 'limit' },
        { header: '已使用', key: 'used' },
        { header: '使用率', key: 'rate' },
      ],
      rows: d.quotas.map((q) => ({ quota: q.quota, holder: q.holder, limit: q.limit, used: q.used, rate: percent(q.rate) })),
    },
    {
      name: '超期任务',
      title: t(`超期任务（共 ${o.count} 件）`),
      columns: [
        { header: '环节', key: 'name' },
        { header: '超期件数', key: 'count' },
        { header: '最早到期', key: 'oldest' },
      ],
      rows: o.byStep.map((s) => ({ name: s.name, count: s.count, oldest: o.oldest?.step === s.name ? `${o.oldest.applicantName}（${o.oldest.handler}，到期 ${shanghaiDate(o.oldest.dueAt) ?? ''}）` : undefined })),
    },
    { name: '评委会通过率', title: t('各评委会通过率'), columns: rateColumns('评委会'), rows: rateRows(d.committees) },
    { name: '分组通过率', title: t(`各分组通过率（${d.groups.basis}）`), columns: rateColumns('申报路径'), rows: rateRows(d.groups.rows) },
  ];
}
