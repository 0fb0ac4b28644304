// Reads the configuration-as-code folders into plain records, resolving {"$include": "path"}
// so large form schemas and templates can live in their own files. Reading only: no checks here.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join, relative } from 'node:path';
import type { DefinitionKind } from '../../store/port.js';

export interface SeedDefinition {
  kind: DefinitionKind;
  key: string;
  body: unknown;
  /** file the definition came from, relative to the repo root */
  path: string;
}

export interface SeedFiles {
  definitions: SeedDefinition[];
  orgs: { path: string; items: unknown[] };
  users: { path: string; items: unknown[] };
}

export class SeedFileError extends Error {
  constructor(
    readonly path: string,
    readonly pointer: string,
    readonly reason: string,
  ) {
    super(`${path}${pointer ? ` ${pointer}` : ''}: ${reason}`);
  }
}

const listFiles = (dir: string, ext: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith(ext) && statSync(join(dir, f)).isFile())
        .sort()
        .map((f) => join(dir, f))
    : [];

function readJson(root: string, file: string): unknown {
  const rel = relative(root, file);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new SeedFileError(rel, '', `不是合法的 JSON：${e instanceof Error ? e.message : String(e)}`);
  }
  return resolveIncludes(root, rel, parsed, '');
}

function resolveIncludes(root: string, rel: string, value: unknown, pointer: string): unknown {
  if (Array.isArray(value)) return value.map((v, i) => resolveIncludes(root, rel, v, `${pointer}/${i}`));
  if (typeof value !== 'object' || value === null) return value;
  const obj = value as Record<string, unknown>;
  if (typeof obj.$include === 'string' && Object.keys(obj).length === 1) {
    const target = join(root, obj.$include);
    if (!existsSync(target)) throw new SeedFileError(rel, pointer, `引用的文件不存在：${obj.$include}`);
    return extname(target) === '.json' ? readJson(root, target) : readFileSync(target, 'utf8');
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) out[k] = resolveIncludes(root, rel, v, `${pointer}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`);
  return out;
}

const stringField = (body: unknown, field: string): string | undefined => {
  const v = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[field] : undefined;
  return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
};

function keyed(root: string, kind: DefinitionKind, file: string, keyOf: (body: unknown) => string | undefined): SeedDefinition {
  const body = readJson(root, file);
  const path = relative(root, file);
  const key = keyOf(body) ?? basename(file, extname(file));
  return { kind, key, body, path };
}

/** The level key joins series and level: one definition per series × level. */
export const levelDefinitionKey = (seriesKey: string, levelKey: string): string => `${seriesKey}.${levelKey}`;

/** seeds/workflow-owners.json names the department that owns (edits and publishes) each seeded flow */
function applyWorkflowOwners(root: string, seedsDir: string, defs: SeedDefinition[]): void {
  const file = join(seedsDir, 'workflow-owners.json');
  if (!existsSync(file)) return;
  const rel = relative(root, file);
  const owners = (readJson(root, file) as { owners?: unknown }).owners;
  if (typeof owners !== 'object' || owners === null) throw new SeedFileError(rel, '/owners', '应当是“流程标识 → 机构编号”的对象');
  for (const [key, orgId] of Object.entries(owners)) {
    const def = defs.find((d) => d.kind === 'workflow' && d.key === key);
    if (!def) throw new SeedFileError(rel, `/owners/${key}`, `没有标识为 ${key} 的种子评审流程`);
    if (typeof orgId !== 'string') throw new SeedFileError(rel, `/owners/${key}`, '机构编号应当是字符串');
    def.body = { ...(def.body as object), ownerOrgId: orgId };
  }
}

export function readSeedFiles(root: string, seedsDir = join(root, 'seeds'), workflowsDir = join(root, 'workflows')): SeedFiles {
  const defs: SeedDefinition[] = [];
  // policy modules first: publishing a level pins the versions of the modules it uses, so they must be stored
  for (const f of listFiles(join(seedsDir, 'policies'), '.json')) defs.push(keyed(root, 'policy', f, (b) => stringField(b, 'key')));
  for (const f of listFiles(join(seedsDir, 'series'), '.json')) defs.push(keyed(root, 'series', f, (b) => stringField(b, 'key')));
  for (const f of listFiles(join(seedsDir, 'levels'), '.json'))
    defs.push(
      keyed(root, 'level', f, (b) => {
        const s = stringField(b, 'seriesKey');
        const l = stringField(b, 'levelKey');
        return s && l ? levelDefinitionKey(s, l) : undefined;
      }),
    );
  for (const f of listFiles(join(seedsDir, 'campaigns'), '.json')) defs.push(keyed(root, 'campaign', f, (b) => stringField(b, 'key')));
  for (const f of listFiles(join(seedsDir, 'calendars'), '.json')) defs.push(keyed(root, 'calendar', f, (b) => stringField(b, 'year')));
  for (const f of listFiles(seedsDir, '.json').filter((f) => basename(f) === 'committees.json'))
    defs.push(keyed(root, 'committees', f, () => 'committees'));
  // shared templates: one .hbs per document; their Chinese names in templates/names.json (a name, never a key, on screen)
  const namesFile = join(seedsDir, 'templates', 'names.json');
  const templateNames = existsSync(namesFile) ? (readJson(root, namesFile) as Record<string, unknown>) : {};
  for (const f of listFiles(join(seedsDir, 'templates'), '.hbs')) {
    const key = basename(f, '.hbs');
    const name = typeof templateNames[key] === 'string' ? templateNames[key] : key;
    defs.push({ kind: 'template', key, body: { name, source: readFileSync(f, 'utf8') }, path: relative(root, f) });
  }
  for (const f of listFiles(workflowsDir, '.bpmn')) {
    const xml = readFileSync(f, 'utf8');
    const key = basename(f, '.bpmn');
    const name = /<bpmn:process[^>]*\bname="([^"]+)"/.exec(xml)?.[1] ?? key;
    // a flow kept as steps (简易模式) carries them: workflows/<key>.bpmn is what they compile to
    const stepsFile = join(workflowsDir, 'steps', `${key}.json`);
    const steps = existsSync(stepsFile) ? { steps: readJson(root, stepsFile) } : {};
    defs.push({ kind: 'workflow', key, body: { name, xml, ...steps }, path: relative(root, f) });
  }
  applyWorkflowOwners(root, seedsDir, defs);
  const list = (file: string): { path: string; items: unknown[] } => {
    const p = join(seedsDir, file);
    if (!existsSync(p)) return { path: relative(root, p), items: [] };
    const body = readJson(root, p);
    if (!Array.isArray(body)) throw new SeedFileError(relative(root, p), '', '应当是数组');
    return { path: relative(root, p), items: body };
  };
  return { definitions: defs, orgs: list('orgs.json'), users: list('users.json') };
}
