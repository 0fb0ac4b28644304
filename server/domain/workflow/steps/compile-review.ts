// 审核: the task, its conclusion gateway, 不同意 (reject and end), 退回补正 (the applicant corrects once, within
// N working days, or the application is withdrawn), and an optional 办理期限 (overdue: a reminder, then
// the task again with a fresh deadline).
import { DEFAULT_CORRECTION_DAYS } from './defaults.js';
import { CONCLUSION_LABELS } from './labels.js';
import { decisionIs, failure, type StepContext } from './context.js';
import type { Exit, Fragment } from './graph.js';
import { partId } from './part-ids.js';
import type { Conclusion, ReviewStep } from './types.js';

export { DEFAULT_CORRECTION_DAYS };

/** a review task with the given conclusions; shared by 审核 and 送交 */
export function compileDecisionTask(
  step: Pick<ReviewStep, 'id' | 'ids' | 'name' | 'role' | 'scope' | 'correctionDays' | 'dueDays' | 'form' | 'operations' | 'opinionRequired'>,
  conclusions: readonly Conclusion[],
  ctx: StepContext,
): Fragment {
  const g = ctx.graph;
  const task = step.id;
  g.add({ kind: 'userTask', id: task, name: step.name, assignment: { role: step.role, scope: step.scope }, formKey: step.form ?? 'review', decisions: conclusions, ...(step.operations?.length ? { operations: step.operations } : {}), ...(step.opinionRequired ? { opinionRequired: true } : {}) });
  if (step.dueDays !== undefined) {
    const due = partId(step, 'due');
    const remind = partId(step, 'remind');
    g.add({ kind: 'boundaryTimer', id: due, name: `办理期限（${step.dueDays}个工作日）`, attachedTo: task, workingDays: step.dueDays, countStartDay: false });
    g.add({ kind: 'serviceTask', id: remind, name: `逾期督办（${step.name}）`, action: 'notify' });
    g.flow(due, remind);
    g.flow(remind, task, { name: '重新计时' });
  }
  const approveOnly = conclusions.length === 1;
  if (approveOnly) return { entry: task, exits: [{ from: task }] };

  const gw = partId(step, 'gateway');
  g.add({ kind: 'exclusiveGateway', id: gw, name: `${step.name}结论` });
  g.flow(task, gw);
  // the default is 不同意 when it is offered: a decision nobody foresaw never passes an application
  const hasReject = conclusions.includes('reject');
  const approve: Exit = hasReject ? { from: gw, name: CONCLUSION_LABELS.approve, condition: decisionIs('approve') } : { from: gw, name: CONCLUSION_LABELS.approve, isDefault: true };
  if (conclusions.includes('return')) {
    const correct = partId(step, 'correct');
    const deadline = partId(step, 'correctDeadline');
    const days = step.correctionDays ?? DEFAULT_CORRECTION_DAYS;
    g.add({ kind: 'userTask', id: correct, name: `按一次性告知补正（${step.name}）`, assignment: { role: 'applicant', scope: 'applicant' }, formKey: 'resubmit', decisions: ['resubmit'] });
    g.add({ kind: 'boundaryTimer', id: deadline, name: `补正期限（${days}个工作日）`, attachedTo: correct, workingDays: days, countStartDay: false });
    const withdraw = failure(ctx, { task: partId(step, 'withdraw'), end: partId(step, 'withdrawn') }, { task: '逾期未补正，视为放弃申报', end: '已撤回' }, 'application.withdraw');
    g.flow(gw, correct, { name: CONCLUSION_LABELS.return, condition: decisionIs('return') });
    g.flow(correct, task, { name: '重新提交' });
    g.flow(deadline, withdraw);
  }
  if (hasReject) {
    const reject = failure(ctx, { task: partId(step, 'reject'), end: partId(step, 'rejected') }, { task: '不予通过', end: '未通过' }, 'application.reject');
    g.connect([{ from: gw, name: CONCLUSION_LABELS.reject, isDefault: true }], reject);
  }
  return { entry: task, exits: [approve] };
}

export const compileReview = (step: ReviewStep, ctx: StepContext): Fragment => {
  // 同意 first, in the order the designer offers them
  const order: Conclusion[] = ['approve', 'return', 'reject'];
  return compileDecisionTask(step, order.filter((c) => step.conclusions.includes(c)), ctx);
};
