// The builder edits a form with its show-if / required-if conditions as field annotations (every field in
// `properties`, where the tree, renames and moves already work), and hands the level the standard shape
// (server/domain/forms/conditions.ts): a show-if field moved into an if/then branch. A moved field would lose
// its place among its siblings, so its container's ui:order is written out first.
import { compileConditions, decompileConditions, isCondition, REQUIRED_IF, SHOW_IF, type FieldCondition } from '../../../../server/domain/forms/conditions.js';
import { isObj, listFields, orderedKeys, containerAt, patchField, getField, type FieldNode, type FieldPath, type FormDoc, type Obj } from './schema-tree.js';

export { SHOW_IF, REQUIRED_IF, type FieldCondition };

/** stored form → the form the builder edits (the uiSchema is the same in both) */
export function toEditing(form: Obj): Obj {
  return decompileConditions(form);
}

function uiAt(ui: Obj, path: readonly string[], form: Obj): { get: Obj | undefined; keys: string[] } {
  const keys: string[] = [];
  let c: Obj | undefined = form;
  for (const seg of path) {
    const f: unknown = isObj(c?.properties) ? c.properties[seg] : undefined;
    keys.push(seg);
    if (isObj(f) && f.type === 'array') keys.push('items');
    c = isObj(f) ? (f.type === 'array' && isObj(f.items) ? f.items : f) : undefined;
  }
  let cur: unknown = ui;
  for (const k of keys) cur = isObj(cur) ? cur[k] : undefined;
  return { get: isObj(cur) ? cur : undefined, keys };
}

function setIn(root: Obj, keys: readonly string[], value: Obj): Obj {
  if (keys.length === 0) return value;
  const [k, ...rest] = keys as [string, ...string[]];
  return { ...root, [k]: setIn(isObj(root[k]) ? root[k] : {}, rest, value) };
}

/** every container (root, groups, table rows) holding a show-if field gets its full order in ui:order */
function pinOrder(doc: FormDoc): Obj {
  let ui = doc.ui;
  const visit = (parent: readonly string[], nodes: FieldNode[]) => {
    const container = containerAt(doc.form, parent);
    const props = isObj(container?.properties) ? container.properties : {};
    if (Object.values(props).some((f) => isObj(f) && f[SHOW_IF] !== undefined)) {
      const { get, keys } = uiAt(ui, parent, doc.form);
      const order = [...orderedKeys(container, get), '*'];
      if (JSON.stringify(get?.['ui:order']) !== JSON.stringify(order)) ui = setIn(ui, keys, { ...(get ?? {}), 'ui:order': order });
    }
    for (const n of nodes) if (n.children) visit(n.path, n.children);
  };
  visit([], listFields(doc));
  return ui;
}

/** the editing doc → what the level stores */
export function toStored(doc: FormDoc): FormDoc {
  return { form: compileConditions(doc.form), ui: pinOrder(doc) };
}

export function conditionOf(schema: Obj, which: typeof SHOW_IF | typeof REQUIRED_IF): FieldCondition | undefined {
  const c = schema[which];
  return isCondition(c) ? c : undefined;
}

/** set or clear a field's show-if / required-if */
export function setCondition(doc: FormDoc, path: FieldPath, which: typeof SHOW_IF | typeof REQUIRED_IF, cond: FieldCondition | undefined): FormDoc {
  if (!getField(doc, path)) throw new Error(`没有字段「${path.join('.')}」`);
  return patchField(doc, path, { [which]: cond });
}
