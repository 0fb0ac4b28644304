import { describe, expect, it } from 'vitest';
import { T0 } from '../harness.js';
import { approve, LATER, started } from './support.js';

describe('转办', () => {
  it('hands the task to the colleague: it is theirs alone from then on, and they complete it', async () => {
    const i = await started();
    const task = i.task('Unit');
    const fx = i.send({ type: 'transferTask', taskId: task.id, userId: 'rev-a', toUserId: 'rev-b', now: T0 });
    expect(fx).toEqual([{ type: 'reassignTask', task: expect.objectContaining({ id: task.id, assignee: 'rev-b' }) }]);
    const taken = i.try({ type: 'completeTask', taskId: task.id, userId: 'rev-a', payload: { decision: 'approve' }, now: LATER });
    expect(!taken.ok && taken.error.code).toBe('task.not_assignee');
    const again = i.try({ type: 'transferTask', taskId: task.id, userId: 'rev-a', toUserId: 'rev-c', now: T0 });
    expect(!again.ok && again.error).toMatchObject({ code: 'task.not_yours', details: [{ code: 'task.not_yours' }] });
    approve(i, 'Unit', 'rev-b');
    expect(i.task('Dept').orgId).toBe('org-competent-1');
  });

  it('is refused at a step that does not allow it, in Chinese, at the element', async () => {
    const i = await started();
    approve(i, 'Unit', 'rev-a');
    approve(i, 'Dept', 'dept-a');
    const r = i.try({ type: 'transferTask', taskId: i.task('Office').id, userId: 'clerk-a', toUserId: 'clerk-b', now: LATER });
    expect(!r.ok && r.error).toMatchObject({ code: 'task.op_not_allowed', message: '“办事机构审核”环节不允许转办', details: [{ elementId: 'Office' }] });
  });

  it('not to oneself; the input state is not mutated', async () => {
    const i = await started();
    const before = JSON.stringify(i.state);
    const r = i.try({ type: 'transferTask', taskId: i.task('Unit').id, userId: 'rev-a', toUserId: 'rev-a', now: T0 });
    expect(!r.ok && r.error.code).toBe('task.transfer_to_self');
    const frozen = i.state;
    i.send({ type: 'transferTask', taskId: i.task('Unit').id, userId: 'rev-a', toUserId: 'rev-b', now: T0 });
    expect(JSON.stringify(frozen)).toBe(before);
  });
});

describe('转办 and the privacy of ballots', () => {
  it('a task handed to one person is marked personal, so views tell it from an expert ballot', async () => {
    const { applicationView } = await import('../../../../server/auth/application-view.js');
    const i = await started();
    const task = i.task('Unit');
    i.send({ type: 'transferTask', taskId: task.id, userId: 'rev-a', toUserId: 'rev-b', now: T0 });
    expect(i.task('Unit').personal).toBe(true);
    const index = [{ taskId: task.id, elementId: 'Unit', name: '单位审核', role: 'unitReviewer', orgId: 'org-unit-1', assignee: 'rev-b', createdAt: T0 }];
    const app = { id: 'a', applicantId: 'li', workflow: i.state, openTasks: index, form: {}, materials: [], pinned: { level: 1 } } as unknown as Parameters<typeof applicationView>[0];
    // the applicant still sees where the application is; the snapshot kept for 撤回 never leaves the server
    const own = applicationView(app, 'li', 'owner', new Set());
    expect(own.openTasks).toHaveLength(1);
    expect(own.workflow?.openTasks).toHaveLength(1);
    expect(own.workflow && 'lastDecision' in own.workflow).toBe(false);
  });
});
