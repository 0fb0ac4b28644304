import { describe, expect, it } from 'vitest';
import { highlight } from '../../../server/domain/workflow/state.js';
import { compileFixture, Instance, routing, T0 } from './harness.js';

describe('single user task', () => {
  it('creates an org-scoped task, merges the decision and completes', async () => {
    const i = new Instance(await compileFixture('single-task.bpmn'));
    const fx = i.send({ type: 'start', now: T0, variables: { routing } });
    expect(fx).toEqual([{ type: 'createTask', task: expect.objectContaining({ elementId: 'Review', role: 'unitReviewer', scope: 'unit', orgId: 'org-unit-1', decisions: ['approve', 'reject'] }) }]);
    expect(highlight(i.state)).toEqual({ active: ['Review'], finished: ['Start'] });

    const done = i.complete('Review', { decision: 'approve', comment: '同意推荐' }, '2022-09-30T02:00:00.000Z');
    expect(done).toEqual([{ type: 'completed', terminated: false }]);
    expect(i.state.status).toBe('completed');
    expect(i.state.variables).toMatchObject({ decision: 'approve', comment: '同意推荐', tasks: { Review: { decision: 'approve', userId: 'u1' } } });
    expect(i.state.openTasks).toEqual([]);
    expect(highlight(i.state).finished).toEqual(['Start', 'Review', 'End']);
  });

  it('does not mutate the input state', async () => {
    const i = new Instance(await compileFixture('single-task.bpmn'));
    i.send({ type: 'start', now: T0, variables: { routing } });
    const before = JSON.stringify(i.state);
    const frozen = i.state;
    i.complete('Review', { decision: 'approve' }, T0);
    expect(JSON.stringify(frozen)).toBe(before);
  });

  it('task.not_open for an unknown or already completed task; task.bad_decision for a decision not allowed', async () => {
    const i = new Instance(await compileFixture('single-task.bpmn'));
    i.send({ type: 'start', now: T0, variables: { routing } });
    const id = i.task('Review').id;
    const bad = i.try({ type: 'completeTask', taskId: id, userId: 'u1', payload: { decision: 'maybe' }, now: T0 });
    expect(!bad.ok && bad.error.code).toBe('task.bad_decision');
    expect(!bad.ok && bad.error.message).toContain('approve');
    i.send({ type: 'completeTask', taskId: id, userId: 'u1', payload: { decision: 'reject' }, now: T0 });
    const again = i.try({ type: 'completeTask', taskId: id, userId: 'u1', payload: { decision: 'reject' }, now: T0 });
    expect(!again.ok && again.error.code).toBe('instance.not_active');
  });

  it('task.not_open while the instance runs', async () => {
    const i = new Instance(await compileFixture('single-task.bpmn'));
    i.send({ type: 'start', now: T0, variables: { routing } });
    const r = i.try({ type: 'completeTask', taskId: 'nope', userId: 'u1', payload: {}, now: T0 });
    expect(!r.ok && r.error.code).toBe('task.not_open');
    expect(!r.ok && r.error.message).toMatch(/不存在/);
  });

  it('a missing routing scope is an incident with a Chinese reason, and retry recovers it', async () => {
    const i = new Instance(await compileFixture('single-task.bpmn'));
    const fx = i.send({ type: 'start', now: T0, variables: { routing: {} } });
    expect(fx[0]).toMatchObject({ type: 'incident', elementId: 'Review', code: 'task.no_org' });
    expect(i.state.incidents[0]!.reason).toContain('routing.unit');
    expect(i.state.openTasks).toEqual([]);
    // an admin fixes the routing (runtime concern), then retries: here we patch the state directly
    i.state = { ...i.state, variables: { ...i.state.variables, routing } };
    const retry = i.send({ type: 'retryIncident', incidentId: i.state.incidents[0]!.id, now: T0 });
    expect(retry[0]).toMatchObject({ type: 'createTask' });
    expect(i.state.incidents).toEqual([]);
  });
});
