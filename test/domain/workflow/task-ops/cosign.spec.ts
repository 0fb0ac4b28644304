import { describe, expect, it } from 'vitest';
import { T0 } from '../harness.js';
import { approve, LATER, started } from './support.js';

describe('加签', () => {
  it('the co-reviewer gets a task of their own; the owner completes only after the answer', async () => {
    const i = await started();
    const id = i.task('Unit').id;
    const fx = i.send({ type: 'addCosigner', taskId: id, userId: 'rev-a', cosignerId: 'rev-b', now: T0 });
    const co = i.tasks('Unit').find((t) => t.cosignOf === id)!;
    expect(fx).toEqual([{ type: 'createTask', task: co }]);
    expect(co).toMatchObject({ assignee: 'rev-b', name: '单位审核（加签）', decisions: [] });
    expect(i.tasks('Unit').find((t) => t.id === id)).toMatchObject({ assignee: 'rev-a' });
    const held = i.try({ type: 'completeTask', taskId: id, userId: 'rev-a', payload: { decision: 'approve' }, now: T0 });
    expect(!held.ok && held.error).toMatchObject({ code: 'task.cosign_pending', message: '加签人尚未答复，答复后才能办理' });
    const coComplete = i.try({ type: 'completeTask', taskId: co.id, userId: 'rev-b', payload: { decision: 'approve' }, now: T0 });
    expect(!coComplete.ok && coComplete.error.code).toBe('task.is_cosign');
    i.send({ type: 'answerCosign', taskId: co.id, userId: 'rev-b', opinion: '同意，建议推荐', now: LATER });
    expect(i.tasks('Unit')).toHaveLength(1);
    expect(i.task('Unit').opinions).toEqual([{ kind: 'cosign', userId: 'rev-b', opinion: '同意，建议推荐', at: LATER }]);
    approve(i, 'Unit', 'rev-a');
    expect(i.task('Dept')).toBeTruthy();
  });

  it('is refused where the step does not allow it', async () => {
    const i = await started();
    approve(i, 'Unit', 'rev-a');
    const r = i.try({ type: 'addCosigner', taskId: i.task('Dept').id, userId: 'dept-a', cosignerId: 'dept-b', now: LATER });
    expect(!r.ok && r.error.message).toBe('“主管部门审核”环节不允许加签');
  });
});
