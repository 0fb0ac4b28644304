// One 评审会议 as a stored record: who may work it (the committee's office, the administrator), reading it with its
// committee, and one guarded write with its audit record. Each session use-case (sessions.ts, session-plan.ts,
// session-start.ts) is read → check → this write.
import { randomUUID } from 'node:crypto';
import { shanghaiDate } from '../../domain/calendar/due.js';
import type { Clock } from '../../domain/clock.js';
import type { ReviewSession } from '../../domain/committee-work/types.js';
import { fail, ok, type Result } from '../../domain/result.js';
import type { CommitteeList, User } from '../../domain/schema-types.gen.js';
import type { Store, StoredRecord } from '../../store/port.js';
import type { LevelCache } from '../levels.js';
import type { WorkflowRuntime } from '../workflow/runtime.js';

export type Committee = CommitteeList['committees'][number];
export type SessionRecord = StoredRecord<ReviewSession>;

export interface SessionDeps {
  store: Store;
  clock: Clock;
  runtime: WorkflowRuntime;
  levels: LevelCache;
}

export const newSessionId = (): string => `ses-${randomUUID()}`;
export const todayOf = (clock: Clock): string => shanghaiDate(clock.now()) ?? clock.now().slice(0, 10);
export const sessionKeys = (s: ReviewSession): string[] => [`committee:${s.committeeId}`, `year:${s.campaignYear}`, `status:${s.status}`];

const notFound = (): Result<never> => fail('session.not_found', '评审会议不存在', [{ code: 'session.not_found', message: '评审会议不存在' }]);

export const isAdmin = (u: User): boolean => u.roles.some((r) => r.role === 'admin');
/** the committee office's clerks work the committee's sessions; the administrator (自治区人社厅) all of them */
export const mayManage = (u: User, c: Committee): boolean => isAdmin(u) || u.roles.some((r) => r.role === 'committeeClerk' && r.orgId === c.officeOrgId);
/** 纪检监察 follow every session, read-only */
export const mayRead = (u: User, c: Committee): boolean => mayManage(u, c) || u.roles.some((r) => r.role === 'supervisor');

export async function committees(store: Store): Promise<Committee[]> {
  return (await store.getDefinition<CommitteeList>('committees', 'committees', 'latest'))?.body.committees ?? [];
}

export async function committeeOf(store: Store, id: string): Promise<Committee | undefined> {
  return (await committees(store)).find((c) => c.id === id);
}

/** the session with its committee, when this person may read it (`manage`: and work it); else not found */
export async function sessionFor(d: SessionDeps, user: User, id: string, manage: boolean): Promise<Result<{ rec: SessionRecord; committee: Committee }>> {
  const rec = await d.store.getRecord<ReviewSession>('reviewSession', id);
  if (!rec) return notFound();
  const committee = await committeeOf(d.store, rec.body.committeeId);
  if (!committee || !(manage ? mayManage(user, committee) : mayRead(user, committee))) return notFound();
  return ok({ rec, committee });
}

/** writes the next version guarded by the one read; `detail` goes into the audit record */
export async function saveSession(d: Pick<SessionDeps, 'store' | 'clock'>, actor: string, prev: SessionRecord, body: ReviewSession, action: string, detail: Record<string, unknown> = {}): Promise<Result<SessionRecord>> {
  const now = d.clock.now();
  const next: SessionRecord = { ...prev, version: prev.version + 1, updatedAt: now, keys: sessionKeys(body), body };
  const res = await d.store.putRecord(next, prev.version, [
    { at: now, actor, action, target: { type: 'reviewSession', id: prev.id }, before: { version: prev.version, status: prev.body.status }, after: { version: next.version, status: body.status, ...detail } },
  ]);
  if (!res.ok) return fail('session.conflict', '该评审会议已在别处被修改，请刷新后重试', [{ code: 'session.conflict', message: '该评审会议已在别处被修改，请刷新后重试' }]);
  return ok(next);
}

export const refuse = (code: string, message: string, pointer?: string): Result<never> => fail(code, message, [{ code, message, ...(pointer ? { pointer } : {}) }]);
