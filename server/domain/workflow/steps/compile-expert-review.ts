// 专家评审: optionally a scoring task first (讲课说课、面试答辩 …, recorded by the committee office; below the
// pass condition the application fails), then the committee's experts vote by secret ballot under the
// chosen rule (e.g. two thirds of those attending). Entrusted to another committee, the committee office
// records that committee's result instead.
import { decisionIs, failure, type StepContext } from './context.js';
import type { Exit, Fragment } from './graph.js';
import { VOTE_RULES } from './labels.js';
import { partId } from './part-ids.js';
import type { ExpertReviewStep } from './types.js';

export const VOTE_VARIABLE = 'voteResult';

function scoring(step: ExpertReviewStep, ctx: StepContext, next: string): string | undefined {
  if (!step.scoring) return undefined;
  const g = ctx.graph;
  const task = partId(step, 'scoring');
  const gw = partId(step, 'scoringGw');
  g.add({ kind: 'userTask', id: task, name: step.scoring.name, assignment: { role: 'committeeClerk', scope: 'committeeOffice' }, formKey: 'scoring', decisions: ['scored'] });
  g.add({ kind: 'exclusiveGateway', id: gw, name: '评价结果' });
  const fail = failure(ctx, { task: partId(step, 'scoringFail'), end: partId(step, 'scoringFailed') }, { task: '评价未达标', end: '未通过' }, 'application.fail');
  g.flow(task, gw);
  g.flow(gw, next, { name: '各项达标', condition: ctx.feel(step.scoring.pass) });
  g.connect([{ from: gw, name: '未达标', isDefault: true }], fail);
  return task;
}

export function compileExpertReview(step: ExpertReviewStep, ctx: StepContext): Fragment {
  const g = ctx.graph;
  const entry = scoring(step, ctx, step.id) ?? step.id;
  const gw = partId(step, 'gateway');
  let pass: Exit;
  if (step.session === 'entrusted') {
    g.add({ kind: 'userTask', id: step.id, name: step.name, assignment: { role: 'committeeClerk', scope: 'committeeOffice' }, formKey: 'result', decisions: ['pass', 'fail'] });
    g.add({ kind: 'exclusiveGateway', id: gw, name: '评审结果' });
    pass = { from: gw, name: '通过', condition: decisionIs('pass') };
  } else {
    const rule = VOTE_RULES[step.rule];
    g.add({
      kind: 'userTask',
      id: step.id,
      name: step.name,
      assignment: { role: 'expert', scope: 'committee' },
      formKey: 'vote',
      decisions: ['approve', 'reject'],
      voting: { attendees: 'experts', completionCondition: rule.feel, decisionVariable: VOTE_VARIABLE },
    });
    g.add({ kind: 'exclusiveGateway', id: gw, name: '表决结果' });
    pass = { from: gw, name: rule.label, condition: `${VOTE_VARIABLE} = "passed"` };
  }
  g.flow(step.id, gw);
  const fail = failure(ctx, { task: partId(step, 'fail'), end: partId(step, 'failed') }, { task: '评审未通过', end: '未通过' }, 'application.fail');
  g.connect([{ from: gw, name: '未通过', isDefault: true }], fail);
  return { entry, exits: [pass] };
}
