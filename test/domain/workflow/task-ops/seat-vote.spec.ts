import { describe, expect, it } from 'vitest';
import { compileFixture, Instance, routing, T0 } from '../harness.js';
import { LATER } from './support.js';

// the committee's whole list at submit; the session seats the five present
const committee = ['e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7'];
const present = ['e2', 'e3', 'e5', 'e6', 'e7'];

async function waitingAtVote(): Promise<Instance> {
  const i = new Instance(await compileFixture('test/domain/workflow/voting.bpmn'));
  i.send({ type: 'start', now: T0, variables: { routing, experts: committee } });
  return i;
}

const seat = (i: Instance, attendees: string[]) => i.try({ type: 'seatVote', taskId: i.tasks('Vote')[0]!.id, userId: 'clerk', attendees, now: LATER });

function vote(i: Instance, expert: string, v: string) {
  const task = i.tasks('Vote').find((t) => t.assignee === expert);
  if (!task) throw new Error(`no ballot for ${expert}`);
  return i.send({ type: 'completeTask', taskId: task.id, userId: expert, payload: { vote: v }, now: LATER });
}

describe('seat the vote (评审会议开始)', () => {
  it('replaces the ballots by one per present member, cancels the others, keeps everything else', async () => {
    const i = await waitingAtVote();
    const before = i.state;
    const frozen = JSON.stringify(before);
    const r = seat(i, present);
    expect(r.ok).toBe(true);
    expect(i.tasks('Vote').map((t) => t.assignee)).toEqual(present);
    expect(i.tasks('Vote').every((t) => t.createdAt === LATER && t.role === 'expert' && t.orgId === routing.committee)).toBe(true);
    expect(i.last.filter((e) => e.type === 'cancelTask')).toHaveLength(committee.length);
    expect(i.last.filter((e) => e.type === 'createTask')).toHaveLength(present.length);
    expect(Object.values(i.state.votes)).toEqual([{ attendees: present, ballots: {} }]);
    expect(i.state.variables).toEqual(before.variables);
    expect(i.state.tokens).toEqual(before.tokens);
    // those not seated never voted here: they no longer reach the application through it
    expect(i.state.reached?.filter((k) => k.startsWith('expert@'))).toEqual(present.map((e) => `expert@${routing.committee}#${e}`));
    expect(JSON.stringify(before)).toBe(frozen);
  });

  it('counts two thirds of those present: four of five pass', async () => {
    const i = await waitingAtVote();
    seat(i, present);
    for (const e of ['e2', 'e3', 'e5']) vote(i, e, 'approve');
    expect(i.state.variables['voteResult']).toBeUndefined();
    vote(i, 'e6', 'approve'); // 4 >= 5 * 2 / 3
    expect(i.state.variables['voteResult']).toBe('passed');
    expect(i.state.variables['tasks']).toMatchObject({ Vote: { approvals: 4, attending: 5, result: 'passed' } });
  });

  it('an expert who was not seated cannot vote', async () => {
    const i = await waitingAtVote();
    const e1 = i.tasks('Vote').find((t) => t.assignee === 'e1')!;
    seat(i, present);
    const r = i.try({ type: 'completeTask', taskId: e1.id, userId: 'e1', payload: { vote: 'approve' }, now: LATER });
    expect(!r.ok && r.error.code).toBe('task.not_open');
  });

  it('is refused once a ballot is cast, with nobody, and on a task that is no vote', async () => {
    const i = await waitingAtVote();
    expect(!seat(i, []).ok).toBe(true);
    vote(i, 'e1', 'approve');
    const r = seat(i, present);
    expect(!r.ok && r.error).toMatchObject({ code: 'vote.already_cast', message: '已有专家投票，不能重新确定参会专家', details: [{ elementId: 'Vote' }] });
    const gone = i.try({ type: 'seatVote', taskId: 'nope', userId: 'clerk', attendees: present, now: LATER });
    expect(!gone.ok && gone.error.code).toBe('task.not_open');
  });
});
