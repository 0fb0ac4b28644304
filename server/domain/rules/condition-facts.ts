// What a condition may test: the level's form fields by their titles (options by their labels) and the
// platform facts by their Chinese names. Optional form data carries the guard that makes a rule on it
// read "not filled in → not met" instead of failing with a missing value.
import { isColumnFact, type FactDef, type FactOption, type FactType, type Scalar } from './condition-model.js';
import { declaredProperties } from '../forms/declared-fields.js';
import { PATH_FACTS, PLATFORM_FACTS } from './platform-facts.js';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
const FORM_GROUP = '申报表';

function labelsFor(values: readonly unknown[], names: unknown): FactOption[] {
  const labels = Array.isArray(names) ? names : [];
  return values
    .filter((v): v is Scalar => typeof v === 'string' || typeof v === 'number')
    .map((v, i) => ({ value: v, label: typeof labels[i] === 'string' && labels[i] !== '' ? (labels[i] as string) : String(v) }));
}

/** enum (+ enumNames or ui:enumNames) or oneOf/anyOf of {const, title}: the options with their labels */
export function optionsOf(schema: Obj, ui: Obj | undefined): FactOption[] | undefined {
  if (Array.isArray(schema.enum)) return labelsFor(schema.enum, schema.enumNames ?? ui?.['ui:enumNames']);
  const alts = Array.isArray(schema.oneOf) ? schema.oneOf : Array.isArray(schema.anyOf) ? schema.anyOf : undefined;
  if (alts && alts.length > 0 && alts.every((a) => isObj(a) && 'const' in a)) {
    return (alts as Obj[])
      .filter((a) => typeof a.const === 'string' || typeof a.const === 'number')
      .map((a) => ({ value: a.const as Scalar, label: typeof a.title === 'string' && a.title !== '' ? a.title : String(a.const) }));
  }
  return undefined;
}

function typeOf(schema: Obj, ui: Obj | undefined): { type: FactType; options?: FactOption[] } | undefined {
  const options = optionsOf(schema, ui);
  const t = schema.type;
  if (t === 'array') {
    const items = isObj(schema.items) ? schema.items : {};
    if (items.type === 'object') return { type: 'table' };
    const itemOptions = optionsOf(items, undefined);
    return itemOptions ? { type: 'multi', options: itemOptions } : { type: 'table' };
  }
  if (options) return { type: 'enum', options };
  if (t === 'string') return { type: schema.format === 'date' ? 'date' : 'string' };
  if (t === 'integer' || t === 'number') return { type: 'number' };
  if (t === 'boolean') return { type: 'boolean' };
  return undefined;
}

const title = (schema: Obj, key: string): string => (typeof schema.title === 'string' && schema.title !== '' ? schema.title : key);

/** the unit a number field is counted in, read from its title: 「…年限」→ 年, 「…学时」→ 学时 */
function unitOf(t: string): string | undefined {
  if (/(年限|年数|（年）)$/.test(t)) return '年';
  if (/学时$/.test(t)) return '学时';
  return undefined;
}

interface Walk {
  /** path so far, e.g. form.education */
  path: string;
  /** Chinese label so far, e.g. 最高学历 */
  label: string;
  /** the deepest optional path on the way, if any */
  guard: string | undefined;
  /** inside a table: its path */
  table: string | undefined;
}

function walk(container: Obj, ui: Obj | undefined, at: Walk, out: FactDef[]): void {
  // a show-if field is declared in an if/then branch (allOf): rules may test it like any other
  const props = declaredProperties(container);
  const required = Array.isArray(container.required) ? container.required : [];
  for (const [key, raw] of Object.entries(props)) {
    if (!isObj(raw) || !IDENT.test(key)) continue;
    const fieldUi = ui && isObj(ui[key]) ? (ui[key] as Obj) : undefined;
    const path = at.table && at.path === at.table ? `${at.table}[].${key}` : `${at.path}.${key}`;
    const label = at.label ? `${at.label} › ${title(raw, key)}` : title(raw, key);
    // inside a table the row exists; a guard there would name a cell, which FEEL cannot test up front
    const guard = at.table === undefined && !required.includes(key) ? path : at.guard;
    if (raw.type === 'object') {
      // an optional group outside a table may itself be asked about: 已填写 / 未填写 (e.g. 材料「转系列证明」)
      if (at.table === undefined && !required.includes(key)) out.push({ id: path, label, group: FORM_GROUP, type: 'section' });
      walk(raw, fieldUi, { path, label, guard, table: at.table }, out);
      continue;
    }
    const kind = typeOf(raw, fieldUi);
    if (!kind) continue;
    const unit = kind.type === 'number' ? unitOf(title(raw, key)) : undefined;
    out.push({
      id: path,
      label,
      group: FORM_GROUP,
      type: kind.type,
      ...(kind.options ? { options: kind.options } : {}),
      ...(guard ? { guard } : {}),
      ...(at.table ? { table: at.table } : {}),
      ...(unit ? { unit } : {}),
    });
    if (kind.type === 'table' && at.table === undefined && isObj(raw.items) && raw.items.type === 'object') {
      walk(raw.items, fieldUi && isObj(fieldUi.items) ? (fieldUi.items as Obj) : undefined, { path, label, guard, table: path }, out);
    }
  }
}

/** The form's fields as facts, in form order: groups flattened with 「组 › 字段」 labels, table columns included. */
export function formFacts(form: unknown, uiSchema?: unknown): FactDef[] {
  const out: FactDef[] = [];
  if (isObj(form)) walk(form, isObj(uiSchema) ? uiSchema : undefined, { path: 'form', label: '', guard: undefined, table: undefined }, out);
  return out;
}

/** Everything a condition of a level may test: the form's fields, then the platform's facts (and the path's, inside a path). */
export function levelFacts(form: unknown, uiSchema?: unknown, opts: { inPath?: boolean } = {}): FactDef[] {
  return [...formFacts(form, uiSchema), ...PLATFORM_FACTS, ...(opts.inPath ? PATH_FACTS : [])];
}

/** A fact as listed, or a stand-in for one the list does not know (a field since removed from the form). */
export function factFor(id: string, facts: readonly FactDef[]): FactDef & { unknown?: true } {
  const hit = facts.find((f) => f.id === id);
  if (hit) return hit;
  return { id, label: id, group: '未知', type: 'string', unknown: true, ...(isColumnFact(id) ? { table: id.slice(0, id.indexOf('[].')) } : {}) };
}

/** the label of an option value, or the value itself */
export function optionLabel(fact: FactDef, value: Scalar): string {
  return fact.options?.find((o) => o.value === value)?.label ?? String(value);
}
