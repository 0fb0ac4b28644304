// What a person reads of a form: stored values may be codes (a select's `jianshe`, a yes/no's `true`), but
// applicants and printed documents show labels (建设工程, 是). Design: the raw form stays as it is — rules,
// conditions and `{{#if}}` in templates keep testing real values — and a parallel `formLabels` of the same
// shape is built for printing, in which
//   - a select's value is its label (enumNames, ui:enumNames, oneOf/anyOf {const,title}, or labels the
//     caller knows from elsewhere — a series' specialty names — given by schema pointer in `optionsAt`);
//   - a multi select (array of such values) is its labels joined with 、;
//   - a yes/no is 是 or 否;
//   - sections and table rows are walked the same way; anything else (text, numbers, dates) is copied as is,
//     so `{{date formLabels.x}}` works like `{{date form.x}}`.
// Show-if fields live in if/then/else branches, so containers are read with declaredProperties.
// Caution for template authors: in formLabels 否 is a non-empty string, so test flags on `form`, print `formLabels`.
import { declaredProperties } from '../forms/declared-fields.js';
import { optionsOf } from '../rules/condition-facts.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const token = (s: string): string => s.replace(/~/g, '~0').replace(/\//g, '~1');

/** option labels by stored value, for one field */
export type OptionLabels = Readonly<Record<string, string>>;

export interface LabelledFormInput {
  schema: unknown;
  uiSchema?: unknown;
  data: unknown;
  /** labels known outside the form schema, by schema pointer (`/specialty`; table rows as `/papers/*`/…) */
  optionsAt?: Readonly<Record<string, OptionLabels>>;
}

export const YES = '是';
export const NO = '否';
const SEPARATOR = '、';
const MAX_DEPTH = 16;

function labelsOf(schema: Obj, ui: Obj | undefined, extra: OptionLabels | undefined): Map<string, string> | undefined {
  const options = optionsOf(schema, ui);
  if (!options && !extra) return undefined;
  const map = new Map<string, string>();
  for (const o of options ?? []) if (o.label !== String(o.value)) map.set(String(o.value), o.label);
  for (const [value, label] of Object.entries(extra ?? {})) if (!map.has(value)) map.set(value, label);
  return map;
}

const scalarLabel = (value: unknown, labels: Map<string, string> | undefined): unknown => {
  if (typeof value === 'boolean') return value ? YES : NO;
  if ((typeof value === 'string' || typeof value === 'number') && labels) return labels.get(String(value)) ?? value;
  return value;
};

function walk(schema: unknown, ui: unknown, data: unknown, at: string, optionsAt: LabelledFormInput['optionsAt'], depth: number): unknown {
  const s = isObj(schema) ? schema : {};
  const u = isObj(ui) ? ui : undefined;
  if (depth > MAX_DEPTH) return data;
  if (Array.isArray(data)) {
    const items = isObj(s.items) ? s.items : {};
    const itemsUi = u && isObj(u.items) ? u.items : undefined;
    const rowAt = `${at}/*`;
    if (data.every((x) => !isObj(x) && !Array.isArray(x))) {
      // a multi select (or a list of plain values): its labels, in one line
      const labels = labelsOf(items, itemsUi, optionsAt?.[rowAt]) ?? labelsOf(s, u, optionsAt?.[at]);
      return data.map((x) => String(scalarLabel(x, labels))).join(SEPARATOR);
    }
    return data.map((row) => walk(items, itemsUi, row, rowAt, optionsAt, depth + 1));
  }
  if (isObj(data)) {
    const props = declaredProperties(s);
    const out: Obj = {};
    for (const [k, v] of Object.entries(data)) {
      out[k] = walk(props[k], u?.[k], v, `${at}/${token(k)}`, optionsAt, depth + 1);
    }
    return out;
  }
  return scalarLabel(data, labelsOf(s, u, optionsAt?.[at]));
}

/** The form as people read it (see the header comment); the input is not changed. */
export function labelledForm(input: LabelledFormInput): Obj {
  const out = walk(input.schema, input.uiSchema, input.data, '', input.optionsAt, 0);
  return isObj(out) ? out : {};
}
