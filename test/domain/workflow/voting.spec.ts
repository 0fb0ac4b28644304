import { describe, expect, it } from 'vitest';
import { compileFixture, Instance, routing, T0 } from './harness.js';

const experts = ['e1', 'e2', 'e3', 'e4', 'e5', 'e6'];

async function started() {
  const i = new Instance(await compileFixture('voting.bpmn'));
  i.send({ type: 'start', now: T0, variables: { routing, experts } });
  return i;
}

function vote(i: Instance, expert: string, v: string) {
  const task = i.tasks('Vote').find((t) => t.assignee === expert);
  if (!task) throw new Error(`no vote task for ${expert}`);
  return i.send({ type: 'completeTask', taskId: task.id, userId: expert, payload: { vote: v }, now: T0 });
}

describe('multi-instance voting user task (two-thirds rule)', () => {
  it('opens one task per expert, role from the assignment, no ballots in tasks', async () => {
    const i = await started();
    expect(i.tasks('Vote').map((t) => [t.assignee, t.role, t.orgId])).toEqual(experts.map((e) => [e, 'expert', 'org-committee-eng-senior']));
    vote(i, 'e1', 'approve');
    expect(JSON.stringify(i.state.openTasks)).not.toMatch(/"e1"|ballot/);
    expect(Object.keys(i.state.variables).sort()).toEqual(['experts', 'routing']);
  });

  it('passes early once approvals reach 2/3 of attending, cancelling the remaining tasks', async () => {
    const i = await started();
    for (const e of ['e1', 'e2', 'e3']) vote(i, e, 'approve');
    expect(i.state.status).toBe('active');
    const fx = vote(i, 'e4', 'approve'); // 4 >= 6 * 2 / 3
    expect(fx.filter((f) => f.type === 'cancelTask')).toHaveLength(2);
    expect(i.state.variables['voteResult']).toBe('passed');
    expect(i.state.variables['tasks']).toEqual({ Vote: { approvals: 4, rejections: 0, votes: 4, attending: 6, result: 'passed', at: T0 } });
    expect(i.state.votes).toEqual({});
    expect(i.state.history.some((h) => h.elementId === 'EndPassed')).toBe(true);
  });

  it('fails when everybody voted and the condition does not hold', async () => {
    const i = await started();
    for (const [e, v] of [['e1', 'approve'], ['e2', 'reject'], ['e3', 'approve'], ['e4', 'reject'], ['e5', 'approve'], ['e6', 'reject']] as const) vote(i, e, v);
    expect(i.state.variables['voteResult']).toBe('failed');
    expect(i.state.history.some((h) => h.elementId === 'EndFailed')).toBe(true);
  });

  it('an expert cannot vote in another expert’s place, nor twice, nor with a bad value', async () => {
    const i = await started();
    const t1 = i.tasks('Vote').find((t) => t.assignee === 'e1')!;
    const wrong = i.try({ type: 'completeTask', taskId: t1.id, userId: 'e2', payload: { vote: 'approve' }, now: T0 });
    expect(!wrong.ok && wrong.error.code).toBe('task.not_assignee');
    const bad = i.try({ type: 'completeTask', taskId: t1.id, userId: 'e1', payload: { vote: 'abstain' }, now: T0 });
    expect(!bad.ok && bad.error.code).toBe('task.bad_decision');
    vote(i, 'e1', 'reject');
    const twice = i.try({ type: 'completeTask', taskId: t1.id, userId: 'e1', payload: { vote: 'approve' }, now: T0 });
    expect(!twice.ok && twice.error.code).toBe('task.not_open');
  });

  it('no attendees is an incident', async () => {
    const i = new Instance(await compileFixture('voting.bpmn'));
    i.send({ type: 'start', now: T0, variables: { routing, experts: [] } });
    expect(i.state.incidents[0]).toMatchObject({ elementId: 'Vote', code: 'vote.bad_attendees' });
  });
});
