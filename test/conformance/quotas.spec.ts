// Quotas the 2022 notice sets (D13 over-post 5%, D15 正高级 teachers 120 with an allocation table),
// configured as campaign data and enforced at submit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, messages, prepare, seniorForm, start, submit, submitted, teacherForm, type Harness } from './support.js';

const ELHT = Array.from({ length: 4 }, (_, i) => ({ id: `elht-${i + 1}`, orgId: 'unit-elht-no1-middle' }));
const WATER = Array.from({ length: 3 }, (_, i) => ({ id: `water-${i + 1}`, orgId: 'unit-nm-water-institute' }));

describe('conformance: quotas', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await start('2022-06-01T02:00:00.000Z', [...ELHT, ...WATER, { id: 'private-1', orgId: 'unit-baotou-machinery' }]);
  });
  afterAll(async () => h.close());

  const zhenggaoji = teacherForm({ currentTitle: { grade: '副高级', name: '高级教师', since: '2014-09-01' } });

  it('D15: the 2022 正高级 teacher total is 120, allocated per league/city and region-level units (a sample table, editable data)', async () => {
    const res = await h.anon({ method: 'GET', url: '/api/campaigns' });
    const c2022 = (res.json().items as { key: string; quotas: { key: string; limit: number; sample: boolean; per: string; levels: string[]; allocations: { orgId: string; limit: number }[] }[] }[]).find((c) => c.key === '2022')!;
    const q = c2022.quotas.find((x) => x.levels.includes('zhongxiaoxue.zhenggaoji'))!;
    expect(q).toMatchObject({ limit: 120, sample: true, per: 'league' });
    expect(q.allocations.reduce((n, a) => n + a.limit, 0)).toBe(120);
    // every league/city, 满洲里 and 二连浩特, and the region-level education department have a share
    expect(q.allocations.map((a) => a.orgId)).toEqual(expect.arrayContaining(['150100', '150200', '150300', '150400', '150500', '150600', '150700', '150800', '150900', '152200', '152500', '152900', '150781', '152501', 'nm-edu']));
  });

  it('D15: once 二连浩特’s share is used, the next 正高级 teacher there is refused; a 破格3 applicant is not counted', async () => {
    const share = 2;
    for (const p of ELHT.slice(0, share)) {
      const app = await submitted(h, p.id, { levelKey: 'zhongxiaoxue.zhenggaoji', form: zhenggaoji });
      expect(app).toMatchObject({ committeeId: 'cmt-152500-teacher', routing: { league: '152501' } });
    }
    const id = await prepare(h, ELHT[share]!.id, { levelKey: 'zhongxiaoxue.zhenggaoji', form: zhenggaoji });
    const refused = await submit(h, ELHT[share]!.id, id);
    expect(refused.statusCode).toBe(422);
    expect(codes(refused)).toEqual(['quota.full']);
    expect(messages(refused)[0]).toContain('二连浩特市');
    expect((await h.as(ELHT[share]!.id)({ method: 'GET', url: `/api/applications/${id}` })).json().status).toBe('draft');
    const honours = await submitted(h, ELHT[share + 1]!.id, { levelKey: 'zhongxiaoxue.zhenggaoji', form: { ...zhenggaoji, currentTitle: { grade: '中级', since: '2019-01-01' }, poge: { basis: '国家级人才称号', description: '全国模范教师' } } });
    expect(honours['pathId']).toBe('poge-3');
  });

  it('D13: over-post senior applications of a region-level department stay within 5% of its senior posts; in-vacancy applications are not counted', async () => {
    const over = seniorForm({ specialty: 'shuili', withinPostVacancy: false });
    const first = await submitted(h, 'water-1', { levelKey: 'gongcheng.fugao', form: over });
    expect(first).toMatchObject({ pathId: 'over-post', committeeId: 'cmt-gongcheng-shuili' });
    const id = await prepare(h, 'water-2', { levelKey: 'gongcheng.fugao', form: over });
    const refused = await submit(h, 'water-2', id);
    expect(codes(refused)).toEqual(['quota.full']);
    expect(messages(refused)[0]).toContain('内蒙古自治区水利厅');
    const inVacancy = await submitted(h, 'water-3', { levelKey: 'gongcheng.fugao', form: seniorForm({ specialty: 'shuili' }) });
    expect(inVacancy['pathId']).toBe('regular');
  });

  it('D13: the over-post path is for public institutions only; the non-public sector has no post limits', async () => {
    const res = await h.as('private-1')({ method: 'POST', url: '/api/eligibility', payload: { campaignId: '2022', levelKey: 'gongcheng.fugao', form: seniorForm({ specialty: 'jixie', withinPostVacancy: false }) } });
    const paths = res.json().paths as { id: string; passed: boolean }[];
    expect(paths.find((p) => p.id === 'over-post')?.passed).toBe(false);
    expect(paths.find((p) => p.id === 'regular')?.passed).toBe(true);
  });
});
