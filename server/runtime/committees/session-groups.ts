// 分组 (D6) of a session's agenda: the split proposed from the applicants' units (org tags), and the office's own
// split saved once every agenda application sits in exactly one configured group. Open until the session closes;
// votes are counted per group by session-results.ts.
import { checkGroups, groupId, proposeGroups, type AgendaFact, type GroupSetting } from '../../domain/committee-work/groups.js';
import type { ReviewSession, SessionGroup } from '../../domain/committee-work/types.js';
import { fail, ok, type Result } from '../../domain/result.js';
import type { Org, User } from '../../domain/schema-types.gen.js';
import type { Store } from '../../store/port.js';
import { refuse, saveSession, sessionFor, type Committee, type SessionDeps, type SessionRecord } from './session-record.js';

export const groupSettings = (c: Committee): GroupSetting[] => c.groups ?? [];

/** the unit's tags, or the nearest parent's when the unit has none */
async function tagsOf(store: Store, orgId: string | undefined): Promise<Org['tags']> {
  let id = orgId;
  for (let depth = 0; id && depth < 10; depth += 1) {
    const org = await store.getOrg(id);
    if (!org) return undefined;
    if (org.tags?.grassroots || org.tags?.sector) return org.tags;
    if (org.kind === 'township') return { grassroots: 'township' };
    if (org.kind === 'banner') return { grassroots: 'banner' };
    id = org.parentId;
  }
  return undefined;
}

async function agendaFacts(store: Store, agenda: readonly string[]): Promise<AgendaFact[]> {
  const out: AgendaFact[] = [];
  for (const applicationId of agenda) {
    const app = await store.getApplication(applicationId);
    const tags = await tagsOf(store, app?.orgId);
    out.push({ applicationId, sector: tags?.sector, grassroots: tags?.grassroots });
  }
  return out;
}

/** the split the platform proposes for the session's agenda (not saved) */
export async function proposeSessionGroups(d: SessionDeps, user: User, id: string): Promise<Result<SessionGroup[]>> {
  const s = await sessionFor(d, user, id, true);
  if (!s.ok) return s;
  return ok(proposeGroups(await agendaFacts(d.store, s.value.rec.body.agenda), groupSettings(s.value.committee)));
}

/** the session's groups as they stand: saved ones with agenda changes since folded in, or the proposal */
export async function currentGroups(d: Pick<SessionDeps, 'store'>, body: ReviewSession, committee: Committee): Promise<SessionGroup[]> {
  const settings = groupSettings(committee);
  if (body.groups.length === 0) return proposeGroups(await agendaFacts(d.store, body.agenda), settings);
  const onAgenda = new Set(body.agenda);
  const groups = body.groups.map((g) => ({ ...g, applicationIds: g.applicationIds.filter((a) => onAgenda.has(a)) }));
  const placed = new Set(groups.flatMap((g) => g.applicationIds));
  const added = body.agenda.filter((a) => !placed.has(a));
  if (added.length > 0) {
    for (const p of proposeGroups(await agendaFacts(d.store, added), settings)) {
      const target = groups.find((g) => g.kind === p.kind);
      if (target) target.applicationIds.push(...p.applicationIds);
      else groups.push(p);
    }
  }
  return groups;
}

/** the office's split: `{kind, applicationIds}` per group; names come from the committee's settings */
export async function setSessionGroups(d: SessionDeps, user: User, id: string, input: { kind: SessionGroup['kind']; applicationIds: string[] }[]): Promise<Result<SessionRecord>> {
  const s = await sessionFor(d, user, id, true);
  if (!s.ok) return s;
  const { rec, committee } = s.value;
  if (rec.body.status === 'closed') return refuse('session.closed', '评审会议已结束，不能修改分组', '/groups');
  const settings = groupSettings(committee);
  const list = settings.length > 0 ? settings : [{ kind: 'regular' as const, name: '普通组' }];
  const groups: SessionGroup[] = input.map((g) => ({ id: groupId(g.kind), kind: g.kind, name: list.find((x) => x.kind === g.kind)?.name ?? '未设置的分组', applicationIds: [...g.applicationIds] }));
  const names = new Map<string, string>();
  for (const a of [...rec.body.agenda, ...groups.flatMap((g) => g.applicationIds)]) {
    if (!names.has(a)) names.set(a, (await d.store.getApplication(a))?.applicantName ?? '（不明申报）');
  }
  const problems = checkGroups(groups, rec.body.agenda, settings, (a) => names.get(a) ?? '（不明申报）');
  if (input.filter((g, i) => input.findIndex((x) => x.kind === g.kind) !== i).length > 0) problems.push({ code: 'group.duplicate', message: '同一分组出现了两次', pointer: '/groups' });
  if (problems.length > 0) return fail('session.groups_invalid', problems.length === 1 ? problems[0]!.message : `分组有 ${problems.length} 个问题`, problems);
  return saveSession(d, user.id, rec, { ...rec.body, groups }, 'session.groups', { groups: groups.map((g) => ({ kind: g.kind, count: g.applicationIds.length })) });
}
