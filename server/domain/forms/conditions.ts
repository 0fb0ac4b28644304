// Show-if and required-if conditions of form fields, compiled to standard JSON Schema (draft-07).
//
// While a form is edited, a field carries its condition as an annotation (`x-show-if`, `x-required-if`:
// {field, op, value}, where `field` is a sibling). The stored form has the standard shape instead, which ajv
// validates and RJSF follows without any code of ours:
//   show-if      → the field moves into a branch of its container: allOf[{ "x-show-if": key, if: C, then:
//                  { properties: { key: … }, required?: [key] } }] (RJSF renders it only while C holds;
//                  `required` there means "required when shown")
//   required-if  → allOf[{ "x-required-if": key, if: C, then: { required: [key] } }]
//   required-if "answered" → dependencies: { other: [key] } (draft-07's dependentRequired)
// The marker keys let decompile find exactly the entries compile wrote; anything hand-written is kept as it is.
// Pure and DOM-free: the designer's form builder runs both directions.

export type Scalar = string | number | boolean;
export type ConditionOp = 'eq' | 'ne' | 'in' | 'contains' | 'answered';
export interface FieldCondition {
  /** the key of a sibling field */
  field: string;
  op: ConditionOp;
  value?: Scalar | Scalar[];
}
type Obj = Record<string, unknown>;

export const SHOW_IF = 'x-show-if';
export const REQUIRED_IF = 'x-required-if';

export const OP_LABELS: Record<ConditionOp, string> = { eq: '等于', ne: '不等于', in: '是其中之一', contains: '包含', answered: '已填写' };

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isScalar = (v: unknown): v is Scalar => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const sameKeys = (o: Obj, keys: string[]): boolean => Object.keys(o).every((k) => keys.includes(k));

export function isCondition(v: unknown): v is FieldCondition {
  if (!isObj(v) || typeof v.field !== 'string' || v.field === '' || typeof v.op !== 'string') return false;
  switch (v.op) {
    case 'answered':
      return true;
    case 'in':
      return Array.isArray(v.value) && v.value.length > 0 && v.value.every(isScalar);
    case 'eq':
    case 'ne':
    case 'contains':
      return isScalar(v.value);
    default:
      return false;
  }
}

/** the `if` schema of a condition */
export function conditionToIf(c: FieldCondition): Obj {
  const q = c.field;
  switch (c.op) {
    case 'answered':
      return { required: [q] };
    case 'eq':
      return { properties: { [q]: { const: c.value } }, required: [q] };
    case 'ne':
      return { properties: { [q]: { not: { const: c.value } } }, required: [q] };
    case 'in':
      return { properties: { [q]: { enum: c.value } }, required: [q] };
    case 'contains':
      return { properties: { [q]: { contains: { const: c.value } } }, required: [q] };
  }
}

/** the condition an `if` schema written by conditionToIf stands for, or undefined for any other schema */
export function ifToCondition(s: unknown): FieldCondition | undefined {
  if (!isObj(s) || !sameKeys(s, ['properties', 'required'])) return undefined;
  const req = strings(s.required);
  const field = req[0];
  if (req.length !== 1 || field === undefined) return undefined;
  if (s.properties === undefined) return { field, op: 'answered' };
  if (!isObj(s.properties) || !sameKeys(s.properties, [field])) return undefined;
  const p = s.properties[field];
  if (!isObj(p) || Object.keys(p).length !== 1) return undefined;
  if (isScalar(p.const)) return { field, op: 'eq', value: p.const };
  if (isObj(p.not) && sameKeys(p.not, ['const']) && isScalar(p.not.const)) return { field, op: 'ne', value: p.not.const };
  if (Array.isArray(p.enum) && p.enum.length > 0 && p.enum.every(isScalar)) return { field, op: 'in', value: p.enum };
  if (isObj(p.contains) && sameKeys(p.contains, ['const']) && isScalar(p.contains.const)) return { field, op: 'contains', value: p.contains.const };
  return undefined;
}

/** the children of a group (the field itself) or a table (its row) are a container too */
function mapChildren(field: Obj, fn: (c: Obj) => Obj): Obj {
  if (field.type === 'object' && isObj(field.properties)) return fn(field);
  if (field.type === 'array' && isObj(field.items) && field.items.type === 'object') return { ...field, items: fn(field.items) };
  return field;
}

const setOrDelete = (o: Obj, k: string, v: unknown, empty: boolean): void => {
  if (empty) delete o[k];
  else o[k] = v;
};

function compileContainer(c: Obj): Obj {
  if (!isObj(c.properties)) return c;
  const props: Obj = {};
  let required = strings(c.required);
  // show-if entries before required-if ones: decompile appends show-if fields, so this order survives a round trip
  const shows: unknown[] = [];
  const requires: unknown[] = [];
  const deps: Obj = isObj(c.dependencies) ? { ...c.dependencies } : {};
  for (const [key, raw] of Object.entries(c.properties)) {
    if (!isObj(raw)) {
      props[key] = raw;
      continue;
    }
    const { [SHOW_IF]: show, [REQUIRED_IF]: req, ...field } = mapChildren(raw, compileContainer);
    // a condition still being filled in stays on the field as it is, to be finished later
    if (show !== undefined && !isCondition(show)) field[SHOW_IF] = show;
    if (req !== undefined && !isCondition(req)) field[REQUIRED_IF] = req;
    if (isCondition(show)) {
      const shownRequired = required.includes(key);
      required = required.filter((k) => k !== key);
      shows.push({ [SHOW_IF]: key, if: conditionToIf(show), then: { properties: { [key]: field }, ...(shownRequired ? { required: [key] } : {}) } });
      continue;
    }
    props[key] = field;
    if (!isCondition(req)) continue;
    if (req.op === 'answered') deps[req.field] = [...strings(deps[req.field]).filter((k) => k !== key), key];
    else requires.push({ [REQUIRED_IF]: key, if: conditionToIf(req), then: { required: [key] } });
  }
  const allOf = [...(Array.isArray(c.allOf) ? c.allOf : []), ...shows, ...requires];
  const out: Obj = { ...c, properties: props };
  setOrDelete(out, 'required', required, required.length === 0);
  setOrDelete(out, 'allOf', allOf, allOf.length === 0);
  setOrDelete(out, 'dependencies', deps, Object.keys(deps).length === 0);
  return out;
}

function decompileContainer(c: Obj): Obj {
  if (!isObj(c.properties)) return c;
  const props: Obj = {};
  for (const [k, f] of Object.entries(c.properties)) props[k] = isObj(f) ? mapChildren(f, decompileContainer) : f;
  const required = strings(c.required);
  const keep: unknown[] = [];
  for (const entry of Array.isArray(c.allOf) ? c.allOf : []) {
    if (isObj(entry) && typeof entry[SHOW_IF] === 'string' && sameKeys(entry, [SHOW_IF, 'if', 'then'])) {
      const key = entry[SHOW_IF];
      const cond = ifToCondition(entry.if);
      const then = entry.then;
      const field = isObj(then) && isObj(then.properties) ? then.properties[key] : undefined;
      if (cond && isObj(then) && sameKeys(then, ['properties', 'required']) && isObj(then.properties) && sameKeys(then.properties, [key]) && isObj(field) && !(key in props)) {
        props[key] = { ...mapChildren(field, decompileContainer), [SHOW_IF]: cond };
        if (strings(then.required).includes(key) && !required.includes(key)) required.push(key);
        continue;
      }
    }
    if (isObj(entry) && typeof entry[REQUIRED_IF] === 'string' && sameKeys(entry, [REQUIRED_IF, 'if', 'then'])) {
      const key = entry[REQUIRED_IF];
      const cond = ifToCondition(entry.if);
      const then = entry.then;
      const field = props[key];
      if (cond && isObj(then) && sameKeys(then, ['required']) && JSON.stringify(then.required) === JSON.stringify([key]) && isObj(field) && field[REQUIRED_IF] === undefined) {
        props[key] = { ...field, [REQUIRED_IF]: cond };
        continue;
      }
    }
    keep.push(entry);
  }
  // dependencies {other: [key]} is exactly "required if other is answered"
  const deps: Obj = {};
  for (const [other, list] of Object.entries(isObj(c.dependencies) ? c.dependencies : {})) {
    if (!Array.isArray(list) || !(other in props)) {
      deps[other] = list;
      continue;
    }
    const left = list.filter((key) => {
      const field = props[key];
      if (typeof key !== 'string' || !isObj(field) || field[REQUIRED_IF] !== undefined || field[SHOW_IF] !== undefined) return true;
      props[key] = { ...field, [REQUIRED_IF]: { field: other, op: 'answered' } satisfies FieldCondition };
      return false;
    });
    if (left.length) deps[other] = left;
  }
  const out: Obj = { ...c, properties: props };
  setOrDelete(out, 'required', required, required.length === 0);
  setOrDelete(out, 'allOf', keep, keep.length === 0);
  setOrDelete(out, 'dependencies', deps, Object.keys(deps).length === 0);
  return out;
}

/** editing shape (conditions as field annotations) → stored shape (standard if/then, dependencies) */
export function compileConditions(form: Obj): Obj {
  return compileContainer(form);
}

/** stored shape → editing shape; compileConditions(decompileConditions(f)) gives f back for what compile wrote */
export function decompileConditions(form: Obj): Obj {
  return decompileContainer(form);
}
