// Pure functions behind the visual field editor: read a form schema (+ its uiSchema) as a tree of fields,
// and change one field at a time by immutable updates of just the keys concerned. Everything the editor
// does not know about (pattern, errorMessage, if/then, default, x-… extensions) is left exactly as it was.
//
// A field is addressed by its path of property names: ['education', 'degree'] is a property of the
// `education` group; ['papers', 'title'] is a column of the `papers` table (papers.items.properties.title).
// No DOM, no React: unit-tested in test/designer/form-builder.spec.ts.

import { ID_DOCUMENT_KEYWORD, ID_DOCUMENT_TYPES } from '../../../../server/domain/forms/id-document.js';

export type Obj = Record<string, unknown>;
export type FieldPath = readonly string[];
export type FieldKind = 'text' | 'textarea' | 'date' | 'integer' | 'number' | 'boolean' | 'enum' | 'multi' | 'material' | 'idDocument' | 'group' | 'table' | 'other';

/** the form schema and its uiSchema, always changed together */
export interface FormDoc {
  form: Obj;
  ui: Obj;
}

export interface FieldNode {
  path: string[];
  key: string;
  title: string;
  kind: FieldKind;
  required: boolean;
  /** shown only, or required only, when another answer says so (x-show-if / x-required-if) */
  conditional?: 'show' | 'required';
  /** groups and tables only */
  children?: FieldNode[];
}

export const KIND_LABELS: Record<FieldKind, string> = {
  text: '文本',
  textarea: '多行文本',
  date: '日期',
  integer: '整数',
  number: '数字',
  boolean: '是/否',
  enum: '单选',
  multi: '多选',
  material: '材料引用',
  idDocument: '证件',
  group: '分组',
  table: '表格',
  other: '其他（请在 JSON 中编辑）',
};

/** the kinds an author may pick, in menu order */
export const EDITABLE_KINDS: readonly Exclude<FieldKind, 'other'>[] = ['text', 'textarea', 'date', 'integer', 'number', 'boolean', 'enum', 'multi', 'idDocument', 'material', 'group', 'table'];

export const DATE_FORMATS: readonly string[] = ['date', 'date-time', 'time'];

/** top-level names the rules context keeps for itself (the server's publish check is authoritative) */
export const RESERVED_TOP_LEVEL = ['form', 'org', 'campaign', 'counters', 'integrity', 'person', 'history', 'applicationDate', 'path'];

/** keywords of the special kinds (the server validates x-id-document; x-material marks a reference to a material) */
export { ID_DOCUMENT_KEYWORD };
export const MATERIAL_KEYWORD = 'x-material';

/** an identity document: the type (four kinds, each with its own check) and the number */
export function idDocumentSchema(): Obj {
  return {
    [ID_DOCUMENT_KEYWORD]: true,
    properties: {
      docType: { type: 'string', title: '证件类型', enum: [...ID_DOCUMENT_TYPES], default: ID_DOCUMENT_TYPES[0] },
      number: { type: 'string', title: '证件号码', maxLength: 18 },
    },
    required: ['docType', 'number'],
  };
}

export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const propsOf = (c: Obj | undefined): Obj => (c && isObj(c.properties) ? c.properties : {});
const stringList = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

// ---- navigation ------------------------------------------------------------------------------------

/** the schema whose `properties` are this field's children: a group itself, or a table's row object */
export function containerOf(field: unknown): Obj | undefined {
  if (!isObj(field)) return undefined;
  if (field.type === 'object') return field;
  if (field.type === 'array' && isObj(field.items) && field.items.type === 'object') return field.items;
  return undefined;
}

/** schema keys from the root to the container of parentPath's children, e.g. ['properties','papers','items'] */
function containerKeys(form: Obj, parentPath: FieldPath): string[] {
  const keys: string[] = [];
  let c: Obj | undefined = form;
  for (const seg of parentPath) {
    const f = propsOf(c)[seg];
    c = containerOf(f);
    if (!c || !isObj(f)) throw new Error(`「${parentPath.join('.')}」不是分组或表格`);
    keys.push('properties', seg);
    if (f.type === 'array') keys.push('items');
  }
  return keys;
}

/** uiSchema keys to the same container: ['papers','items'] */
function uiContainerKeys(form: Obj, parentPath: FieldPath): string[] {
  const keys: string[] = [];
  let c: Obj | undefined = form;
  for (const seg of parentPath) {
    const f = propsOf(c)[seg];
    keys.push(seg);
    if (isObj(f) && f.type === 'array') keys.push('items');
    c = containerOf(f);
  }
  return keys;
}

function getIn(root: unknown, keys: readonly string[]): unknown {
  let cur = root;
  for (const k of keys) cur = isObj(cur) ? cur[k] : undefined;
  return cur;
}

/**
 * Immutable update at keys: only the objects on the way are copied. `fn` returning undefined deletes the
 * entry; with `prune`, objects left empty on the way are deleted too (uiSchema stays tidy).
 */
function updateIn(root: Obj | undefined, keys: readonly string[], fn: (cur: Obj | undefined) => Obj | undefined, prune = false): Obj | undefined {
  if (keys.length === 0) return fn(root);
  const [k, ...rest] = keys as [string, ...string[]];
  const child = root && isObj(root[k]) ? (root[k] as Obj) : undefined;
  const next = updateIn(child, rest, fn, prune);
  const out: Obj = { ...(root ?? {}) };
  if (next === undefined || (prune && Object.keys(next).length === 0)) delete out[k];
  else out[k] = next;
  return out;
}

const parentOf = (path: FieldPath): string[] => path.slice(0, -1);
const lastOf = (path: FieldPath): string => {
  const k = path[path.length - 1];
  if (k === undefined) throw new Error('字段路径为空');
  return k;
};

/** the container (root, group or table row) holding the children of parentPath, if there is one */
export function containerAt(form: Obj, parentPath: FieldPath): Obj | undefined {
  let c: Obj | undefined = form;
  for (const seg of parentPath) c = containerOf(propsOf(c)[seg]);
  return c;
}

export function siblingKeys(doc: FormDoc, parentPath: FieldPath): string[] {
  return Object.keys(propsOf(containerAt(doc.form, parentPath)));
}

export function kindOf(field: Obj, uiField?: unknown): FieldKind {
  switch (field.type) {
    case 'string':
      if (field[MATERIAL_KEYWORD] === true) return 'material';
      if (Array.isArray(field.enum)) return 'enum';
      if (typeof field.format === 'string' && DATE_FORMATS.includes(field.format)) return 'date';
      if (isObj(uiField) && uiField['ui:widget'] === 'textarea') return 'textarea';
      return 'text';
    case 'integer':
    case 'number':
    case 'boolean':
      return field.type;
    case 'object':
      return field[ID_DOCUMENT_KEYWORD] === true ? 'idDocument' : 'group';
    case 'array':
      if (isObj(field.items) && field.items.type === 'string' && Array.isArray(field.items.enum)) return 'multi';
      return containerOf(field) ? 'table' : 'other';
    default:
      return 'other';
  }
}

export interface FieldInfo {
  path: string[];
  key: string;
  schema: Obj;
  ui: Obj | undefined;
  kind: FieldKind;
  required: boolean;
}

export function getField(doc: FormDoc, path: FieldPath): FieldInfo | undefined {
  if (path.length === 0) return undefined;
  const container = containerAt(doc.form, parentOf(path));
  const key = lastOf(path);
  const schema = propsOf(container)[key];
  if (!container || !isObj(schema) || !Object.prototype.hasOwnProperty.call(propsOf(container), key)) return undefined;
  const uiRaw = getIn(doc.ui, [...uiContainerKeys(doc.form, parentOf(path)), key]);
  const ui = isObj(uiRaw) ? uiRaw : undefined;
  return { path: [...path], key, schema, ui, kind: kindOf(schema, ui), required: stringList(container.required).includes(key) };
}

/** property names in display order: ui:order first (with '*' standing for the rest), else declaration order */
export function orderedKeys(container: Obj | undefined, uiContainer: unknown): string[] {
  const keys = Object.keys(propsOf(container));
  const order = isObj(uiContainer) ? uiContainer['ui:order'] : undefined;
  if (!Array.isArray(order)) return keys;
  const seen = new Set<string>();
  const pick = (list: unknown[]) =>
    list.filter((k): k is string => {
      if (typeof k !== 'string' || k === '*' || !keys.includes(k) || seen.has(k)) return false;
      seen.add(k);
      return true;
    });
  const star = order.indexOf('*');
  const before = pick(star < 0 ? order : order.slice(0, star));
  const after = star < 0 ? [] : pick(order.slice(star + 1));
  const rest = keys.filter((k) => !seen.has(k));
  return [...before, ...rest, ...after];
}

export function listFields(doc: FormDoc, parentPath: FieldPath = []): FieldNode[] {
  const container = containerAt(doc.form, parentPath);
  if (!container) return [];
  const uiContainer = getIn(doc.ui, uiContainerKeys(doc.form, parentPath));
  return orderedKeys(container, uiContainer).flatMap((key) => {
    const info = getField(doc, [...parentPath, key]);
    if (!info) return [];
    const title = typeof info.schema.title === 'string' ? info.schema.title : '';
    const node: FieldNode = { path: info.path, key, title, kind: info.kind, required: info.required };
    if (info.schema['x-show-if'] !== undefined) node.conditional = 'show';
    else if (info.schema['x-required-if'] !== undefined) node.conditional = 'required';
    if (info.kind === 'group' || info.kind === 'table') node.children = listFields(doc, info.path);
    return [node];
  });
}

// ---- validation ------------------------------------------------------------------------------------

const KEY_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** why `key` cannot name a field among `siblings` (the field's own current key excepted), or null */
export function validateKey(key: string, siblings: readonly string[], currentKey?: string, topLevel = false): string | null {
  if (!key) return '请填写字段标识';
  if (!KEY_PATTERN.test(key)) return '标识只能使用英文字母、数字和下划线，且不能以数字开头';
  if (key !== currentKey && siblings.includes(key)) return `同一层级已有字段「${key}」`;
  if (topLevel && RESERVED_TOP_LEVEL.includes(key)) return `「${key}」是资格规则的保留名称，请换一个`;
  return null;
}

/** field1, field2, … the first not yet taken */
export function newFieldKey(siblings: readonly string[]): string {
  for (let i = 1; ; i++) if (!siblings.includes(`field${i}`)) return `field${i}`;
}

// ---- edits -----------------------------------------------------------------------------------------

const setField = (doc: FormDoc, path: FieldPath, fn: (f: Obj) => Obj): FormDoc => {
  if (!getField(doc, path)) throw new Error(`没有字段「${path.join('.')}」`);
  const keys = [...containerKeys(doc.form, parentOf(path)), 'properties', lastOf(path)];
  return { ...doc, form: updateIn(doc.form, keys, (f) => fn(f ?? {})) ?? {} };
};

const setContainer = (doc: FormDoc, parentPath: FieldPath, fn: (c: Obj) => Obj): FormDoc => ({
  ...doc,
  form: updateIn(doc.form, containerKeys(doc.form, parentPath), (c) => fn(c ?? {})) ?? {},
});

const setUiContainer = (doc: FormDoc, parentPath: FieldPath, fn: (u: Obj) => Obj | undefined): FormDoc => ({
  ...doc,
  ui: updateIn(doc.ui, uiContainerKeys(doc.form, parentPath), (u) => fn(u ?? {}), true) ?? {},
});

const setUiField = (doc: FormDoc, path: FieldPath, fn: (u: Obj | undefined) => Obj | undefined): FormDoc => ({
  ...doc,
  ui: updateIn(doc.ui, [...uiContainerKeys(doc.form, parentOf(path)), lastOf(path)], fn, true) ?? {},
});

/** set (or, with undefined, delete) the given uiSchema options of one field */
export function patchUi(doc: FormDoc, path: FieldPath, patch: Record<string, unknown>): FormDoc {
  return setUiField(doc, path, (u) => {
    const out: Obj = { ...(u ?? {}) };
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined) delete out[k];
      else out[k] = v;
    }
    return Object.keys(out).length ? out : undefined;
  });
}

/** set (or, with undefined, delete) the given keywords of one field; every other keyword stays */
export function patchField(doc: FormDoc, path: FieldPath, patch: Record<string, unknown>): FormDoc {
  return setField(doc, path, (f) => {
    const out = { ...f };
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined) delete out[k];
      else out[k] = v;
    }
    return out;
  });
}

export function setRequired(doc: FormDoc, path: FieldPath, on: boolean): FormDoc {
  const key = lastOf(path);
  const field = getField(doc, path);
  if (!field) throw new Error(`没有字段「${path.join('.')}」`);
  if (field.required === on) return doc;
  return setContainer(doc, parentOf(path), (c) => {
    const list = Array.isArray(c.required) ? c.required : [];
    const next = on ? [...list, key] : list.filter((k) => k !== key);
    const out: Obj = { ...c, required: next };
    if (next.length === 0) delete out.required;
    return out;
  });
}

/** keywords the editor owns for some kind; a kind change drops the ones that no longer apply */
const OWNED = ['format', 'enum', 'enumNames', 'properties', 'required', 'items', 'minLength', 'maxLength', 'minimum', 'maximum', 'minItems', 'maxItems', 'uniqueItems', MATERIAL_KEYWORD, ID_DOCUMENT_KEYWORD];
const KEEP: Record<Exclude<FieldKind, 'other'>, readonly string[]> = {
  text: ['minLength', 'maxLength'],
  textarea: ['minLength', 'maxLength'],
  date: ['format'],
  integer: ['minimum', 'maximum'],
  number: ['minimum', 'maximum'],
  boolean: [],
  enum: ['enum', 'enumNames'],
  multi: ['items', 'minItems', 'maxItems', 'uniqueItems'],
  material: ['enum', MATERIAL_KEYWORD],
  idDocument: ['properties', 'required', ID_DOCUMENT_KEYWORD],
  group: ['properties', 'required'],
  table: ['items', 'minItems', 'maxItems'],
};
const TYPE_OF: Record<Exclude<FieldKind, 'other'>, string> = {
  text: 'string',
  textarea: 'string',
  date: 'string',
  integer: 'integer',
  number: 'number',
  boolean: 'boolean',
  enum: 'string',
  multi: 'array',
  material: 'string',
  idDocument: 'object',
  group: 'object',
  table: 'array',
};

/** the schema of a new field of this kind */
export function newFieldSchema(kind: Exclude<FieldKind, 'other'>, title: string): Obj {
  return reshape({ title }, 'other', kind);
}

function reshape(f: Obj, from: FieldKind, to: Exclude<FieldKind, 'other'>): Obj {
  const out: Obj = { ...f, type: TYPE_OF[to] };
  // a default or const of the old type would no longer fit
  if (f.type !== out.type) {
    delete out.default;
    delete out.const;
  }
  // a group becomes a table of such rows and back, keeping the children
  if (from === 'group' && to === 'table') {
    out.items = { type: 'object', properties: propsOf(f), ...(Array.isArray(f.required) ? { required: f.required } : {}) };
  }
  if (from === 'table' && to === 'group') {
    const row = containerOf(f) ?? {};
    out.properties = propsOf(row);
    if (Array.isArray(row.required)) out.required = row.required;
  }
  // single ↔ multi select keep their options
  if (from === 'enum' && to === 'multi') out.items = { type: 'string', enum: stringList(f.enum) };
  if (from === 'multi' && to === 'enum' && isObj(f.items)) out.enum = stringList(f.items.enum);
  // an identity document is a fixed pair, never a group of someone's fields
  if (to === 'idDocument' || from === 'idDocument') {
    delete out.properties;
    delete out.required;
  }
  for (const k of OWNED) if (!KEEP[to].includes(k)) delete out[k];
  if (to === 'multi') {
    if (!(isObj(out.items) && out.items.type === 'string' && stringList(out.items.enum).length > 0)) out.items = { type: 'string', enum: ['选项一', '选项二'] };
    out.uniqueItems = true;
  }
  if (to === 'idDocument') Object.assign(out, idDocumentSchema());
  if (to === 'material') {
    out[MATERIAL_KEYWORD] = true;
    // the level's materials are set by the panel (the schema does not know them); options of a select do not carry over
    if (from !== 'material') delete out.enum;
  }
  if (to === 'date' && !(typeof out.format === 'string' && DATE_FORMATS.includes(out.format))) out.format = 'date';
  if (to === 'enum' && stringList(out.enum).length === 0) out.enum = ['选项一', '选项二'];
  if (to === 'group' && !isObj(out.properties)) out.properties = {};
  if (to === 'enum' && from === 'material') out.enum = ['选项一', '选项二'];
  if (to === 'table' && !containerOf(out)) out.items = { type: 'object', properties: {} };
  return out;
}

export function setKind(doc: FormDoc, path: FieldPath, to: Exclude<FieldKind, 'other'>): FormDoc {
  const field = getField(doc, path);
  if (!field) throw new Error(`没有字段「${path.join('.')}」`);
  const from = field.kind;
  if (from === to) return doc;
  let next = setField(doc, path, (f) => reshape(f, from, to));
  next = setUiField(next, path, (u) => {
    if (!u) return withKindUi(to === 'textarea' ? { 'ui:widget': 'textarea' } : {}, from, to);
    let out: Obj = { ...u };
    if (from === 'group' && to === 'table') out = { ...pickUiOptions(u), items: omitUiOptions(u) };
    else if (from === 'table' && to === 'group') out = { ...pickUiOptions(u), ...(isObj(u.items) ? u.items : {}) };
    else if ((from === 'group' || from === 'table') && to !== 'group' && to !== 'table') out = pickUiOptions(u);
    if (to === 'textarea') out['ui:widget'] = 'textarea';
    else if (out['ui:widget'] === 'textarea') delete out['ui:widget'];
    return withKindUi(out, from, to);
  });
  return next;
}

/** the uiSchema a kind brings: 是/否 as two radio buttons, multi select as checkboxes; labels of the old options go */
function withKindUi(u: Obj, from: FieldKind, to: Exclude<FieldKind, 'other'>): Obj | undefined {
  const out: Obj = { ...u };
  const keepsOptions = (k: FieldKind) => k === 'enum' || k === 'multi';
  if (!(keepsOptions(from) && keepsOptions(to))) delete out['ui:enumNames'];
  if (from === 'boolean' || from === 'multi') delete out['ui:widget'];
  if (to === 'boolean') Object.assign(out, { 'ui:widget': 'radio', 'ui:enumNames': ['是', '否'] });
  if (to === 'multi') out['ui:widget'] = 'checkboxes';
  return Object.keys(out).length ? out : undefined;
}

const pickUiOptions = (u: Obj): Obj => Object.fromEntries(Object.entries(u).filter(([k]) => k.startsWith('ui:') && k !== 'ui:order'));
const omitUiOptions = (u: Obj): Obj => Object.fromEntries(Object.entries(u).filter(([k]) => !k.startsWith('ui:') || k === 'ui:order'));

export function renameField(doc: FormDoc, path: FieldPath, newKey: string): FormDoc {
  const oldKey = lastOf(path);
  if (newKey === oldKey) return doc;
  const parent = parentOf(path);
  const problem = validateKey(newKey, siblingKeys(doc, parent), oldKey, parent.length === 0);
  if (problem) throw new Error(problem);
  if (!getField(doc, path)) throw new Error(`没有字段「${path.join('.')}」`);
  // siblings' show-if / required-if conditions name the field by its key
  const follow = (v: unknown): unknown => {
    if (!isObj(v)) return v;
    const out: Obj = { ...v };
    for (const w of ['x-show-if', 'x-required-if']) {
      const c = out[w];
      if (isObj(c) && c.field === oldKey) out[w] = { ...c, field: newKey };
    }
    return out;
  };
  let next = setContainer(doc, parent, (c) => {
    const out: Obj = { ...c, properties: Object.fromEntries(Object.entries(propsOf(c)).map(([k, v]) => [k === oldKey ? newKey : k, follow(v)])) };
    if (Array.isArray(c.required)) out.required = c.required.map((k) => (k === oldKey ? newKey : k));
    return out;
  });
  next = setUiContainer(next, parent, (u) => {
    const out: Obj = {};
    for (const [k, v] of Object.entries(u)) {
      if (k === 'ui:order' && Array.isArray(v)) out[k] = v.map((x) => (x === oldKey ? newKey : x));
      else out[k === oldKey ? newKey : k] = v;
    }
    return out;
  });
  return next;
}

export interface NewField {
  key: string;
  title: string;
  kind: Exclude<FieldKind, 'other'>;
}

/** add a field at the end of the root, a group or a table row */
export function addField(doc: FormDoc, parentPath: FieldPath, field: NewField): FormDoc {
  if (parentPath.length > 0 && !containerAt(doc.form, parentPath)) throw new Error(`「${parentPath.join('.')}」不是分组或表格`);
  const problem = validateKey(field.key, siblingKeys(doc, parentPath), undefined, parentPath.length === 0);
  if (problem) throw new Error(problem);
  let next = setContainer(doc, parentPath, (c) => ({ ...c, properties: { ...propsOf(c), [field.key]: newFieldSchema(field.kind, field.title) } }));
  // an explicit ui:order without '*' must list every property, or RJSF refuses to render
  next = setUiContainer(next, parentPath, (u) => {
    const order = u['ui:order'];
    if (!Array.isArray(order) || order.includes('*')) return u;
    return { ...u, 'ui:order': [...order, field.key] };
  });
  if (field.kind === 'textarea') next = setUiField(next, [...parentPath, field.key], (u) => ({ ...(u ?? {}), 'ui:widget': 'textarea' }));
  const kindUi = withKindUi({}, 'other', field.kind);
  if (kindUi) next = setUiField(next, [...parentPath, field.key], (u) => ({ ...(u ?? {}), ...kindUi }));
  return next;
}

/** delete a field with everything under it, and its entries in `required`, `ui:order` and the uiSchema */
export function removeField(doc: FormDoc, path: FieldPath): FormDoc {
  const key = lastOf(path);
  const parent = parentOf(path);
  if (!getField(doc, path)) return doc;
  let next = setContainer(doc, parent, (c) => {
    const props = { ...propsOf(c) };
    delete props[key];
    const out: Obj = { ...c, properties: props };
    if (Array.isArray(c.required)) {
      const req = c.required.filter((k) => k !== key);
      if (req.length) out.required = req;
      else delete out.required;
    }
    return out;
  });
  next = setUiContainer(next, parent, (u) => {
    const out: Obj = { ...u };
    delete out[key];
    if (Array.isArray(u['ui:order'])) out['ui:order'] = u['ui:order'].filter((k) => k !== key);
    return out;
  });
  return next;
}

/** move a field up (-1) or down (+1) among its siblings, writing the full order to ui:order */
export function moveField(doc: FormDoc, path: FieldPath, delta: -1 | 1): FormDoc {
  const key = lastOf(path);
  const parent = parentOf(path);
  const order = orderedKeys(containerAt(doc.form, parent), getIn(doc.ui, uiContainerKeys(doc.form, parent)));
  const i = order.indexOf(key);
  const j = i + delta;
  if (i < 0 || j < 0 || j >= order.length) return doc;
  const moved = [...order];
  [moved[i], moved[j]] = [moved[j]!, moved[i]!];
  // '*' keeps fields added later in the JSON editor rendering
  return setUiContainer(doc, parent, (u) => ({ ...u, 'ui:order': [...moved, '*'] }));
}

/** can this field move by delta among its siblings? */
export function canMove(doc: FormDoc, path: FieldPath, delta: -1 | 1): boolean {
  const parent = parentOf(path);
  const order = orderedKeys(containerAt(doc.form, parent), getIn(doc.ui, uiContainerKeys(doc.form, parent)));
  const j = order.indexOf(lastOf(path)) + delta;
  return order.includes(lastOf(path)) && j >= 0 && j < order.length;
}

/**
 * The field a problem points at: '/properties/papers/items/properties/title/minLength' → ['papers','title'].
 * Works for pointers into the schema (publish check) and into the data ('/papers/0/title'); null when none.
 */
export function pointerToPath(doc: FormDoc, pointer: string): string[] | null {
  const segs = pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const path: string[] = [];
  let container: Obj | undefined = doc.form;
  for (let i = 0; i < segs.length && container; i++) {
    const seg = segs[i]!;
    // a show-if field is stored in allOf/N/then of its container (conditions.ts)
    if (seg === 'allOf' && /^\d+$/.test(segs[i + 1] ?? '') && (segs[i + 2] === 'then' || segs[i + 2] === 'else')) {
      i += 2;
      continue;
    }
    const props = propsOf(container);
    let name: string | undefined;
    if (seg === 'properties' && i + 1 < segs.length && Object.prototype.hasOwnProperty.call(props, segs[i + 1]!)) name = segs[++i];
    else if (Object.prototype.hasOwnProperty.call(props, seg)) name = seg;
    if (name === undefined) break;
    path.push(name);
    const field: unknown = props[name];
    container = containerOf(field);
    if (isObj(field) && field.type === 'array') {
      // skip 'items' (schema) or a row index (data)
      const nextSeg = segs[i + 1];
      if (nextSeg === 'items' || (nextSeg !== undefined && /^\d+$/.test(nextSeg))) i++;
    }
  }
  return path.length ? path : null;
}
