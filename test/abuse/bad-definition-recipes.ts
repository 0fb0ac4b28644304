// Builds the bodies of the malformed-definition corpus (test/abuse/bad-definitions/*.json) from a small
// recipe: a base (a seeded definition as published, a file, or a literal body), a patch (JSON Patch
// add/replace/remove plus two text operations) and a generator for the big and deep cases, so a 900 KB
// template or a form nested 5,000 deep is a line in a file rather than megabytes in the repository.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DefinitionKind } from '../../server/store/port.js';
import { expandSeededRules } from '../support/seeded-rules.js';

export const CORPUS_DIR = join(import.meta.dirname, 'bad-definitions');

export interface Expect {
  code: string;
  pointer?: string;
  elementId?: string;
  line?: number;
  column?: number;
}

export type PatchOp =
  | { op: 'add' | 'replace'; path: string; value: unknown }
  | { op: 'remove'; path: string }
  /** first occurrence of `from` in the string at `path` becomes `to` */
  | { op: 'replace-text'; path: string; from: string; to: string }
  /** the string at `path` keeps its first `length` characters */
  | { op: 'truncate-text'; path: string; length: number };

export interface Generate {
  /** `{type: object, properties: {a: …}}` nested `depth` times, set at `path` */
  deepObject?: { path: string; depth: number };
  /** `{type: array, items: …}` nested `depth` times, set at `path` */
  deepItems?: { path: string; depth: number };
  /** a string of `length` characters at `path` */
  longString?: { path: string; length: number };
  /** a property whose name is `length` characters long, added to the object at `path` */
  longKey?: { path: string; length: number; value: unknown };
  /** `true and true and …`, `length` characters, at `path` */
  longFeel?: { path: string; length: number };
  /** `true and true …` with `count` operators, at `path` */
  manyOperators?: { path: string; count: number };
  /** the first `attribute="…"` in the XML at `path` gets a value of `length` characters */
  bigXmlAttribute?: { path: string; attribute: string; length: number };
  /** the committee list without the committees of one series */
  dropCommittees?: { seriesKey: string };
  /** the first committee copied until the list has `count` committees (distinct ids) */
  manyCommittees?: { count: number };
}

/** where the body starts: a seeded definition as published, a file under bad-definitions/base/, or literal */
export type Base = { kind: DefinitionKind; key: string } | { workflowFile: string; name: string } | { body: unknown };

export interface Setup {
  kind: DefinitionKind;
  key: string;
  base: Base;
  patch?: PatchOp[];
  /** published before the case (a fixture the case needs); otherwise saved as a draft only */
  publish?: boolean;
}

export interface BadDefinition {
  kind: DefinitionKind;
  key: string;
  description: string;
  /** defaults to the seeded definition of the same kind and key */
  base?: Base;
  patch?: PatchOp[];
  generate?: Generate;
  setup?: Setup[];
  expect: Expect;
  /** file name, filled in when loaded */
  file: string;
}

export function loadCorpus(): BadDefinition[] {
  return readdirSync(CORPUS_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ ...(JSON.parse(readFileSync(join(CORPUS_DIR, f), 'utf8')) as Omit<BadDefinition, 'file'>), file: f }));
}

type Json = Record<string, unknown> | unknown[];

const tokens = (pointer: string): string[] => (pointer === '' ? [] : pointer.slice(1).split('/').map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~')));

function parentOf(doc: unknown, pointer: string): { parent: Json; key: string } {
  const path = tokens(pointer);
  const key = path.pop();
  if (key === undefined) throw new Error(`cannot patch the root: ${pointer}`);
  let cur: unknown = doc;
  for (const t of path) {
    cur = (cur as Record<string, unknown>)[t];
    if (typeof cur !== 'object' || cur === null) throw new Error(`no such location: ${pointer}`);
  }
  return { parent: cur as Json, key };
}

function get(doc: unknown, pointer: string): unknown {
  let cur = doc;
  for (const t of tokens(pointer)) cur = (cur as Record<string, unknown>)[t];
  return cur;
}

function set(doc: unknown, pointer: string, value: unknown, insert: boolean): void {
  const { parent, key } = parentOf(doc, pointer);
  if (Array.isArray(parent)) {
    const i = key === '-' ? parent.length : Number(key);
    if (!Number.isInteger(i) || i < 0 || i > parent.length) throw new Error(`bad index: ${pointer}`);
    if (insert) parent.splice(i, 0, value);
    else parent[i] = value;
  } else {
    if (!insert && !(key in parent)) throw new Error(`nothing to replace at ${pointer}`);
    parent[key] = value;
  }
}

export function applyPatch(doc: unknown, ops: readonly PatchOp[]): void {
  for (const op of ops) {
    switch (op.op) {
      case 'add':
        set(doc, op.path, structuredClone(op.value), true);
        break;
      case 'replace':
        set(doc, op.path, structuredClone(op.value), false);
        break;
      case 'remove': {
        const { parent, key } = parentOf(doc, op.path);
        if (Array.isArray(parent)) parent.splice(Number(key), 1);
        else delete parent[key];
        break;
      }
      case 'replace-text': {
        const text = get(doc, op.path);
        if (typeof text !== 'string' || !text.includes(op.from)) throw new Error(`"${op.from}" not found at ${op.path}`);
        set(doc, op.path, text.replace(op.from, op.to), false);
        break;
      }
      case 'truncate-text': {
        const text = get(doc, op.path);
        if (typeof text !== 'string') throw new Error(`no text at ${op.path}`);
        set(doc, op.path, text.slice(0, op.length), false);
        break;
      }
    }
  }
}

/**
 * Deep values stay a marker until serialised: JSON.stringify itself overflows the stack on 5,000 levels,
 * so `toJson` writes them as text, by repetition.
 */
const DEEP: Record<string, [string, string]> = {
  object: ['{"type":"object","properties":{"a":', '}}'],
  items: ['{"type":"array","items":', '}'],
};
const deepMarker = (shape: string, depth: number): string => `@@deep-${shape}-${depth}@@`;

export function toJson(value: unknown): string {
  return JSON.stringify(value).replace(/"@@deep-(\w+)-(\d+)@@"/g, (_m, shape: string, depth: string) => {
    const [open, close] = DEEP[shape]!;
    return `${open.repeat(Number(depth))}{"type":"string"}${close.repeat(Number(depth))}`;
  });
}

export function applyGenerate(doc: unknown, g: Generate): void {
  if (g.deepObject) set(doc, g.deepObject.path, deepMarker('object', g.deepObject.depth), true);
  if (g.deepItems) set(doc, g.deepItems.path, deepMarker('items', g.deepItems.depth), true);
  if (g.longString) set(doc, g.longString.path, 'x'.repeat(g.longString.length), true);
  if (g.longKey) {
    const obj = get(doc, g.longKey.path) as Record<string, unknown>;
    obj['k'.repeat(g.longKey.length)] = structuredClone(g.longKey.value);
  }
  if (g.longFeel) set(doc, g.longFeel.path, `true${' and true'.repeat(Math.ceil(g.longFeel.length / 9))}`.slice(0, g.longFeel.length), true);
  if (g.manyOperators) set(doc, g.manyOperators.path, `true${' and true'.repeat(g.manyOperators.count)}`, true);
  if (g.bigXmlAttribute) {
    const { path, attribute, length } = g.bigXmlAttribute;
    const xml = get(doc, path) as string;
    const re = new RegExp(`\\s${attribute}="[^"]*"`);
    if (!re.test(xml)) throw new Error(`no ${attribute}="…" in ${path}`);
    set(doc, path, xml.replace(re, ` ${attribute}="${'x'.repeat(length)}"`), false);
  }
  if (g.dropCommittees) {
    const list = doc as { committees: { seriesKey: string }[] };
    list.committees = list.committees.filter((c) => c.seriesKey !== g.dropCommittees!.seriesKey);
  }
  if (g.manyCommittees) {
    const list = doc as { committees: { id: string }[] };
    const first = list.committees[0]!;
    while (list.committees.length < g.manyCommittees.count) list.committees.push({ ...structuredClone(first), id: `${first.id}-copy-${list.committees.length}` });
  }
}

/** the body of a case or a setup step, given how to read a seeded definition as published */
export async function buildBody(
  base: Base,
  patch: readonly PatchOp[] | undefined,
  generate: Generate | undefined,
  published: (kind: DefinitionKind, key: string) => Promise<unknown>,
): Promise<unknown> {
  let body: unknown;
  if ('body' in base) body = structuredClone(base.body);
  else if ('workflowFile' in base) body = { name: base.name, xml: readFileSync(join(CORPUS_DIR, 'base', base.workflowFile), 'utf8') };
  else {
    body = structuredClone(await published(base.kind, base.key));
    // a seeded level's shared conditions are policy module references: the recipes patch the conditions themselves
    if (base.kind === 'level') (body as { rules: unknown }).rules = expandSeededRules((body as { rules: unknown }).rules);
  }
  if (patch) applyPatch(body, patch);
  if (generate) applyGenerate(body, generate);
  return body;
}
