// Publish-time checks of a form schema's structure that draft-07 itself accepts but that cannot
// work as an application form: a root that is not an object, `required` naming a field that is
// not declared, a `format` no validator knows (ajv ignores it silently with strict mode off), and
// nesting deeper than any real form (which would also make every later pass recurse that deep).
import type { Problem } from '../result.js';
import { createAjv } from './ajv.js';

/** deeper than any real form: the application forms of the seeds nest 4 levels */
export const MAX_FORM_DEPTH = 32;

const SCHEMA_MAPS = ['properties', 'patternProperties', 'definitions', 'dependencies'];
const SCHEMA_ONE = ['additionalProperties', 'additionalItems', 'items', 'contains', 'propertyNames', 'not', 'if', 'then', 'else'];
const SCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'items'];
/** a schema with these may declare its members elsewhere: its `required` is not judged here */
const COMPOSING = ['$ref', 'allOf', 'anyOf', 'oneOf', 'if', 'then', 'else', 'dependencies', 'patternProperties'];

const token = (s: string): string => s.replace(/~/g, '~0').replace(/\//g, '~1');
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

interface Visit {
  schema: Record<string, unknown>;
  pointer: string;
  depth: number;
}

/** every subschema with its pointer, breadth first, without recursion (a hostile form may be very deep) */
function* subschemas(root: Record<string, unknown>, maxDepth: number): Generator<Visit> {
  const queue: Visit[] = [{ schema: root, pointer: '', depth: 0 }];
  for (let i = 0; i < queue.length; i++) {
    const v = queue[i]!;
    yield v;
    if (v.depth >= maxDepth) continue;
    const push = (sub: unknown, pointer: string) => {
      if (isObject(sub)) queue.push({ schema: sub, pointer, depth: v.depth + 1 });
    };
    for (const k of SCHEMA_MAPS) {
      const map = v.schema[k];
      if (isObject(map)) for (const [name, sub] of Object.entries(map)) push(sub, `${v.pointer}/${k}/${token(name)}`);
    }
    for (const k of SCHEMA_ONE) push(v.schema[k], `${v.pointer}/${k}`);
    for (const k of SCHEMA_LISTS) {
      const list = v.schema[k];
      if (Array.isArray(list)) list.forEach((sub, j) => push(sub, `${v.pointer}/${k}/${j}`));
    }
  }
}

/** the first subschema nested deeper than MAX_FORM_DEPTH, or undefined */
export function tooDeep(schema: Record<string, unknown>): Problem | undefined {
  for (const v of subschemas(schema, MAX_FORM_DEPTH + 1)) {
    if (v.depth > MAX_FORM_DEPTH) {
      return { code: 'form.too_deep', message: `表单嵌套超过 ${MAX_FORM_DEPTH} 层，无法作为申报表使用`, pointer: v.pointer };
    }
  }
  return undefined;
}

let knownFormats: ReadonlySet<string> | undefined;
const formats = (): ReadonlySet<string> => (knownFormats ??= new Set(Object.keys(createAjv().formats)));

export function structureProblems(schema: Record<string, unknown>): Problem[] {
  const problems: Problem[] = [];
  if (schema.type !== undefined && schema.type !== 'object') {
    problems.push({ code: 'form.root_not_object', message: '申报表的根必须是对象（type: "object"），每个字段是它的一个属性', pointer: '/type' });
  }
  for (const { schema: s, pointer } of subschemas(schema, MAX_FORM_DEPTH)) {
    if (typeof s.format === 'string' && !formats().has(s.format)) {
      problems.push({ code: 'form.unknown_format', message: `未知的格式「${s.format}」：可用 ${[...formats()].join('、')}`, pointer: `${pointer}/format` });
    }
    const props = s.properties;
    if (Array.isArray(s.required) && isObject(props) && !COMPOSING.some((k) => k in s)) {
      s.required.forEach((name, i) => {
        if (typeof name === 'string' && !Object.hasOwn(props, name)) {
          problems.push({ code: 'form.required_unknown', message: `必填字段「${name}」没有在 properties 中定义`, pointer: `${pointer}/required/${i}` });
        }
      });
    }
  }
  return problems;
}
