// A service task runs one named built-in action; an unknown name is refused at publish.
import type { Problem } from '../../result.js';
import { ext, label, str } from '../moddle.js';
import { problem, type CheckContext } from './context.js';

export function checkActionNames(ctx: CheckContext): Problem[] {
  const out: Problem[] = [];
  for (const t of ctx.nodes.filter((n) => n.$type === 'bpmn:ServiceTask')) {
    const name = (str(ext(t, 'zc:Action') ?? t, 'name') ?? '').trim();
    if (!ext(t, 'zc:Action') || name === '') {
      out.push(problem('bpmn.missing_action', `服务任务 ${label(t)} 缺少 zc:Action（要执行的动作名）`, t.id));
    } else if (!ctx.actions.includes(name)) {
      out.push(problem('bpmn.unknown_action', `服务任务 ${label(t)} 的动作“${name}”不存在，可用动作：${ctx.actions.join('、')}`, t.id));
    }
  }
  return out;
}
