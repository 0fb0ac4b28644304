// What the application use-cases need, passed as one object so each file stays a plain function.
import { randomUUID } from 'node:crypto';
import type { Clock } from '../../domain/clock.js';
import { shanghaiDate } from '../../domain/calendar/due.js';
import { fail, ok, type Result } from '../../domain/result.js';
import { orgChain, type OrgChain } from '../../domain/routing/org-chain.js';
import type { Application, Campaign, Org, User } from '../../domain/schema-types.gen.js';
import type { AuditInput, Store } from '../../store/port.js';
import type { LevelCache } from '../levels.js';
import type { WorkflowRuntime } from '../workflow/runtime.js';
import type { CalendarSource } from '../calendars.js';

export interface AppDeps {
  store: Store;
  clock: Clock;
  levels: LevelCache;
  runtime: WorkflowRuntime;
  calendars: CalendarSource;
}

export const newId = (): string => randomUUID();

export const today = (d: AppDeps): string => shanghaiDate(d.clock.now()) ?? d.clock.now().slice(0, 10);

export async function campaignOf(d: AppDeps, key: string, version?: number): Promise<Result<{ campaign: Campaign; version: number }>> {
  const rec = await d.store.getDefinition<Campaign>('campaign', key, version ?? 'latest');
  if (!rec) return fail('campaign.not_found', `评审年度 ${key} 不存在`);
  return ok({ campaign: rec.body, version: rec.version });
}

export async function chainOf(d: AppDeps, unitId: string | undefined): Promise<OrgChain | null> {
  if (!unitId) return null;
  const orgs = new Map<string, Org>((await d.store.listOrgs()).map((o) => [o.id, o]));
  return orgChain(unitId, orgs);
}

/** the applicant's own application, or not found (never "forbidden": existence is not leaked) */
export async function ownApplication(d: AppDeps, user: User, id: string): Promise<Result<Application>> {
  const app = await d.store.getApplication(id);
  if (!app || app.applicantId !== user.id) return fail('application.not_found', '申报不存在');
  return ok(app);
}

export const audit = (d: AppDeps, actor: string, action: string, app: Application, before: unknown, after: unknown): AuditInput => ({
  at: d.clock.now(),
  actor,
  action,
  target: { type: 'application', id: app.id },
  before,
  after,
});

/** writes the next version of an application, or a conflict that changed nothing */
export async function saveNext(d: AppDeps, prev: Application, next: Application, entry: AuditInput): Promise<Result<Application>> {
  const written: Application = { ...next, version: prev.version + 1, updatedAt: d.clock.now() };
  const res = await d.store.updateApplication(written, prev.version, [entry]);
  if (!res.ok) return fail('application.conflict', '该申报已在别处被修改，请刷新后重试');
  return ok(written);
}

export const EDITABLE: ReadonlySet<Application['status']> = new Set(['draft', 'returned']);
