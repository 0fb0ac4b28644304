// zc:TaskOperations names only operations the platform has (转办, 委派 …), and none on an expert vote (ballots are
// secret and personal: nobody hands them over or takes them back).
import type { Problem } from '../../result.js';
import { ext, label, ref, str } from '../moddle.js';
import { isTaskOperation } from '../task-ops/operations.js';
import { problem, type CheckContext } from './context.js';

export function checkTaskOperations(ctx: CheckContext): Problem[] {
  const out: Problem[] = [];
  for (const t of ctx.nodes.filter((n) => n.$type === 'bpmn:UserTask')) {
    const ops = ext(t, 'zc:TaskOperations');
    if (!ops) continue;
    const allowed = (str(ops, 'allowed') ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
    for (const op of allowed.filter((s) => !isTaskOperation(s))) out.push(problem('bpmn.unknown_task_operation', `用户任务 ${label(t)} 允许的任务操作“${op}”不存在`, t.id));
    const vote = ref(t, 'loopCharacteristics')?.$type === 'bpmn:MultiInstanceLoopCharacteristics' || ext(t, 'zc:Voting') !== undefined;
    if (vote && allowed.length > 0) out.push(problem('bpmn.task_operations_on_vote', `投票任务 ${label(t)} 不能设置转办、委派等任务操作`, t.id));
  }
  return out;
}
