// Turn ajv errors into located Chinese Problems. The browser runs the same schema
// with the same localiser, so both sides show the same words for the same error.
import { createRequire } from 'node:module';
import type { ErrorObject } from 'ajv';
import type { Problem } from '../result.js';
import { ID_DOCUMENT_KEYWORD } from './id-document.js';
import { conditionalRequired, fieldTitleAt, ifSummaryCovered } from './conditional-messages.js';

// ajv-i18n is CJS with no ESM entry; NodeNext needs require for its deep path.
const localizeZh = createRequire(import.meta.url)('ajv-i18n/localize/zh') as (errors?: ErrorObject[] | null) => void;

const escapePointerToken = (s: string): string => s.replace(/~/g, '~0').replace(/\//g, '~1');

/** The errors that ajv-errors replaced with the author's text (empty for ordinary errors). */
export function originalErrors(e: ErrorObject): ErrorObject[] {
  if (e.keyword !== 'errorMessage') return [];
  const inner = (e.params as { errors?: unknown }).errors;
  return Array.isArray(inner) ? (inner as ErrorObject[]) : [];
}

const paramString = (e: ErrorObject, name: string): string | undefined => {
  const v = (e.params as Record<string, unknown>)[name];
  return typeof v === 'string' ? v : undefined;
};

/** Pointer of the field the error is about: a missing property points at itself, not its parent. */
function pointerOf(e: ErrorObject): string {
  const child = paramString(e, 'missingProperty') ?? paramString(e, 'additionalProperty');
  return child === undefined ? e.instancePath : `${e.instancePath}/${escapePointerToken(child)}`;
}

function titleOf(schema: unknown): string | undefined {
  if (typeof schema !== 'object' || schema === null) return undefined;
  const t = (schema as { title?: unknown }).title;
  return typeof t === 'string' && t !== '' ? t : undefined;
}

/** The field's human label from its schema title, so "应当是 number 类型" says which field. */
function labelOf(e: ErrorObject): string | undefined {
  const missing = paramString(e, 'missingProperty');
  if (missing !== undefined) {
    const props = (e.parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties;
    return titleOf(props?.[missing]);
  }
  if (e.keyword === 'additionalProperties') return undefined; // the field has no schema to name it
  return titleOf(e.parentSchema);
}

const TYPE_WORDS: Record<string, string> = {
  number: '应当填写数字',
  integer: '应当填写整数',
  string: '应当填写文字',
  boolean: '应当选择“是”或“否”',
  array: '应当是一组内容',
  object: '填写有误',
  null: '应当留空',
};
const FORMAT_WORDS: Record<string, string> = {
  date: '应当是日期，如 2020-01-31',
  'date-time': '应当是日期和时间',
  email: '应当是电子邮箱地址',
  uri: '应当是网址',
};

/** ajv-i18n says "应当是 integer 类型", "预设定的枚举值", "匹配格式 "date"": programmer's words; people get these */
function plainWords(e: ErrorObject): string | undefined {
  if (e.keyword === 'enum' || e.keyword === 'const') return '请从给定的选项中选择';
  if (e.keyword === 'type') {
    const t = (e.params as { type?: unknown }).type;
    const first = typeof t === 'string' ? t.split(',')[0] : Array.isArray(t) ? String(t[0]) : '';
    return TYPE_WORDS[first ?? ''];
  }
  if (e.keyword === 'format') return FORMAT_WORDS[paramString(e, 'format') ?? ''] ?? '格式不正确';
  if (e.keyword === 'pattern') return '格式不正确';
  const limit = (e.params as { limit?: unknown }).limit;
  if (typeof limit === 'number') {
    if (e.keyword === 'maximum') return `不能大于 ${limit}`;
    if (e.keyword === 'minimum') return `不能小于 ${limit}`;
    if (e.keyword === 'exclusiveMaximum') return `应当小于 ${limit}`;
    if (e.keyword === 'exclusiveMinimum') return `应当大于 ${limit}`;
  }
  return undefined;
}

/** keywords whose message is already the Chinese text to show */
const OWN_MESSAGE = new Set(['errorMessage', ID_DOCUMENT_KEYWORD]);

/** `root`, the whole form schema, names a field required by an if/then branch that does not declare it */
export function toProblems(errors: readonly ErrorObject[], source?: string, root?: unknown): Problem[] {
  // copies: localize mutates messages in place, and only the non-custom ones may change,
  // otherwise ajv-errors' author-written text would be overwritten
  // an if/then summary ("应当匹配 then schema") says nothing the errors of its branch do not say better
  const copies = errors.filter((e) => !ifSummaryCovered(e, errors)).map((e) => ({ ...e }));
  localizeZh(copies.filter((e) => !OWN_MESSAGE.has(e.keyword)));
  return copies.map((e) => {
    if (e.keyword === ID_DOCUMENT_KEYWORD) {
      return withSource({ code: `schema.${ID_DOCUMENT_KEYWORD}`, message: e.message ?? '证件号码有误', pointer: e.instancePath }, source);
    }
    if (conditionalRequired(e)) {
      const pointer = pointerOf(e);
      const label = labelOf(e) ?? fieldTitleAt(root, pointer) ?? paramString(e, 'missingProperty') ?? '';
      return withSource({ code: 'schema.required', message: `「${label}」为必填项`, pointer }, source);
    }
    const originals = originalErrors(e);
    if (originals.length > 0) {
      const keywords = new Set(originals.map((o) => o.keyword));
      const pointers = new Set(originals.map(pointerOf));
      const [keyword] = keywords;
      const [pointer] = pointers;
      return withSource(
        {
          code: keywords.size === 1 ? `schema.${keyword}` : 'schema.custom',
          message: e.message ?? '填写有误',
          // one original field → point at it; several → the object that holds them
          pointer: pointers.size === 1 && pointer !== undefined ? pointer : e.instancePath,
        },
        source,
      );
    }
    const label = labelOf(e);
    // "应当有必需属性 gender" names the field by its key; people need the label and one word
    const text = e.keyword === 'required' && label ? '必填' : (plainWords(e) ?? e.message ?? '填写有误');
    return withSource(
      { code: `schema.${e.keyword}`, message: label ? `${label}：${text}` : text, pointer: pointerOf(e) },
      source,
    );
  });
}

const withSource = (p: Problem, source?: string): Problem => (source === undefined ? p : { ...p, source });
