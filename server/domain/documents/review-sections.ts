// The application as a reviewer reads it, laid out like the printed 评审表: the top-level fields as one block,
// each group (最高学历, 现专业技术资格…) as a block of label–value pairs, each list of rows (工作经历, 论文…) as a
// table. Built from formLabels (labelled-form.ts), so values are what people read; labels are the form's
// titles; a field the form does not name is never shown by its key. Empty fields are left out. Pure.
import { declaredProperties } from '../forms/declared-fields.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const token = (s: string): string => s.replace(/~/g, '~0').replace(/\//g, '~1');

export interface ReviewField {
  label: string;
  value: string;
  pointer: string;
  /** long text: shown across the whole row */
  wide?: boolean;
}

export interface ReviewTable {
  columns: { key: string; title: string }[];
  rows: Record<string, string>[];
}

export interface ReviewSection {
  title: string;
  pointer: string;
  fields: ReviewField[];
  table?: ReviewTable;
}

const WIDE = 40;
const empty = (v: unknown): boolean => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
const text = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : Array.isArray(v) ? v.map(text).join('、') : '');
const titleOf = (s: unknown): string | undefined => (isObj(s) && typeof s.title === 'string' && s.title !== '' ? s.title : undefined);

/** property names in ui:order (with its `*`), then the rest in schema order */
function ordered(props: Obj, ui: unknown): string[] {
  const names = Object.keys(props);
  const order = isObj(ui) && Array.isArray(ui['ui:order']) ? (ui['ui:order'] as unknown[]).filter((x): x is string => typeof x === 'string') : [];
  if (order.length === 0) return names;
  const star = order.indexOf('*');
  const listed = order.filter((n) => n !== '*' && names.includes(n));
  const rest = names.filter((n) => !listed.includes(n));
  if (star < 0) return [...listed, ...rest];
  const before = order.slice(0, star).filter((n) => names.includes(n));
  const after = order.slice(star + 1).filter((n) => names.includes(n));
  return [...before, ...rest, ...after];
}

/** a group's fields, nested groups flattened as 「组 · 栏目」 */
function fieldsOf(schema: unknown, ui: unknown, data: unknown, at: string, prefix: string, depth: number): ReviewField[] {
  if (!isObj(data) || depth > 8) return [];
  const props = declaredProperties(schema);
  const out: ReviewField[] = [];
  for (const name of ordered(props, ui)) {
    const v = data[name];
    const label = titleOf(props[name]);
    if (empty(v) || !label) continue;
    const pointer = `${at}/${token(name)}`;
    const uiOf = isObj(ui) ? ui[name] : undefined;
    if (isObj(v)) out.push(...fieldsOf(props[name], uiOf, v, pointer, `${prefix}${label} · `, depth + 1));
    else if (!Array.isArray(v) || !v.some(isObj)) {
      const value = text(v);
      if (value !== '') out.push({ label: `${prefix}${label}`, value, pointer, ...(value.length > WIDE ? { wide: true } : {}) });
    }
  }
  return out;
}

function tableOf(schema: unknown, rows: unknown[]): ReviewTable {
  const items = isObj(schema) && isObj(schema.items) ? schema.items : {};
  const props = declaredProperties(items);
  const columns = ordered(props, undefined)
    .filter((k) => titleOf(props[k]) && rows.some((r) => isObj(r) && !empty(r[k])))
    .map((k) => ({ key: k, title: titleOf(props[k]) as string }));
  return { columns, rows: rows.filter(isObj).map((r) => Object.fromEntries(columns.map((c) => [c.key, text(r[c.key])]))) };
}

/**
 * `schema`/`uiSchema`: the level's form; `labels`: the application's formLabels. The first section holds the
 * top-level fields under `mainTitle`.
 */
export function reviewSections(schema: unknown, uiSchema: unknown, labels: Obj, mainTitle = '基本情况'): ReviewSection[] {
  const props = declaredProperties(schema);
  const main: ReviewSection = { title: mainTitle, pointer: '', fields: [] };
  const out: ReviewSection[] = [main];
  for (const name of ordered(props, uiSchema)) {
    const v = labels[name];
    const title = titleOf(props[name]);
    if (empty(v) || !title) continue;
    const pointer = `/${token(name)}`;
    const ui = isObj(uiSchema) ? uiSchema[name] : undefined;
    if (isObj(v)) {
      const fields = fieldsOf(props[name], ui, v, pointer, '', 1);
      if (fields.length) out.push({ title, pointer, fields });
    } else if (Array.isArray(v) && v.some(isObj)) {
      out.push({ title, pointer, fields: [], table: tableOf(props[name], v) });
    } else {
      main.fields.push(...fieldsOf({ properties: { [name]: props[name] } }, uiSchema, { [name]: v }, '', '', 1));
    }
  }
  return out.filter((s) => s.fields.length > 0 || (s.table && s.table.rows.length > 0));
}
