import { describe, expect, it } from 'vitest';
import { compileWorkflow } from '../../../../server/domain/workflow/compile.js';
import { ACTIONS, fixture } from '../harness.js';

describe('zc:TaskOperations at publish', () => {
  it('refuses an operation the platform does not have, at the task', async () => {
    const xml = fixture('test/domain/workflow/task-ops/three-steps.bpmn').replace('allowed="transfer,delegate,cosign,withdraw,remind"', 'allowed="transfer,teleport"');
    const r = await compileWorkflow(xml, { actions: ACTIONS });
    expect(!r.ok && r.error.details).toEqual([expect.objectContaining({ code: 'bpmn.unknown_task_operation', elementId: 'Unit', message: '用户任务 “单位审核”（Unit） 允许的任务操作“teleport”不存在' })]);
  });
});
