import { describe, expect, it } from 'vitest';
import { compileFixture, Instance, routing, T0 } from './harness.js';

describe('service task bound to a named action', () => {
  it('emits runAction, then continues with the action output', async () => {
    const i = new Instance(await compileFixture('service-task.bpmn'));
    const fx = i.send({ type: 'start', now: T0, variables: { routing } });
    expect(fx).toEqual([{ type: 'runAction', tokenId: expect.any(String), name: 'quota.reserve', elementId: 'Reserve' }]);
    const tokenId = i.state.tokens[0]!.id;
    i.send({ type: 'actionCompleted', tokenId, output: { reserved: true }, now: T0 });
    expect(i.state.status).toBe('completed');
    expect(i.state.history.some((h) => h.elementId === 'EndOk')).toBe(true);
  });

  it('a failure stops the token as a visible incident; retry re-runs the action', async () => {
    const i = new Instance(await compileFixture('service-task.bpmn'));
    i.send({ type: 'start', now: T0, variables: { routing } });
    const tokenId = i.state.tokens[0]!.id;
    const fx = i.send({ type: 'actionFailed', tokenId, reason: '指标已用完', now: T0 });
    expect(fx).toEqual([{ type: 'incident', id: expect.any(String), elementId: 'Reserve', code: 'action.failed', reason: expect.stringContaining('指标已用完') }]);
    expect(i.state.tokens[0]!.wait).toBe('incident');
    const late = i.try({ type: 'actionCompleted', tokenId, output: {}, now: T0 });
    expect(!late.ok && late.error.code).toBe('token.not_waiting');

    const retry = i.send({ type: 'retryIncident', incidentId: i.state.incidents[0]!.id, now: T0 });
    expect(retry).toEqual([{ type: 'runAction', tokenId, name: 'quota.reserve', elementId: 'Reserve' }]);
    expect(i.state.incidents).toEqual([]);
    i.send({ type: 'actionCompleted', tokenId, output: { reserved: false }, now: T0 });
    expect(i.state.history.some((h) => h.elementId === 'EndNo')).toBe(true);
    const unknown = i.try({ type: 'retryIncident', incidentId: 'i999', now: T0 });
    expect(!unknown.ok && unknown.error.code).toBe('instance.not_active');
  });
});
