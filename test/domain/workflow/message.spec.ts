import { describe, expect, it } from 'vitest';
import { compileFixture, Instance, routing, T0 } from './harness.js';

describe('message catch and interrupting message boundary', () => {
  it('a message catch waits for its message; a complaint interrupts the publicity task', async () => {
    const i = new Instance(await compileFixture('message.bpmn'));
    i.send({ type: 'start', now: T0, variables: { routing } });
    expect(i.state.messageWaits.map((w) => w.message)).toEqual(['paid']);
    const early = i.try({ type: 'message', name: 'complaint', payload: {}, now: T0 });
    expect(!early.ok && early.error.code).toBe('message.no_subscriber');

    i.send({ type: 'message', name: 'paid', payload: { amount: 200 }, now: T0 });
    const publicity = i.task('Publicity');
    const fx = i.send({ type: 'message', name: 'complaint', payload: { from: '匿名', text: '论文抄袭' }, now: T0 });
    expect(fx[0]).toEqual({ type: 'cancelTask', taskId: publicity.id, elementId: 'Publicity' });
    expect(fx[1]).toMatchObject({ type: 'createTask', task: { elementId: 'Investigate', orgId: 'org-committee-office' } });
    expect(i.state.variables['messages']).toEqual({ paid: { amount: 200 }, complaint: { from: '匿名', text: '论文抄袭' } });
    i.complete('Investigate', { decision: 'dismiss' }, T0);
    expect(i.state.status).toBe('completed');
  });

  it('after the task is done, the boundary no longer listens', async () => {
    const i = new Instance(await compileFixture('message.bpmn'));
    i.send({ type: 'start', now: T0, variables: { routing } });
    i.send({ type: 'message', name: 'paid', payload: {}, now: T0 });
    i.complete('Publicity', { decision: 'close' }, T0);
    expect(i.state.status).toBe('completed');
    expect(i.state.messageWaits).toEqual([]);
  });
});
