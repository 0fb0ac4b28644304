// Issue 10 item 1: one request must never stop the server. A 360 KB FEEL condition (`true and true and …`) sent
// to /check grew the heap to 4 GB and killed the process; saved as a draft, it killed it again at the next check
// or publish. Now every body is measured before anything parses it: 422 definition.invalid with the pointer,
// nothing stored, and /health keeps answering within 200 ms while the attack runs (the one timing asserted).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DefinitionRecord } from '../../server/store/port.js';
import { startHarness, type Harness } from '../support/harness.js';
import { expandSeededRules } from '../support/seeded-rules.js';
import { fetchAs, listen, whileProbingHealth, type Answer, type ErrorBody, type Fetch } from './health-probe.js';

const LEVEL = 'gongcheng.zhongji';
const EXPR = '/rules/paths/0/conditions/0/expr';
const HEALTH_MS = 200;
const attackExpr = Array.from({ length: 40_000 }, () => 'true').join(' and '); // ≈ 360 KB

type Level = { rules: { paths: { conditions: { expr: string }[] }[] } } & Record<string, unknown>;

const refusal = (a: Answer): ErrorBody => {
  expect(a.status, JSON.stringify(a.body).slice(0, 400)).toBe(422);
  const body = a.body as ErrorBody;
  expect(body.code).toBe('definition.invalid');
  expect(body.message).toMatch(/[\u4e00-\u9fa5]/);
  return body;
};
const at = (body: ErrorBody) => body.details.map((d) => [d.code, d.pointer]);

describe('an oversized FEEL condition cannot stop the server', () => {
  let h: Harness;
  let admin: Fetch;
  let url: string;
  let published: DefinitionRecord<Level>;
  let attackBody: Level;
  /** the attack requests' JSON, written before the probe starts: only the server's work is timed */
  let attackJson: { draft: string; check: string; trial: string };

  beforeAll(async () => {
    h = await startHarness();
    url = await listen(h);
    admin = await fetchAs(h, url, 'demo-admin');
    published = (await h.platform.store.getDefinition<Level>('level', LEVEL, 'latest'))!;
    // the attacks go into conditions of the level itself: its shared ones (policy module references) written out
    published = { ...published, body: { ...published.body, rules: expandSeededRules<Level['rules']>(published.body.rules) } };
    attackBody = structuredClone(published.body);
    attackBody.rules.paths[0]!.conditions[0]!.expr = attackExpr;
    attackJson = {
      draft: JSON.stringify({ body: attackBody }),
      check: JSON.stringify({ body: attackBody }),
      trial: JSON.stringify({ levelKey: LEVEL, campaignId: '2022', rules: attackBody.rules }),
    };
    // the same routes once with a small refused body: what is timed below is the attack, not first-call compilation
    const small = structuredClone(published.body);
    small.rules.paths[0]!.conditions[0]!.expr = Array.from({ length: 100 }, () => 'true').join(' and ');
    await admin(`/api/definitions/level/${LEVEL}/draft`, { method: 'PUT', body: { body: small } });
    await admin(`/api/definitions/level/${LEVEL}/check`, { method: 'POST', body: { body: small } });
    // also compiles the published level into the cache, as any applicant's first request would
    await admin('/api/eligibility', { method: 'POST', body: { levelKey: LEVEL, campaignId: '2022', rules: small.rules } });
    await admin(`/api/definitions/level/${LEVEL}/publish`, { method: 'POST' });
    await admin(`/api/definitions/level/${LEVEL}/draft`, { method: 'PUT', json: `{"body":${'['.repeat(100)}${']'.repeat(100)}}` });
    await admin('/api/definitions/template/huamingce/draft', { method: 'PUT', body: { body: { name: '花名册', source: 'x'.repeat(40_000) } } });
    await admin('/api/definitions/workflow/unit-review/check', { method: 'POST', body: { body: { name: 'w', xml: `<a b="${'c'.repeat(2_000)}"/>` } } });
  });
  afterAll(async () => h.close());

  it('PUT draft, POST check and the eligibility trial with it answer 422 with the pointer, store nothing, and /health stays quick', async () => {
    const probed = await whileProbingHealth(url, async () => [
      await admin(`/api/definitions/level/${LEVEL}/draft`, { method: 'PUT', json: attackJson.draft }),
      await admin(`/api/definitions/level/${LEVEL}/check`, { method: 'POST', json: attackJson.check }),
      // the designer's eligibility trial evaluates rules being edited: the same bounds
      await admin('/api/eligibility', { method: 'POST', json: attackJson.trial }),
    ]);
    for (const answer of probed.result) {
      expect(at(refusal(answer))).toEqual([
        ['definition.too_large', ''],
        ['feel.too_long', EXPR],
      ]);
    }
    expect(probed.allOk).toBe(true);
    expect(probed.worstMs, `/health latencies (ms): ${probed.samples.join(' ')}`).toBeLessThan(HEALTH_MS);
    expect(await h.platform.store.getDefinition('level', LEVEL, 'draft')).toBeNull();
  });

  it('a draft stored before the fix is refused at check and publish, and nothing is published', async () => {
    await h.platform.store.saveDraft({ ...published, version: 0, status: 'draft', body: attackBody, hash: 'stored-before-the-fix' }, []);
    const probed = await whileProbingHealth(url, async () => [
      await admin(`/api/definitions/level/${LEVEL}/check`, { method: 'POST', body: {} }),
      await admin(`/api/definitions/level/${LEVEL}/publish`, { method: 'POST' }),
    ]);
    for (const answer of probed.result) expect(at(refusal(answer))).toContainEqual(['feel.too_long', EXPR]);
    expect(probed.worstMs, `/health latencies (ms): ${probed.samples.join(' ')}`).toBeLessThan(HEALTH_MS);
    expect((await h.platform.store.getDefinition('level', LEVEL, 'latest'))?.version).toBe(published.version);
    await h.platform.store.deleteDraft('level', LEVEL);
  });

  it('a FEEL condition just over the operator limit is too complex at its pointer', async () => {
    const body = structuredClone(published.body);
    body.rules.paths[0]!.conditions[0]!.expr = Array.from({ length: 100 }, () => 'true').join(' and ');
    const answer = await admin(`/api/definitions/level/${LEVEL}/draft`, { method: 'PUT', body: { body } });
    expect(at(refusal(answer))).toEqual([['feel.too_complex', EXPR]]);
  });

  it('a 5,000-deep body, a 900 KB template and a 900 KB BPMN attribute get 422, not a 500', async () => {
    // JSON.stringify itself recurses: the 5,000-deep text is written out
    const deep = `${'['.repeat(5_000)}"x"${']'.repeat(5_000)}`;
    const deepDraft = JSON.stringify({ body: { ...published.body, uiSchema: { deep: 0 } } }).replace('"deep":0', `"deep":${deep}`);
    const workflow = (await h.platform.store.getDefinition<{ name: string; xml: string }>('workflow', 'unit-review', 'latest'))!.body;
    const hugeAttr = { ...workflow, xml: workflow.xml.replace(/<bpmn:process id="([^"]+)"/, `<bpmn:process id="$1" name="${'n'.repeat(900 * 1024)}"`) };
    const answers = [
      await admin(`/api/definitions/level/${LEVEL}/draft`, { method: 'PUT', json: deepDraft }),
      await admin('/api/definitions/template/huamingce/draft', { method: 'PUT', body: { body: { name: '花名册', source: 'x'.repeat(900 * 1024) } } }),
      await admin('/api/definitions/workflow/unit-review/check', { method: 'POST', body: { body: hugeAttr } }),
    ];
    const [deepAnswer, template, bpmn] = answers.map(refusal);
    expect(at(deepAnswer!)).toEqual([['definition.too_deep', `/uiSchema/deep${'/0'.repeat(62)}`]]);
    expect(at(template!)).toEqual([
      ['definition.too_large', ''],
      ['definition.string_too_long', '/source'],
    ]);
    expect(bpmn!.details.map((d) => [d.code, d.pointer])).toEqual([
      ['definition.too_large', ''],
      ['definition.string_too_long', '/xml'],
    ]);
    expect(await h.platform.store.getDefinition('template', 'huamingce', 'draft')).toBeNull();
  });
});
