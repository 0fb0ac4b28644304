// What a template may use, for the template editor's picker: the level's form fields by their Chinese labels
// with the Handlebars path and the text to insert, the platform's facts (the shape built in
// runtime/applications/documents.ts: application, unit, level, campaign, committee, notice, certificate,
// rows of a roster) and the helpers (helpers.ts). Nobody types a path: the editor inserts `insert`.
// Form fields whose stored value is a code (a select, a yes/no, a multi select) and tables are inserted from
// `formLabels` (labelled-form.ts), so what an administrator inserts prints 建设工程 / 是, never jianshe / true.
import { declaredProperties } from '../forms/declared-fields.js';
import { optionsOf } from '../rules/condition-facts.js';

export type FieldKind = 'value' | 'date' | 'flag' | 'choices' | 'list';

export interface TemplateField {
  label: string;
  /** the Handlebars path, relative to the enclosing list's row for fields inside a list */
  path: string;
  kind: FieldKind;
  /** the text the editor inserts at the cursor */
  insert: string;
  /** a list's row fields (paths relative to the row, to be used inside its {{#each}}) */
  children?: TemplateField[];
}

export interface FieldGroup {
  key: string;
  label: string;
  fields: TemplateField[];
}

export interface HelperDoc {
  name: string;
  label: string;
  example: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const MAX_DEPTH = 8;

/** a path segment Handlebars reads as a name, else in brackets (keys with dashes, spaces, Chinese …) */
const segment = (k: string): string => (/^[A-Za-z_$][\w$]*$/.test(k) ? k : `[${k.replace(/]/g, '')}]`);
const join = (base: string, k: string): string => (base === '' ? segment(k) : `${base}.${segment(k)}`);

function insertFor(kind: FieldKind, path: string, children: TemplateField[] = []): string {
  switch (kind) {
    case 'date':
      return `{{date ${path}}}`;
    case 'flag':
      return `{{#if ${path}}}是{{else}}否{{/if}}`;
    case 'choices':
      return `{{join ${path} "、"}}`;
    case 'list': {
      const row = children.filter((c) => c.kind !== 'list').map((c) => c.insert).join('，');
      return `{{#each ${path}}}\n<p>${row || '{{this}}'}</p>\n{{/each}}`;
    }
    default:
      return `{{${path}}}`;
  }
}

const field = (label: string, path: string, kind: FieldKind, children?: TemplateField[]): TemplateField =>
  children ? { label, path, kind, insert: insertFor(kind, path, children), children } : { label, path, kind, insert: insertFor(kind, path) };

/** the same field in formLabels: printed as its label (是/否, options joined with 、) */
const printedPath = (path: string): string => (/^form[.[]/.test(path) ? `formLabels${path.slice(4)}` : path);
const labelled = (label: string, path: string, kind: FieldKind): TemplateField => ({ label, path: printedPath(path), kind, insert: `{{${printedPath(path)}}}` });

/** The fields of a form schema; `base` is the path of the object (e.g. 'form'). */
export function formFields(schema: unknown, base = 'form', depth = 0): TemplateField[] {
  if (!isObject(schema) || depth > MAX_DEPTH) return [];
  const out: TemplateField[] = [];
  for (const [k, sub] of Object.entries(declaredProperties(schema))) {
    if (!isObject(sub)) continue;
    const label = typeof sub.title === 'string' ? sub.title : k;
    const path = join(base, k);
    const type = Array.isArray(sub.type) ? sub.type.find((t) => t !== 'null') : sub.type;
    if (type === 'object' || (type === undefined && isObject(sub.properties))) {
      // a section: its fields, labelled with the section's name
      for (const f of formFields(sub, path, depth + 1)) out.push({ ...f, label: `${label} · ${f.label}` });
    } else if (type === 'array') {
      const items = isObject(sub.items) ? sub.items : {};
      if (Array.isArray(items.enum) || optionsOf(items, undefined) || (items.type === 'string' && !isObject(items.properties))) out.push(labelled(label, path, 'choices'));
      else out.push(field(label, printedPath(path), 'list', formFields(items, '', depth + 1)));
    } else if (type === 'boolean') out.push(labelled(label, path, 'flag'));
    else if (optionsOf(sub, undefined)) out.push(labelled(label, path, 'value'));
    else if (sub.format === 'date' || sub.format === 'date-time') out.push(field(label, path, 'date'));
    else out.push(field(label, path, 'value'));
  }
  return out;
}

/** one application's facts: at the root of a document, and the same inside {{#each rows}} of a roster */
function applicationFacts(): FieldGroup[] {
  return [
    {
      key: 'applicant',
      label: '申报人与申报',
      fields: [
        field('申报人姓名', 'application.applicantName', 'value'),
        field('申报专业', 'specialtyName', 'value'),
        field('申报途径', 'pathName', 'value'),
        field('申报状态', 'statusName', 'value'),
        field('年度', 'application.campaignYear', 'value'),
        field('提交日期', 'application.submittedAt', 'date'),
        field('序号（花名册中的行号）', 'seq', 'value'),
      ],
    },
    { key: 'level', label: '职称层级', fields: [field('资格名称', 'level.title', 'value'), field('级别', 'level.grade', 'value')] },
    { key: 'unit', label: '工作单位', fields: [field('单位名称', 'unit.name', 'value'), field('单位代码', 'unit.code', 'value')] },
    {
      key: 'committee',
      label: '评审委员会',
      fields: [field('评委会名称', 'committee.name', 'value'), field('备案号', 'committee.filing.number', 'value'), field('备案有效期起', 'committee.filing.validFrom', 'date'), field('备案有效期止', 'committee.filing.validTo', 'date')],
    },
    {
      key: 'notice',
      label: '一次性告知',
      fields: [
        field('告知日期', 'notice.issuedAt', 'date'),
        field('补正最后一天（含当日）', 'notice.lastDay', 'date'),
        {
          label: '需补正事项',
          path: 'notice.items',
          kind: 'list',
          insert: '{{#each notice.items}}\n<p>{{pointerLabel pointer}}：{{message}}</p>\n{{/each}}',
          children: [field('事项说明', 'message', 'value'), { label: '所涉栏目', path: 'pointer', kind: 'value', insert: '{{pointerLabel pointer}}' }],
        },
      ],
    },
    {
      key: 'certificate',
      label: '证书',
      fields: [field('是否已发证', 'certificate', 'flag'), field('证书编号', 'certificate.number', 'value'), field('发证日期', 'certificate.issuedAt', 'date'), field('核验码', 'certificate.verifyCode', 'value'), field('证书上的职称名称', 'certificate.signed.document.title', 'value'), field('取得方式（职称确认）', 'certificate.signed.document.basis', 'value'), field('有效范围（社会化评审）', 'certificate.signed.document.validity', 'value')],
    },
  ];
}

/** Every field and fact a template may use, grouped for the picker. `form` is the level's form schema. */
export function templateFields(form: unknown): FieldGroup[] {
  const facts = applicationFacts();
  const rowFields = [...facts.flatMap((g) => g.fields.filter((f) => f.kind !== 'list')), ...formFields(form, 'form')];
  return [
    { key: 'form', label: '申报表', fields: formFields(form, 'form') },
    ...facts,
    {
      key: 'campaign',
      label: '评审年度',
      fields: [field('年度名称', 'campaign.name', 'value'), field('年份', 'campaign.year', 'value'), field('学历计算截止日', 'campaign.cutoffs.education', 'date'), field('资历计算截止日', 'campaign.cutoffs.tenure', 'date')],
    },
    {
      key: 'roster',
      label: '花名册（多份申报）',
      fields: [field('范围（盟市或部门）', 'scope', 'value'), { ...field('每一份申报', 'rows', 'list', rowFields.slice(0, 4)), children: rowFields }],
    },
    { key: 'other', label: '其他', fields: [field('生成日期', 'now', 'date')] },
  ];
}

/** The helpers a template may call (helpers.ts and the allowed builtins, instance.ts). */
export const TEMPLATE_HELPERS: readonly HelperDoc[] = [
  { name: 'date', label: '日期写成“2024年07月01日”', example: '{{date form.birthDate}}' },
  { name: 'join', label: '把多个选项用顿号连起来', example: '{{join form.items "、"}}' },
  { name: 'eq', label: '两个值相等时（用在 if 中）', example: '{{#if (eq form.gender "女")}}…{{/if}}' },
  { name: 'pointerLabel', label: '把栏目位置写成栏目名称', example: '{{pointerLabel pointer}}' },
  { name: 'if', label: '有值时才显示', example: '{{#if certificate}}…{{else}}…{{/if}}' },
  { name: 'unless', label: '没有值时才显示', example: '{{#unless notice}}…{{/unless}}' },
  { name: 'each', label: '逐项列出', example: '{{#each form.papers}}…{{else}}无{{/each}}' },
  { name: 'with', label: '进入一组栏目', example: '{{#with form.education}}{{school}}{{/with}}' },
  { name: 'lookup', label: '按名称取值', example: '{{lookup form "name"}}' },
];
