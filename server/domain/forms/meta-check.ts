// Publish-time check of a form schema: is it a draft-07 schema, does every keyword
// mean something, and does it compile. Reports every problem, each with a pointer
// into the schema, so an author fixes them all in one round.
import type { ErrorObject } from 'ajv';
import type { Problem } from '../result.js';
import { createAjv } from './ajv.js';
import { toProblems } from './messages.js';
import { unsafePatterns } from './pattern-check.js';
import { structureProblems, tooDeep } from './structure-checks.js';

const DRAFT_07 = /^https?:\/\/json-schema\.org\/draft-07\/schema#?$/;

const KEYWORDS = new Set([
  // draft-07 validation and core
  '$schema', '$id', '$ref', '$comment', 'definitions', 'type', 'enum', 'const',
  'multipleOf', 'maximum', 'exclusiveMaximum', 'minimum', 'exclusiveMinimum',
  'maxLength', 'minLength', 'pattern', 'items', 'additionalItems', 'maxItems', 'minItems',
  'uniqueItems', 'contains', 'maxProperties', 'minProperties', 'required', 'properties',
  'patternProperties', 'additionalProperties', 'dependencies', 'propertyNames',
  'if', 'then', 'else', 'allOf', 'anyOf', 'oneOf', 'not', 'format',
  'contentMediaType', 'contentEncoding',
  // annotations
  'title', 'description', 'default', 'examples', 'readOnly', 'writeOnly',
  // plugins we load: ajv-errors, ajv-formats
  'errorMessage', 'formatMinimum', 'formatMaximum', 'formatExclusiveMinimum', 'formatExclusiveMaximum',
  // RJSF still reads it for enum labels
  'enumNames',
]);

/** Extension keywords are allowed when marked as such, so a typo never passes as one. */
const isExtension = (k: string): boolean => k.startsWith('x-') || k.startsWith('ui:');

const SCHEMA_MAPS = ['properties', 'patternProperties', 'definitions', 'dependencies'];
const SCHEMA_ONE = ['additionalProperties', 'additionalItems', 'items', 'contains', 'propertyNames', 'not', 'if', 'then', 'else'];
const SCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'items'];

const token = (s: string): string => s.replace(/~/g, '~0').replace(/\//g, '~1');
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function unknownKeywords(schema: unknown, pointer: string, out: Problem[]): void {
  if (!isObject(schema)) return;
  for (const key of Object.keys(schema)) {
    if (!KEYWORDS.has(key) && !isExtension(key)) {
      out.push({
        code: 'form.unknown_keyword',
        message: `未知关键字「${key}」：请检查拼写；界面提示请写在 uiSchema 中，扩展关键字以 x- 开头`,
        pointer: `${pointer}/${token(key)}`,
      });
    }
  }
  for (const k of SCHEMA_MAPS) {
    const map = schema[k];
    if (isObject(map)) for (const [name, sub] of Object.entries(map)) unknownKeywords(sub, `${pointer}/${k}/${token(name)}`, out);
  }
  for (const k of SCHEMA_ONE) unknownKeywords(schema[k], `${pointer}/${k}`, out);
  for (const k of SCHEMA_LISTS) {
    const list = schema[k];
    if (Array.isArray(list)) list.forEach((sub, i) => unknownKeywords(sub, `${pointer}/${k}/${i}`, out));
  }
}

export interface MetaCheckOptions {
  /** Problem.source for every problem */
  source?: string;
  /** top-level field names the rules context already uses (a field there would be shadowed) */
  reservedNames?: readonly string[];
  /** prefix for every pointer, e.g. '/form' when reporting against a whole definition */
  pointerPrefix?: string;
}

export function metaCheckForm(schema: unknown, opts: MetaCheckOptions = {}): Problem[] {
  const prefix = opts.pointerPrefix ?? '';
  const problems: Problem[] = [];
  if (!isObject(schema)) {
    problems.push({ code: 'form.invalid_schema', message: '表单定义必须是 JSON 对象', pointer: '' });
    return finish(problems, prefix, opts.source);
  }
  // every pass below recurses as deep as the schema goes: a hostile depth is refused first, alone
  const deep = tooDeep(schema);
  if (deep) return finish([deep], prefix, opts.source);
  const declared = schema.$schema;
  if (declared !== undefined && (typeof declared !== 'string' || !DRAFT_07.test(declared))) {
    problems.push({
      code: 'form.unsupported_draft',
      message: '表单须使用 JSON Schema draft-07（$schema 为 http://json-schema.org/draft-07/schema#）',
      pointer: '/$schema',
    });
  }
  const ajv = createAjv();
  // always against draft-07 (ajv would follow $schema and throw on an unknown one);
  // the meta-schema's instancePath is a pointer into the form schema
  const meta = ajv.getSchema('http://json-schema.org/draft-07/schema');
  if (meta && !meta(schema)) {
    const errs: ErrorObject[] = meta.errors ?? [];
    for (const p of toProblems(errs)) problems.push({ ...p, code: `form.meta.${p.code.replace(/^schema\./, '')}` });
  }
  unknownKeywords(schema, '', problems);
  problems.push(...structureProblems(schema));
  problems.push(...unsafePatterns(schema));
  const props = schema.properties;
  if (isObject(props)) {
    for (const name of opts.reservedNames ?? []) {
      if (name in props) {
        problems.push({
          code: 'form.reserved_name',
          message: `字段名「${name}」与规则上下文中的保留名称冲突，请改名`,
          pointer: `/properties/${token(name)}`,
        });
      }
    }
  }
  // compile only a schema that passed the meta-schema: otherwise the compiler repeats its errors
  if (problems.every((p) => !p.code.startsWith('form.meta.') && p.code !== 'form.unsupported_draft' && p.code !== 'form.unsafe_pattern')) {
    try {
      ajv.compile(schema);
    } catch (e) {
      const detail = e instanceof Error ? e.message : String(e);
      problems.push({ code: 'form.compile_failed', message: `表单定义无法编译：${detail}`, pointer: '' });
    }
  }
  return finish(problems, prefix, opts.source);
}

const finish = (problems: Problem[], prefix: string, source?: string): Problem[] =>
  problems.map((p) => ({ ...p, pointer: `${prefix}${p.pointer ?? ''}`, ...(source === undefined ? {} : { source }) }));
