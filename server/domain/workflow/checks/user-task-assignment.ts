// Every user task names who does it: a role and the org scope it is resolved in.
import type { Problem } from '../../result.js';
import { ext, label, str } from '../moddle.js';
import { problem, type CheckContext } from './context.js';

const IDENT = /^[A-Za-z][A-Za-z0-9_]*$/;

export function checkUserTaskAssignment(ctx: CheckContext): Problem[] {
  const out: Problem[] = [];
  for (const t of ctx.nodes.filter((n) => n.$type === 'bpmn:UserTask')) {
    const a = ext(t, 'zc:Assignment');
    const role = a ? (str(a, 'role') ?? '').trim() : '';
    const scope = a ? (str(a, 'scope') ?? '').trim() : '';
    if (!a) {
      out.push(problem('bpmn.missing_assignment', `用户任务 ${label(t)} 缺少 zc:Assignment（办理角色和机构范围）`, t.id));
      continue;
    }
    if (role === '') out.push(problem('bpmn.missing_role', `用户任务 ${label(t)} 未指定办理角色（role）`, t.id));
    if (scope === '') out.push(problem('bpmn.missing_scope', `用户任务 ${label(t)} 未指定机构范围（scope）`, t.id));
    else if (!IDENT.test(scope)) out.push(problem('bpmn.bad_scope', `用户任务 ${label(t)} 的机构范围“${scope}”不是合法的键名`, t.id));
  }
  return out;
}
