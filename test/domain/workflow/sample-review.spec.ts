// The whole review, driven by a fake clock (events carry `now`): unit review -> 5-working-day
// unit 公示 -> competent check with return for correction and a correction deadline ->
// committee vote by the two-thirds rule -> result 公示 interrupted by a complaint -> filing.
import { describe, expect, it } from 'vitest';
import { highlight } from '../../../server/domain/workflow/state.js';
import { compileFixture, Instance, routing, T0 } from './harness.js';

const experts = ['e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7'];

async function started() {
  const i = new Instance(await compileFixture('sample-review.bpmn'));
  i.send({ type: 'start', now: T0, variables: { routing, experts, applicantName: '张三' } });
  return i;
}

function action(i: Instance, elementId: string, output: Record<string, string | boolean> = {}, now = T0) {
  const run = i.last.find((e) => e.type === 'runAction' && e.elementId === elementId);
  if (!run || run.type !== 'runAction') throw new Error(`no runAction for ${elementId}`);
  return i.send({ type: 'actionCompleted', tokenId: run.tokenId, output, now });
}

async function untilVote() {
  const i = await started();
  i.complete('UnitReview', { decision: 'approve' }, T0);
  expect(i.timer('UnitPublicity').dueAt).toBe('2022-10-10T16:00:00.000Z'); // 09-29 … 10-10 incl. 调休 10-08/10-09
  i.fire('UnitPublicity');
  expect(i.task('CompetentCheck').orgId).toBe('org-competent-1');
  return i;
}

function voteAll(i: Instance, approvals: number) {
  for (const [n, t] of i.tasks('Vote').entries()) {
    if (i.state.status !== 'active' || !i.state.openTasks.includes(t)) break;
    i.send({ type: 'completeTask', taskId: t.id, userId: t.assignee!, payload: { vote: n < approvals ? 'approve' : 'reject' }, now: '2022-10-20T02:00:00.000Z' });
  }
}

describe('sample review flow, end to end with a fake clock', () => {
  it('return for correction, vote passes, complaint dismissed, filed', async () => {
    const i = await untilVote();
    i.complete('CompetentCheck', { decision: 'return', notice: '缺少继续教育证明' }, '2022-10-11T02:00:00.000Z');
    const correction = i.task('Correction');
    // 5 working days not counting 10-11: 10-12 … 10-18, due 10-19 00:00 Beijing
    expect(correction.dueAt).toBe('2022-10-18T16:00:00.000Z');
    i.complete('Correction', { decision: 'resubmit' }, '2022-10-13T02:00:00.000Z');
    expect(i.state.timers).toEqual([]);
    i.complete('CompetentCheck', { decision: 'approve' }, '2022-10-14T02:00:00.000Z');

    expect(i.tasks('Vote')).toHaveLength(7);
    voteAll(i, 5); // 5 >= 7 * 2 / 3 = 4.67: passes at the 5th approval
    expect(i.state.variables['voteResult']).toBe('passed');
    expect(i.tasks('Vote')).toEqual([]);

    action(i, 'OpenPublicity', { publicityId: 'pub-1' }, '2022-10-20T02:00:00.000Z');
    const publicity = i.task('ResultPublicity');
    expect(publicity.dueAt).toBe('2022-10-26T16:00:00.000Z'); // 10-20 … 10-26
    i.send({ type: 'message', name: 'complaint', payload: { text: '业绩造假' }, now: '2022-10-21T03:00:00.000Z' });
    expect(i.state.timers).toEqual([]); // the 公示 timer was cancelled with the task
    expect(highlight(i.state).active).toEqual(['Investigate']);
    i.complete('Investigate', { decision: 'dismiss' }, '2022-10-24T03:00:00.000Z');
    action(i, 'ClosePublicity');
    expect(i.task('Filing').orgId).toBe('org-league-150100');
    i.complete('Filing', { decision: 'file' }, '2022-10-25T03:00:00.000Z');
    action(i, 'IssueCertificate', { certificateNo: 'NM2022-0001' });

    expect(i.state.status).toBe('completed');
    expect(i.state.variables).toMatchObject({ certificateNo: 'NM2022-0001', tasks: { Vote: { approvals: 5, result: 'passed' } } });
    const { finished, active } = highlight(i.state);
    expect(active).toEqual([]);
    expect(finished).toEqual(expect.arrayContaining(['Correction', 'Vote', 'Complaint', 'Investigate', 'Filing', 'EndDone']));
    expect(finished).not.toContain('PublicityExpired');
    expect(JSON.parse(JSON.stringify(i.state))).toEqual(i.state);
  });

  it('correction deadline passes: the application is withdrawn', async () => {
    const i = await untilVote();
    i.complete('CompetentCheck', { decision: 'return' }, '2022-10-11T02:00:00.000Z');
    const fx = i.fire('CorrectionDeadline');
    expect(fx.map((f) => f.type)).toEqual(['cancelTask', 'runAction']);
    action(i, 'Withdraw');
    expect(i.state.status).toBe('completed');
    expect(highlight(i.state).finished).toContain('EndWithdrawn');
  });

  it('vote fails: the flow ends without publicity', async () => {
    const i = await untilVote();
    i.complete('CompetentCheck', { decision: 'approve' }, '2022-10-11T02:00:00.000Z');
    voteAll(i, 4);
    expect(i.state.variables['voteResult']).toBe('failed');
    expect(highlight(i.state).finished).toContain('EndFailed');
  });

  it('result 公示 expires without complaint; a complaint that is upheld terminates', async () => {
    const a = await untilVote();
    a.complete('CompetentCheck', { decision: 'approve' }, '2022-10-11T02:00:00.000Z');
    voteAll(a, 7);
    action(a, 'OpenPublicity');
    a.fire('PublicityExpired');
    expect(a.state.messageWaits).toEqual([]);
    action(a, 'ClosePublicity');
    expect(a.task('Filing')).toBeTruthy();

    const b = await untilVote();
    b.complete('CompetentCheck', { decision: 'approve' }, '2022-10-11T02:00:00.000Z');
    voteAll(b, 7);
    action(b, 'OpenPublicity');
    b.send({ type: 'message', name: 'complaint', payload: {}, now: '2022-10-21T03:00:00.000Z' });
    const fx = b.complete('Investigate', { decision: 'uphold' }, '2022-10-24T03:00:00.000Z');
    expect(fx).toEqual([{ type: 'completed', terminated: true }]);
    expect(b.state.status).toBe('terminated');
  });
});
