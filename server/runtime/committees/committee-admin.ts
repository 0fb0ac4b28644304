// Committees one at a time, over the versioned `committees` definition: every change re-reads the latest
// version, applies that one change, and publishes the next version through the normal checks (meta-schema,
// filing order, cross-references to orgs and series), so history and pinning keep working.
// Two administrators editing different committees both win (a publish race is retried on the new latest);
// an edit of a committee someone else changed since it was read is refused with who changed it and when.
// The version is written here rather than through Definitions.publish (same checks via check()): publish numbers
// the version from its own read of the latest, which could follow a newer version than the list this change was
// applied to.
import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type { Clock } from '../../domain/clock.js';
import { definitionHash } from '../../domain/definitions/definition-hash.js';
import { fail, ok, type Problem, type Result } from '../../domain/result.js';
import type { CommitteeList, User } from '../../domain/schema-types.gen.js';
import type { DefinitionRecord, Store } from '../../store/port.js';
import type { Definitions } from '../definitions.js';

export type Committee = CommitteeList['committees'][number];
/** what the page sends: a committee without its id (new) or with it (edit) */
export type CommitteeInput = Omit<Committee, 'id' | 'deactivated'> & { id?: string };

export const COMMITTEES_KEY = 'committees';
const RETRIES = 5;

export interface CommitteeDeps {
  store: Store;
  clock: Clock;
  definitions: Definitions;
}

export interface CommitteeListView {
  version: number;
  items: Committee[];
}

export async function listCommittees(d: CommitteeDeps): Promise<CommitteeListView> {
  const latest = await d.store.getDefinition<CommitteeList>('committees', COMMITTEES_KEY, 'latest');
  return { version: latest?.version ?? 0, items: latest?.body.committees ?? [] };
}

/** the version after `base` that changed this committee: who and when, for the refusal */
async function changedSince(d: CommitteeDeps, id: string, base: DefinitionRecord<CommitteeList>): Promise<DefinitionRecord | null> {
  const before = base.body.committees.find((c) => c.id === id);
  const versions = (await d.store.listVersions('committees', COMMITTEES_KEY)).filter((v) => v.version > base.version).reverse();
  for (const v of versions) {
    const now = (v.body as CommitteeList).committees.find((c) => c.id === id);
    if (!isDeepStrictEqual(now, before)) return v;
  }
  return null;
}

async function actorName(store: Store, id: string): Promise<string> {
  if (id.startsWith('system:')) return '初始配置';
  return (await store.getUser(id))?.name ?? id;
}

/** the checks' pointers into the whole list, moved onto the one committee the page shows */
function onCommittee(problems: Problem[], index: number): Problem[] {
  const prefix = `/committees/${index}`;
  return problems.map((p) => (p.pointer?.startsWith(prefix) ? { ...p, pointer: p.pointer.slice(prefix.length) || '/' } : p));
}

type Change = (list: Committee[]) => Result<{ list: Committee[]; before: Committee | null; after: Committee }>;

async function applyChange(d: CommitteeDeps, actor: User, action: string, id: string | null, baseVersion: number | null, change: Change): Promise<Result<{ committee: Committee; version: number }>> {
  for (let attempt = 0; attempt < RETRIES; attempt += 1) {
    const latest = await d.store.getDefinition<CommitteeList>('committees', COMMITTEES_KEY, 'latest');
    const list = latest?.body.committees ?? [];
    if (id !== null && baseVersion !== null && latest && latest.version !== baseVersion) {
      const base = await d.store.getDefinition<CommitteeList>('committees', COMMITTEES_KEY, baseVersion);
      const newer = base ? await changedSince(d, id, base) : null;
      if (!base || newer) {
        const who = newer ? await actorName(d.store, newer.createdBy) : '他人';
        const when = newer ? newer.createdAt.slice(0, 16).replace('T', ' ') : '';
        return fail('committee.conflict', `该评委会已被${who}于 ${when} 修改（第 ${newer?.version ?? latest.version} 版），请刷新后重新编辑`);
      }
    }
    const changed = change(list);
    if (!changed.ok) return changed;
    const body: CommitteeList = { ...(latest?.body ?? {}), committees: changed.value.list };
    const index = changed.value.list.findIndex((c) => c.id === changed.value.after.id);
    const problems = await d.definitions.check('committees', COMMITTEES_KEY, body);
    if (problems.length > 0) return fail('committee.invalid', '评委会信息有误，未保存', onCommittee(problems, index));
    const hash = definitionHash(body);
    if (latest && latest.hash === hash) return fail('committee.unchanged', '没有修改任何内容');
    // published exactly on the version read: a version someone published meanwhile makes this a duplicate
    // (never a later version built from a stale list), and the change is applied again on the new latest
    const now = d.clock.now();
    const rec: DefinitionRecord = { kind: 'committees', key: COMMITTEES_KEY, version: (latest?.version ?? 0) + 1, status: 'published', body, hash, createdAt: now, createdBy: actor.id };
    const res = await d.store.insertPublished(rec, [
      { at: now, actor: actor.id, action: 'definition.publish', target: { type: 'committees', id: COMMITTEES_KEY }, before: latest ? { version: latest.version, hash: latest.hash } : null, after: { version: rec.version, hash } },
      { at: now, actor: actor.id, action, target: { type: 'committee', id: changed.value.after.id }, before: changed.value.before, after: { ...changed.value.after, definitionVersion: rec.version } },
    ]);
    if (res.ok) return ok({ committee: changed.value.after, version: rec.version });
  }
  return fail('committee.conflict', '评委会名单正被频繁修改，请稍后重试');
}

export function saveCommittee(d: CommitteeDeps, actor: User, input: CommitteeInput, baseVersion: number | null): Promise<Result<{ committee: Committee; version: number }>> {
  const id = input.id ?? null;
  return applyChange(d, actor, id ? 'committee.update' : 'committee.create', id, baseVersion, (list) => {
    if (id === null) {
      const created: Committee = { ...input, id: `cmt-${randomUUID().slice(0, 8)}` };
      return ok({ list: [...list, created], before: null, after: created });
    }
    const i = list.findIndex((c) => c.id === id);
    if (i < 0) return fail('committee.not_found', '该评委会不存在');
    const before = list[i]!;
    // the page does not send the expert list (roles manage it) nor the deactivation, nor always the groups: keep them
    const after: Committee = { ...input, id, ...(before.experts && input.experts === undefined ? { experts: before.experts } : {}), ...(before.groups && input.groups === undefined ? { groups: before.groups } : {}), ...(before.deactivated ? { deactivated: before.deactivated } : {}) };
    return ok({ list: list.map((c, j) => (j === i ? after : c)), before, after });
  });
}

export function setCommitteeActive(d: CommitteeDeps, actor: User, id: string, active: boolean): Promise<Result<{ committee: Committee; version: number }>> {
  return applyChange(d, actor, active ? 'committee.reactivate' : 'committee.deactivate', id, null, (list) => {
    const before = list.find((c) => c.id === id);
    if (!before) return fail('committee.not_found', '该评委会不存在');
    if (!active && before.deactivated) return fail('committee.already_deactivated', `该评委会已于 ${before.deactivated.at.slice(0, 10)} 停用`);
    const { deactivated: _gone, ...rest } = before;
    const after: Committee = active ? rest : { ...rest, deactivated: { at: d.clock.now(), by: actor.id } };
    return ok({ list: list.map((c) => (c.id === id ? after : c)), before, after });
  });
}

/** adds or removes one expert: what a role grant of `expert` at a committee also changes */
export function setCommitteeExpert(d: CommitteeDeps, actor: User, id: string, userId: string, member: boolean): Promise<Result<{ committee: Committee; version: number }>> {
  return applyChange(d, actor, member ? 'committee.expert_add' : 'committee.expert_remove', id, null, (list) => {
    const before = list.find((c) => c.id === id);
    if (!before) return fail('committee.not_found', '该评委会不存在');
    const experts = (before.experts ?? []).filter((e) => e !== userId);
    const after: Committee = { ...before, experts: member ? [...experts, userId] : experts };
    return ok({ list: list.map((c) => (c.id === id ? after : c)), before, after });
  });
}
