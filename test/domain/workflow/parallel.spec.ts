import { describe, expect, it } from 'vitest';
import { compileFixture, Instance, routing, T0 } from './harness.js';

describe('parallel gateway fork and join', () => {
  it('opens both branches and continues only when both arrived', async () => {
    const i = new Instance(await compileFixture('parallel.bpmn'));
    i.send({ type: 'start', now: T0, variables: { routing } });
    expect(i.state.openTasks.map((t) => [t.elementId, t.orgId])).toEqual([
      ['A', 'org-unit-1'],
      ['B', 'org-competent-1'],
    ]);
    i.complete('B', {}, T0);
    expect(i.state.openTasks.map((t) => t.elementId)).toEqual(['A']);
    expect(i.state.joins).toEqual({ Join: { fb2: 1 } });
    i.complete('A', {}, T0);
    expect(i.state.joins).toEqual({});
    expect(i.state.openTasks.map((t) => t.elementId)).toEqual(['After']);
    i.complete('After', {}, T0);
    expect(i.state.status).toBe('completed');
  });
});
