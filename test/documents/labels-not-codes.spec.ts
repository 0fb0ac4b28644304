// Issue 11 item 3 / issue 13 item 1: stored values may be codes, but printed documents show labels. Every
// seeded level's documents (its own templates, the shared certificate, the roster) are rendered for an
// application made through the API with selects, yes/no answers (both) and a path filled in, and the text
// must name no internal code of the level: option values that differ from their labels, path ids, specialty
// keys, the level key, 'true'/'false'.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../server/config.js';
import { sampleForm } from '../../server/domain/documents/sample-data.js';
import { optionsOf } from '../../server/domain/rules/condition-facts.js';
import { declaredProperties } from '../../server/domain/forms/declared-fields.js';
import type { Application, LevelDefinition, Series } from '../../server/domain/schema-types.gen.js';
import { duringApplyPhase } from '../support/apply-phase.js';
import { startHarness, type Harness } from '../support/harness.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const UNIT = 'unit-hhht-design';

const LEVELS = readdirSync(join(REPO_ROOT, 'seeds', 'levels'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''))
  .sort();

/** the sample answers, with yes/no alternating so both 是 and 否 are printed */
function answers(schema: unknown): Obj {
  let flip = false;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'boolean') return (flip = !flip);
    if (Array.isArray(v)) return v.map(walk);
    if (isObj(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(sampleForm(schema)) as Obj;
}

/** option values of the form that are not their own labels (codes), with those labels */
function codedOptions(schema: unknown, out = new Map<string, string>(), depth = 0): Map<string, string> {
  if (!isObj(schema) || depth > 12) return out;
  for (const o of optionsOf(schema, undefined) ?? []) if (String(o.value) !== o.label) out.set(String(o.value), o.label);
  for (const sub of Object.values(declaredProperties(schema))) codedOptions(sub, out, depth + 1);
  if (isObj(schema.items)) codedOptions(schema.items, out, depth + 1);
  return out;
}

const text = (html: string): string =>
  html
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z]+;/g, ' ');

const containsWord = (hay: string, word: string): boolean => new RegExp(`(^|[^A-Za-z0-9_.-])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^A-Za-z0-9_-])`).test(hay);

describe('printed documents show labels, never codes', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({
      now: duringApplyPhase(),
      users: [
        { id: 'zhang', kind: 'applicant', name: '张工', orgId: UNIT, roles: [{ role: 'applicant', orgId: UNIT }] },
        { id: 'admin', roles: [{ role: 'admin', orgId: 'nm-hrss' }] },
      ],
    });
  });
  afterAll(async () => h.close());

  it.each(LEVELS)('%s', async (levelKey) => {
    const campaignId = duringApplyPhase().slice(0, 4);
    const zhang = h.as('zhang');
    const rec = await h.platform.store.getDefinition<LevelDefinition>('level', levelKey, 'latest');
    expect(rec, levelKey).not.toBeNull();
    const level = await h.platform.levels.get(levelKey, rec!.version);
    if (!level.ok) throw new Error(JSON.stringify(level.error));
    const def = level.value.def;
    const series = (await h.platform.store.getDefinition<Series>('series', def.seriesKey, 'latest'))!.body;

    const created = await zhang({ method: 'POST', url: '/api/applications', payload: { campaignId, levelKey } });
    expect(created.statusCode, created.body).toBe(201);
    const draft = created.json() as Application;
    const form = answers(def.form);
    const saved = await zhang({ method: 'PUT', url: `/api/applications/${draft.id}/form`, payload: { form, version: draft.version } });
    expect(saved.statusCode, saved.body).toBe(200);

    // the path is chosen at submit, which needs an eligible applicant for each of 19 levels: the test gives the
    // draft the path whose id is furthest from its name (the last one) directly in the store
    const path = def.rules.paths[def.rules.paths.length - 1] as { id: string; name: string };
    const stored = (await h.platform.store.getApplication(draft.id))!;
    const withPath: Application = { ...stored, pathId: path.id, status: 'submitted', version: stored.version + 1 };
    expect((await h.platform.store.updateApplication(withPath, stored.version, [])).ok).toBe(true);

    const codes = new Set<string>(['true', 'false', levelKey, ...codedOptions(def.form).keys()]);
    for (const p of def.rules.paths as { id: string; name: string }[]) if (p.id !== p.name) codes.add(p.id);
    for (const s of series.specialties ?? []) if (s.key !== s.name) codes.add(s.key);

    // the level's own templates and the shared ones every level's documents fall back to
    const names = [...Object.keys(def.templates ?? {}), 'pingshenbiao', 'songshenbiao', 'gaozhishu', 'gongshi', 'certificate'];
    const pages: Record<string, string> = {};
    for (const name of new Set(names)) {
      const r = await zhang({ method: 'GET', url: `/api/applications/${draft.id}/documents/${name}` });
      expect(r.statusCode, `${name}: ${r.body}`).toBe(200);
      pages[name] = text(r.body);
    }
    const roster = await h.as('admin')({ method: 'GET', url: `/api/rosters?campaignId=${campaignId}&levelKey=${levelKey}` });
    expect(roster.statusCode, roster.body).toBe(200);
    pages.huamingce = text(roster.body);
    expect(pages.huamingce).toContain(path.name);

    for (const [name, page] of Object.entries(pages)) {
      const leaked = [...codes].filter((c) => containsWord(page, c));
      expect(leaked, `${levelKey} ${name} prints codes`).toEqual([]);
    }
    // the labels are there instead
    const pingshenbiao = pages.pingshenbiao ?? '';
    expect(pingshenbiao).toContain(`申报路径：${path.name}`);
    const specialty = form.specialty;
    if (typeof specialty === 'string') {
      const label = series.specialties?.find((s) => s.key === specialty)?.name ?? specialty;
      expect(pingshenbiao).toContain(label);
    }
    if (Array.isArray(form.papers) && form.papers.length > 0) expect(pingshenbiao).toMatch(/是[\s\S]*否|否[\s\S]*是/);
  });
});
