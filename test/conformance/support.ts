// Conformance helpers: drive the seeded 2022 configuration through the public HTTP API only,
// with the harness's fake clock. Users are the seeded demo accounts plus per-scenario applicants.
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { User } from '../../server/domain/schema-types.gen.js';
import { startHarness, type Harness } from '../support/harness.js';
import { upload } from '../support/applicant-flow.js';

export type { Harness };

export interface Person {
  id: string;
  orgId: string;
  facts?: User['facts'];
}

/** applicants for the scenarios (staff come from seeds/users.json) */
export function applicants(people: Person[], extraStaff: Partial<User>[] = []): Partial<User>[] {
  return [
    ...people.map((p): Partial<User> => ({ id: p.id, name: `申报人${p.id}`, kind: 'applicant', orgId: p.orgId, roles: [{ role: 'applicant', orgId: p.orgId }], ...(p.facts ? { facts: p.facts } : {}) })),
    ...extraStaff,
  ];
}

export const start = (now: string, people: Person[], extraStaff: Partial<User>[] = []): Promise<Harness> => startHarness({ now, users: applicants(people, extraStaff) });

// the forms live in test/support/forms.ts (the bench's fill tool submits them too, outside vitest)
export { seniorForm, teacherForm } from '../support/forms.js';

type Json = Record<string, unknown>;

type Call = ReturnType<Harness['as']>;

export async function materialIds(h: Harness, levelKey: string): Promise<string[]> {
  const res = await h.anon({ method: 'GET', url: `/api/levels/${levelKey}` });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().materials as { id: string }[]).map((m) => m.id);
}

/** draft, form, every checklist item, pledge: the application id */
export async function prepare(h: Harness, userId: string, o: { campaignId?: string; levelKey: string; form: Json; channel?: string; skip?: string[] }): Promise<string> {
  const call = h.as(userId);
  const created = await call({ method: 'POST', url: '/api/applications', payload: { campaignId: o.campaignId ?? '2022', levelKey: o.levelKey, ...(o.channel ? { channel: o.channel } : {}) } });
  expect(created.statusCode, created.body).toBe(201);
  const app = created.json() as { id: string; version: number };
  const saved = await call({ method: 'PUT', url: `/api/applications/${app.id}/form`, payload: { form: o.form, version: app.version } });
  expect(saved.statusCode, saved.body).toBe(200);
  for (const item of await materialIds(h, o.levelKey)) {
    if (o.skip?.includes(item)) continue;
    const r = await upload(call, app.id, item);
    expect(r.statusCode, r.body).toBe(200);
  }
  expect((await call({ method: 'POST', url: `/api/applications/${app.id}/pledge` })).statusCode).toBe(200);
  return app.id;
}

export const submit = (h: Harness, userId: string, id: string, pathId?: string): Promise<LightMyRequestResponse> =>
  h.as(userId)({ method: 'POST', url: `/api/applications/${id}/submit`, payload: pathId ? { pathId } : {} });

export async function submitted(h: Harness, userId: string, o: Parameters<typeof prepare>[2] & { pathId?: string }): Promise<Json> {
  const id = await prepare(h, userId, o);
  const res = await submit(h, userId, id, o.pathId);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Json;
}

export interface TaskItem {
  applicationId: string;
  taskId: string;
  elementId: string;
  name: string;
  orgId: string;
  role: string;
}

export async function inbox(h: Harness, userId: string, appId?: string): Promise<TaskItem[]> {
  const res = await h.as(userId)({ method: 'GET', url: '/api/tasks?limit=200' });
  expect(res.statusCode, res.body).toBe(200);
  const items = res.json().items as TaskItem[];
  return appId ? items.filter((t) => t.applicationId === appId) : items;
}

/** the user's one open task on the application, at the expected element */
export async function taskOf(h: Harness, userId: string, appId: string, elementId: string): Promise<TaskItem> {
  const mine = await inbox(h, userId, appId);
  const t = mine.find((x) => x.elementId === elementId);
  expect(t, `${userId} should have ${elementId} on ${appId}; has ${mine.map((x) => x.elementId).join(',') || 'nothing'}`).toBeDefined();
  return t!;
}

export async function act(h: Harness, userId: string, appId: string, elementId: string, payload: Json): Promise<Json> {
  const t = await taskOf(h, userId, appId, elementId);
  const res = await h.as(userId)({ method: 'POST', url: `/api/tasks/${appId}/${t.taskId}/complete`, payload: { payload } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Json;
}

export const approve = (h: Harness, userId: string, appId: string, elementId: string): Promise<Json> => act(h, userId, appId, elementId, { decision: 'approve', comment: '同意' });

/** three experts, each voting 同意 */
export const ALL_EXPERTS_APPROVE = { 'expert-1': 'approve', 'expert-2': 'approve', 'expert-3': 'approve' } as const;

/** fires the application's next timer by moving the clock to its due instant; returns that instant */
export async function fireNext(h: Harness, appId: string): Promise<string> {
  const due = timersOf(await view(h, 'demo-admin', appId)).sort()[0];
  expect(due).toBeDefined();
  expect(await at(h, due!)).toBeGreaterThanOrEqual(1);
  return due!;
}

/** D12: a banner teacher's directed 基层高级 through its whole seeded flow to 核准备案; returns the filed application */
export async function certifyDirectedTeacher(h: Harness, appId: string): Promise<Json> {
  await approve(h, 'rev-tzq', appId, 'unitReview');
  await fireNext(h, appId);
  await approve(h, 'dept-tzq-edu', appId, 'competentReview');
  await approve(h, 'demo-hrss-hhht', appId, 'leagueReview');
  await fireNext(h, appId);
  await approve(h, 'jiceng-clerk', appId, 'officeCheck');
  await vote(h, appId, ALL_EXPERTS_APPROVE);
  await fireNext(h, appId);
  return approve(h, 'demo-hrss-hhht', appId, 'filing');
}

export async function vote(h: Harness, appId: string, ballots: Record<string, 'approve' | 'reject'>): Promise<Json> {
  let last: Json = {};
  for (const [expert, v] of Object.entries(ballots)) {
    // the vote closes as soon as its condition is decided: later experts have nothing left to cast
    if (!(await inbox(h, expert, appId)).some((t) => t.elementId === 'vote')) break;
    last = await act(h, expert, appId, 'vote', { vote: v });
  }
  return last;
}

/** moves the fake clock and fires what is due */
export async function at(h: Harness, iso: string): Promise<number> {
  h.clock.set(iso);
  return (await h.platform.runtime.fireDueTimers()).fired;
}

export async function view(h: Harness, userId: string, appId: string): Promise<Json> {
  const res = await h.as(userId)({ method: 'GET', url: `/api/applications/${appId}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Json;
}

export const timersOf = (app: Json): string[] => ((app['timers'] as { dueAt: string }[] | undefined) ?? []).map((t) => t.dueAt);

export const codes = (res: LightMyRequestResponse): string[] => ((res.json().details ?? []) as { code: string }[]).map((d) => d.code);
export const messages = (res: LightMyRequestResponse): string[] => ((res.json().details ?? []) as { message: string }[]).map((d) => d.message);

export async function eligibility(h: Harness, userId: string, levelKey: string, form: Json, campaignId = '2022'): Promise<{ eligible: boolean; paths: { id: string; passed: boolean; failed: { conditionId: string; message: string }[] }[]; blocked: { id: string; message: string }[] }> {
  const res = await h.as(userId)({ method: 'POST', url: '/api/eligibility', payload: { levelKey, campaignId, form } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

export const pathOf = (e: Awaited<ReturnType<typeof eligibility>>, id: string) => {
  const p = e.paths.find((x) => x.id === id);
  expect(p, `path ${id}`).toBeDefined();
  return p!;
};
