// A CSP-safe RJSF validator.
//
// @rjsf/validator-ajv8 compiles every schema with ajv, which generates code through `new Function`. The server's
// Content-Security-Policy (`script-src 'self'`, no 'unsafe-eval') refuses that: in Chromium the compile throws an
// EvalError and logs a CSP violation (checked in test/browser/ui.spec.ts). Form schemas are data that change at run
// time, so they cannot be precompiled into the bundle either. The server is therefore the validator: it holds one
// compiled ajv validator per definition version, with Chinese messages and JSON pointers, and the browser shows
// those problems per field through RJSF's `extraErrors` (see problemsToErrorSchema).
//
// RJSF still asks its validator one structural question while rendering: "does this data match this sub-schema?"
// (to pick a oneOf/anyOf option or an if/then branch). `isValid` answers that with a conservative structural match
// (type, const, enum, required) that needs no code generation.
//
// One check does run here as well, as the applicant types: identity-document numbers (idDocumentProblems), with
// the same function and the same Chinese messages as the server's x-id-document keyword.
import type { ErrorSchema, RJSFSchema, RJSFValidationError, ValidationData, ValidatorType } from '@rjsf/utils';
import { ID_DOCUMENT_KEYWORD, idDocumentProblem } from '../../../server/domain/forms/id-document.js';

type Schema = RJSFSchema | boolean | undefined;

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function typeMatches(expected: unknown, v: unknown): boolean {
  const t = typeOf(v);
  const list = Array.isArray(expected) ? expected : [expected];
  return list.some((e) => e === t || (e === 'number' && t === 'integer'));
}

function resolveRef(schema: RJSFSchema, root: RJSFSchema): RJSFSchema {
  let s = schema;
  for (let i = 0; i < 20 && typeof s.$ref === 'string' && s.$ref.startsWith('#'); i++) {
    const parts = s.$ref.slice(1).split('/').filter(Boolean).map((p) => decodeURIComponent(p.replace(/~1/g, '/').replace(/~0/g, '~')));
    let cur: unknown = root;
    for (const p of parts) cur = (cur as Record<string, unknown> | undefined)?.[p];
    if (!cur || typeof cur !== 'object') return s;
    s = cur as RJSFSchema;
  }
  return s;
}

function matches(schema: Schema, data: unknown, root: RJSFSchema, depth = 0): boolean {
  if (schema === undefined || schema === true) return true;
  if (schema === false) return false;
  if (depth > 12) return true;
  const s = resolveRef(schema, root);
  if (s.type !== undefined && data !== undefined && !typeMatches(s.type, data)) return false;
  if ('const' in s && data !== undefined && JSON.stringify(s.const) !== JSON.stringify(data)) return false;
  if (Array.isArray(s.enum) && data !== undefined && !s.enum.some((e) => JSON.stringify(e) === JSON.stringify(data))) return false;
  if (typeOf(data) === 'object') {
    const obj = data as Record<string, unknown>;
    if (Array.isArray(s.required) && s.required.some((k) => obj[k] === undefined)) return false;
    for (const [k, sub] of Object.entries(s.properties ?? {})) {
      if (obj[k] !== undefined && !matches(sub as Schema, obj[k], root, depth + 1)) return false;
    }
  }
  // a multi select's "包含" condition (show-if / required-if compile it to contains + const)
  if (s.contains !== undefined && Array.isArray(data) && !data.some((item) => matches(s.contains as Schema, item, root, depth + 1))) return false;
  if (Array.isArray(s.allOf) && !s.allOf.every((sub) => matches(sub as Schema, data, root, depth + 1))) return false;
  if (Array.isArray(s.anyOf) && !s.anyOf.some((sub) => matches(sub as Schema, data, root, depth + 1))) return false;
  if (Array.isArray(s.oneOf) && s.oneOf.filter((sub) => matches(sub as Schema, data, root, depth + 1)).length !== 1) return false;
  if (s.not !== undefined && matches(s.not as Schema, data, root, depth + 1)) return false;
  return true;
}

export const serverSideValidator: ValidatorType<any, RJSFSchema, any> = {
  validateFormData(): ValidationData<any> {
    return { errors: [] as RJSFValidationError[], errorSchema: {} as ErrorSchema };
  },
  isValid(schema, formData, rootSchema) {
    return matches(schema, formData, rootSchema);
  },
  rawValidation() {
    return { errors: [] };
  },
};

export function pointerSegments(pointer: string): string[] {
  return pointer
    .replace(/^#/, '')
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** server problems (JSON pointer + Chinese message) → RJSF extraErrors */
export function problemsToErrorSchema(problems: { pointer?: string; message: string }[]): ErrorSchema {
  const root: Record<string, any> = {};
  for (const p of problems) {
    if (p.pointer === undefined) continue;
    let node = root;
    for (const seg of pointerSegments(p.pointer)) node = node[seg] ??= {};
    (node.__errors ??= []).push(p.message);
  }
  return root as ErrorSchema;
}

/** pointer → Chinese field title, from the schema's titles ("最高学历 / 学历", "工作经历 第2项 / 单位") */
export function pointerTitle(schema: RJSFSchema | undefined, pointer: string | undefined): string {
  if (!pointer || !schema) return pointer ?? '';
  const titles: string[] = [];
  let s: RJSFSchema | undefined = schema;
  for (const seg of pointerSegments(pointer)) {
    if (!s) {
      titles.push(seg);
      continue;
    }
    if (s.type === 'array' && /^\d+$/.test(seg)) {
      titles.push(`第${Number(seg) + 1}项`);
      s = (Array.isArray(s.items) ? s.items[0] : s.items) as RJSFSchema | undefined;
      continue;
    }
    // a show-if field is declared in an if/then branch
    const next = (s.properties?.[seg] as RJSFSchema | undefined) ?? propertySchemas(s, seg)[0];
    titles.push(next?.title ?? seg);
    s = next;
  }
  return titles.join(' / ') || '整张表';
}

/** every field of a form schema as (pointer, title), for picking a field in a 一次告知 item */
export function fieldPointers(schema: RJSFSchema | undefined, base = '', prefix = ''): { pointer: string; title: string }[] {
  const out: { pointer: string; title: string }[] = [];
  // own properties, then those of if/then branches (show-if fields), each once
  const entries = new Map<string, RJSFSchema>();
  for (const [k, v] of Object.entries(schema?.properties ?? {})) entries.set(k, v as RJSFSchema);
  for (const part of schema ? [schema, ...(Array.isArray(schema.allOf) ? schema.allOf : [])] : []) {
    if (!isRecord(part)) continue;
    for (const branch of [part.then, part.else]) {
      if (!isRecord(branch) || !isRecord(branch.properties)) continue;
      for (const [k, v] of Object.entries(branch.properties)) if (!entries.has(k) && isRecord(v)) entries.set(k, v as RJSFSchema);
    }
  }
  for (const [k, sub] of entries) {
    const pointer = `${base}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    const title = `${prefix}${sub.title ?? k}`;
    out.push({ pointer, title });
    if (sub.type === 'object') out.push(...fieldPointers(sub, pointer, `${title} / `));
  }
  return out;
}

const escapeToken = (k: string): string => k.replace(/~/g, '~0').replace(/\//g, '~1');
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** the sub-schemas that may declare a property: the schema's own properties and those of its if/then branches */
function propertySchemas(s: RJSFSchema, key: string): RJSFSchema[] {
  const out: RJSFSchema[] = [];
  const own = s.properties?.[key];
  if (isRecord(own)) out.push(own as RJSFSchema);
  for (const part of [s, ...(Array.isArray(s.allOf) ? s.allOf : [])]) {
    if (!isRecord(part)) continue;
    for (const branch of [part.then, part.else]) {
      const sub = isRecord(branch) && isRecord(branch.properties) ? branch.properties[key] : undefined;
      if (isRecord(sub)) out.push(sub as RJSFSchema);
    }
  }
  return out;
}

/** identity-document numbers in the data that fail their type's check, as problems at the number's pointer */
export function idDocumentProblems(schema: RJSFSchema | undefined, data: unknown, pointer = '', depth = 0): { pointer: string; message: string }[] {
  if (!schema || depth > 32) return [];
  const out: { pointer: string; message: string }[] = [];
  if ((schema as Record<string, unknown>)[ID_DOCUMENT_KEYWORD] === true) {
    const p = idDocumentProblem(data);
    if (p) out.push({ pointer: `${pointer}/${escapeToken(p.prop)}`, message: p.message });
  }
  if (Array.isArray(data) && isRecord(schema.items)) {
    data.forEach((row, i) => out.push(...idDocumentProblems(schema.items as RJSFSchema, row, `${pointer}/${i}`, depth + 1)));
  } else if (isRecord(data)) {
    for (const [k, v] of Object.entries(data)) {
      for (const sub of propertySchemas(schema, k)) out.push(...idDocumentProblems(sub, v, `${pointer}/${escapeToken(k)}`, depth + 1));
    }
  }
  // the same field found twice (own properties and a branch) is told once
  return out.filter((p, i) => out.findIndex((q) => q.pointer === p.pointer && q.message === p.message) === i);
}
