// 转办、委派、加签 go to colleagues: people who hold the task's role at the task's org (so they already may see
// the application), never the one asking. Names and org only leave the server.
import { fail, ok, type Result } from '../../domain/result.js';
import type { User } from '../../domain/schema-types.gen.js';
import type { OpenTask } from '../../domain/workflow/state.js';
import type { AppDeps } from '../applications/deps.js';

export interface Colleague {
  id: string;
  name: string;
  orgName: string;
}

export async function colleaguesOf(d: AppDeps, task: Pick<OpenTask, 'role' | 'orgId'>, exceptUserId: string): Promise<Colleague[]> {
  const org = await d.store.getOrg(task.orgId);
  return (await d.store.listUsersByRole([{ role: task.role, orgId: task.orgId }]))
    .filter((u) => u.id !== exceptUserId)
    .map((u) => ({ id: u.id, name: u.name, orgName: org?.name ?? '' }))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}

/** the colleague chosen, or a refusal at the field that named them */
export async function colleague(d: AppDeps, task: Pick<OpenTask, 'role' | 'orgId'>, user: User, chosenId: string, pointer: string): Promise<Result<Colleague>> {
  const found = (await colleaguesOf(d, task, user.id)).find((c) => c.id === chosenId);
  if (found) return ok(found);
  const message = chosenId === user.id ? '不能选择自己' : '只能选择同一机构、同一角色的同事';
  return fail('task.not_colleague', message, [{ code: 'task.not_colleague', message, pointer }]);
}
