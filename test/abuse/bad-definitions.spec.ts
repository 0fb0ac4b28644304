// Issue 10 item 9: definitions that cannot work are refused at check and at publish, each with its code and
// location (a JSON pointer, a BPMN element id, or a line and column in the XML), and nothing is stored.
// The corpus is test/abuse/bad-definitions/*.json: one malformed definition per file, built from a recipe
// (see bad-definition-recipes.ts). Each is saved as a draft (or, when the draft itself is refused, checked
// with its body), checked, and published; no definition gets a new version.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Problem } from '../../server/domain/result.js';
import type { DefinitionKind } from '../../server/store/port.js';
import { startHarness, type Harness } from '../support/harness.js';
import { buildBody, loadCorpus, toJson, type BadDefinition, type Base, type Expect } from './bad-definition-recipes.js';

const corpus = loadCorpus();
const ADMIN = 'demo-admin';

const located = (problems: readonly Problem[] | undefined, e: Expect): boolean =>
  (problems ?? []).some(
    (p) =>
      p.code === e.code &&
      (e.pointer === undefined || p.pointer === e.pointer) &&
      (e.elementId === undefined || p.elementId === e.elementId) &&
      (e.line === undefined || p.line === e.line) &&
      (e.column === undefined || p.column === e.column),
  );

const show = (problems: readonly Problem[] | undefined): string =>
  JSON.stringify((problems ?? []).map((p) => ({ code: p.code, pointer: p.pointer, elementId: p.elementId, line: p.line, column: p.column })));

describe('the corpus of malformed definitions', () => {
  it('has at least 60 cases, every kind, and each names a code and a location', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(60);
    const kinds = new Set(corpus.map((c) => c.kind));
    for (const k of ['series', 'level', 'workflow', 'template', 'calendar', 'committees', 'campaign'] as DefinitionKind[]) expect(kinds, k).toContain(k);
    for (const c of corpus) {
      expect(c.expect.code, c.file).toMatch(/^[a-z_]+(\.[a-z_]+)+$/);
      expect(c.expect.pointer !== undefined || c.expect.elementId !== undefined || c.expect.line !== undefined, `${c.file} names no location`).toBe(true);
      expect(c.description, c.file).toMatch(/[\u4e00-\u9fa5a-z]/i);
    }
  });
});

describe('malformed definitions are refused at check and publish, with their location, storing nothing', () => {
  let h: Harness;
  const published = async (kind: DefinitionKind, key: string): Promise<unknown> => {
    const rec = await h.platform.store.getDefinition(kind, key, 'latest');
    if (!rec) throw new Error(`the seeds have no published ${kind}/${key}`);
    return rec.body;
  };
  const admin = (method: 'PUT' | 'POST', url: string, payload: unknown) =>
    h.as(ADMIN)({ method, url, headers: { 'content-type': 'application/json' }, payload: toJson(payload) });
  /** the latest published version of every definition (drafts are not versions) */
  const versions = async (): Promise<Record<string, number>> =>
    Object.fromEntries((await h.platform.store.listDefinitions()).filter((s) => s.latestVersion > 0).map((s) => [`${s.kind}/${s.key}`, s.latestVersion]));

  beforeAll(async () => {
    h = await startHarness();
  }, 300_000);
  afterAll(async () => h?.close());

  const bases = new Map<string, Base & { kind: DefinitionKind; key: string }>();
  for (const c of corpus) {
    const base = c.base ?? { kind: c.kind, key: c.key };
    if (!('body' in base)) bases.set(JSON.stringify(base), { ...base, kind: c.kind, key: 'kind' in base ? base.key : c.key });
  }

  it('every base the corpus starts from passes /check as it is: each refusal comes from its recipe', async () => {
    for (const b of bases.values()) {
      const body = await buildBody(b, undefined, undefined, published);
      const res = await admin('POST', `/api/definitions/${b.kind}/${b.key}/check`, { body });
      expect(res.statusCode, `${b.kind}/${b.key}`).toBe(200);
      expect(res.json().problems, `${b.kind}/${b.key}`).toEqual([]);
    }
  }, 120_000);

  const refuse = async (c: BadDefinition) => {
    const url = `/api/definitions/${c.kind}/${c.key}`;
    const drafts: [DefinitionKind, string][] = [[c.kind, c.key]];
    for (const s of c.setup ?? []) {
      const body = await buildBody(s.base, s.patch, undefined, published);
      expect((await admin('PUT', `/api/definitions/${s.kind}/${s.key}/draft`, { body })).statusCode, `setup ${s.kind}/${s.key}`).toBe(200);
      if (s.publish) {
        const res = await admin('POST', `/api/definitions/${s.kind}/${s.key}/publish`, {});
        expect(res.statusCode, `setup publish ${s.kind}/${s.key}: ${res.body.slice(0, 500)}`).toBe(200);
      } else {
        drafts.push([s.kind, s.key]);
      }
    }
    await h.platform.store.deleteDraft(c.kind, c.key);
    const before = await versions();
    try {
      const body = await buildBody(c.base ?? { kind: c.kind, key: c.key }, c.patch, c.generate, published);
      const put = await admin('PUT', `${url}/draft`, { body });
      if (put.statusCode === 200) {
        const check = await admin('POST', `${url}/check`, {});
        expect(check.statusCode, check.body.slice(0, 500)).toBe(200);
        expect(check.json().ok).toBe(false);
        expect(located(check.json().problems, c.expect), `check: ${show(check.json().problems)}`).toBe(true);
        const pub = await admin('POST', `${url}/publish`, {});
        expect(pub.statusCode, pub.body.slice(0, 500)).toBe(422);
        expect(located(pub.json().details, c.expect), `publish: ${show(pub.json().details)}`).toBe(true);
      } else {
        // refused as a draft already (the bounds): the draft route says why, /check with the body too
        expect(put.statusCode, put.body.slice(0, 500)).toBeGreaterThanOrEqual(400);
        expect(put.statusCode).toBeLessThan(500);
        expect(located(put.json().details, c.expect), `draft: ${show(put.json().details)}`).toBe(true);
        const check = await admin('POST', `${url}/check`, { body });
        expect(check.statusCode).toBeLessThan(500);
        const problems = check.statusCode === 200 ? check.json().problems : check.json().details;
        expect(located(problems, c.expect), `check: ${show(problems)}`).toBe(true);
        expect((await admin('POST', `${url}/publish`, {})).statusCode).toBe(404);
      }
      expect(await versions()).toEqual(before);
    } finally {
      for (const [kind, key] of drafts) await h.platform.store.deleteDraft(kind, key);
    }
  };

  for (const c of corpus) {
    const where = c.expect.pointer ?? c.expect.elementId ?? `${c.expect.line}:${c.expect.column}`;
    it(`${c.file}: ${c.description} → ${c.expect.code} at ${where}`, () => refuse(c), 60_000);
  }
});
