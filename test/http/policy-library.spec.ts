// The policy library over HTTP: a module is published like any definition; a level pins the module
// versions it was published with, so a new module version changes no published level until that level is
// republished; a reference to a missing or unpublished module is refused at the pointer of its `use` entry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineer, engineerForm } from '../support/engineer.js';
import { startHarness, type Harness } from '../support/harness.js';

const LEVEL = 'gongcheng.zhongji';
type Level = { rules: { paths: Record<string, unknown>[]; blocks?: Record<string, unknown>[] } } & Record<string, unknown>;
const module = (expr: string, message: string) => ({
  key: 'test-bonus',
  name: '测试：加分路径',
  paths: [{ id: 'bonus', name: '测试路径', conditions: [{ id: 'c1', expr, message }] }],
});

describe('policy library', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ now: '2022-06-01T02:00:00.000Z', users: [{ id: 'admin', roles: [{ role: 'admin', orgId: 'nm-hrss' }] }, engineer('qian', '钱工')] });
  }, 180_000);
  afterAll(async () => h.close());

  const admin = () => h.as('admin');
  const put = async (kind: string, key: string, body: unknown) => admin()({ method: 'PUT', url: `/api/definitions/${kind}/${key}/draft`, payload: { body } });
  const publish = async (kind: string, key: string) => admin()({ method: 'POST', url: `/api/definitions/${kind}/${key}/publish` });
  const latestLevel = async () => (await h.platform.store.getDefinition<Level>('level', LEVEL, 'latest'))!;
  const bonus = async () => {
    const res = await h.as('qian')({ method: 'POST', url: '/api/eligibility', payload: { levelKey: LEVEL, campaignId: '2022', form: engineerForm('钱工') } });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json().paths as { id: string; passed: boolean; failed: { message: string }[] }[]).find((p) => p.id === 'bonus');
  };

  it('a level pins the module version it was published with until it is republished', async () => {
    expect((await put('policy', 'test-bonus', module('1 = 1', '第一版条件'))).statusCode).toBe(200);
    const m1 = await publish('policy', 'test-bonus');
    expect(m1.statusCode, m1.body).toBe(200);
    expect(m1.json().version).toBe(1);

    const level = structuredClone((await latestLevel()).body);
    level.rules.paths.push({ use: 'test-bonus' });
    expect((await put('level', LEVEL, level)).statusCode).toBe(200);
    const l2 = await publish('level', LEVEL);
    expect(l2.statusCode, l2.body).toBe(200);
    // the stored level names the module version it runs
    expect((await latestLevel()).body.rules.paths.at(-1)).toEqual({ use: 'test-bonus', version: 1 });
    expect(await bonus()).toMatchObject({ passed: true });

    // module version 2: the published level still runs version 1
    expect((await put('policy', 'test-bonus', module('1 = 2', '第二版条件'))).statusCode).toBe(200);
    expect((await publish('policy', 'test-bonus')).json().version).toBe(2);
    expect(await bonus()).toMatchObject({ passed: true });
    // the designer's 试算 of the draft rules sees what republishing would run: version 2
    const tried = await admin()({ method: 'POST', url: '/api/eligibility', payload: { levelKey: LEVEL, campaignId: '2022', form: engineerForm('钱工'), rules: level.rules } });
    expect(tried.statusCode, tried.body).toBe(200);
    expect(tried.json().paths.find((p: { id: string }) => p.id === 'bonus')).toMatchObject({ passed: false, failed: [expect.objectContaining({ message: '第二版条件' })] });

    // republished (same draft, stamped anew): version 2 applies
    expect((await put('level', LEVEL, (await latestLevel()).body)).statusCode).toBe(200);
    const l3 = await publish('level', LEVEL);
    expect(l3.statusCode, l3.body).toBe(200);
    expect((await latestLevel()).body.rules.paths.at(-1)).toEqual({ use: 'test-bonus', version: 2 });
    expect(await bonus()).toMatchObject({ passed: false, failed: [expect.objectContaining({ message: '第二版条件' })] });

    // every publish is audited
    const audit = await h.platform.store.listAudit(0, 100_000);
    const published = audit.filter((a) => a.action === 'definition.publish' && a.actor === 'admin').map((a) => `${a.target.type}/${a.target.id}`);
    expect(published.filter((t) => t === 'policy/test-bonus')).toHaveLength(2);
    expect(published.filter((t) => t === `level/${LEVEL}`)).toHaveLength(2);
    expect(audit.some((a) => a.action === 'definition.draft' && a.target.type === 'policy' && a.target.id === 'test-bonus')).toBe(true);
  });

  it('a missing, unpublished or incomplete module is refused at the pointer of its use entry, storing nothing', async () => {
    const before = await latestLevel();
    const level = structuredClone(before.body);
    const at = level.rules.paths.length;
    level.rules.paths.push({ use: 'no-such-module' });
    expect((await put('policy', 'draft-only', module('1 = 1', '草稿'))).statusCode).toBe(200);
    level.rules.blocks = [...(level.rules.blocks ?? []), { use: 'draft-only' }];
    (level.rules.paths[0] as { conditions: Record<string, unknown>[] }).conditions.push({ use: 'title-tenure', condition: 'no-such-condition' });
    const checked = await admin()({ method: 'POST', url: `/api/definitions/level/${LEVEL}/check`, payload: { body: level } });
    expect(checked.statusCode).toBe(200);
    const blockAt = (level.rules.blocks?.length ?? 1) - 1;
    const conditionAt = (level.rules.paths[0] as { conditions: unknown[] }).conditions.length - 1;
    expect(checked.json().problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'xref.unknown_policy', pointer: `/rules/paths/${at}/use`, message: expect.stringContaining('政策规则模块「no-such-module」不存在') }),
        expect.objectContaining({ code: 'xref.unpublished', pointer: `/rules/blocks/${blockAt}/use`, message: expect.stringContaining('尚未发布') }),
        expect.objectContaining({ code: 'policy.unknown_condition', pointer: `/rules/paths/0/conditions/${conditionAt}/condition` }),
      ]),
    );
    expect((await put('level', LEVEL, level)).statusCode).toBe(200);
    const refused = await publish('level', LEVEL);
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'definition.invalid', message: expect.stringMatching(/[\u4e00-\u9fff]/) });
    expect((await latestLevel()).version).toBe(before.version);
  });

  it('a module cannot drop what published levels take from it', async () => {
    const current = (await h.platform.store.getDefinition<{ conditions: { id: string }[] }>('policy', 'title-tenure', 'latest'))!;
    const used = (await latestLevel()).body.rules.paths.flatMap((p) => (p.conditions as { use?: string; condition?: string }[] | undefined) ?? []).find((c) => c.use === 'title-tenure')!;
    const next = { ...current.body, conditions: current.body.conditions.filter((c) => c.id !== used.condition) };
    expect((await put('policy', 'title-tenure', next)).statusCode).toBe(200);
    const refused = await publish('policy', 'title-tenure');
    expect(refused.statusCode).toBe(422);
    expect(refused.json().details).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'xref.policy_in_use', pointer: '/conditions', message: expect.stringContaining(`「${used.condition}」`) })]));
    expect((await h.platform.store.getDefinition('policy', 'title-tenure', 'latest'))?.version).toBe(current.version);
  });

  it('a module with nothing in it, or an expression that does not parse, is refused at its field', async () => {
    expect((await put('policy', 'empty', { key: 'empty', name: '空模块' })).statusCode).toBe(200);
    const empty = await publish('policy', 'empty');
    expect(empty.statusCode).toBe(422);
    expect(empty.json().details).toEqual([expect.objectContaining({ code: 'policy.empty' })]);
    expect((await put('policy', 'broken', { key: 'broken', name: '坏模块', conditions: [{ id: 'x', expr: 'years(', message: '说明' }] })).statusCode).toBe(200);
    const broken = await publish('policy', 'broken');
    expect(broken.statusCode).toBe(422);
    expect(broken.json().details).toEqual(expect.arrayContaining([expect.objectContaining({ pointer: '/conditions/0/expr' })]));
  });
});
