import { describe, expect, it } from 'vitest';
import { compileFixture, Instance, routing, T0 } from './harness.js';

describe('terminate end event', () => {
  it('ends the whole instance and cancels the other branch', async () => {
    const i = new Instance(await compileFixture('terminate.bpmn'));
    i.send({ type: 'start', now: T0, variables: { routing } });
    const review = i.task('Review');
    const fx = i.complete('Withdraw', {}, T0);
    expect(fx).toEqual([
      { type: 'cancelTask', taskId: review.id, elementId: 'Review' },
      { type: 'completed', terminated: true },
    ]);
    expect(i.state.status).toBe('terminated');
    expect(i.state.tokens).toEqual([]);
    const r = i.try({ type: 'completeTask', taskId: review.id, userId: 'u', payload: {}, now: T0 });
    expect(!r.ok && r.error.code).toBe('instance.not_active');
  });
});
