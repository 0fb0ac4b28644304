import { describe, expect, it } from 'vitest';
import { compileFixture } from '../harness.js';

describe('zc:TaskOperations in the compiled model', () => {
  it('reads the allowed operations and 审批意见必填 per user task; absent means none', async () => {
    const m = await compileFixture('test/domain/workflow/task-ops/three-steps.bpmn');
    expect(m.elements['Unit']).toMatchObject({ operations: ['transfer', 'delegate', 'cosign', 'withdraw', 'remind'], opinionRequired: true });
    expect(m.elements['Dept']).toMatchObject({ operations: ['transfer', 'withdraw', 'returnTo', 'remind'] });
    expect(m.elements['Dept']).not.toHaveProperty('opinionRequired');
    expect(m.elements['Office']).not.toHaveProperty('operations');
  });
});
