// 公示 / 结果公示: publish, then wait N working days. With complaints, the publicity is a task of the
// office that registers them: a complaint (registered there or received as the message `complaint`)
// stops the publicity and is investigated; upheld, the application fails; dismissed, publicity closes.
import { decisionIs, failure, type StepContext } from './context.js';
import type { Fragment } from './graph.js';
import { partId } from './part-ids.js';
import type { PublicityStep } from './types.js';

/** the message a complaint arrives as (POST /api/applications/:id/messages/complaint) */
export const COMPLAINT_MESSAGE = 'complaint';

export function compilePublicity(step: PublicityStep, ctx: StepContext): Fragment {
  const g = ctx.graph;
  const open = partId(step, 'open');
  const countStartDay = step.countStartDay === true;
  g.add({ kind: 'serviceTask', id: open, name: `发布${step.name}`, action: 'publicity.open' });
  if (!step.complaints) {
    g.add({ kind: 'timerCatch', id: step.id, name: `${step.name}（${step.days}个工作日）`, workingDays: step.days, countStartDay });
    g.flow(open, step.id);
    return { entry: open, exits: [{ from: step.id }] };
  }
  const who = { role: step.complaints.role, scope: step.complaints.scope };
  const [end, complaint, investigate, investigateGw, close] = (['end', 'complaint', 'investigate', 'investigateGw', 'close'] as const).map((p) => partId(step, p)) as [string, string, string, string, string];
  g.add({ kind: 'userTask', id: step.id, name: `${step.name}（${step.days}个工作日，受理投诉）`, assignment: who, formKey: 'publicity', decisions: ['complaint'] });
  g.add({ kind: 'boundaryTimer', id: end, name: `公示期满（${step.days}个工作日）`, attachedTo: step.id, workingDays: step.days, countStartDay });
  g.add({ kind: 'boundaryMessage', id: complaint, name: '收到投诉', attachedTo: step.id, message: COMPLAINT_MESSAGE });
  g.add({ kind: 'userTask', id: investigate, name: '投诉核查', assignment: who, formKey: 'complaint', decisions: ['dismiss', 'uphold'] });
  g.add({ kind: 'exclusiveGateway', id: investigateGw, name: '核查结论' });
  g.add({ kind: 'serviceTask', id: close, name: '结束公示', action: 'publicity.close' });
  const upheld = failure(ctx, { task: partId(step, 'upheld'), end: partId(step, 'upheldEnd') }, { task: '投诉属实，不予通过', end: '未通过' }, 'application.fail');
  g.flow(open, step.id);
  g.flow(step.id, investigate, { name: '登记投诉' });
  g.flow(complaint, investigate);
  g.flow(end, close);
  g.flow(investigate, investigateGw);
  g.flow(investigateGw, close, { name: '不属实', condition: decisionIs('dismiss') });
  g.connect([{ from: investigateGw, name: '属实', isDefault: true }], upheld);
  return { entry: open, exits: [{ from: close }] };
}
