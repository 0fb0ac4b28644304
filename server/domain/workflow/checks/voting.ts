// A multi-instance user task is an expert vote and needs zc:Voting; zc:Voting needs multi-instance.
import type { Problem } from '../../result.js';
import { ext, label, ref, str } from '../moddle.js';
import { problem, type CheckContext } from './context.js';

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function checkVoting(ctx: CheckContext): Problem[] {
  const out: Problem[] = [];
  for (const t of ctx.nodes.filter((n) => n.$type === 'bpmn:UserTask')) {
    const multi = ref(t, 'loopCharacteristics')?.$type === 'bpmn:MultiInstanceLoopCharacteristics';
    const v = ext(t, 'zc:Voting');
    if (multi && !v) out.push(problem('bpmn.missing_voting', `多实例用户任务 ${label(t)} 缺少 zc:Voting（参会专家和通过条件）`, t.id));
    if (!multi && v) out.push(problem('bpmn.voting_not_multi', `用户任务 ${label(t)} 配置了 zc:Voting，但不是并行多实例任务`, t.id));
    if (!v) continue;
    if ((str(v, 'attendees') ?? '').trim() === '') out.push(problem('bpmn.missing_attendees', `投票任务 ${label(t)} 未指定参会专家表达式（attendees）`, t.id));
    if ((str(v, 'completionCondition') ?? '').trim() === '') {
      out.push(problem('bpmn.missing_completion', `投票任务 ${label(t)} 未指定通过条件（completionCondition）`, t.id));
    }
    const dv = str(v, 'decisionVariable') ?? 'voteResult';
    if (!IDENT.test(dv)) out.push(problem('bpmn.bad_variable', `投票任务 ${label(t)} 的结果变量名“${dv}”不合法`, t.id));
  }
  return out;
}
