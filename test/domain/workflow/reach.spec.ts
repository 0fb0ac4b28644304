// The engine records whom a flow has reached (the address of every task it created) and keeps it after the
// task is done: what "an office sees an application once the flow has reached it" and "an expert sits in
// this vote" are derived from. A vote's progress is given as counts only.
import { describe, expect, it } from 'vitest';
import { reachKey, reachOf } from '../../../server/domain/workflow/reach.js';
import { newState } from '../../../server/domain/workflow/state.js';
import { voteProgress } from '../../../server/domain/workflow/vote-progress.js';
import { makeApplication } from '../../support/factories.js';
import { compileFixture, Instance, routing, T0 } from './harness.js';

describe('whom the flow has reached', () => {
  it('a task reaches its (role, org) pool, which stays recorded once the task is done', async () => {
    const i = new Instance(await compileFixture('single-task.bpmn'));
    expect(i.state.reached).toEqual([]);
    i.send({ type: 'start', now: T0, variables: { routing } });
    expect(i.state.reached).toEqual([`unitReviewer@${routing.unit}`]);
    i.send({ type: 'completeTask', taskId: i.tasks('Review')[0]!.id, userId: 'u1', payload: { decision: 'approve' }, now: T0 });
    expect(i.state.openTasks).toEqual([]);
    expect(i.state.reached).toEqual([`unitReviewer@${routing.unit}`]);
  });

  it('a ballot reaches one expert, recorded when the vote opens and kept after it closes', async () => {
    const i = new Instance(await compileFixture('voting.bpmn'));
    i.send({ type: 'start', now: T0, variables: { routing, experts: ['e1', 'e2', 'e3'] } });
    const ballots = ['e1', 'e2', 'e3'].map((e) => reachKey({ role: 'expert', orgId: routing.committee, assignee: e }));
    expect(i.state.reached).toEqual(ballots);
    expect(reachKey({ role: 'expert', orgId: 'c', assignee: 'e1' })).toBe('expert@c#e1');
    expect(reachKey({ role: 'unitReviewer', orgId: 'u' })).toBe('unitReviewer@u');

    // progress: a count, never who
    expect(voteProgress(i.state)).toEqual([{ elementId: 'Vote', name: '评委会表决', cast: 0, attending: 3, label: '已投 0/3' }]);
    for (const e of ['e1', 'e2']) {
      const t = i.tasks('Vote').find((x) => x.assignee === e)!;
      i.send({ type: 'completeTask', taskId: t.id, userId: e, payload: { vote: 'approve' }, now: T0 });
      if (e === 'e1') expect(voteProgress(i.state)[0]).toMatchObject({ cast: 1, attending: 3, label: '已投 1/3' });
    }
    expect(i.state.openTasks).toEqual([]); // 2 of 3: passed, e3's ballot cancelled
    expect(voteProgress(i.state)).toEqual([]);
    expect(i.state.reached).toEqual(ballots);
  });

  it('an application counts its recorded addresses and, for states older than the record, its open tasks', () => {
    const open = { taskId: 't1', elementId: 'e', name: 'e', role: 'unitReviewer', orgId: 'u', createdAt: T0 };
    expect(reachOf(makeApplication({ openTasks: [open] }))).toEqual(['unitReviewer@u']);
    const state = { ...newState(), reached: ['competentReviewer@d'] };
    expect(reachOf(makeApplication({ workflow: state, openTasks: [open] })).sort()).toEqual(['competentReviewer@d', 'unitReviewer@u']);
  });
});
