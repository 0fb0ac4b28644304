// The level body as its tab forms see it. The forms edit the stored body directly (no second copy of it), so
// what a form does not show — an unknown key, an accept type without a checkbox, a hand-written FEEL — stays
// as it was; these pure helpers do the few translations between stored values and what people pick.
import type { LevelDefinition } from '../../../../server/domain/schema-types.gen.js';
import { formFacts } from '../../../../server/domain/rules/condition-facts.js';

/** rules are the rules editor's (typed there); the rest as the schema says, every part possibly missing while edited */
export type LevelBody = Omit<Partial<LevelDefinition>, 'rules'> & { rules?: unknown } & Record<string, unknown>;
export type Material = LevelDefinition['materials'][number];

/** the grades a level may have (schemas/level.schema.json, grade.enum) */
export const GRADES = ['正高级', '副高级', '中级', '助理级', '员级'] as const;

/** accepted file types people pick by name; any other stored type is kept and shown as it is */
export const ACCEPT_CHOICES: readonly { value: string; label: string }[] = [
  { value: 'application/pdf', label: 'PDF 文件' },
  { value: 'image/jpeg', label: 'JPG 图片' },
  { value: 'image/png', label: 'PNG 图片' },
  { value: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', label: 'Word 文档（DOCX）' },
  { value: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', label: 'Excel 表格（XLSX）' },
];

export const acceptLabel = (mime: string): string => ACCEPT_CHOICES.find((c) => c.value === mime)?.label ?? mime;

/** new picks from the checkboxes, keeping stored types that have no checkbox (in their place) */
export function withAcceptPicks(stored: readonly string[] | undefined, picked: readonly string[]): string[] {
  const known = new Set(ACCEPT_CHOICES.map((c) => c.value));
  const kept = (stored ?? []).filter((m) => !known.has(m) || picked.includes(m));
  const added = ACCEPT_CHOICES.map((c) => c.value).filter((m) => picked.includes(m) && !kept.includes(m));
  return [...kept, ...added];
}

const MB = 1024 * 1024;
/** maxBytes in MB for the input (two decimals at most) */
export const bytesToMb = (bytes: number | undefined): number | null => (bytes === undefined ? null : Math.round((bytes / MB) * 100) / 100);
/** MB typed → maxBytes; an exact stored value survives a round trip through the input */
export function mbToBytes(mb: number | null, stored: number | undefined): number | undefined {
  if (mb === null || !(mb > 0)) return undefined;
  if (stored !== undefined && bytesToMb(stored) === mb) return stored;
  return Math.max(1, Math.round(mb * MB));
}

/** 必交 / 选交 / 满足条件时必交, read from `required` and `requiredWhen` */
export type Need = 'always' | 'optional' | 'when';
export const NEED_LABELS: Record<Need, string> = { always: '必交', optional: '选交', when: '满足条件时必交' };

export const needOf = (m: Pick<Material, 'required' | 'requiredWhen'>): Need => (m.requiredWhen !== undefined ? 'when' : m.required ? 'always' : 'optional');

export function withNeed(m: Material, need: Need): Material {
  const { requiredWhen, ...rest } = m;
  if (need === 'when') return { ...rest, required: false, requiredWhen: requiredWhen ?? '' };
  return { ...rest, required: need === 'always' };
}

/** a material id no other item has: m1, m2, … (ids are machine names, never typed) */
export function newMaterialId(materials: readonly Material[]): string {
  const used = new Set(materials.map((m) => m.id));
  let n = materials.length + 1;
  while (used.has(`m${n}`)) n++;
  return `m${n}`;
}

export const move = <T>(list: readonly T[], i: number, d: -1 | 1): T[] => {
  const j = i + d;
  if (j < 0 || j >= list.length) return [...list];
  const out = [...list];
  [out[i], out[j]] = [out[j]!, out[i]!];
  return out;
};

/** the form's fields a committee's specialty may be read from: data pointers (/specialty) with their labels */
export function specialtyFieldOptions(form: unknown, uiSchema: unknown): { value: string; label: string }[] {
  return formFacts(form, uiSchema)
    .filter((f) => f.table === undefined && f.type !== 'table' && f.type !== 'multi')
    .map((f) => ({ value: `/${f.id.split('.').slice(1).join('/')}`, label: f.label }));
}

/** channels a level may give their own review flow (application.channel); others show as their code */
export const CHANNEL_LABELS: Record<string, string> = {
  entrusted: '委托评审（受托评委会评审）',
};
export const channelLabel = (c: string): string => CHANNEL_LABELS[c] ?? `渠道「${c}」`;

/** the documents an application offers, by their Chinese names */
export const TEMPLATE_LABELS: Record<string, string> = {
  pingshenbiao: '专业技术资格评审表',
  songshenbiao: '专业技术资格送审表',
  gaozhishu: '一次性告知书',
  gongshi: '公示',
  certificate: '电子证书',
};
export const templateLabel = (name: string): string => TEMPLATE_LABELS[name] ?? name;

/** decision forms by their Chinese names (the form's own title when it has one) */
export const DECISION_FORM_LABELS: Record<string, string> = {
  review: '审核（同意／退回补正／不同意）',
  resubmit: '补正后重新提交',
  vote: '评委会表决',
  scoring: '评分录入',
  publicity: '公示期间受理投诉',
  complaint: '投诉核查',
  filing: '核准备案',
};
export function decisionLabel(name: string, schema: unknown): string {
  if (DECISION_FORM_LABELS[name]) return DECISION_FORM_LABELS[name];
  const t = typeof schema === 'object' && schema !== null ? (schema as { title?: unknown }).title : undefined;
  return typeof t === 'string' && t ? t : name;
}

export type LevelTab = 'basic' | 'form' | 'rules' | 'materials' | 'flow' | 'decisions' | 'templates' | 'advanced';

/** the tab whose form shows a problem at this pointer (the 高级 tab for what no form shows) */
export function tabOf(pointer: string | undefined): LevelTab {
  const head = pointer?.split('/')[1] ?? '';
  switch (head) {
    case 'seriesKey':
    case 'levelKey':
    case 'title':
    case 'grade':
      return 'basic';
    case 'form':
    case 'uiSchema':
      return 'form';
    case 'rules':
      return 'rules';
    case 'materials':
      return 'materials';
    case 'workflow':
    case 'committee':
    case 'certificate':
      return 'flow';
    case 'decisions':
      return 'decisions';
    case 'templates':
      return 'templates';
    default:
      return 'advanced';
  }
}

/** a JSON pointer token (a decision form or template name) */
export const token = (s: string): string => s.replace(/~/g, '~0').replace(/\//g, '~1');

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A decision form is stored as a JSON Schema alone (the workbench renders it without a UI schema), so the
 * field order the form builder keeps in `ui:order` is written into the schema as the order of `properties`.
 */
export function foldOrder(schema: Obj, ui: unknown): Obj {
  if (!isObj(schema.properties)) return schema;
  const props = schema.properties;
  const uiObj = isObj(ui) ? ui : {};
  const order = Array.isArray(uiObj['ui:order']) ? (uiObj['ui:order'] as unknown[]).filter((k): k is string => typeof k === 'string') : [];
  const star = order.indexOf('*');
  const known = (ks: string[]) => ks.filter((k) => k !== '*' && Object.hasOwn(props, k));
  const before = known(star < 0 ? order : order.slice(0, star));
  const after = known(star < 0 ? [] : order.slice(star + 1));
  const rest = Object.keys(props).filter((k) => !before.includes(k) && !after.includes(k));
  const keys = [...before, ...rest, ...after];
  const out: Obj = {};
  for (const k of keys) {
    const p = props[k];
    out[k] = isObj(p) && p.type === 'object' ? foldOrder(p, uiObj[k]) : p;
  }
  return { ...schema, properties: out };
}

/** a new decision form's name (flows refer to it), never typed: form1, form2, … */
export function newDecisionName(decisions: Obj): string {
  let n = Object.keys(decisions).length + 1;
  while (Object.hasOwn(decisions, `form${n}`)) n++;
  return `form${n}`;
}

const FIELD_NAMES: Record<string, string> = {
  seriesKey: '基本信息 › 所属职称系列',
  levelKey: '基本信息 › 系列中的层级',
  title: '基本信息 › 职称名称',
  grade: '基本信息 › 级别',
  'workflow/key': '评审流程 › 默认评审流程',
  committee: '评委会',
  'committee/required': '评委会 › 评审方式',
  'committee/specialtyField': '评委会 › 专业字段',
  'certificate/titleField': '电子证书 › 职称名称取自',
  'certificate/seriesField': '电子证书 › 系列取自',
  'certificate/basis': '电子证书 › 取得依据',
};
const MATERIAL_PARTS: Record<string, string> = { name: '名称', required: '提交要求', requiredWhen: '何时必交', accept: '文件类型', maxBytes: '大小上限', idDocument: '身份证件', id: '编号' };

/** where a problem is, in words, for the parts of a level outside the form and the rules */
export function describeLevelPointer(body: LevelBody, pointer: string): string | undefined {
  const rest = pointer.slice(1);
  if (FIELD_NAMES[rest]) return FIELD_NAMES[rest];
  const unt = (t: string) => t.replace(/~1/g, '/').replace(/~0/g, '~');
  const m = /^materials\/(\d+)(?:\/([^/]+))?/.exec(rest);
  if (m) {
    const item = body.materials?.[Number(m[1])];
    const name = item?.name ? `「${item.name}」` : '';
    return `材料清单 › 第 ${Number(m[1]) + 1} 项${name}${m[2] ? ` › ${MATERIAL_PARTS[m[2]] ?? m[2]}` : ''}`;
  }
  const ch = /^workflow\/byChannel\/([^/]+)/.exec(rest);
  if (ch) return `评审流程 › ${channelLabel(unt(ch[1]!))}`;
  const d = /^decisions\/([^/]+)/.exec(rest);
  if (d) return `决定表单 › ${decisionLabel(unt(d[1]!), body.decisions?.[unt(d[1]!)])}`;
  const t = /^templates\/([^/]+)/.exec(rest);
  if (t) return `文书 › ${templateLabel(unt(t[1]!))}`;
  return undefined;
}
