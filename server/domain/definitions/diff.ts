// What changed between two bodies of a definition, as Chinese lines an administrator reads:
//   申报表单 · 字段「学历」：必填 → 选填
//   资格规则 · 破格申报第1条 · 条件「取得中级职称后须满5年」：已删除
//   材料清单：新增「继续教育证明」
// List items are matched by their id (or key), so deleting the first of five conditions is one deletion, not five
// edits; a path segment is the title, name or message found in the body, never an array index or an internal key
// when the body offers a name. (A JSON diff library was tried first: its array deltas needed this same identity
// function and a walk of its own delta format to be named, so the walk compares the bodies directly.)
import { isDeepStrictEqual } from 'node:util';
import type { DefinitionKind } from '../../store/port.js';
import { diffFlows } from '../workflow/diff.js';
import { FIELD_LABELS, ITEM_NOUNS, SECTION_LABELS, TRANSPARENT } from './diff-labels.js';

export interface DiffLine {
  change: 'added' | 'removed' | 'changed' | 'moved';
  text: string;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);

/** the name people know an object by */
const nameOf = (v: unknown): string | undefined => (isObj(v) ? (str(v.title) ?? str(v.name) ?? str(v.message) ?? str(v.label) ?? str(v.id) ?? str(v.key)) : undefined);

/** what identifies a list item across versions: its id (or key), so an edited item is matched, not deleted and re-added */
const identity = (v: unknown): string => {
  if (!isObj(v)) return `=${JSON.stringify(v)}`;
  for (const k of ['id', 'key', 'levelKey', 'orgId', 'name', 'title']) if (typeof v[k] === 'string' || typeof v[k] === 'number') return `${k}:${String(v[k])}`;
  return `=${JSON.stringify(v)}`;
};

const LONG = 60;
function render(v: unknown): string {
  if (v === undefined || v === null) return '（无）';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'string') return v.length > LONG ? `${v.slice(0, LONG)}…` : v;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v) && v.every((x) => !isObj(x) && !Array.isArray(x))) return v.length ? v.map(render).join('、') : '（空）';
  const name = nameOf(v);
  if (name) return `「${name}」`;
  const json = JSON.stringify(v);
  return json.length > LONG ? `${json.slice(0, LONG)}…` : json;
}

const join = (path: string[]): string => path.join(' · ');
const at = (path: string[], text: string): string => (path.length ? `${join(path)}：${text}` : text);

/** an item of a list or an entry of a map, as a path segment: 条件「…」, 字段「…」, 正常申报 */
function itemSegment(container: string | undefined, value: unknown, fallback: string, titles?: Map<string, string>): string {
  const noun = container !== undefined ? (ITEM_NOUNS[container] ?? '') : '';
  if (container === 'uiSchema') return fallback.startsWith('ui:') ? (FIELD_LABELS[fallback] ?? fallback) : `${noun}「${titles?.get(fallback) ?? fallback}」`;
  const name = nameOf(value) ?? (isObj(value) || Array.isArray(value) ? undefined : render(value));
  if (container === 'paths' && name) return name;
  return `${noun}「${name ?? fallback}」`;
}

const fieldLabel = (key: string, depth: number): string => (depth === 0 ? SECTION_LABELS[key] : FIELD_LABELS[key]) ?? key;
const requiredText = (b: unknown): string => (b === true ? '必填' : b === false ? '选填' : '（未设）');

function changedText(l: unknown, r: unknown): string {
  const long = (v: unknown) => typeof v === 'string' && v.length > LONG;
  if (long(l) && long(r)) return '已修改';
  return `${render(l)} → ${render(r)}`;
}

/** the lines found, and the form's field titles by key (a uiSchema entry is named by the field it shapes) */
interface Out {
  lines: DiffLine[];
  titles: Map<string, string>;
}

/** a JSON Schema's `required` list read as one line per field whose 必填 changed (added or removed fields say it themselves) */
function requiredLines(out: Out, path: string[], left: Obj, right: Obj): void {
  const before = new Set(Array.isArray(left.required) ? left.required.map(String) : []);
  const after = new Set(Array.isArray(right.required) ? right.required.map(String) : []);
  const lp = isObj(left.properties) ? left.properties : {};
  const rp = isObj(right.properties) ? right.properties : {};
  for (const k of new Set([...before, ...after])) {
    if (before.has(k) === after.has(k) || !(k in lp) || !(k in rp)) continue;
    out.lines.push({ change: 'changed', text: at([...path, itemSegment('properties', rp[k], k)], after.has(k) ? '选填 → 必填' : '必填 → 选填') });
  }
}

function compareObjects(out: Out, left: Obj, right: Obj, path: string[], container: string | undefined, depth: number): void {
  // a map of named entries (form fields, templates, decision forms) or an object of settings
  const isMap = container !== undefined && container in ITEM_NOUNS;
  const schemaLike = !isMap && (isObj(left.properties) || isObj(right.properties));
  for (const k of new Set([...Object.keys(left), ...Object.keys(right)])) {
    const l = left[k];
    const r = right[k];
    if (isDeepStrictEqual(l, r)) continue;
    if (k === 'required' && schemaLike && (Array.isArray(l) || Array.isArray(r))) {
      requiredLines(out, path, left, right);
      continue;
    }
    if (isMap) {
      if (l === undefined) out.lines.push({ change: 'added', text: at(path, `新增${itemSegment(container, r, k, out.titles)}`) });
      else if (r === undefined) out.lines.push({ change: 'removed', text: at([...path, itemSegment(container, l, k, out.titles)], '已删除') });
      else if (isObj(l) && isObj(r)) compareObjects(out, l, r, [...path, itemSegment(container, l, k, out.titles)], undefined, depth + 1);
      else out.lines.push({ change: 'changed', text: at([...path, itemSegment(container, r, k, out.titles)], changedText(l, r)) });
      continue;
    }
    if (k === 'required' && (typeof l === 'boolean' || typeof r === 'boolean')) {
      out.lines.push({ change: 'changed', text: at(path, `${requiredText(l)} → ${requiredText(r)}`) });
      continue;
    }
    // 资格规则 · 正常申报 · 条件「…」: a list whose items carry their noun, or a transparent one, adds no segment of its own
    const seg = TRANSPARENT.has(k) || (depth > 0 && ITEM_NOUNS[k]) ? [] : [fieldLabel(k, depth)];
    if ((isObj(l) && isObj(r)) || (Array.isArray(l) && Array.isArray(r))) {
      compare(out, l, r, [...path, ...seg], k, depth + 1);
      continue;
    }
    const change = l === undefined ? 'added' : r === undefined ? 'removed' : 'changed';
    out.lines.push({ change, text: at([...path, fieldLabel(k, depth)], changedText(l, r)) });
  }
}

function compareArrays(out: Out, left: unknown[], right: unknown[], path: string[], container: string | undefined, depth: number): void {
  const before = new Map(left.map((v, i) => [identity(v), { v, i }]));
  const after = new Map(right.map((v, i) => [identity(v), { v, i }]));
  for (const [id, { v, i }] of before) {
    if (after.has(id)) continue;
    const seg = itemSegment(container, v, `第${i + 1}项`);
    // 选项：删除「大专」 for a plain value; 资格规则 · 正常申报 · 条件「…」：已删除 for a named item
    out.lines.push({ change: 'removed', text: isObj(v) ? at([...path, seg], '已删除') : at(path, `删除${seg}`) });
  }
  for (const [id, { v, i }] of after) {
    const old = before.get(id);
    if (!old) out.lines.push({ change: 'added', text: at(path, `新增${itemSegment(container, v, `第${i + 1}项`)}`) });
    // an edited item is named as it was known before the edit
    else if (!isDeepStrictEqual(old.v, v)) compare(out, old.v, v, [...path, itemSegment(container, old.v, `第${old.i + 1}项`)], undefined, depth + 1);
  }
  const kept = (a: Map<string, unknown>, b: Map<string, unknown>) => [...a.keys()].filter((id) => b.has(id));
  if (!isDeepStrictEqual(kept(before, after), kept(after, before))) out.lines.push({ change: 'moved', text: at(path, '顺序已调整') });
}

function compare(out: Out, left: unknown, right: unknown, path: string[], container: string | undefined, depth: number): void {
  if (isDeepStrictEqual(left, right)) return;
  if (Array.isArray(left) && Array.isArray(right)) compareArrays(out, left, right, path, container, depth);
  else if (isObj(left) && isObj(right)) compareObjects(out, left, right, path, container, depth);
  else out.lines.push({ change: 'changed', text: at(path, changedText(left, right)) });
}

/** the readable changes between two JSON bodies (of any kind but workflow's BPMN) */
export function diffJson(from: unknown, to: unknown): DiffLine[] {
  const out: Out = { lines: [], titles: new Map() };
  // a level's form: field titles by key, for its uiSchema (the later title wins)
  for (const body of [from, to]) {
    const props = isObj(body) && isObj(body.form) && isObj(body.form.properties) ? body.form.properties : {};
    for (const [k, v] of Object.entries(props)) if (nameOf(v)) out.titles.set(k, nameOf(v)!);
  }
  compare(out, from, to, [], undefined, 0);
  return out.lines;
}

/** a flow's BPMN compared element by element (server/domain/workflow/diff.ts), in the same lines */
async function diffFlowXml(from: string, to: string): Promise<DiffLine[]> {
  const d = await diffFlows(from, to);
  const section = SECTION_LABELS.xml ?? '流程图';
  const el = (e: { typeLabel: string; name: string }) => `${e.typeLabel}「${e.name}」`;
  return [
    ...d.added.map((e): DiffLine => ({ change: 'added', text: `${section}：新增${el(e)}` })),
    ...d.removed.map((e): DiffLine => ({ change: 'removed', text: `${section} · ${el(e)}：已删除` })),
    ...d.changed.flatMap((e) => (e.changes ?? []).map((c): DiffLine => ({ change: 'changed', text: `${section} · ${el(e)} · ${c.label}：${c.from ?? '（无）'} → ${c.to ?? '（无）'}` }))),
  ];
}

/**
 * The readable diff of one definition kind. Workflows: their BPMN through the flow diff, their other settings as
 * JSON (the steps of a step flow are what the BPMN is compiled from, so they are not listed twice).
 */
export async function diffDefinition(kind: DefinitionKind, from: unknown, to: unknown): Promise<DiffLine[]> {
  if (kind !== 'workflow' || !isObj(from) || !isObj(to)) return diffJson(from, to);
  const { xml: a, steps: _sa, ...restFrom } = from;
  const { xml: b, steps: _sb, ...restTo } = to;
  const lines = diffJson(restFrom, restTo);
  if (typeof a === 'string' && typeof b === 'string' && a !== b) lines.push(...(await diffFlowXml(a, b)));
  return lines;
}
