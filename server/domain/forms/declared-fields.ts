// The fields a form container (the root, a group, a table row) declares: its own `properties`, and those of its
// if/then/else branches — a show-if field is stored in a branch (conditions.ts), so whoever lists a form's fields
// (rules' facts, template fields, messages) must look there too. Own properties win over a branch's.
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export function declaredProperties(container: unknown): Obj {
  if (!isObj(container)) return {};
  const out: Obj = {};
  const parts = [container, ...(Array.isArray(container.allOf) ? container.allOf : [])];
  for (const part of parts) {
    if (!isObj(part)) continue;
    for (const k of ['then', 'else']) {
      const branch = part[k];
      if (isObj(branch) && isObj(branch.properties)) for (const [name, s] of Object.entries(branch.properties)) if (isObj(s) && !(name in out)) out[name] = s;
    }
  }
  return { ...out, ...(isObj(container.properties) ? container.properties : {}) };
}
