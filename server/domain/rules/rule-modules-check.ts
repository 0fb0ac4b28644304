// The publish check of a policy module (政策规则模块): it holds something, its ids are unique where a
// level meets them, every message is written and every expression parses. The names an expression
// reads are checked per level, against that level's form, when a level using the module is published.
import type { Problem } from '../result.js';
import { compileExpression } from './feel.js';
import type { ConditionDef } from './types.js';
import type { PolicyModuleBody } from './rule-modules.js';

function conditionProblems(list: readonly ConditionDef[], base: string, out: Problem[]): void {
  const seen = new Set<string>();
  list.forEach((c, i) => {
    const at = `${base}/${i}`;
    if (seen.has(c.id)) out.push({ code: 'rules.duplicate_id', message: `条件编号「${c.id}」重复`, pointer: `${at}/id` });
    seen.add(c.id);
    if (c.message.trim() === '') out.push({ code: 'rules.empty_message', message: `第 ${i + 1} 条条件缺少给申报人的说明`, pointer: `${at}/message` });
    const expr = compileExpression(c.expr, `${at}/expr`);
    if (!expr.ok) out.push(...expr.error.details);
  });
}

export function policyModuleProblems(body: PolicyModuleBody): Problem[] {
  const out: Problem[] = [];
  if (!body.blocks?.length && !body.paths?.length && !body.conditions?.length) {
    out.push({ code: 'policy.empty', message: '政策规则模块至少要有一条不得申报情形、一条申报路径或一条条件', pointer: '' });
  }
  conditionProblems(body.blocks ?? [], '/blocks', out);
  conditionProblems(body.conditions ?? [], '/conditions', out);
  const ids = new Set<string>();
  (body.paths ?? []).forEach((p, i) => {
    if (ids.has(p.id)) out.push({ code: 'rules.duplicate_id', message: `路径编号「${p.id}」重复`, pointer: `/paths/${i}/id` });
    ids.add(p.id);
    if (p.conditions.length === 0) out.push({ code: 'policy.empty_path', message: `申报路径「${p.name}」没有条件`, pointer: `/paths/${i}/conditions` });
    conditionProblems(p.conditions, `/paths/${i}/conditions`, out);
  });
  return out;
}
