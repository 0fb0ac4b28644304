// 抄送我的: the person a task was copied to marks it read (a guarded write of the application, audited).
import { fail, ok, type Result } from '../../domain/result.js';
import type { Application, User } from '../../domain/schema-types.gen.js';
import { audit, saveNext, type AppDeps } from './deps.js';

export async function markCopyRead(d: AppDeps, user: User, appId: string, copyId: string): Promise<Result<{ id: string; readAt: string }>> {
  const app = await d.store.getApplication(appId);
  const copy = app?.copies?.find((c) => c.id === copyId && c.userId === user.id);
  if (!app || !copy) return fail('copy.not_found', '抄送不存在');
  if (copy.readAt) return ok({ id: copy.id, readAt: copy.readAt });
  const readAt = d.clock.now();
  const next: Application = { ...app, copies: (app.copies ?? []).map((c) => (c.id === copyId ? { ...c, readAt } : c)) };
  const saved = await saveNext(d, app, next, audit(d, user.id, 'copy.read', app, { copyId, readAt: null }, { copyId, readAt }));
  return saved.ok ? ok({ id: copyId, readAt }) : saved;
}
