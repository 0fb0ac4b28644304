import { describe, expect, it } from 'vitest';
import { compileFixture, Instance, routing, T0 } from './harness.js';

async function run(decision: string, score?: number) {
  const i = new Instance(await compileFixture('exclusive.bpmn'));
  i.send({ type: 'start', now: T0, variables: { routing, ...(score === undefined ? {} : { score }) } });
  i.complete('Review', { decision }, T0);
  return i;
}

describe('exclusive gateway with FEEL conditions and a default flow', () => {
  it('takes the first branch whose condition holds', async () => {
    expect((await run('approve')).state.openTasks.map((t) => t.elementId)).toEqual(['Approved']);
    expect((await run('return', 75)).state.openTasks.map((t) => t.elementId)).toEqual(['Returned']);
  });

  it('falls back to the default flow', async () => {
    const i = await run('reject', 90);
    expect(i.state.status).toBe('completed');
    expect(i.state.history.some((h) => h.elementId === 'EndRejected')).toBe(true);
  });

  it('a missing variable is an incident, not a silent false', async () => {
    const i = await run('return'); // no score
    expect(i.state.incidents).toHaveLength(1);
    expect(i.state.incidents[0]).toMatchObject({ elementId: 'Gw', code: 'feel.evaluation' });
    expect(i.state.incidents[0]!.reason).toContain('score');
    expect(i.state.status).toBe('active');
    // fix the data and retry: the gateway is evaluated again
    i.state = { ...i.state, variables: { ...i.state.variables, score: 80 } };
    i.send({ type: 'retryIncident', incidentId: i.state.incidents[0]!.id, now: T0 });
    expect(i.state.openTasks.map((t) => t.elementId)).toEqual(['Returned']);
  });
});
