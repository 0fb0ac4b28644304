// The dashboard's figures as pure functions over application summaries and a campaign's quotas.
import { describe, expect, it } from 'vitest';
import type { Campaign, Org } from '../../../server/domain/schema-types.gen.js';
import type { AppSummary } from '../../../server/runtime/dashboard/app-summary.js';
import { countByStage } from '../../../server/runtime/dashboard/by-stage.js';
import { countByLeague, countByLevel } from '../../../server/runtime/dashboard/by-org-series-level.js';
import { dashboardSheets, percent } from '../../../server/runtime/dashboard/dashboard-sheets.js';
import { isWithin, leagueNameOf } from '../../../server/runtime/dashboard/league-of.js';
import { overdueTasks } from '../../../server/runtime/dashboard/overdue.js';
import { passRatesByCommittee, passRatesByPath } from '../../../server/runtime/dashboard/pass-rates.js';
import { quotaSlots, quotaUse } from '../../../server/runtime/dashboard/quota-use.js';

const app = (over: Partial<AppSummary>): AppSummary => ({
  status: 'submitted',
  steps: [],
  league: '呼和浩特市',
  series: '工程技术人员',
  level: '工程技术人员 · 工程师',
  committee: '工程中级评委会',
  path: '正常申报',
  applicantName: '甲',
  openTasks: [],
  ...over,
});

describe('dashboard figures', () => {
  it('counts per stage: status in words with the step the flow waits at', () => {
    const rows = countByStage([
      app({ steps: ['单位审核'] }),
      app({ steps: ['单位审核'] }),
      app({ status: 'returned', steps: ['补正材料'] }),
      app({ status: 'draft' }),
      app({ steps: ['专家评审', '专家评审'] }),
    ]);
    expect(rows).toEqual([
      { statusName: '已提交', step: '单位审核', count: 2 },
      { statusName: '草稿', step: '—', count: 1 },
      { statusName: '退回补正', step: '补正材料', count: 1 },
      { statusName: '已提交', step: '专家评审', count: 1 },
    ]);
  });

  it('counts per 盟市 and level leave drafts out and say how many passed', () => {
    const apps = [app({}), app({ status: 'passed' }), app({ status: 'certified', league: '包头市' }), app({ status: 'draft', league: '乌海市' })];
    expect(countByLeague(apps)).toEqual([
      { name: '呼和浩特市', count: 2, passed: 1, inProgress: 1 },
      { name: '包头市', count: 1, passed: 1, inProgress: 0 },
    ]);
    expect(countByLevel(apps)).toEqual([{ name: '工程技术人员 · 工程师', count: 3, passed: 2, inProgress: 1 }]);
  });

  it('overdue tasks: only those due before now, the oldest first', () => {
    const o = overdueTasks(
      [
        app({ applicantName: '甲', openTasks: [{ name: '补正材料', handler: '申报人', dueAt: '2022-06-09T16:00:00.000Z' }] }),
        app({ applicantName: '乙', openTasks: [{ name: '单位审核', handler: '设计院', dueAt: '2022-06-01T16:00:00.000Z' }, { name: '单位审核', handler: '设计院' }] }),
        app({ applicantName: '丙', openTasks: [{ name: '单位审核', handler: '设计院', dueAt: '2022-07-01T16:00:00.000Z' }] }),
      ],
      '2022-06-20T00:00:00.000Z',
    );
    expect(o.count).toBe(2);
    expect(o.oldest).toMatchObject({ applicantName: '乙', step: '单位审核', handler: '设计院' });
    // ties in pinyin order
    expect(o.byStep).toEqual([
      { name: '补正材料', count: 1 },
      { name: '单位审核', count: 1 },
    ]);
  });

  it('pass rates: passed over decided, null while nothing is decided; withdrawn and drafts do not count', () => {
    const apps = [
      app({ status: 'passed' }),
      app({ status: 'certified' }),
      app({ status: 'failed' }),
      app({ status: 'withdrawn' }),
      app({ committee: '卫生高评委', path: '破格申报' }),
      app({ committee: '', status: 'draft', path: '' }),
    ];
    expect(passRatesByCommittee(apps)).toEqual([
      { name: '工程中级评委会', passed: 2, notPassed: 1, inProgress: 0, rate: 2 / 3 },
      { name: '卫生高评委', passed: 0, notPassed: 0, inProgress: 1, rate: null },
    ]);
    expect(passRatesByPath(apps).map((r) => r.name)).toEqual(['正常申报', '破格申报']);
    expect(percent(2 / 3)).toBe('66.7%');
    expect(percent(null)).toBe('—');
  });

  const orgs = new Map<string, Org>(
    (
      [
        { id: 'nm', name: '内蒙古自治区', kind: 'region' },
        { id: 'hhht', name: '呼和浩特市', kind: 'league', parentId: 'nm' },
        { id: 'xc', name: '新城区', kind: 'banner', parentId: 'hhht' },
        { id: 'u1', name: '某中学', kind: 'unit', parentId: 'xc' },
        { id: 'edu', name: '自治区教育厅', kind: 'department', parentId: 'nm' },
        { id: 'u2', name: '某附中', kind: 'unit', parentId: 'nm' },
      ] as Org[]
    ).map((o) => [o.id, o]),
  );

  it('盟市 is the top level below the region; everything else there is 区直单位', () => {
    expect(leagueNameOf('u1', orgs)).toBe('呼和浩特市');
    expect(leagueNameOf('u2', orgs)).toBe('区直单位');
    expect(leagueNameOf('edu', orgs)).toBe('区直单位');
    expect(leagueNameOf(undefined, orgs)).toBe('区直单位');
    expect(isWithin('u1', new Set(['hhht']), orgs)).toBe(true);
    expect(isWithin('u2', new Set(['hhht']), orgs)).toBe(false);
  });

  const campaign = {
    key: '2022',
    name: '2022年度职称评审',
    quotas: [
      { key: 'teacher', name: '正高级教师名额', limit: 20, per: 'league', allocations: [{ orgId: 'hhht', limit: 14 }, { orgId: 'edu', limit: 6 }] },
      { key: 'all', name: '全区名额', limit: 5 },
    ],
  } as unknown as Campaign;

  it('quota use reads the counters submit reserves under, per allocation, within the viewer’s 盟市', () => {
    const name = (id: string) => orgs.get(id)?.name ?? id;
    const all = quotaSlots(campaign, name, () => true);
    expect(all.map((s) => s.counterKey)).toEqual(['quota:2022:teacher:hhht', 'quota:2022:teacher:edu', 'quota:2022:all']);
    const used = quotaUse(all, new Map([['quota:2022:teacher:hhht', 7]]));
    expect(used[0]).toEqual({ quota: '正高级教师名额', holder: '呼和浩特市', limit: 14, used: 7, rate: 0.5 });
    expect(used[2]).toMatchObject({ holder: '全区', used: 0 });
    const mine = quotaSlots(campaign, name, (id) => id !== undefined && isWithin(id, new Set(['hhht']), orgs));
    expect(mine.map((s) => s.holder)).toEqual(['呼和浩特市']);
  });

  it('every figure is a sheet with Chinese headers', () => {
    const sheets = dashboardSheets({
      campaign: { key: '2022', name: '2022年度职称评审' },
      scopeName: '全区',
      generatedAt: '2022-06-20T00:00:00.000Z',
      totals: { submitted: 1, inProgress: 1, returned: 0, passed: 0, notPassed: 0, drafts: 0, overdue: 0 },
      stages: [],
      leagues: [],
      series: [],
      levels: [],
      quotas: [],
      overdue: { count: 0, oldest: null, byStep: [] },
      committees: [],
      groups: { basis: '按申报路径分组（评审分组尚未建立）', rows: [] },
    });
    expect(sheets.map((s) => s.name)).toEqual(['总体情况', '各环节', '各盟市', '各系列', '各层级', '指标使用', '超期任务', '评委会通过率', '分组通过率']);
    for (const s of sheets) for (const c of s.columns) expect(c.header).toMatch(/[\u4e00-\u9fff]/);
  });
});
