import { describe, expect, it } from 'vitest';
import { T0 } from '../harness.js';
import { approve, LATER, started } from './support.js';

describe('委派', () => {
  it('the delegate works it and gives it back with an opinion; only then the owner completes it', async () => {
    const i = await started();
    const id = i.task('Unit').id;
    i.send({ type: 'delegateTask', taskId: id, userId: 'rev-a', toUserId: 'rev-b', now: T0 });
    expect(i.task('Unit')).toMatchObject({ assignee: 'rev-b', delegatedBy: 'rev-a' });
    const early = i.try({ type: 'completeTask', taskId: id, userId: 'rev-b', payload: { decision: 'approve' }, now: T0 });
    expect(!early.ok && early.error.code).toBe('task.delegated');
    const owner = i.try({ type: 'returnDelegation', taskId: id, userId: 'rev-a', opinion: '好', now: T0 });
    expect(!owner.ok && owner.error.code).toBe('task.not_yours');
    const empty = i.try({ type: 'returnDelegation', taskId: id, userId: 'rev-b', opinion: '  ', now: T0 });
    expect(!empty.ok && empty.error.code).toBe('task.opinion_required');
    i.send({ type: 'returnDelegation', taskId: id, userId: 'rev-b', opinion: '材料已核对，属实', now: LATER });
    expect(i.task('Unit')).toMatchObject({ assignee: 'rev-a', opinions: [{ kind: 'delegate', userId: 'rev-b', opinion: '材料已核对，属实', at: LATER }] });
    expect(i.task('Unit')).not.toHaveProperty('delegatedBy');
    approve(i, 'Unit', 'rev-a');
    expect(i.tasks('Unit')).toEqual([]);
  });

  it('a task that is not delegated cannot be returned as one', async () => {
    const i = await started();
    const r = i.try({ type: 'returnDelegation', taskId: i.task('Unit').id, userId: 'rev-a', opinion: '好', now: T0 });
    expect(!r.ok && r.error.code).toBe('task.not_delegated');
  });
});
