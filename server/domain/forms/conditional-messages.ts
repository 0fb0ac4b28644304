// What a failed show-if / required-if condition (if/then/else) reports: the field that became required, at its
// pointer and by its title, rather than ajv's summary "must match "then" schema" at the object holding it.
import type { ErrorObject } from 'ajv';
import { declaredProperties } from './declared-fields.js';

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** the schemaPath of the branch an `if` error summarises: …/if → …/then (or …/else) */
function branchOf(e: ErrorObject): string {
  const failing = (e.params as { failingKeyword?: unknown }).failingKeyword;
  return `${e.schemaPath.slice(0, -'/if'.length)}/${typeof failing === 'string' ? failing : 'then'}`;
}

/** an `if` summary whose branch has errors of its own to show */
export function ifSummaryCovered(e: ErrorObject, all: readonly ErrorObject[]): boolean {
  if (e.keyword !== 'if') return false;
  const branch = `${branchOf(e)}/`;
  return all.some((o) => o !== e && o.schemaPath.startsWith(branch));
}

/** a field required by a condition: `required` inside a then/else branch, or draft-07 `dependencies` */
export function conditionalRequired(e: ErrorObject): boolean {
  return (e.keyword === 'required' && /\/(then|else)\//.test(e.schemaPath)) || (e.keyword === 'dependencies' && typeof (e.params as { missingProperty?: unknown }).missingProperty === 'string');
}

/** the title of the field at a data pointer ('/award/certificateNo', '/papers/0/title'), looked up in the form */
export function fieldTitleAt(root: unknown, pointer: string): string | undefined {
  let s: unknown = root;
  for (const raw of pointer.split('/').slice(1)) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isObj(s)) return undefined;
    if (s.type === 'array' && /^\d+$/.test(seg)) {
      s = s.items;
      continue;
    }
    s = declaredProperties(s)[seg];
  }
  return isObj(s) && typeof s.title === 'string' && s.title !== '' ? s.title : undefined;
}
