// Parts of a level that name a form field must name one the form declares: the committee's
// specialty field (a JSON pointer into the form data) is read at submit to choose a committee.
import type { LevelDefinition } from '../../schema-types.gen.js';
import type { Problem } from '../../result.js';
import { basisPointers } from '../../certificates/from-form.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const unescape = (t: string): string => t.replace(/~1/g, '/').replace(/~0/g, '~');

/** does the form declare the field at this data pointer (through nested `properties`)? */
export function declaresField(form: unknown, pointer: string): boolean {
  if (!pointer.startsWith('/')) return false;
  let schema: unknown = form;
  for (const t of pointer.slice(1).split('/').map(unescape)) {
    const props = isObject(schema) ? schema.properties : undefined;
    if (!isObject(props) || !Object.hasOwn(props, t)) return false;
    schema = props[t];
  }
  return true;
}

export function levelFieldProblems(level: LevelDefinition): Problem[] {
  const field = level.committee?.specialtyField;
  const out: Problem[] = [];
  if (field !== undefined && !declaresField(level.form, field))
    out.push({ code: 'level.unknown_field', message: `评委会专业字段「${field}」在申报表中不存在（应为表单字段的 JSON pointer，如 /specialty）`, pointer: '/committee/specialtyField' });
  return [...out, ...certificateFieldProblems(level)];
}

/** F8: the certificate's title, series and basis line read form fields the form must declare */
function certificateFieldProblems(level: LevelDefinition): Problem[] {
  const c = level.certificate;
  if (!c) return [];
  const named: [string | undefined, string][] = [
    [c.titleField, '/certificate/titleField'],
    [c.seriesField, '/certificate/seriesField'],
    ...basisPointers(c.basis ?? '').map((p): [string, string] => [p, '/certificate/basis']),
  ];
  return named
    .filter((n): n is [string, string] => n[0] !== undefined && !declaresField(level.form, n[0]))
    .map(([f, pointer]) => ({ code: 'level.unknown_field', message: `证书引用的字段「${f}」在申报表中不存在（应为表单字段的 JSON pointer，如 /original/name）`, pointer }));
}
