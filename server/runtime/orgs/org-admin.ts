// Changes to the org tree by an administrator: create, rename, move, set post counts, deactivate.
// Each writes the org and then its audit record (before/after); the store has no org version to guard on,
// so the last change wins — edits of orgs are rare and by administrators only.
import { randomUUID } from 'node:crypto';
import type { Clock } from '../../domain/clock.js';
import { ORG_KIND_LABELS, type OrgKind } from '../../domain/orgs/org-kinds.js';
import { postsProblems, type OrgPosts } from '../../domain/orgs/org-posts.js';
import { wouldCycle } from '../../domain/orgs/org-tree.js';
import { fail, ok, type Result } from '../../domain/result.js';
import type { Org, User } from '../../domain/schema-types.gen.js';
import type { AuditInput, Store } from '../../store/port.js';
import { openApplicationCount } from './open-work.js';

export interface OrgDeps {
  store: Store;
  clock: Clock;
}

export interface OrgInput {
  name: string;
  kind: OrgKind;
  parentId: string;
  code?: string;
  posts?: OrgPosts;
}

export interface OrgChange {
  name?: string;
  parentId?: string;
  code?: string;
  posts?: OrgPosts;
}

export const newOrgId = (): string => `org-${randomUUID().slice(0, 8)}`;

export function orgAudit(clock: Clock, actor: string, action: string, before: Org | null, after: Org): AuditInput {
  return { at: clock.now(), actor, action, target: { type: 'org', id: after.id }, before, after };
}

const notFound = (id: string) => fail('org.not_found', `机构 ${id} 不存在`);

async function parentProblem(store: Store, parentId: string): Promise<Result<Org>> {
  const parent = await store.getOrg(parentId);
  if (!parent) return fail('org.invalid', '上级机构不存在', [{ code: 'org.parent_unknown', message: '所选上级机构不存在', pointer: '/parentId' }]);
  if (parent.deactivated) return fail('org.invalid', `上级机构「${parent.name}」已停用`, [{ code: 'org.parent_inactive', message: `上级机构「${parent.name}」已停用，不能在其下新建或移入机构`, pointer: '/parentId' }]);
  return ok(parent);
}

async function write(d: OrgDeps, actor: User, action: string, before: Org | null, after: Org): Promise<Org> {
  await d.store.upsertOrg(after);
  await d.store.appendAudit([orgAudit(d.clock, actor.id, action, before, after)]);
  return after;
}

export async function createOrg(d: OrgDeps, actor: User, input: OrgInput): Promise<Result<Org>> {
  const parent = await parentProblem(d.store, input.parentId);
  if (!parent.ok) return parent;
  const name = input.name.trim();
  if (!name) return fail('org.invalid', '请填写机构名称', [{ code: 'org.name', message: '请填写机构名称', pointer: '/name' }]);
  const posts = input.posts ? postsProblems(input.posts) : [];
  if (posts.length > 0) return fail('org.invalid', '岗位数不正确', posts);
  const org: Org = { id: newOrgId(), name, kind: input.kind, parentId: input.parentId, ...(input.code ? { code: input.code } : {}), ...(input.posts ? { posts: input.posts } : {}) };
  return ok(await write(d, actor, 'org.create', null, org));
}

export async function changeOrg(d: OrgDeps, actor: User, id: string, change: OrgChange): Promise<Result<Org>> {
  const before = await d.store.getOrg(id);
  if (!before) return notFound(id);
  const after: Org = { ...before };
  if (change.name !== undefined) {
    const name = change.name.trim();
    if (!name) return fail('org.invalid', '请填写机构名称', [{ code: 'org.name', message: '请填写机构名称', pointer: '/name' }]);
    after.name = name;
  }
  if (change.parentId !== undefined && change.parentId !== before.parentId) {
    const parent = await parentProblem(d.store, change.parentId);
    if (!parent.ok) return parent;
    if (wouldCycle(await d.store.listOrgs(), id, change.parentId)) {
      const message = `不能把「${before.name}」移到它自己或它的下级机构「${parent.value.name}」之下`;
      return fail('org.cycle', message, [{ code: 'org.cycle', message, pointer: '/parentId' }]);
    }
    after.parentId = change.parentId;
  }
  if (change.code !== undefined) {
    if (change.code.trim()) after.code = change.code.trim();
    else delete after.code;
  }
  if (change.posts !== undefined) {
    const problems = postsProblems(change.posts);
    if (problems.length > 0) return fail('org.invalid', '岗位数不正确', problems);
    after.posts = change.posts;
  }
  // the record says what changed: a rename or a move alone gets its own action
  const changed = (['name', 'parentId', 'code', 'posts'] as const).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
  if (changed.length === 0) return ok(before); // nothing changed: nothing to write or audit
  const action = changed.length === 1 && changed[0] === 'name' ? 'org.rename' : changed.length === 1 && changed[0] === 'parentId' ? 'org.move' : 'org.update';
  return ok(await write(d, actor, action, before, after));
}

export async function deactivateOrg(d: OrgDeps, actor: User, id: string, reason?: string): Promise<Result<Org>> {
  const before = await d.store.getOrg(id);
  if (!before) return notFound(id);
  if (before.deactivated) return fail('org.already_deactivated', `「${before.name}」已于 ${before.deactivated.at.slice(0, 10)} 停用`);
  const orgs = await d.store.listOrgs();
  const activeChildren = orgs.filter((o) => o.parentId === id && !o.deactivated);
  if (activeChildren.length > 0) {
    const names = activeChildren.slice(0, 3).map((o) => `「${o.name}」`).join('、');
    return fail('org.has_active_children', `「${before.name}」下还有 ${activeChildren.length} 个未停用的下级机构（${names}${activeChildren.length > 3 ? '等' : ''}），请先停用或移走它们`);
  }
  const open = await openApplicationCount(d.store, id);
  if (open > 0) return fail('org.has_open_applications', `「${before.name}」还有 ${open} 份未办结的申报（草稿、审核中或退回补正），不能停用`);
  const after: Org = { ...before, deactivated: { at: d.clock.now(), by: actor.id, ...(reason ? { reason } : {}) } };
  return ok(await write(d, actor, 'org.deactivate', before, after));
}

export async function reactivateOrg(d: OrgDeps, actor: User, id: string): Promise<Result<Org>> {
  const before = await d.store.getOrg(id);
  if (!before) return notFound(id);
  if (!before.deactivated) return ok(before);
  const { deactivated: _gone, ...after } = before;
  return ok(await write(d, actor, 'org.reactivate', before, after));
}

export const kindLabel = (k: OrgKind): string => ORG_KIND_LABELS[k];
