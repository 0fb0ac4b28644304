// The step timeline beside the progress diagram: each step the flow went through, who handles it (an
// org's name, never a person), when it started and ended, and the deadline of the one open now.
import { describe, expect, it } from 'vitest';
import { progressTimeline } from '../../../server/domain/workflow/progress-timeline.js';
import { compileFixture, Instance, routing, T0 } from './harness.js';

const handlers = { unit: '呼和浩特市建筑设计研究院', competent: '呼和浩特市住建局', applicant: '申报人', committee: '建设工程专业高评委' };

async function started() {
  const i = new Instance(await compileFixture('sample-review.bpmn'));
  i.send({ type: 'start', now: T0, variables: { routing, experts: ['e1', 'e2', 'e3'] } });
  return i;
}

describe('progress timeline', () => {
  it('lists done steps with their times and the current one with its handler and deadline', async () => {
    const i = await started();
    i.complete('UnitReview', { decision: 'approve' }, T0);
    const publicityEnds = i.timer('UnitPublicity').dueAt;

    const during = progressTimeline(i.model, i.state, handlers);
    expect(during.map((s) => [s.elementId, s.state])).toEqual([
      ['Start', 'done'],
      ['UnitReview', 'done'],
      ['UnitPublicity', 'active'],
    ]);
    expect(during[1]).toMatchObject({ name: '单位审核', handler: '呼和浩特市建筑设计研究院', enteredAt: T0, leftAt: T0 });
    expect(during[2]).toMatchObject({ name: '单位公示5个工作日', dueAt: publicityEnds });
    expect(during[2]!.leftAt).toBeUndefined();

    i.fire('UnitPublicity');
    i.complete('CompetentCheck', { decision: 'return' }, '2022-10-11T02:00:00.000Z');
    const current = progressTimeline(i.model, i.state, handlers).at(-1)!;
    expect(current).toMatchObject({ elementId: 'Correction', state: 'active', handler: '申报人', dueAt: i.task('Correction').dueAt });
  });

  it('a step the flow passes twice (review, correction, review again) appears twice, in order', async () => {
    const i = await started();
    i.complete('UnitReview', { decision: 'approve' }, T0);
    i.fire('UnitPublicity');
    i.complete('CompetentCheck', { decision: 'return' }, '2022-10-11T02:00:00.000Z');
    i.complete('Correction', { decision: 'resubmit' }, '2022-10-13T02:00:00.000Z');
    const steps = progressTimeline(i.model, i.state, handlers).map((s) => `${s.elementId}:${s.state}`);
    expect(steps.slice(-3)).toEqual(['CompetentCheck:done', 'Correction:done', 'CompetentCheck:active']);
  });

  it('a vote is one step handled by the committee: no expert is named', async () => {
    const i = await started();
    i.complete('UnitReview', { decision: 'approve' }, T0);
    i.fire('UnitPublicity');
    i.complete('CompetentCheck', { decision: 'approve' }, '2022-10-11T02:00:00.000Z');
    const votes = progressTimeline(i.model, i.state, handlers).filter((s) => s.elementId === 'Vote');
    expect(votes).toHaveLength(1);
    expect(votes[0]).toMatchObject({ state: 'active', handler: '建设工程专业高评委' });
    expect(JSON.stringify(votes)).not.toMatch(/e1|e2|e3/);
  });
});
