// GET /api/applications answers with summaries, never whole documents (issue 16): a few hundred bytes a row, pages by
// offset or by the keyset cursor `next`, and each row shown as the person asking may see it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reachOfUser } from '../../server/auth/access-rules.js';
import { newState } from '../../server/domain/workflow/state.js';
import { makeApplication } from '../support/factories.js';
import { startHarness, type Harness } from '../support/harness.js';

describe('GET /api/applications: summaries, keyset pages, what each person may see', () => {
  let h: Harness;
  let office: string[];
  beforeAll(async () => {
    h = await startHarness();
    const reviewer = (await h.platform.store.getUser('demo-unit-design'))!;
    office = reachOfUser(reviewer).filter((k) => !k.includes('#'));
    expect(office.length).toBeGreaterThan(0);
    const at = (i: number) => `2022-06-01T0${i}:00:00.000Z`;
    const ballot = { taskId: 't-ballot', elementId: 'vote', name: '表决', role: 'expert', orgId: 'cm-x', assignee: 'someone-else', createdAt: at(1) };
    const review = { taskId: 't-review', elementId: 'unitReview', name: '单位审核', role: 'unitReviewer', orgId: 'org-x', createdAt: at(1) };
    const incident = { id: 'inc-1', tokenId: 't', elementId: 'gw', code: 'feel', reason: '条件无法求值', at: at(1), retry: 'enter' as const };
    for (let i = 0; i < 5; i += 1) {
      const app = makeApplication({
        id: `list-${i}`,
        applicantId: 'u-someone',
        applicantName: `申报人${i}`,
        status: 'submitted',
        updatedAt: at(i % 2),
        form: { name: `申报人${i}`, idNumber: '110101199003074514', essay: 'x'.repeat(20_000) },
        openTasks: [ballot, review],
        workflow: { ...newState(), status: 'active', reached: [...office], incidents: [incident] },
      });
      expect((await h.platform.store.insertApplication(app, [])).ok).toBe(true);
    }
  });
  afterAll(async () => h?.close());

  it('pages summaries by keyset: every row once, a few hundred bytes each, no form, materials or flow state', async () => {
    const admin = h.as('demo-admin');
    const seen: string[] = [];
    let after: string | undefined;
    let total = 0;
    for (let pages = 0; pages < 10; pages += 1) {
      const res = await admin({ method: 'GET', url: `/api/applications?limit=2${after ? `&after=${after}` : ''}` });
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as { total: number; items: Record<string, unknown>[]; next?: string };
      total = body.total;
      for (const item of body.items) {
        expect(item).not.toHaveProperty('form');
        expect(item).not.toHaveProperty('materials');
        expect(item).not.toHaveProperty('workflow');
        expect(JSON.stringify(item).length).toBeLessThan(2_000);
        seen.push(String(item.id));
      }
      if (!body.next) break;
      after = body.next;
    }
    expect(seen.length).toBe(total);
    expect(new Set(seen).size).toBe(total);
    expect(seen.filter((id) => id.startsWith('list-')).sort()).toEqual(['list-0', 'list-1', 'list-2', 'list-3', 'list-4']);
    // the administrator sees the flow's incidents, for 流程异常, but not an expert's ballot (the least-privilege walk)
    const first = (await admin({ method: 'GET', url: '/api/applications?limit=200' })).json().items.find((a: { id: string }) => a.id === 'list-0');
    expect(first).toMatchObject({ incidents: [{ id: 'inc-1' }], openTasks: [{ taskId: 't-review' }] });
    expect(first.openTasks).toHaveLength(1);
  });

  it("shows an office no other person's ballot task and nothing of the flow state", async () => {
    const res = await h.as('demo-unit-design')({ method: 'GET', url: '/api/applications?limit=200' });
    expect(res.statusCode, res.body).toBe(200);
    const rows = (res.json().items as { id: string; openTasks: { taskId: string }[]; incidents: unknown[]; waitingAt: unknown[]; workflowStatus?: string }[]).filter((a) =>
      a.id.startsWith('list-'),
    );
    expect(rows).toHaveLength(5);
    for (const row of rows) {
      expect(row.openTasks.map((t) => t.taskId)).toEqual(['t-review']);
      expect(row.incidents).toEqual([]);
      expect(row.workflowStatus).toBeUndefined();
    }
    expect(res.body).not.toContain('110101199003074514');
  });

  it('refuses a malformed page request with the one error shape', async () => {
    const res = await h.as('demo-admin')({ method: 'GET', url: `/api/applications?after=${'x'.repeat(600)}` });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: expect.any(String), message: expect.any(String), details: expect.any(Array) });
  });
});
