import { describe, expect, it } from 'vitest';
import { Instance } from '../harness.js';
import { approve, LATER, started } from './support.js';

const NEXT = '2022-10-08T02:00:00.000Z';

describe('撤回', () => {
  it('while the next step has not acted: the task is open again for the same person and the next task is gone', async () => {
    const i = await started();
    const unit = i.task('Unit');
    approve(i, 'Unit', 'rev-a');
    const dept = i.task('Dept');
    const fx = i.send({ type: 'withdrawDecision', taskId: unit.id, userId: 'rev-a', now: NEXT });
    expect(fx).toEqual([{ type: 'cancelTask', taskId: dept.id, elementId: 'Dept' }, { type: 'reassignTask', task: { ...unit, assignee: 'rev-a', personal: true } }]);
    expect(i.state.openTasks).toEqual([{ ...unit, assignee: 'rev-a', personal: true }]);
    expect(i.state.variables).not.toHaveProperty('decision');
    expect(i.state.lastDecision).toBeUndefined();
    // ids keep counting: the next decision's tasks never reuse the withdrawn ones
    approve(i, 'Unit', 'rev-a', NEXT);
    expect(i.task('Dept').id).not.toBe(dept.id);
  });

  it('not by someone else; not once the next step acted; not twice', async () => {
    const i = await started();
    const unit = i.task('Unit');
    approve(i, 'Unit', 'rev-a');
    const other = i.try({ type: 'withdrawDecision', taskId: unit.id, userId: 'rev-b', now: NEXT });
    expect(!other.ok && other.error.code).toBe('withdraw.not_yours');
    i.send({ type: 'transferTask', taskId: i.task('Dept').id, userId: 'dept-a', toUserId: 'dept-b', now: NEXT });
    const late = i.try({ type: 'withdrawDecision', taskId: unit.id, userId: 'rev-a', now: NEXT });
    expect(!late.ok && late.error).toMatchObject({ code: 'withdraw.too_late', message: '下一环节已经办理或流程已继续，不能撤回' });
  });

  it('a reminder of the next step is no act: the decision can still be taken back', async () => {
    const i = await started();
    const unit = i.task('Unit');
    approve(i, 'Unit', 'rev-a');
    i.send({ type: 'remindTask', taskId: i.task('Dept').id, userId: 'applicant', now: LATER });
    i.send({ type: 'withdrawDecision', taskId: unit.id, userId: 'rev-a', now: LATER });
    expect(i.task('Unit').assignee).toBe('rev-a');
  });

  it('refused when the decision ran an action that restoring the flow cannot undo (a quota counter)', async () => {
    const i = await started();
    approve(i, 'Unit', 'rev-a');
    const dept = i.task('Dept');
    approve(i, 'Dept', 'dept-a');
    const r = i.try({ type: 'withdrawDecision', taskId: dept.id, userId: 'dept-a', now: NEXT });
    expect(!r.ok && r.error).toMatchObject({ code: 'withdraw.irreversible', message: '办理后已执行“占用指标”，不能撤回' });
  });

  it('refused at a step that does not allow it', async () => {
    const i = await started();
    const unitDef = i.model.elements['Unit']!;
    const model = { ...i.model, elements: { ...i.model.elements, Unit: { ...unitDef, operations: ['transfer'] } } };
    const j = new Instance(model);
    j.state = i.state;
    const unit = j.task('Unit');
    approve(j, 'Unit', 'rev-a');
    const r = j.try({ type: 'withdrawDecision', taskId: unit.id, userId: 'rev-a', now: NEXT });
    expect(!r.ok && r.error).toMatchObject({ code: 'task.op_not_allowed', message: '“单位审核”环节不允许撤回' });
  });
});
