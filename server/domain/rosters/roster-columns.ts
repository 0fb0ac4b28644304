// The 花名册 as HR bureaus file it: its columns, and where each one's value sits in a level's form. Forms differ
// by series and are edited by people, so a column finds its field by the LABELS a person reads (性别, 最高学历 ›
// 学历), never by a key; a form without such a field leaves the column empty.
import { declaredProperties } from '../forms/declared-fields.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** one line of the roster, as people read it (labels, names, dates as text yyyy-mm-dd) */
export interface RosterRow {
  seq: number;
  name: string;
  gender: string;
  birthDate: string;
  unit: string;
  education: string;
  degree: string;
  school: string;
  major: string;
  currentTitle: string;
  currentTitleSince: string;
  series: string;
  grade: string;
  title: string;
  specialty: string;
  channel: string;
  path: string;
  committee: string;
  status: string;
  submittedAt: string;
}

export type RosterKey = Exclude<keyof RosterRow, 'seq'>;

/** the roster's columns in the bureaus' order */
export const ROSTER_COLUMNS: readonly { key: keyof RosterRow; header: string; width?: number; date?: 'month' | 'day' }[] = [
  { key: 'seq', header: '序号', width: 6 },
  { key: 'name', header: '姓名', width: 10 },
  { key: 'gender', header: '性别', width: 6 },
  { key: 'birthDate', header: '出生年月', width: 10, date: 'month' },
  { key: 'unit', header: '工作单位' },
  { key: 'education', header: '学历' },
  { key: 'degree', header: '学位' },
  { key: 'school', header: '毕业院校' },
  { key: 'major', header: '所学专业' },
  { key: 'currentTitle', header: '现专业技术资格' },
  { key: 'currentTitleSince', header: '现资格取得时间', width: 12, date: 'month' },
  { key: 'series', header: '申报系列' },
  { key: 'grade', header: '申报级别', width: 10 },
  { key: 'title', header: '申报资格名称' },
  { key: 'specialty', header: '申报专业' },
  { key: 'channel', header: '申报渠道' },
  { key: 'path', header: '申报路径' },
  { key: 'committee', header: '评审委员会' },
  { key: 'status', header: '申报状态', width: 10 },
  { key: 'submittedAt', header: '提交日期', width: 12, date: 'day' },
];

/** the form fields a column reads, by the titles on the way to the field; the first one the form has wins */
export const FORM_FIELD_LABELS: Readonly<Partial<Record<RosterKey, readonly (readonly string[])[]>>> = {
  gender: [['性别']],
  birthDate: [['出生年月'], ['出生日期']],
  education: [['最高学历', '学历'], ['学历']],
  degree: [['最高学历', '学位'], ['学位']],
  school: [['最高学历', '毕业院校'], ['毕业院校']],
  major: [['最高学历', '所学专业'], ['所学专业']],
  currentTitle: [['现专业技术资格', '资格名称'], ['现专业技术资格']],
  currentTitleSince: [['现专业技术资格', '取得时间'], ['现专业技术资格取得时间']],
};

/** application channels by the name people read (the only channel with a name of its own so far) */
export const CHANNEL_NAMES: Readonly<Record<string, string>> = { entrusted: '委托评审' };

const title = (s: unknown): string => (isObj(s) && typeof s.title === 'string' ? s.title.trim() : '');

/** the property path of the field reached by these titles, one level of nesting per title; null when absent */
export function fieldPathByLabels(schema: unknown, labels: readonly string[]): string[] | null {
  let at: unknown = schema;
  const path: string[] = [];
  for (const label of labels) {
    const hit = Object.entries(declaredProperties(at)).find(([, s]) => title(s) === label);
    if (!hit) return null;
    path.push(hit[0]);
    at = hit[1];
  }
  return path;
}

/** where each form column sits in this form (the first candidate the form has), as property paths */
export function rosterFieldPaths(schema: unknown): Partial<Record<RosterKey, string[]>> {
  const out: Partial<Record<RosterKey, string[]>> = {};
  for (const [key, candidates] of Object.entries(FORM_FIELD_LABELS) as [RosterKey, readonly (readonly string[])[]][]) {
    for (const labels of candidates) {
      const path = fieldPathByLabels(schema, labels);
      if (path) {
        out[key] = path;
        break;
      }
    }
  }
  return out;
}

/** a value of the labelled form as roster text: a section (an object) or table (an array) is not a cell */
export function cellText(form: unknown, path: readonly string[]): string {
  let at: unknown = form;
  for (const k of path) at = isObj(at) ? at[k] : undefined;
  return typeof at === 'string' || typeof at === 'number' ? String(at) : '';
}

/** e.g. 2022年度 工程系列 副高级 申报人员花名册 */
export function rosterTitle(t: { year?: number | undefined; series?: string | undefined; grade?: string | undefined }): string {
  const head = [t.year ? `${t.year}年度` : '', t.series, t.grade].filter((x): x is string => Boolean(x)).join(' ');
  return head ? `${head} 申报人员花名册` : '申报人员花名册';
}
