// Draws as people read them (names, units, specialty names; phone and e-mail for the office only), the list for
// the office and 纪检, the 复核 that repeats a draw from its stored seed and candidates, and the panel's choices.
import { pickMembers } from '../../domain/committee-work/draw.js';
import type { Expert, ExpertDraw, ReviewSession } from '../../domain/committee-work/types.js';
import { fail, ok, type Result } from '../../domain/result.js';
import type { Series, User } from '../../domain/schema-types.gen.js';
import type { StoredRecord } from '../../store/port.js';
import { listCommittees, type Committee, type CommitteeDeps } from './committee-admin.js';
import { drawAccess, type DrawAccess } from './draw-access.js';
import { currentMembers, unusedReserves } from './draws.js';

export interface ExpertView {
  expertId: string;
  name: string;
  unitName: string;
  title: string;
  specialties: string[];
  phone?: string;
  email?: string;
}

export interface DrawView {
  id: string;
  sessionId: string;
  sessionName: string;
  committeeId: string;
  committeeName: string;
  at: string;
  by: string;
  byName: string;
  seed: string;
  request: ExpertDraw['request'];
  candidateCount: number;
  members: ExpertView[];
  reserves: ExpertView[];
  /** the members as they stand after replacements */
  current: ExpertView[];
  unusedReserves: ExpertView[];
  excluded: (ExpertView & { reason: string })[];
  replacements: { expert: ExpertView; by: ExpertView; reason: string; at: string; actorName: string }[];
}

const notFound = () => fail('draw.not_found', '抽取记录不存在');

async function specialtyNames(d: CommitteeDeps, committee: Committee): Promise<Map<string, string>> {
  const series = await d.store.getDefinition<Series>('series', committee.seriesKey, 'latest');
  return new Map((series?.body.specialties ?? []).map((s) => [s.key, s.name]));
}

async function visibleDraw(d: CommitteeDeps, actor: User, id: string): Promise<Result<{ draw: StoredRecord<ExpertDraw>; committee: Committee; access: Exclude<DrawAccess, null> }>> {
  const draw = await d.store.getRecord<ExpertDraw>('expertDraw', id);
  if (!draw) return notFound();
  const committee = (await listCommittees(d)).items.find((c) => c.id === draw.body.committeeId);
  const access = committee ? await drawAccess(d.store, actor, committee) : null;
  if (!committee || !access) return notFound();
  return ok({ draw, committee, access });
}

async function view(d: CommitteeDeps, draw: StoredRecord<ExpertDraw>, committee: Committee, access: Exclude<DrawAccess, null>): Promise<DrawView> {
  const b = draw.body;
  const names = await specialtyNames(d, committee);
  const cache = new Map<string, ExpertView>();
  const expert = async (id: string): Promise<ExpertView> => {
    const hit = cache.get(id);
    if (hit) return hit;
    const e = (await d.store.getRecord<Expert>('expert', id))?.body;
    const v: ExpertView = {
      expertId: id,
      name: e?.name ?? '（已删除的专家）',
      unitName: e?.unitName ?? '',
      title: e?.title ?? '',
      specialties: (e?.specialties ?? []).map((s) => names.get(s) ?? '其他专业'),
      ...(access === 'office' && e?.phone ? { phone: e.phone } : {}),
      ...(access === 'office' && e?.email ? { email: e.email } : {}),
    };
    cache.set(id, v);
    return v;
  };
  const all = (ids: readonly string[]) => Promise.all(ids.map(expert));
  const userName = async (id: string) => (await d.store.getUser(id))?.name ?? '（未知）';
  const session = await d.store.getRecord<ReviewSession>('reviewSession', b.sessionId);
  return {
    id: draw.id,
    sessionId: b.sessionId,
    sessionName: session?.body.name ?? '（已删除的会议）',
    committeeId: committee.id,
    committeeName: committee.name,
    at: b.at,
    by: b.by,
    byName: await userName(b.by),
    seed: b.seed,
    request: b.request,
    candidateCount: b.candidates.length,
    members: await all(b.members),
    reserves: await all(b.reserves),
    current: await all(currentMembers(b)),
    unusedReserves: await all(unusedReserves(b)),
    excluded: await Promise.all(b.excluded.map(async (x) => ({ ...(await expert(x.expertId)), reason: x.reason }))),
    replacements: await Promise.all(
      (b.replacements ?? []).map(async (r) => ({ expert: await expert(r.expertId), by: await expert(r.by), reason: r.reason, at: r.at, actorName: await userName(r.actor) })),
    ),
  };
}

export async function getDrawView(d: CommitteeDeps, actor: User, id: string): Promise<Result<DrawView>> {
  const found = await visibleDraw(d, actor, id);
  if (!found.ok) return found;
  return ok(await view(d, found.value.draw, found.value.committee, found.value.access));
}

/** the draws the actor may see, newest first; by committee and/or session */
export async function listDrawViews(d: CommitteeDeps, actor: User, q: { committee?: string; session?: string }): Promise<DrawView[]> {
  const committees = (await listCommittees(d)).items.filter((c) => !q.committee || c.id === q.committee);
  const out: DrawView[] = [];
  for (const committee of committees) {
    const access = await drawAccess(d.store, actor, committee);
    if (!access) continue;
    const keys = [`committee:${committee.id}`, ...(q.session ? [`session:${q.session}`] : [])];
    const listed = await d.store.listRecords<ExpertDraw>({ kind: 'expertDraw', keys, limit: 1000 });
    for (const draw of listed.items) out.push(await view(d, draw, committee, access));
  }
  return out.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}

export interface ReplayView {
  consistent: boolean;
  /** 一致 / 不一致 */
  verdict: string;
  members: string[];
  reserves: string[];
}

/** 复核: the draw repeated from its stored seed over its stored candidates */
export async function replayDraw(d: CommitteeDeps, actor: User, id: string): Promise<Result<ReplayView>> {
  const found = await visibleDraw(d, actor, id);
  if (!found.ok) return found;
  const b = found.value.draw.body;
  const again = pickMembers(b.seed, b.candidates, b.request.members, b.request.reserves, b.external);
  const consistent = again.members.join() === b.members.join() && again.reserves.join() === b.reserves.join();
  return ok({ consistent, verdict: consistent ? '一致' : '不一致', ...again });
}

export interface DrawOptions {
  specialties: { key: string; name: string }[];
  members: number;
  reserves: number;
  /** experts in the committee's pool */
  poolSize: number;
}

/** the panel's choices: the committee's specialties by name and the committee's usual session size */
export async function drawOptions(d: CommitteeDeps, actor: User, committeeId: string, poolSize: (id: string) => Promise<number>): Promise<Result<DrawOptions>> {
  const committee = (await listCommittees(d)).items.find((c) => c.id === committeeId);
  if (!committee || (await drawAccess(d.store, actor, committee)) !== 'office') return fail('committee.not_found', '评委会不存在');
  const names = await specialtyNames(d, committee);
  const size = committee.appointment?.sessionSize;
  return ok({
    specialties: (committee.specialties ?? []).map((key) => ({ key, name: names.get(key) ?? '其他专业' })),
    members: size?.members ?? 7,
    reserves: size?.reserves ?? 2,
    poolSize: await poolSize(committee.id),
  });
}
