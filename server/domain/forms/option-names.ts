// Labels for a select whose options are stored as codes and named elsewhere: a series' specialties are keys in the
// level's form (jianshe…) and names in the series (建设工程…). The form (RJSF) shows `ui:enumNames`, so the
// names are added to the uiSchema at the field — unless the level already labels it.
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const untoken = (s: string): string => s.replace(/~1/g, '/').replace(/~0/g, '~');

/** the uiSchema with `ui:enumNames` for the field at `pointer` (an object path like /specialty); input unchanged */
export function withOptionNames(form: unknown, uiSchema: unknown, pointer: string, names: Readonly<Record<string, string>>): Obj {
  const ui: Obj = isObj(uiSchema) ? uiSchema : {};
  const keys = pointer.split('/').slice(1).map(untoken);
  if (keys.length === 0) return ui;
  let field: unknown = form;
  for (const k of keys) field = isObj(field) && isObj(field.properties) ? field.properties[k] : undefined;
  if (!isObj(field) || !Array.isArray(field.enum) || Array.isArray(field.enumNames)) return ui;
  const values = field.enum;
  const set = (node: Obj, i: number): Obj => {
    const k = keys[i]!;
    const child = isObj(node[k]) ? (node[k] as Obj) : {};
    if (i < keys.length - 1) return { ...node, [k]: set(child, i + 1) };
    if (Array.isArray(child['ui:enumNames'])) return node; // the level's own labels win
    return { ...node, [k]: { ...child, 'ui:enumNames': values.map((v) => names[String(v)] ?? String(v)) } };
  };
  return set(ui, 0);
}
