// A flow built from steps runs in the engine as it reads: 单位审核 → 单位公示 → 主管部门复核 → 专家评审 →
// 结果公示 → 发证, driven with a fake clock (events carry `now`): approval all the way to the certificate,
// return for correction with its working-day deadline (corrected in time, or withdrawn), rejection, a
// failed vote, an upheld complaint; and branches: a condition skipping a step, a parallel branch whose
// failure ends the whole flow.
import { describe, expect, it } from 'vitest';
import { compileWorkflow } from '../../../../server/domain/workflow/compile.js';
import type { CompiledModel } from '../../../../server/domain/workflow/model.js';
import { highlight, type Variables } from '../../../../server/domain/workflow/state.js';
import { compileSteps } from '../../../../server/domain/workflow/steps/compile-steps.js';
import type { StepFlow } from '../../../../server/domain/workflow/steps/types.js';
import { ACTION_NAMES } from '../../../../server/runtime/actions/names.js';
import { Instance, routing, T0 } from '../harness.js';
import { CHAIN, EVERY_TYPE } from './fixtures.js';

const experts = ['e1', 'e2', 'e3'];

const models = new Map<StepFlow, Promise<CompiledModel>>();
/** compiled once per flow: the layout is the slow part */
const modelOf = (flow: StepFlow): Promise<CompiledModel> => {
  if (!models.has(flow)) models.set(flow, compile(flow));
  return models.get(flow)!;
};

async function compile(flow: StepFlow): Promise<CompiledModel> {
  const steps = await compileSteps(flow, { id: 'chain', name: '演示流程' });
  if (!steps.ok) throw new Error(steps.error.message);
  const model = await compileWorkflow(steps.value.xml, { actions: ACTION_NAMES });
  if (!model.ok) throw new Error(JSON.stringify(model.error.details));
  return model.value;
}

async function started(flow: StepFlow = CHAIN, variables: Variables = {}): Promise<Instance> {
  const i = new Instance(await modelOf(flow));
  i.send({ type: 'start', now: T0, variables: { routing, experts, ...variables } });
  return i;
}

/** the service task `elementId` asked for its action: report it done */
function action(i: Instance, elementId: string, now = T0) {
  const run = i.effects.filter((e) => e.type === 'runAction' && e.elementId === elementId).at(-1);
  if (!run || run.type !== 'runAction') throw new Error(`no runAction for ${elementId}; open: ${i.state.tokens.map((t) => t.elementId).join(',')}`);
  return i.send({ type: 'actionCompleted', tokenId: run.tokenId, output: {}, now });
}

const actionsRun = (i: Instance): string[] => i.effects.flatMap((e) => (e.type === 'runAction' ? [e.name] : []));

/** through 单位审核 and the 5-working-day 单位公示 to 主管部门复核 */
async function atCompetentReview(): Promise<Instance> {
  const i = await started();
  expect(i.task('unitReview')).toMatchObject({ role: 'unitReviewer', orgId: 'org-unit-1', decisions: ['approve', 'return', 'reject'] });
  i.complete('unitReview', { decision: 'approve' }, T0);
  action(i, 'openUnitPublicity');
  // Thu 09-29, start day not counted: 09-30, (National Day) Sat 10-08 and Sun 10-09 worked, 10-10, 10-11
  expect(i.timer('unitPublicity').dueAt).toBe('2022-10-11T16:00:00.000Z');
  i.fire('unitPublicity');
  expect(i.task('competentReview')).toMatchObject({ role: 'competentReviewer', orgId: 'org-competent-1' });
  return i;
}

function vote(i: Instance, ballots: ('approve' | 'reject')[], now: string) {
  for (const [n, t] of i.tasks('vote').entries()) {
    if (!i.state.openTasks.includes(t)) break;
    i.send({ type: 'completeTask', taskId: t.id, userId: t.assignee!, payload: { vote: ballots[n]! }, now });
  }
}

describe('a step flow in the engine', () => {
  it('approved at every step: 公示 on working days, ⅔ of the attending experts, results 公示, certificate', async () => {
    const i = await atCompetentReview();
    i.complete('competentReview', { decision: 'approve' }, '2022-10-12T02:00:00.000Z');
    expect(i.tasks('vote').map((t) => t.assignee)).toEqual(experts);
    vote(i, ['approve', 'approve'], '2022-10-13T02:00:00.000Z'); // 2 of 3 attending: the vote closes
    expect(i.state.variables['voteResult']).toBe('passed');
    expect(i.tasks('vote')).toEqual([]);
    action(i, 'openResultPublicity', '2022-10-13T02:00:00.000Z');
    const publicity = i.task('resultPublicity');
    expect(publicity).toMatchObject({ role: 'committeeClerk', orgId: 'org-committee-office', dueAt: '2022-10-20T16:00:00.000Z' }); // 10-14 … 10-20
    i.fire('resultPublicityEnd');
    action(i, 'resultPublicityClose');
    action(i, 'issueCertificate');
    expect(i.state.status).toBe('completed');
    expect(actionsRun(i)).toEqual(['publicity.open', 'publicity.open', 'publicity.close', 'certificate.issue']);
    expect(highlight(i.state).finished).toEqual(expect.arrayContaining(['unitReview', 'unitPublicity', 'competentReview', 'vote', 'resultPublicity', 'issueCertificate', 'certified']));
  });

  it('退回补正: the applicant corrects within the step’s 3 working days and the review comes back', async () => {
    const i = await atCompetentReview();
    i.complete('competentReview', { decision: 'return' }, '2022-10-12T02:00:00.000Z'); // Wed
    const correction = i.task('competentReviewCorrect');
    // 10-13, 10-14, (weekend) 10-17: due 10-18 00:00 Beijing
    expect(correction).toMatchObject({ role: 'applicant', orgId: 'user-applicant-1', dueAt: '2022-10-17T16:00:00.000Z', decisions: ['resubmit'] });
    i.complete('competentReviewCorrect', { decision: 'resubmit' }, '2022-10-14T02:00:00.000Z');
    expect(i.state.timers).toEqual([]);
    expect(i.task('competentReview').orgId).toBe('org-competent-1');
  });

  it('退回补正 not corrected in time: the deadline fires and the application is withdrawn', async () => {
    const i = await atCompetentReview();
    i.complete('competentReview', { decision: 'return' }, '2022-10-12T02:00:00.000Z');
    i.fire('competentReviewCorrectDeadline');
    expect(i.state.openTasks).toEqual([]);
    action(i, 'competentReviewWithdraw', '2022-10-17T16:00:00.000Z');
    expect(actionsRun(i).at(-1)).toBe('application.withdraw');
    expect(i.state.status).toBe('completed');
    expect(highlight(i.state).finished).toContain('competentReviewWithdrawn');
  });

  it('不同意 at 单位审核: the application is rejected and the flow ends there', async () => {
    const i = await started();
    i.complete('unitReview', { decision: 'reject' }, T0);
    action(i, 'unitReviewReject');
    expect(actionsRun(i)).toEqual(['application.reject']);
    expect(i.state.status).toBe('completed');
    expect(highlight(i.state).finished).toContain('unitReviewRejected');
  });

  it('a vote short of ⅔ fails the application; a complaint upheld during results 公示 fails it too', async () => {
    const failed = await atCompetentReview();
    failed.complete('competentReview', { decision: 'approve' }, '2022-10-12T02:00:00.000Z');
    vote(failed, ['approve', 'reject', 'reject'], '2022-10-13T02:00:00.000Z');
    action(failed, 'voteFail');
    expect(actionsRun(failed).at(-1)).toBe('application.fail');

    const complained = await atCompetentReview();
    complained.complete('competentReview', { decision: 'approve' }, '2022-10-12T02:00:00.000Z');
    vote(complained, ['approve', 'approve'], '2022-10-13T02:00:00.000Z');
    action(complained, 'openResultPublicity');
    complained.send({ type: 'message', name: 'complaint', payload: { text: '业绩不实' }, now: '2022-10-14T02:00:00.000Z' });
    expect(complained.state.timers).toEqual([]);
    complained.complete('resultPublicityInvestigate', { decision: 'uphold' }, '2022-10-17T02:00:00.000Z');
    action(complained, 'resultPublicityUpheld');
    expect(actionsRun(complained).at(-1)).toBe('application.fail');
    expect(complained.state.status).toBe('completed');
  });
});

describe('branches built from steps', () => {
  it('条件分支: a direct-report unit skips 主管部门复核; the others go through it', async () => {
    const direct = await started(EVERY_TYPE, { directReport: true });
    direct.complete('unitReview', { decision: 'approve' }, T0);
    action(direct, 'openUnitPublicity');
    direct.fire('unitPublicity');
    expect(direct.state.openTasks.map((t) => t.elementId)).toEqual(['send']);

    const other = await started(EVERY_TYPE, { directReport: false });
    other.complete('unitReview', { decision: 'approve' }, T0);
    action(other, 'openUnitPublicity');
    other.fire('unitPublicity');
    // 办理期限 10 working days, 10-12 (the day it opened) not counted: 10-13 … 10-26
    expect(other.task('competentReview').dueAt).toBe('2022-10-26T16:00:00.000Z');
    // overdue: the office is reminded (notify) and the task opens again with a fresh 办理期限
    other.fire('competentReviewDue');
    action(other, 'competentReviewRemind', '2022-10-26T16:00:00.000Z');
    expect(actionsRun(other).at(-1)).toBe('notify');
    expect(other.task('competentReview').dueAt).toBe('2022-11-10T16:00:00.000Z'); // reopened 10-27, not counted: 10-28 … 11-10
  });

  it('并行分支: both branches run; 不同意 in one ends the whole flow, the other branch’s work is cancelled', async () => {
    const i = await started(EVERY_TYPE, { directReport: true });
    i.complete('unitReview', { decision: 'approve' }, T0);
    action(i, 'openUnitPublicity');
    i.fire('unitPublicity');
    expect(i.state.tokens.map((t) => t.elementId).sort()).toEqual(['notifyUnit', 'send']);
    i.complete('send', { decision: 'reject' }, '2022-10-12T02:00:00.000Z');
    action(i, 'sendReject', '2022-10-12T02:00:00.000Z');
    expect(i.state.status).toBe('terminated');
    expect(i.state.tokens).toEqual([]);
  });

  it('并行分支: the flow goes on only when every branch is done', async () => {
    const i = await started(EVERY_TYPE, { directReport: true });
    i.complete('unitReview', { decision: 'approve' }, T0);
    action(i, 'openUnitPublicity');
    i.fire('unitPublicity');
    action(i, 'notifyUnit', '2022-10-12T02:00:00.000Z');
    expect(i.state.openTasks.map((t) => t.elementId)).toEqual(['send']);
    i.complete('send', { decision: 'approve' }, '2022-10-12T03:00:00.000Z');
    expect(i.task('voteScoring')).toMatchObject({ role: 'committeeClerk', decisions: ['scored'] });
  });
});
