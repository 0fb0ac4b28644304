// The 2022 notice's rules that are configuration, not code (issue 14 item 7: A2, C5, D8, D13, D14, D17, B2),
// each driven through the public API with the reason in Chinese at the field.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../server/domain/schema-types.gen.js';
import { act, approve, codes, eligibility, fireNext, inbox, messages, pathOf, prepare, seniorForm, start, submit, submitted, taskOf, teacherForm, type Harness } from './support.js';

const ROOT = join(import.meta.dirname, '..', '..');
const HK_PERMIT = 'H12345678';

const applicant = (id: string, orgId: string, extra: Partial<User> = {}): Partial<User> => ({ id, name: `申报人${id}`, kind: 'applicant', orgId, roles: [{ role: 'applicant', orgId }], ...extra });

describe('conformance: the notice’s rules as configuration', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await start(
      '2022-06-01T02:00:00.000Z',
      [
        { id: 'rail', orgId: 'unit-central-railway' },
        { id: 'rail2', orgId: 'unit-central-railway' },
        { id: 'rail3', orgId: 'unit-central-railway' },
        { id: 'poge', orgId: 'unit-hhht-design' },
        { id: 'water-1', orgId: 'unit-nm-water-institute' },
        { id: 'water-2', orgId: 'unit-nm-water-institute' },
        { id: 'water-3', orgId: 'unit-nm-water-institute' },
        { id: 'skilled', orgId: 'unit-hhht-design' },
        { id: 'transfer', orgId: 'unit-hhht-design' },
        { id: 'b2', orgId: 'unit-hhht-design' },
      ],
      [applicant('hk', 'unit-hhht-design', { idNumber: HK_PERMIT, idDocType: '港澳居民来往内地通行证' }), { id: 'rev-railway', roles: [{ role: 'unitReviewer', orgId: 'unit-central-railway' }] }],
    );
  });
  afterAll(async () => h.close());

  const register = (payload: Record<string, unknown>) => h.anon({ method: 'POST', url: '/api/auth/register', payload: { password: 'Zc-2022-secure!', ...payload } });

  it('A2: Hong Kong, Macau and Taiwan residents and qualifying foreigners register with their own documents; others are refused with the reason', async () => {
    const ok = [
      ['港澳居民来往内地通行证', 'M87654321', '13900000001'],
      ['台湾居民来往大陆通行证', '01234567', '13900000002'],
      ['港澳台居民居住证', '810000199408230021', '13900000003'],
      ['外国人工作许可证', '156000201900012345', '13900000004'],
      ['外国人永久居留身份证', '911523199001010015', '13900000005'],
      ['海外高层次人才居住证', 'NMG2021000123', '13900000006'],
    ] as const;
    for (const [idDocType, idNumber, phone] of ok) {
      const res = await register({ name: '陈大文', idDocType, idNumber, phone });
      expect(res.statusCode, `${idDocType}: ${res.body}`).toBe(201);
      const user = res.json().user as { idDocType: string; idNumber: string };
      expect(user.idDocType).toBe(idDocType);
      // masked the same way as a resident ID: never the whole number
      expect(user.idNumber).not.toBe(idNumber);
      expect(user.idNumber).toContain('*');
    }
    // a passport alone is no permit to work here: refused, the reason at the document type
    const passport = await register({ name: 'John Smith', idDocType: '护照', idNumber: 'E12345678', phone: '13900000007' });
    expect(passport.statusCode).toBe(422);
    const d = (passport.json().details as { pointer: string; message: string }[]).find((x) => x.pointer === '/idDocType');
    expect(d?.message).toContain('外国人工作许可证');
    // each document's number is checked by its own format, the reason names the document
    const bad = await register({ name: '陈大文', idDocType: '港澳居民来往内地通行证', idNumber: '12345', phone: '13900000008' });
    expect(bad.statusCode).toBe(422);
    const n = (bad.json().details as { pointer: string; message: string }[]).find((x) => x.pointer === '/idNumber');
    expect(n?.message).toContain('港澳居民来往内地通行证');
    // the list offered for picking is in words
    const types = await h.anon({ method: 'GET', url: '/api/auth/id-document-types' });
    expect(types.statusCode).toBe(200);
    expect(types.json().items).toEqual(expect.arrayContaining(['居民身份证', '港澳居民来往内地通行证', '台湾居民来往大陆通行证', '外国人工作许可证']));
  });

  it('A2: a Hong Kong resident applies with the number of the 通行证, shown masked like a resident ID', async () => {
    const form = seniorForm({ idNumber: HK_PERMIT });
    const app = await submitted(h, 'hk', { levelKey: 'gongcheng.fugao', form });
    expect((app['form'] as { idNumber: string }).idNumber).toBe(HK_PERMIT);
    // shown masked like a resident ID number: the first and last characters only
    const me = await h.as('hk')({ method: 'GET', url: '/api/auth/me' });
    expect(me.json().idNumber ?? me.json().user?.idNumber).toBe('H1*****78');
  });

  it('C5: a central unit’s application goes through the entrustment check whatever channel it was submitted by; no committee office sees it before', async () => {
    for (const [who, channel] of [['rail', undefined], ['rail2', 'entrusted']] as const) {
      const app = await submitted(h, who, { levelKey: 'gongcheng.fugao', form: seniorForm(), ...(channel ? { channel } : {}) });
      expect(app).toMatchObject({ pinned: { workflowKey: 'entrusted-review' } });
      const id = app['id'] as string;
      await approve(h, 'rev-railway', id, 'unitReview');
      await fireNext(h, id);
      // nothing for the committee office until the region HR department approves the letter
      expect((await inbox(h, 'demo-office-gongcheng', id)).length).toBe(0);
      await taskOf(h, 'demo-hrss-entrust', id, 'entrustCheck');
    }
    const [first, second] = (await inbox(h, 'demo-hrss-entrust')).filter((t) => t.elementId === 'entrustCheck');
    // without an approved letter the application ends there: no committee, no result to approve
    const refused = await act(h, 'demo-hrss-entrust', first!.applicationId, 'entrustCheck', { decision: 'reject', comment: '未出具委托函' });
    expect(refused['status']).toBe('rejected');
    expect(await inbox(h, 'demo-office-gongcheng', first!.applicationId)).toEqual([]);
    // with it, the committee office gets the application
    await act(h, 'demo-hrss-entrust', second!.applicationId, 'entrustCheck', { decision: 'approve', letterNumber: '内人社委〔2022〕5号' });
    await taskOf(h, 'demo-office-gongcheng', second!.applicationId, 'officeCheck');
    // a level with no entrusted flow is not open to the unit, with the reason
    const teacher = await prepare(h, 'rail3', { levelKey: 'zhongxiaoxue.gaoji', form: teacherForm() });
    const res = await submit(h, 'rail3', teacher);
    expect(res.statusCode).toBe(422);
    expect(codes(res)).toContain('routing.channel_required');
    expect(messages(res).join()).toContain('委托评审');
  });

  it('D8: the 破格 policy is used once per person across all five paths, remembered into later campaigns', async () => {
    const form = seniorForm({ currentTitle: { grade: '中级', name: '工程师', since: '2020-09-01' }, poge: { basis: '重大贡献', recommendedBy: '呼和浩特市人民政府', description: '解决重大工程技术难题' } });
    const app = await submitted(h, 'poge', { levelKey: 'gongcheng.fugao', form });
    expect(app['pathId']).toBe('poge-1');
    // another 破格 path, in the next campaign: refused because the policy was used, not the path
    const next = await eligibility(h, 'poge', 'gongcheng.fugao', seniorForm({ currentTitle: { grade: '无', since: '2020-01-01' }, poge: { basis: '转业调入', transferredOn: '2019-03-01' } }), '2026');
    const p5 = pathOf(next, 'poge-5');
    expect(p5.failed.map((f) => f.conditionId)).toEqual(['onceOnly']);
    expect(p5.failed[0]!.message).toContain('只可享受一次');
    // and at another level
    const up = await eligibility(h, 'poge', 'gongcheng.zhenggao', seniorForm({ poge: { basis: '国家级人才称号', description: '全国劳动模范' } }), '2026');
    for (const p of up.paths.filter((x) => x.id.startsWith('poge-'))) expect(p.failed.map((f) => f.conditionId)).toContain('onceOnly');
  });

  it('D13: the 5% over-post cap is computed from the department’s senior posts, not typed as a limit', async () => {
    const res = await h.anon({ method: 'GET', url: '/api/campaigns' });
    const c2022 = (res.json().items as { key: string; quotas: { key: string; allocations?: unknown[]; postShare?: { percent: number } }[] }[]).find((c) => c.key === '2022')!;
    const q = c2022.quotas.find((x) => x.key === 'over-post-senior')!;
    expect(q.postShare?.percent).toBe(5);
    expect(q.allocations ?? []).toEqual([]);
    const over = seniorForm({ specialty: 'shuili', withinPostVacancy: false });
    // 水利厅: 30 senior posts → 5% is one application (floor)
    await submitted(h, 'water-1', { levelKey: 'gongcheng.fugao', form: over });
    const id = await prepare(h, 'water-2', { levelKey: 'gongcheng.fugao', form: over });
    const refused = await submit(h, 'water-2', id);
    expect(codes(refused)).toEqual(['quota.full']);
    expect(messages(refused)[0]).toContain('内蒙古自治区水利厅');
    expect(messages(refused)[0]).toContain('5%');
    // the department gets 10 more senior posts: 40 × 5% = 2, the same draft now goes through
    const changed = await h.as('demo-admin')({ method: 'PUT', url: '/api/admin/orgs/nm-water', payload: { posts: { total: 120, byGrade: { 正高级: 8, 副高级: 32, 中级: 50, 初级: 30 } } } });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await submit(h, 'water-2', id)).statusCode).toBe(200);
  });

  it('D14: a high-skilled worker (技师 3 years, front line) applies for 工程师 through the bridge; its conditions at the path', async () => {
    const base = seniorForm({ currentTitle: { grade: '无', since: '2015-07-01' }, education: { degree: '中专', school: '某技工学校', major: '机电', graduationDate: '2008-07-01', fullTime: true } });
    const skilled = { ...base, skilledWorker: { level: '技师', since: '2018-12-01', frontline: true } };
    expect(pathOf(await eligibility(h, 'skilled', 'gongcheng.zhongji', skilled), 'skilled-bridge').passed).toBe(true);
    const soon = await eligibility(h, 'skilled', 'gongcheng.zhongji', { ...base, skilledWorker: { level: '技师', since: '2019-06-01', frontline: true } });
    expect(pathOf(soon, 'skilled-bridge').failed.map((f) => f.conditionId)).toEqual(['years']);
    const office = await eligibility(h, 'skilled', 'gongcheng.zhongji', { ...base, skilledWorker: { level: '技师', since: '2018-12-01', frontline: false } });
    expect(pathOf(office, 'skilled-bridge').failed.map((f) => f.conditionId)).toEqual(['frontline']);
    // 高级技师 → 高级工程师 after 4 years
    const senior = await eligibility(h, 'skilled', 'gongcheng.fugao', { ...base, skilledWorker: { level: '高级技师', since: '2017-06-01', frontline: true } });
    expect(pathOf(senior, 'skilled-bridge').passed).toBe(true);
    const wrongLevel = await eligibility(h, 'skilled', 'gongcheng.fugao', skilled);
    expect(pathOf(wrongLevel, 'skilled-bridge').failed.map((f) => f.conditionId)).toContain('level');
  });

  it('D17: after a series transfer the same level first; one level up only a year after it, seniority carried over', async () => {
    // transferred in 2020, no same-level title in the new series yet: no path one level up, the reason says why
    const notYet = seniorForm({ currentTitle: { grade: '中级', name: '经济师', since: '2014-01-01' }, seriesTransfer: { fromSeries: '经济', transferredOn: '2020-06-01' } });
    const e = await eligibility(h, 'transfer', 'gongcheng.fugao', notYet);
    expect(pathOf(e, 'regular').failed.map((f) => f.conditionId)).toContain('transfer-first');
    expect(pathOf(e, 'transfer-up').passed).toBe(false);
    // same level granted 2021-03-01: under a year at the cut-off
    const early = await eligibility(h, 'transfer', 'gongcheng.fugao', { ...notYet, seriesTransfer: { fromSeries: '经济', transferredOn: '2020-06-01', sameLevelSince: '2021-03-01' } });
    expect(pathOf(early, 'transfer-up').failed.map((f) => f.conditionId)).toEqual(['transfer']);
    expect(pathOf(early, 'regular').failed.map((f) => f.conditionId)).toContain('transfer-first');
    // a year after: one level up, the 中级 years since 2014 in the old series count
    const later = await eligibility(h, 'transfer', 'gongcheng.fugao', { ...notYet, seriesTransfer: { fromSeries: '经济', transferredOn: '2019-06-01', sameLevelSince: '2020-06-01' } });
    expect(pathOf(later, 'transfer-up').passed).toBe(true);
    expect(pathOf(later, 'regular').passed).toBe(true);
  });

  it('B2: every refusal based on a cut-off date names the date (资历计算至 2021-12-31)', async () => {
    const cutoffBased = cutoffConditions();
    expect(cutoffBased.length).toBeGreaterThan(10);
    const levels = [...new Set(cutoffBased.map((c) => c.levelKey))];
    const seen: string[] = [];
    for (const levelKey of levels) {
      // every date the day before the cut-off: each cut-off condition fails and says why
      const e = await eligibility(h, 'b2', levelKey, { seriesTransfer: { fromSeries: '经济', transferredOn: '2021-12-01', sameLevelSince: '2021-12-01' } });
      for (const c of cutoffBased.filter((x) => x.levelKey === levelKey)) {
        const failed = pathOf(e, c.pathId).failed.find((f) => f.conditionId === c.conditionId);
        expect(failed, `${levelKey} ${c.pathId} ${c.conditionId}`).toBeDefined();
        expect(failed!.message, `${levelKey} ${c.pathId} ${c.conditionId}`).toContain('2021-12-31');
        seen.push(failed!.message);
      }
    }
    expect(seen.some((m) => m.includes('资历计算至 2021-12-31'))).toBe(true);
  });
});

interface Cond { levelKey: string; pathId: string; conditionId: string }
type RawCond = { use?: string; condition?: string; id?: string; expr?: string };
type RawPath = { use?: string; id?: string; conditions?: RawCond[] };

/** the seeded levels' path conditions whose expression reads a campaign cut-off (modules resolved) */
function cutoffConditions(): Cond[] {
  const policy = (key: string) => JSON.parse(readFileSync(join(ROOT, 'seeds', 'policies', `${key}.json`), 'utf8')) as { paths?: RawPath[]; conditions?: RawCond[] };
  const exprOf = (c: RawCond): string => (c.use ? (policy(c.use).conditions ?? []).find((x) => x.id === c.condition)?.expr ?? '' : c.expr ?? '');
  const out: Cond[] = [];
  for (const file of readdirSync(join(ROOT, 'seeds', 'levels'))) {
    const level = JSON.parse(readFileSync(join(ROOT, 'seeds', 'levels', file), 'utf8')) as { seriesKey: string; levelKey: string; rules: { paths: RawPath[] } };
    for (const raw of level.rules.paths) {
      const paths = raw.use ? (policy(raw.use).paths ?? []) : [raw];
      for (const p of paths) {
        for (const c of p.conditions ?? []) {
          if (exprOf(c).includes('campaign.cutoffs')) out.push({ levelKey: `${level.seriesKey}.${level.levelKey}`, pathId: p.id!, conditionId: c.id ?? c.condition! });
        }
      }
    }
  }
  return out;
}
