// 抄送: the one working a task copies the application to people for information; they find it under 抄送我的
// and are notified. Only people who may already see the application (an office the flow has reached, the
// administrator): a copy never widens who sees personal data.
import { randomUUID } from 'node:crypto';
import { ROUTED_ROLES, viewerOf } from '../../auth/access-rules.js';
import { fail, type Result } from '../../domain/result.js';
import type { Application, User } from '../../domain/schema-types.gen.js';
import { refuseOp } from './refuse-op.js';
import { audit, saveNext, type AppDeps } from '../applications/deps.js';
import type { NotifyDeps } from '../notifications/compose.js';
import { notifyUsers } from '../notifications/notify-users.js';
import { taskAt } from './task-op.js';

/** the people a task may be copied to: whoever may see the application as an office, except the one copying */
export async function copyCandidates(d: AppDeps, app: Application, exceptUserId: string): Promise<User[]> {
  // an office viewer holds a routed role: only those accounts are read, never the applicants
  const holders = await d.store.listUsersByRole(ROUTED_ROLES.map((role) => ({ role })));
  return holders.filter((u) => u.id !== exceptUserId && viewerOf(u, app) === 'office');
}

export async function copyTask(d: AppDeps & NotifyDeps, user: User, appId: string, taskId: string, userIds: string[], note?: string): Promise<Result<Application>> {
  const at = await taskAt(d, user, appId, taskId, true);
  if (!at.ok) return at;
  const { app, task } = at.value;
  const refused = await refuseOp(d, app, task, 'copy');
  if (refused) return refused;
  const allowed = new Set((await copyCandidates(d, app, user.id)).map((u) => u.id));
  const wrong = userIds.findIndex((id) => !allowed.has(id));
  if (userIds.length === 0 || wrong >= 0) {
    const message = userIds.length === 0 ? '请选择抄送人' : '只能抄送给已经办理或正在办理本申报的机构人员';
    return fail('task.bad_copy_target', message, [{ code: 'task.bad_copy_target', message, pointer: `/userIds${wrong >= 0 ? `/${wrong}` : ''}` }]);
  }
  const now = d.clock.now();
  const taskName = task.name ?? task.elementId;
  const added = [...new Set(userIds)].map((userId) => ({ id: randomUUID(), userId, by: user.id, taskName, at: now, ...(note ? { note } : {}) }));
  const next: Application = { ...app, copies: [...(app.copies ?? []), ...added] };
  const saved = await saveNext(d, app, next, audit(d, user.id, 'task.copy', app, null, { taskId, elementId: task.elementId, to: added.map((c) => c.userId), ...(note ? { note } : {}) }));
  if (!saved.ok) return saved;
  await notifyUsers(d, {
    event: 'task.copied',
    userIds: added.map((c) => c.userId),
    application: saved.value,
    occasion: `copy:${taskId}:${now}`,
    data: { stepName: taskName, fromName: user.name, ...(note ? { note } : {}) },
    link: `/workbench/${appId}`,
  });
  return saved;
}
