import { describe, expect, it } from 'vitest';
import { returnTargets } from '../../../../server/domain/workflow/task-ops/return-targets.js';
import { approve, LATER, started } from './support.js';

describe('退回到指定环节', () => {
  it('offers only review steps the application has passed, and sends the flow back there with a new task', async () => {
    const i = await started();
    expect(returnTargets(i.model, i.state, 'Unit')).toEqual([]);
    approve(i, 'Unit', 'rev-a');
    const dept = i.task('Dept');
    expect(returnTargets(i.model, i.state, 'Dept')).toEqual([{ elementId: 'Unit', name: '单位审核' }]);
    const fx = i.send({ type: 'returnToStep', taskId: dept.id, userId: 'dept-a', elementId: 'Unit', opinion: '单位意见不完整，请重新审核', now: LATER });
    expect(fx.map((e) => e.type)).toEqual(['cancelTask', 'createTask']);
    expect(i.tasks('Dept')).toEqual([]);
    expect(i.task('Unit')).toMatchObject({ orgId: 'org-unit-1', createdAt: LATER });
    expect(i.state.variables['tasks']).toMatchObject({ Dept: { decision: 'returnTo', returnTo: 'Unit', opinion: '单位意见不完整，请重新审核', userId: 'dept-a' } });
  });

  it('refuses a step not passed, an empty opinion, and a step that does not allow it', async () => {
    const i = await started();
    const notAllowed = i.try({ type: 'returnToStep', taskId: i.task('Unit').id, userId: 'rev-a', elementId: 'Unit', opinion: 'x', now: LATER });
    expect(!notAllowed.ok && notAllowed.error.code).toBe('task.op_not_allowed');
    approve(i, 'Unit', 'rev-a');
    const id = i.task('Dept').id;
    const office = i.try({ type: 'returnToStep', taskId: id, userId: 'dept-a', elementId: 'Office', opinion: 'x', now: LATER });
    expect(!office.ok && office.error).toMatchObject({ code: 'task.bad_return_target', details: [{ pointer: '/elementId' }] });
    const empty = i.try({ type: 'returnToStep', taskId: id, userId: 'dept-a', elementId: 'Unit', opinion: ' ', now: LATER });
    expect(!empty.ok && empty.error).toMatchObject({ code: 'task.opinion_required', details: [{ pointer: '/opinion' }] });
  });
});
