// A department's flow editor edits only its own department's review flows (issue 5, role 9).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../server/config.js';
import { startHarness, type Harness } from '../support/harness.js';

const XML = readFileSync(join(REPO_ROOT, 'workflows/unit-review.bpmn'), 'utf8');

describe('department flow editors', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({
      users: [
        { id: 'editor-jianshe', roles: [{ role: 'flowEditor', orgId: '150100-jianshe' }] },
        { id: 'editor-other', roles: [{ role: 'flowEditor', orgId: '150100-hrss' }] },
      ],
    });
  });
  afterAll(async () => h.close());

  it('edits and publishes its own department\'s flow, and nothing else', async () => {
    const mine = h.as('editor-jianshe');
    const body = { name: '住建局单位审核流程', ownerOrgId: '150100-jianshe', xml: XML };
    expect((await mine({ method: 'PUT', url: '/api/definitions/workflow/jianshe-review/draft', payload: { body } })).statusCode).toBe(200);
    const published = await mine({ method: 'POST', url: '/api/definitions/workflow/jianshe-review/publish' });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({ version: 1, createdBy: 'editor-jianshe' });

    const other = h.as('editor-other');
    const theirs = await other({ method: 'PUT', url: '/api/definitions/workflow/jianshe-review/draft', payload: { body: { ...body, ownerOrgId: '150100-hrss' } } });
    expect(theirs.statusCode).toBe(403);
    expect(theirs.json()).toMatchObject({ code: 'auth.forbidden', message: '只能编辑本部门的评审流程' });
    // a flow without an owner, and any other kind of definition, belong to administrators
    expect((await mine({ method: 'PUT', url: '/api/definitions/workflow/unowned/draft', payload: { body: { name: 'x', xml: XML } } })).statusCode).toBe(403);
    expect((await mine({ method: 'PUT', url: '/api/definitions/level/gongcheng.zhongji/draft', payload: { body: {} } })).statusCode).toBe(403);
    expect((await h.platform.store.getDefinition('workflow', 'jianshe-review', 'latest'))?.version).toBe(1);
  });
});
