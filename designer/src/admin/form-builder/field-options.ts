// The options of a single or multi select (and of a material reference): what is stored (the value, may be a
// code) and what people see (the label). Labels live in the uiSchema's `ui:enumNames`, which RJSF shows and the
// rules' condition builder reads; they are written only when some label differs from its value, so a plain
// Chinese option list stays as the seeded forms have it (`enum` alone).
import { getField, isObj, patchField, patchUi, type FieldInfo, type FieldPath, type FormDoc } from './schema-tree.js';

export interface FieldOption {
  value: string;
  label: string;
}

const valuesOf = (f: FieldInfo): unknown[] => {
  if (f.kind === 'multi') return isObj(f.schema.items) && Array.isArray(f.schema.items.enum) ? f.schema.items.enum : [];
  return Array.isArray(f.schema.enum) ? f.schema.enum : [];
};

export function optionsOf(f: FieldInfo): FieldOption[] {
  const names = f.ui?.['ui:enumNames'];
  return valuesOf(f).map((v, i) => {
    const label = Array.isArray(names) && typeof names[i] === 'string' && names[i] !== '' ? (names[i] as string) : String(v);
    return { value: String(v), label };
  });
}

/** write the options: values into the schema, labels into ui:enumNames when they say something the value does not */
export function setOptions(doc: FormDoc, path: FieldPath, options: readonly FieldOption[]): FormDoc {
  const f = getField(doc, path);
  if (!f) throw new Error(`没有字段「${path.join('.')}」`);
  const values = options.map((o) => o.value);
  if (new Set(values).size !== values.length) throw new Error('选项的存储值不能重复');
  const next = f.kind === 'multi' ? patchField(doc, path, { items: { ...(isObj(f.schema.items) ? f.schema.items : {}), type: 'string', enum: values } }) : patchField(doc, path, { enum: values });
  const labelled = options.some((o) => o.label !== o.value);
  return patchUi(next, path, { 'ui:enumNames': labelled ? options.map((o) => o.label) : undefined });
}
