// Issue 10 item 2: no regular expression from a definition may freeze the event loop. A form with
// `pattern: "^(a+)+$"` (and patternProperties `^(a|a)*$`) was accepted, then an applicant's 29-character
// "aaaa…a!" held the server for 11 s and /health waited 10.6 s. Forms now validate with RE2 (linear time), and
// publish refuses at its pointer what RE2 cannot run. A form stored before the fix is validated by RE2 too.
// /health must answer within 200 ms while the applicant's request runs (the one timing asserted).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DefinitionRecord } from '../../server/store/port.js';
import { engineer, engineerForm } from '../support/engineer.js';
import { startHarness, type Harness } from '../support/harness.js';
import { fetchAs, listen, whileProbingHealth, type Answer, type ErrorBody, type Fetch } from './health-probe.js';

const LEVEL = 'gongcheng.zhongji';
const CAMPAIGN = '2022';
const HEALTH_MS = 200;
const EVIL = `${'a'.repeat(29)}!`;

type Form = { properties: Record<string, unknown>; patternProperties?: Record<string, unknown> } & Record<string, unknown>;
type Level = { form: Form } & Record<string, unknown>;

/** the level with one more field checked by `pattern` and free-named fields checked by `patternProperties` */
function withPatterns(body: Level, pattern: string, property: string): Level {
  const next = structuredClone(body);
  next.form.properties.code = { type: 'string', title: '编号', pattern };
  next.form.patternProperties = { ...(next.form.patternProperties ?? {}), [property]: { type: 'string' } };
  return next;
}

describe('a super-linear pattern cannot freeze the server', () => {
  let h: Harness;
  let url: string;
  let admin: Fetch;
  let published: DefinitionRecord<Level>;

  beforeAll(async () => {
    h = await startHarness({ users: [engineer('redos-zhao', '赵工'), engineer('redos-qian', '钱工')] });
    url = await listen(h);
    admin = await fetchAs(h, url, 'demo-admin');
    published = (await h.platform.store.getDefinition<Level>('level', LEVEL, 'latest'))!;
  });
  afterAll(async () => h.close());

  /** stores a version as publish did before the fix (no checks), so new drafts pin it */
  async function storeBeforeTheFix(body: Level): Promise<number> {
    const latest = (await h.platform.store.getDefinition('level', LEVEL, 'latest'))!;
    const version = latest.version + 1;
    const res = await h.platform.store.insertPublished({ ...latest, version, body, hash: `before-the-fix-${version}`, createdBy: 'test' }, []);
    expect(res.ok).toBe(true);
    return version;
  }

  /** a fresh draft of `userId` on the newest version; the applicant's form PUT is what is timed */
  async function draftOf(userId: string): Promise<{ put: (form: Record<string, unknown>) => Promise<Answer>; pinned: number }> {
    const as = await fetchAs(h, url, userId);
    const created = await as('/api/applications', { method: 'POST', body: { campaignId: CAMPAIGN, levelKey: LEVEL } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const app = created.body as { id: string; version: number; pinned: { level: number } };
    let version = app.version;
    const put = async (form: Record<string, unknown>): Promise<Answer> => {
      const answer = await as(`/api/applications/${app.id}/form`, { method: 'PUT', body: { form, version } });
      if (answer.status === 200) version = (answer.body as { application: { version: number } }).application.version;
      return answer;
    };
    return { put, pinned: app.pinned.level };
  }

  it('publish refuses what RE2 cannot run, at its pointer, and stores nothing', async () => {
    const bad = withPatterns(published.body, '^(a+)\\1$', '^(?=a)');
    // a reviewer's decision form validates on RE2 as well
    bad.decisions = { ...((bad.decisions as object | undefined) ?? {}), probe: { type: 'object', properties: { note: { type: 'string', pattern: '(?<=a)b' } } } };
    expect((await admin(`/api/definitions/level/${LEVEL}/draft`, { method: 'PUT', body: { body: bad } })).status).toBe(200);
    const answer = await admin(`/api/definitions/level/${LEVEL}/publish`, { method: 'POST' });
    expect(answer.status).toBe(422);
    const body = answer.body as ErrorBody;
    expect(body.code).toBe('definition.invalid');
    const unsafe = body.details.filter((d) => d.code === 'form.unsafe_pattern');
    expect(unsafe.map((d) => d.pointer).sort()).toEqual(['/decisions/probe/properties/note/pattern', '/form/patternProperties/^(?=a)', '/form/properties/code/pattern']);
    expect(unsafe.every((d) => /[\u4e00-\u9fa5]/.test(d.message))).toBe(true);
    expect((await h.platform.store.getDefinition('level', LEVEL, 'latest'))?.version).toBe(published.version);
    await h.platform.store.deleteDraft('level', LEVEL);
  });

  it('^(a+)+$ and ^(a|a)*$ stored before the fix: the applicant\'s "aaaa…a!" is checked in linear time, /health stays quick', async () => {
    const version = await storeBeforeTheFix(withPatterns(published.body, '^(a+)+$', '^(a|a)*$'));
    const zhao = await draftOf('redos-zhao');
    expect(zhao.pinned).toBe(version);
    // warm: the same route with harmless values, so the timing below is the attack and not first-call compilation
    expect((await zhao.put(engineerForm('赵工', { code: 'b', aa: 1 }))).status).toBe(200);
    const probed = await whileProbingHealth(url, () => zhao.put(engineerForm('赵工', { code: EVIL, [EVIL]: 'x', aaaa: 1 })));
    expect(probed.result.status, JSON.stringify(probed.result.body)).toBe(200);
    const problems = (probed.result.body as { problems: { code: string; pointer: string }[] }).problems;
    // the pattern is checked (and fails); the evil name is matched against ^(a|a)*$ (no match); `aaaa` matches and must be text
    expect(problems.map((p) => p.pointer).sort()).toEqual(['/aaaa', '/code']);
    expect(probed.allOk).toBe(true);
    expect(probed.worstMs, `/health latencies (ms): ${probed.samples.join(' ')}`).toBeLessThan(HEALTH_MS);
  });

  it('a backreference stored before the fix: the level cannot compile, so a new draft gets 422, not a 500', async () => {
    await storeBeforeTheFix(withPatterns(published.body, '^(a+)\\1$', '^x'));
    const qian = await fetchAs(h, url, 'redos-qian');
    const answer = await qian('/api/applications', { method: 'POST', body: { campaignId: CAMPAIGN, levelKey: LEVEL } });
    expect(answer.status).toBe(422);
    expect((answer.body as ErrorBody).code).toBe('form.compile_failed');
  });
});
