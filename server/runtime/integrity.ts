// G3: fraud is recorded in the person's integrity file for a number of years (3 by the notice),
// which blocks new applications through the levels' rules, and a title obtained by it is revoked:
// its e-certificate then verifies as revoked. Each record names who recorded it, when and why (also in the audit
// log), and no administrator can record their own account.
import { fail, ok, type Result } from '../domain/result.js';
import type { Application, User } from '../domain/schema-types.gen.js';
import { today, type AppDeps } from './applications/deps.js';
import { revokeApplicationCertificate } from './certificates/revoke-application.js';

export interface FraudRecord {
  userId: string;
  reason: string;
  years: number;
  /** the application whose title is revoked, if any */
  revokeApplicationId?: string;
}

/** the same day `years` later (29 February falls back to 28 February) */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y + years, m - 1, d));
  if (target.getUTCMonth() !== m - 1) target.setUTCDate(0);
  return target.toISOString().slice(0, 10);
}

export async function recordFraud(d: AppDeps, actor: User, rec: FraudRecord): Promise<Result<{ user: User; application: Application | null }>> {
  if (actor.id === rec.userId) {
    const message = '不能将自己的账号记入诚信档案（失信黑名单），请由其他管理员记录';
    return fail('integrity.self', message, [{ code: 'integrity.self', message, pointer: '/userId' }]);
  }
  const reason = rec.reason.trim();
  if (reason.length < 2) {
    const message = '请写明记入诚信档案的原因（至少 2 个字）';
    return fail('integrity.reason', message, [{ code: 'integrity.reason', message, pointer: '/reason' }]);
  }
  const person = await d.store.getUser(rec.userId);
  if (!person) return fail('user.not_found', '该人员不存在');
  let revoked: Application | null = null;
  if (rec.revokeApplicationId) {
    const app = await d.store.getApplication(rec.revokeApplicationId);
    if (!app || app.applicantId !== person.id) return fail('application.not_found', '该人员没有这份申报');
    if (!app.certificate) return fail('certificate.none', '这份申报尚未取得职称证书，无需撤销');
    // re-signed as 已撤销 in the same audited write, then queued for the data exchange
    const saved = await revokeApplicationCertificate(d, actor, { ...app, certificate: app.certificate }, reason);
    if (!saved.ok) return saved;
    revoked = saved.value;
  }
  const until = addYears(today(d), rec.years);
  const record = { at: d.clock.now(), recordedBy: actor.id, reason, until, ...(revoked ? { revokedApplicationId: revoked.id } : {}) };
  // a shorter new record never shortens an earlier, longer one
  const previous = person.facts?.integrityUntil;
  const integrityUntil = previous && previous > until ? previous : until;
  const facts = { ...(person.facts ?? {}), integrityUntil };
  const next: User = { ...person, version: person.version + 1, facts, integrityRecords: [...(person.integrityRecords ?? []), record] };
  const res = await d.store.updateUser(next, person.version, [
    { at: d.clock.now(), actor: actor.id, action: 'integrity.record', target: { type: 'user', id: person.id }, before: { integrityUntil: previous ?? null }, after: { integrityUntil, ...record } },
  ]);
  if (!res.ok) return fail('user.conflict', '该人员信息刚被修改，请重试');
  return ok({ user: next, application: revoked });
}
