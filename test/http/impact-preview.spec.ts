// Issue 11 item 6: try a level before publishing, on real people. 试算 of a level that was never published (the
// whole body being edited, nothing stored), its 校验, and the impact preview of a draft over the campaign's real
// applications (created through the API): who loses eligibility under a tightened rule and why, who gains under a
// loosened one. Administrators only; oversized bodies refused; runs on SQLite and, with MONGODB_URL, on FerretDB.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareApplication } from '../support/applicant-flow.js';
import { ENGINEER_MATERIALS, engineer, engineerForm } from '../support/engineer.js';
import { startHarness, type Harness } from '../support/harness.js';

type Json = Record<string, unknown>;
interface Condition {
  id: string;
  expr: string;
  message: string;
}

const QIAN = engineerForm('钱工'); // 助理级 since 2016: 正常申报 (满4年) passes
const SUN = engineerForm('孙工', { idNumber: '110105199001010017', currentTitle: { grade: '助理级', name: '助理工程师', since: '2020-09-01' } }); // under 4 years

const TENURE = (years: number) => `form.currentTitle.grade = "助理级" and years(form.currentTitle.since, campaign.cutoffs.tenure) >= ${years}`;

/** the published level with its 正常申报 tenure condition (from the 现职称与任职年限 module) written in the level itself */
function withTenure(level: Json, years: number, message: string): Json {
  const copy = structuredClone(level) as { rules: { paths: { id: string; conditions: Json[] }[] } };
  const regular = copy.rules.paths.find((p) => p.id === 'regular')!;
  regular.conditions = regular.conditions.map((c) => (c.id === 'tenure' ? { id: 'tenure', expr: TENURE(years), message } : c));
  return copy as unknown as Json;
}

/** sets the expression of one condition, as an own condition of the level (a module reference is replaced) */
function setExpr(level: Json, path: number, condition: number, expr: string): void {
  const paths = (level as { rules: { paths: { conditions: Json[] }[] } }).rules.paths;
  paths[path]!.conditions[condition] = { id: `c${path}-${condition}`, expr, message: '试验条件' };
}

describe('try a level before publishing, on real people', () => {
  let h: Harness;
  let published: Json;
  let qianId: string;
  let sunId: string;

  beforeAll(async () => {
    h = await startHarness({
      now: '2022-06-01T02:00:00.000Z',
      users: [{ id: 'admin', roles: [{ role: 'admin', orgId: 'nm-hrss' }] }, engineer('qian', '钱工'), engineer('sun', '孙工')],
    });
    published = (await h.as('admin')({ method: 'GET', url: '/api/definitions/level/gongcheng.zhongji' })).json().latest.body;
    // one submitted application that passes today, one draft that does not
    qianId = await prepareApplication(h.as('qian'), { campaignId: '2022', levelKey: 'gongcheng.zhongji', form: QIAN, materials: ENGINEER_MATERIALS });
    const submitted = await h.as('qian')({ method: 'POST', url: `/api/applications/${qianId}/submit` });
    expect(submitted.statusCode, submitted.body).toBe(200);
    sunId = await prepareApplication(h.as('sun'), { campaignId: '2022', levelKey: 'gongcheng.zhongji', form: SUN, materials: [] });
  });
  afterAll(async () => h.close());

  it('试算 runs the whole body of a level that was never published, stores nothing, and names a broken condition by pointer', async () => {
    const admin = h.as('admin');
    const fresh = { ...structuredClone(published), levelKey: 'zhongji-new', title: '工程师（新）' };
    const tried = await admin({
      method: 'POST',
      url: '/api/designer/try-level',
      payload: { key: 'gongcheng.zhongji-new', campaignId: '2022', body: fresh, form: QIAN },
    });
    expect(tried.statusCode, tried.body).toBe(200);
    expect(tried.json()).toMatchObject({ eligible: true, paths: expect.arrayContaining([expect.objectContaining({ id: 'regular', passed: true })]) });
    expect(await h.platform.store.getDefinition('level', 'gongcheng.zhongji-new', 'draft')).toBeNull();
    expect(await h.platform.store.getDefinition('level', 'gongcheng.zhongji-new', 'latest')).toBeNull();

    const broken = withTenure(fresh, 4, 'x');
    setExpr(broken, 0, 1, 'years(');
    setExpr(broken, 1, 0, 'form.noSuchField = 1');
    const refused = await admin({
      method: 'POST',
      url: '/api/designer/try-level',
      payload: { key: 'gongcheng.zhongji-new', campaignId: '2022', body: broken, form: QIAN },
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'rules.invalid', message: expect.stringMatching(/[\u4e00-\u9fff]/) });
    const pointers = (refused.json().details as { pointer: string; message: string }[]).map((d) => d.pointer);
    expect(pointers).toEqual(expect.arrayContaining(['/rules/paths/0/conditions/1/expr', '/rules/paths/1/conditions/0/expr']));
  });

  it('校验 checks a level that was never published (its problems, not "不存在")', async () => {
    const fresh = { ...structuredClone(published), levelKey: 'zhongji-new', title: '工程师（新）' };
    const checked = await h.as('admin')({ method: 'POST', url: '/api/definitions/level/gongcheng.zhongji-new/check', payload: { body: fresh } });
    expect(checked.statusCode, checked.body).toBe(200);
    expect(checked.json().problems.filter((p: { code: string }) => p.code.endsWith('not_found') && !p.code.startsWith('ref'))).toEqual([]);
    const broken = withTenure(fresh, 4, '') as Json;
    const found = await h.as('admin')({ method: 'POST', url: '/api/definitions/level/gongcheng.zhongji-new/check', payload: { body: broken } });
    expect(found.json().problems).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'rules.empty_message', pointer: '/rules/paths/0/conditions/1/message' })]),
    );
  });

  it('a tightened rule lists the applicant who loses eligibility, with the failing condition, by name and unit only', async () => {
    const tightened = withTenure(published, 7, '取得助理级职称后须满7年（计算至资历截止日）');
    const res = await h.as('admin')({
      method: 'POST',
      url: '/api/designer/impact',
      payload: { kind: 'level', key: 'gongcheng.zhongji', campaignId: '2022', body: tightened },
    });
    expect(res.statusCode, res.body).toBe(200);
    const level = res.json().levels[0];
    expect(level).toMatchObject({ key: 'gongcheng.zhongji', publishedVersion: 1, examined: 2, counts: { loses: 1, gains: 0, unchanged: 1 } });
    expect(level.changes).toEqual([
      expect.objectContaining({
        applicationId: qianId,
        name: '钱工',
        unit: '呼和浩特市建筑设计研究院',
        statusName: '已提交',
        change: 'loses',
        before: '可申报',
        after: '不可申报',
        paths: [expect.objectContaining({ id: 'regular', name: '正常申报', before: true, after: false })],
        reasons: [{ message: '【正常申报】取得助理级职称后须满7年（计算至资历截止日）', pointer: '/rules/paths/0/conditions/1/expr' }],
      }),
    ]);
    expect(res.body).not.toContain(QIAN.idNumber as string);
    // nothing stored, nothing audited
    expect(await h.platform.store.getDefinition('level', 'gongcheng.zhongji', 'draft')).toBeNull();
  });

  it('a loosened rule lists the applicant who gains, a draft still being written', async () => {
    const loosened = withTenure(published, 1, '取得助理级职称后须满1年（计算至资历截止日）');
    const res = await h.as('admin')({
      method: 'POST',
      url: '/api/designer/impact',
      payload: { kind: 'level', key: 'gongcheng.zhongji', campaignId: '2022', body: loosened },
    });
    expect(res.statusCode, res.body).toBe(200);
    const level = res.json().levels[0];
    expect(level.counts).toMatchObject({ gains: 1, loses: 0 });
    expect(level.changes).toEqual([
      expect.objectContaining({
        applicationId: sunId,
        name: '孙工',
        statusName: '草稿',
        change: 'gains',
        before: '不可申报',
        after: '可申报',
        reasons: [expect.objectContaining({ message: '【正常申报】取得助理级职称后须满4年（资历计算至 2021-12-31）' })],
      }),
    ]);
    expect(res.body).not.toContain(SUN.idNumber as string);
  });

  it('examines at most the requested number and continues from a cursor', async () => {
    const tightened = withTenure(published, 7, '须满7年');
    const first = (
      await h.as('admin')({
        method: 'POST',
        url: '/api/designer/impact',
        payload: { kind: 'level', key: 'gongcheng.zhongji', campaignId: '2022', body: tightened, limit: 1 },
      })
    ).json();
    expect(first).toMatchObject({ examined: 1, total: 2, nextCursor: '1', note: '仅检查了前 1 份（共 2 份），可继续检查其余申报' });
    const rest = (
      await h.as('admin')({
        method: 'POST',
        url: '/api/designer/impact',
        payload: { kind: 'level', key: 'gongcheng.zhongji', campaignId: '2022', body: tightened, limit: 1, cursor: first.nextCursor },
      })
    ).json();
    expect(rest.examined).toBe(1);
    expect(rest.nextCursor).toBeUndefined();
    const losers = [...first.levels[0].changes, ...rest.levels[0].changes].map((c: { name: string }) => c.name);
    expect(losers).toEqual(['钱工']);
  });

  it('a draft condition that runs away is stopped by the FEEL budget: the preview ends with the condition at fault', async () => {
    const slow = withTenure(published, 4, '资历');
    setExpr(slow, 0, 0, 'count(for a in 1..3000, b in 1..3000 return a) > 0');
    const res = await h.as('admin')({ method: 'POST', url: '/api/designer/impact', payload: { kind: 'level', key: 'gongcheng.zhongji', campaignId: '2022', body: slow } });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json()).toMatchObject({ code: 'feel.too_complex', details: [expect.objectContaining({ code: 'feel.too_complex', pointer: '/rules/paths/0/conditions/0/expr' })] });
  });

  it('refuses a non-administrator with 403 in the one error shape', async () => {
    for (const url of ['/api/designer/impact', '/api/designer/try-level']) {
      const payload = url.endsWith('impact')
        ? { kind: 'level', key: 'gongcheng.zhongji', campaignId: '2022', body: published }
        : { key: 'gongcheng.zhongji', campaignId: '2022', body: published };
      const res = await h.as('qian')({ method: 'POST', url, payload });
      expect(res.statusCode).toBe(403);
      expect(res.json()).toEqual({ code: expect.any(String), message: expect.stringMatching(/[\u4e00-\u9fff]/), details: expect.any(Array) });
    }
  });

  it('refuses an oversized draft before anything parses it, naming where', async () => {
    const big = structuredClone(published);
    setExpr(big, 0, 0, `${'true and '.repeat(400)}true`);
    for (const url of ['/api/designer/impact', '/api/designer/try-level']) {
      const payload = url.endsWith('impact')
        ? { kind: 'level', key: 'gongcheng.zhongji', campaignId: '2022', body: big }
        : { key: 'gongcheng.zhongji', campaignId: '2022', body: big };
      const res = await h.as('admin')({ method: 'POST', url, payload });
      expect(res.statusCode).toBe(422);
      expect(res.json()).toMatchObject({ code: 'definition.invalid', details: [expect.objectContaining({ pointer: '/rules/paths/0/conditions/0/expr' })] });
    }
    const huge = { ...structuredClone(published), padding: 'x'.repeat(2_000_000) };
    const tooLarge = await h.as('admin')({
      method: 'POST',
      url: '/api/designer/impact',
      payload: { kind: 'level', key: 'gongcheng.zhongji', campaignId: '2022', body: huge },
    });
    expect(tooLarge.statusCode).toBeGreaterThanOrEqual(400);
    expect(tooLarge.statusCode).toBeLessThan(500);
    expect(tooLarge.json()).toMatchObject({ code: expect.any(String), message: expect.any(String), details: expect.any(Array) });
  });

  describe('impact preview of a policy module draft', () => {
    // the seeded module 现职称与任职年限: gongcheng.zhongji's 正常申报 takes its tenure condition (tenure-3) from it
    const MODULE = 'title-tenure';
    let seeded: { conditions: Condition[] } & Json;
    const withModuleTenure = (years: number, message: string): Json => ({
      ...seeded,
      conditions: seeded.conditions.map((c) => (c.id === 'tenure-3' ? { ...c, expr: TENURE(years), message } : c)),
    });

    beforeAll(async () => {
      seeded = (await h.as('admin')({ method: 'GET', url: `/api/definitions/policy/${MODULE}` })).json().latest.body;
    });

    const impact = (body: unknown) =>
      h.as('admin')({ method: 'POST', url: '/api/designer/impact', payload: { kind: 'policy', key: MODULE, campaignId: '2022', body } });
    const zhongji = (res: { json(): { levels: ({ key: string } & Json)[] } }): Json & { changes: Json[] } =>
      res.json().levels.find((l) => l.key === 'gongcheng.zhongji') as unknown as Json & { changes: Json[] };

    it('lists, per level using the module, who would lose eligibility, pointing into the module', async () => {
      const res = await impact(withModuleTenure(7, '取得助理级职称后须满7年'));
      expect(res.statusCode, res.body).toBe(200);
      // every level using the module is listed; only 工程师 has applications in this campaign
      expect(res.json().levels.length).toBeGreaterThan(1);
      const at = seeded.conditions.findIndex((c) => c.id === 'tenure-3');
      expect(zhongji(res)).toMatchObject({
        publishedVersion: 1,
        counts: expect.objectContaining({ loses: 1, gains: 0, unchanged: 1 }),
        changes: [
          expect.objectContaining({
            name: '钱工',
            change: 'loses',
            reasons: [{ message: '【正常申报】取得助理级职称后须满7年', pointer: `/conditions/${at}/expr` }],
          }),
        ],
      });
      const loosened = await impact(withModuleTenure(1, '满1年'));
      expect(zhongji(loosened).changes).toEqual([expect.objectContaining({ name: '孙工', change: 'gains' })]);
    });

    it('reports a level the draft breaks instead of examining it, and refuses a malformed module', async () => {
      const emptied = await impact({ ...seeded, conditions: seeded.conditions.filter((c) => c.id !== 'tenure-3') });
      expect(emptied.statusCode, emptied.body).toBe(200);
      expect(zhongji(emptied)).toMatchObject({ examined: 0, problems: [expect.objectContaining({ code: 'policy.unknown_condition' })] });
      const malformed = await impact({ key: MODULE });
      expect(malformed.statusCode).toBe(422);
      expect(malformed.json().code).toBe('definition.invalid');
    });

    it('试算 of a level draft expands the modules it uses', async () => {
      const level = (await h.as('admin')({ method: 'GET', url: '/api/definitions/level/gongcheng.zhongji' })).json().latest.body;
      const tried = await h.as('admin')({
        method: 'POST',
        url: '/api/designer/try-level',
        payload: { key: 'gongcheng.zhongji', campaignId: '2022', body: level, form: SUN },
      });
      expect(tried.statusCode, tried.body).toBe(200);
      const regular = tried.json().paths.find((p: { id: string }) => p.id === 'regular');
      expect(regular.failed).toEqual([expect.objectContaining({ message: '取得助理级职称后须满4年（资历计算至 2021-12-31）' })]);
    });
  });
});
