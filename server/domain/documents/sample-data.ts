// Sample answers for a form, generated from its JSON Schema, so a template can be previewed before anyone has
// applied: Chinese placeholders named after each field's label, the first option of a choice, a date for a
// date, two rows for a table. Pure and deterministic; the walk is bounded in depth, so a hostile schema
// (deeply nested, self-similar) yields a small sample, not a large one.
import type { JsonObject, JsonValue } from '../json.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const MAX_DEPTH = 12;
const ROWS = 2;

/** placeholders for labels people expect to read as real values */
const BY_LABEL: [RegExp, string][] = [
  [/姓名|名字/, '张三'],
  [/身份证/, '150102198507150017'],
  [/性别/, '男'],
  [/民族/, '汉族'],
  [/电话|手机/, '13800000000'],
  [/邮箱|电子邮件/, 'zhangsan@example.cn'],
  [/单位/, '示例单位'],
];

function text(label: string, schema: Record<string, unknown>, row: number): string {
  const known = BY_LABEL.find(([re]) => re.test(label))?.[1];
  let s = known ?? `示例${label || '内容'}${row > 0 ? row : ''}`;
  if (schema.format === 'date') s = row > 1 ? '2021-09-01' : '2018-07-01';
  else if (schema.format === 'date-time') s = '2018-07-01T09:00:00+08:00';
  else if (schema.format === 'email') s = 'zhangsan@example.cn';
  const max = typeof schema.maxLength === 'number' ? schema.maxLength : undefined;
  return max !== undefined && s.length > max ? s.slice(0, Math.max(0, max)) : s;
}

function number(schema: Record<string, unknown>, integer: boolean): number {
  const min = typeof schema.minimum === 'number' ? schema.minimum : typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum + 1 : undefined;
  const max = typeof schema.maximum === 'number' ? schema.maximum : undefined;
  let n = min ?? Math.min(max ?? 3, 3);
  if (min !== undefined && min < 3 && (max === undefined || max >= 3)) n = 3;
  return integer ? Math.ceil(n) : n;
}

/** One sample value for a schema; `row` numbers the rows of a table (1-based), 0 outside tables. */
export function sampleOf(schema: unknown, label = '', row = 0, depth = 0): JsonValue | undefined {
  if (!isObject(schema) || depth > MAX_DEPTH) return undefined;
  const title = typeof schema.title === 'string' ? schema.title : label;
  if ('const' in schema) return schema.const as JsonValue;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[Math.min(row > 0 ? row - 1 : 0, schema.enum.length - 1)] as JsonValue;
  if (Array.isArray(schema.default) || (schema.default !== undefined && !isObject(schema.default))) return schema.default as JsonValue;
  for (const k of ['oneOf', 'anyOf'] as const) {
    const first = Array.isArray(schema[k]) ? (schema[k] as unknown[])[0] : undefined;
    if (first !== undefined && schema.type === undefined && schema.properties === undefined) return sampleOf(first, title, row, depth + 1);
  }
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  if (type === 'object' || (type === undefined && isObject(schema.properties))) {
    const out: JsonObject = {};
    if (isObject(schema.properties)) {
      for (const [k, sub] of Object.entries(schema.properties)) {
        const v = sampleOf(sub, k, row, depth + 1);
        if (v !== undefined) out[k] = v;
      }
    }
    return out;
  }
  if (type === 'array') {
    const min = typeof schema.minItems === 'number' ? schema.minItems : 0;
    const max = typeof schema.maxItems === 'number' ? schema.maxItems : ROWS;
    const count = Math.max(Math.min(ROWS, max), Math.min(min, 5));
    const items = isObject(schema.items) ? schema.items : undefined;
    if (!items) return [];
    // a multi-select is an array of options: pick distinct ones
    if (Array.isArray(items.enum)) return items.enum.slice(0, Math.max(1, Math.min(count, items.enum.length))) as JsonValue[];
    const rows: JsonValue[] = [];
    for (let i = 1; i <= count; i++) {
      const v = sampleOf(items, title, i, depth + 1);
      if (v !== undefined) rows.push(v);
    }
    return rows;
  }
  if (type === 'string') return text(title, schema, row);
  if (type === 'integer') return number(schema, true);
  if (type === 'number') return number(schema, false);
  if (type === 'boolean') return true;
  return undefined;
}

/** A sample form (the root object) for a level's form schema. */
export function sampleForm(schema: unknown): JsonObject {
  const v = sampleOf(schema);
  return isObject(v) ? (v as JsonObject) : {};
}
