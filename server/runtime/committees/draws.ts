// Drawing a session's experts and replacing one from the reserves. The seed comes from crypto; the draw record
// (kind 'expertDraw') and its audit record (seed and result in `after`) are one write; the session then gets the
// drawn members, unconfirmed, through the session's own setDrawnMembers (F4 and the external share are checked when
// the office confirms them).
import { randomBytes, randomUUID } from 'node:crypto';
import type { ExpertEntry } from '../../domain/committee-work/appointment.js';
import { drawExperts, type DrawApplicant, type DrawRequest } from '../../domain/committee-work/draw.js';
import type { Expert, ExpertDraw, ReviewSession, SessionMember } from '../../domain/committee-work/types.js';
import { fail, ok, type Result } from '../../domain/result.js';
import type { User } from '../../domain/schema-types.gen.js';
import type { StoredRecord } from '../../store/port.js';
import { listCommittees, type Committee, type CommitteeDeps } from './committee-admin.js';
import { drawAccess } from './draw-access.js';
import { saveSession } from './session-record.js';
import { setDrawnMembers } from './sessions.js';

const notFound = (what: string) => fail(`${what}.not_found`, what === 'draw' ? '抽取记录不存在' : '评审会议不存在');
const POOL_LIMIT = 5000;

/** the session and its committee, when the actor is the committee's office */
export async function officeSession(d: CommitteeDeps, actor: User, sessionId: string): Promise<Result<{ session: StoredRecord<ReviewSession>; committee: Committee }>> {
  const session = await d.store.getRecord<ReviewSession>('reviewSession', sessionId);
  if (!session) return notFound('session');
  const committee = (await listCommittees(d)).items.find((c) => c.id === session.body.committeeId);
  if (!committee || (await drawAccess(d.store, actor, committee)) !== 'office') return notFound('session');
  return ok({ session, committee });
}

export async function committeePool(d: CommitteeDeps, committeeId: string): Promise<ExpertEntry[]> {
  const listed = await d.store.listRecords<Expert>({ kind: 'expert', keys: [`committee:${committeeId}`], limit: POOL_LIMIT });
  return listed.items.map((r) => ({ id: r.id, body: r.body }));
}

/** the agenda's applicants as recusal needs them: name, ID number, unit */
async function agendaApplicants(d: CommitteeDeps, agenda: readonly string[]): Promise<DrawApplicant[]> {
  const out: DrawApplicant[] = [];
  for (const id of agenda) {
    const app = await d.store.getApplication(id);
    if (!app) continue;
    const [user, org] = await Promise.all([d.store.getUser(app.applicantId), app.orgId ? d.store.getOrg(app.orgId) : null]);
    // the ID number as a declared conflict records it (runtime/committees/experts.ts): the form's, else the account's
    const fromForm = app.form['idNumber'];
    const idNumber = typeof fromForm === 'string' ? fromForm : user?.idNumber;
    out.push({ name: app.applicantName, ...(idNumber ? { idNumber } : {}), ...(app.orgId ? { orgId: app.orgId } : {}), ...(org ? { unitName: org.name } : {}) });
  }
  return out;
}

/** changes the session's members (a replacement) through the session's own write (session-record.ts), re-read on conflict */
async function setSessionMembers(d: CommitteeDeps, actor: User, sessionId: string, change: (s: ReviewSession) => ReviewSession, action: string): Promise<Result<void>> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const cur = await d.store.getRecord<ReviewSession>('reviewSession', sessionId);
    if (!cur) return notFound('session');
    const body = change(cur.body);
    const res = await saveSession(d, actor.id, cur, body, action, { members: body.members });
    if (res.ok) return ok(undefined);
  }
  return fail('session.conflict', '评审会议刚被修改，请刷新后重试');
}

const STARTED: ReviewSession['status'][] = ['inProgress', 'closed'];

export async function drawForSession(d: CommitteeDeps, actor: User, sessionId: string, request: DrawRequest): Promise<Result<StoredRecord<ExpertDraw>>> {
  const found = await officeSession(d, actor, sessionId);
  if (!found.ok) return found;
  const { session, committee } = found.value;
  if (STARTED.includes(session.body.status)) return fail('draw.session_started', '评审会议已开始或已结束，不能再抽取专家');
  if (session.body.members.some((m) => m.confirmed)) return fail('draw.members_confirmed', '本次会议的评审专家已确认聘任，不能重新抽取');
  const unknown = request.specialties.filter((s) => !(committee.specialties ?? []).includes(s));
  if (unknown.length > 0) {
    const message = '所选专业不属于本评委会';
    return fail('draw.invalid_specialty', message, [{ code: 'draw.invalid_specialty', message, pointer: '/specialties' }]);
  }
  const seed = randomBytes(16).toString('hex');
  const drawn = drawExperts({
    seed,
    experts: await committeePool(d, committee.id),
    request,
    applicants: await agendaApplicants(d, session.body.agenda),
    committee,
    year: session.body.campaignYear,
  });
  if (!drawn.ok) return drawn;
  const now = d.clock.now();
  const body: ExpertDraw = { sessionId, committeeId: committee.id, at: now, by: actor.id, seed, request, ...drawn.value };
  const rec: StoredRecord<ExpertDraw> = { kind: 'expertDraw', id: `draw-${randomUUID()}`, version: 1, updatedAt: now, keys: [`session:${sessionId}`, `committee:${committee.id}`], body };
  const written = await d.store.putRecord(rec, null, [{ at: now, actor: actor.id, action: 'expertDraw.create', target: { type: 'expertDraw', id: rec.id }, after: body }]);
  if (!written.ok) return fail('draw.write_failed', written.message);
  const members = [
    ...drawn.value.members.map((expertId) => ({ expertId, role: 'member' as const })),
    ...drawn.value.reserves.map((expertId) => ({ expertId, role: 'reserve' as const })),
  ];
  const set = await setDrawnMembers(d, sessionId, members, actor.id, rec.id);
  if (!set.ok) return set;
  return ok(rec);
}

/** the reserves not yet used, in drawn order */
export function unusedReserves(draw: ExpertDraw): string[] {
  const used = new Set((draw.replacements ?? []).map((r) => r.by));
  return draw.reserves.filter((id) => !used.has(id));
}

/** the members as they stand after the replacements so far */
export function currentMembers(draw: ExpertDraw): string[] {
  return (draw.replacements ?? []).reduce((list, r) => list.map((id) => (id === r.expertId ? r.by : id)), draw.members);
}

export async function replaceFromReserve(d: CommitteeDeps, actor: User, sessionId: string, drawId: string, input: { expertId: string; reason: string }): Promise<Result<StoredRecord<ExpertDraw>>> {
  const found = await officeSession(d, actor, sessionId);
  if (!found.ok) return found;
  const draw = await d.store.getRecord<ExpertDraw>('expertDraw', drawId);
  if (!draw || draw.body.sessionId !== sessionId) return notFound('draw');
  if (found.value.session.body.drawIds.at(-1) !== drawId) return fail('draw.superseded', '该次抽取已被之后的抽取取代，请在最近一次抽取中替换');
  if (STARTED.includes(found.value.session.body.status)) return fail('draw.session_started', '评审会议已开始或已结束，不能再替换专家');
  const at = (message: string, pointer: string) => fail('draw.invalid_replacement', message, [{ code: 'draw.invalid_replacement', message, pointer }]);
  const reason = input.reason.trim();
  if (!reason) return at('请填写替换原因（如本人回避、因故不能参加）', '/reason');
  if (!currentMembers(draw.body).includes(input.expertId)) return at('该专家不是本次抽取的评审专家', '/expertId');
  const next = unusedReserves(draw.body)[0];
  if (!next) return at('备选专家已全部替补，请重新抽取', '/expertId');
  const now = d.clock.now();
  const replacement = { expertId: input.expertId, by: next, reason, at: now, actor: actor.id };
  const body: ExpertDraw = { ...draw.body, replacements: [...(draw.body.replacements ?? []), replacement] };
  const written = await d.store.putRecord({ ...draw, version: draw.version + 1, updatedAt: now, body }, draw.version, [
    { at: now, actor: actor.id, action: 'expertDraw.replace', target: { type: 'expertDraw', id: drawId }, after: replacement },
  ]);
  if (!written.ok) return written.code === 'conflict' ? fail('draw.conflict', '抽取记录刚被修改，请刷新后重试') : fail('draw.write_failed', written.message);
  const set = await setSessionMembers(d, actor, sessionId, (s) => ({
    ...s,
    members: s.members.map((m): SessionMember =>
      m.expertId === input.expertId ? { ...m, replacedBy: { expertId: next, reason } } : m.expertId === next ? { ...m, role: 'member' } : m,
    ),
  }), 'reviewSession.member_replaced');
  if (!set.ok) return set;
  return ok({ ...draw, version: draw.version + 1, updatedAt: now, body });
}
