// 试运行 through the API (issue 12 item 5): an administrator or the owning department's flow editor walks a
// flow's steps for a sample applicant from a start date and gets each step's earliest dates and the branches
// taken; another department's editor and a reviewer are refused; bad input is a 4xx in the one error shape;
// nothing is stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StepFlow } from '../../server/domain/workflow/steps/types.js';
import { startHarness, type Harness } from '../support/harness.js';

interface Body {
  name: string;
  steps?: StepFlow;
}

describe('POST /api/workflow-steps/dry-run', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ now: '2026-11-27T02:00:00.000Z' });
  });
  afterAll(async () => h.close());

  const latest = async (key: string): Promise<Body> => (await h.platform.store.getDefinition<Body>('workflow', key, 'latest'))!.body;
  const dryRun = async (who: string, key: string, extra: object = {}) => {
    const flow = await latest(key);
    return h.as(who)({ method: 'POST', url: '/api/workflow-steps/dry-run', payload: { key, name: flow.name, steps: flow.steps, sample: 'directReport', start: '2026-12-01', ...extra } });
  };

  it('dates every step on the holiday calendar and names the branch taken, storing nothing', async () => {
    const res = await dryRun('demo-admin', 'online-review');
    expect(res.statusCode, res.body).toBe(200);
    const steps = res.json().steps as { id: string; start: string; end: string; branch?: { name: string; condition: string } }[];
    expect(steps.find((s) => s.id === 'unitPublicity')).toMatchObject({ name: '单位公示', typeLabel: '公示', start: '2026-12-01', end: '2026-12-07' });
    expect(steps.find((s) => s.id === 'directGw')?.branch).toMatchObject({ name: '直报单位：直接报送公共服务中心' });
    expect(res.json().end).toMatchObject({ name: '已发证' });
    expect(await h.platform.store.getDefinition('workflow', 'online-review', 'draft')).toBeNull();
    expect((await h.platform.store.getDefinition('workflow', 'online-review', 'latest'))?.version).toBe(1);
  });

  it('a flow editor dry-runs only its department\'s flows; a reviewer not at all', async () => {
    expect((await dryRun('demo-flow-edu', 'teacher-review')).statusCode).toBe(200);
    const theirs = await dryRun('demo-flow-edu', 'league-review');
    expect(theirs.statusCode).toBe(403);
    expect(theirs.json()).toMatchObject({ code: 'auth.forbidden', message: '只能查看本部门的评审流程' });
    expect((await dryRun('demo-centre', 'online-review')).statusCode).toBe(403);
  });

  it('bad input is refused in the one error shape', async () => {
    for (const extra of [{ sample: 'nobody' }, { start: '2026/12/01' }, { steps: undefined }]) {
      const res = await dryRun('demo-admin', 'online-review', extra);
      expect(res.statusCode, JSON.stringify(extra)).toBe(400);
      expect(res.json()).toEqual({ code: expect.any(String), message: expect.any(String), details: expect.any(Array) });
    }
    // a date the calendars do not cover cannot be dated: refused, not guessed
    const uncovered = await dryRun('demo-admin', 'online-review', { start: '2031-03-02' });
    expect(uncovered.statusCode).toBe(422);
    expect(uncovered.json().message).toMatch(/试运行/);
    const broken = await dryRun('demo-admin', 'online-review', { steps: { chain: [{ type: 'condition', id: 'gw', name: '分支', branches: [{ name: '甲', steps: [] }] }] } });
    expect(broken.statusCode).toBe(422);
    expect(broken.json().code).toBe('steps.invalid');
  });
});
