// 评审会议: the committee office creates a session, puts applications on its agenda (picked by applicant and title),
// takes the members a draw proposes (setDrawnMembers), confirms their appointment under F4 and the external share,
// and records who attended. The plan is in session-plan.ts, the start in session-start.ts.
import { checkAppointment, checkExternalShare, type ExpertEntry } from '../../domain/committee-work/appointment.js';
import { MODE_LABELS, PLAN_FILES, planDeadline, SESSION_STATUS_LABELS } from '../../domain/committee-work/session-rules.js';
import type { Expert, ReviewSession, SessionMember } from '../../domain/committee-work/types.js';
import { fail, ok, type Problem, type Result } from '../../domain/result.js';
import type { Application, User } from '../../domain/schema-types.gen.js';
import { committeeOf, committees, mayManage, mayRead, newSessionId, refuse, saveSession, sessionFor, sessionKeys, type Committee, type SessionDeps, type SessionRecord } from './session-record.js';

export interface SessionInput {
  committeeId: string;
  campaignYear: number;
  name: string;
  date: string;
  mode: ReviewSession['mode'];
  place?: string;
  quorum: number;
}

/** what people see of a session: words and names beside the ids the browser sends back */
export interface SessionView extends ReviewSession {
  id: string;
  version: number;
  committeeName: string;
  statusLabel: string;
  modeLabel: string;
  planDeadline: string;
  planFiles: { key: string; label: string; hash?: string; name?: string }[];
  agendaItems: { applicationId: string; applicantName: string; title: string }[];
  memberRows: (SessionMember & { name: string; unitName: string; title: string })[];
}

export async function createSession(d: SessionDeps, user: User, input: SessionInput): Promise<Result<SessionRecord>> {
  const committee = await committeeOf(d.store, input.committeeId);
  if (!committee || !mayManage(user, committee)) return refuse('committee.not_found', '评委会不存在或不归您管理', '/committeeId');
  if (input.mode === 'onsite' && !input.place?.trim()) return refuse('session.place_required', '现场评审请填写评审地点', '/place');
  const now = d.clock.now();
  const body: ReviewSession = {
    committeeId: committee.id,
    campaignYear: input.campaignYear,
    name: input.name.trim(),
    date: input.date,
    mode: input.mode,
    ...(input.place?.trim() ? { place: input.place.trim() } : {}),
    status: 'planning',
    plan: { files: {} },
    members: [],
    quorum: input.quorum,
    agenda: [],
    groups: [],
    drawIds: [],
  };
  const rec: SessionRecord = { kind: 'reviewSession', id: newSessionId(), version: 1, updatedAt: now, keys: sessionKeys(body), body };
  const res = await d.store.putRecord(rec, null, [{ at: now, actor: user.id, action: 'session.create', target: { type: 'reviewSession', id: rec.id }, before: null, after: { version: 1, committeeId: body.committeeId, name: body.name, date: body.date, mode: body.mode, quorum: body.quorum } }]);
  if (!res.ok) return fail('session.conflict', '评审会议保存失败，请重试');
  return ok(rec);
}

/** the sessions this person may read; `awaitingApproval`: only plans waiting for the administrator */
export async function listSessions(d: SessionDeps, user: User, q: { awaitingApproval?: boolean }): Promise<SessionView[]> {
  const all = await committees(d.store);
  const readable = new Map(all.filter((c) => mayRead(user, c)).map((c) => [c.id, c]));
  const page = await d.store.listRecords<ReviewSession>({ kind: 'reviewSession', ...(q.awaitingApproval ? { keys: ['status:planSubmitted'] } : {}), limit: 1000 });
  const out: SessionView[] = [];
  for (const rec of page.items) {
    const c = readable.get(rec.body.committeeId);
    if (c) out.push(await viewOf(d, rec, c, false));
  }
  return out.sort((a, b) => (a.date === b.date ? a.name.localeCompare(b.name) : b.date.localeCompare(a.date)));
}

export async function getSession(d: SessionDeps, user: User, id: string): Promise<Result<SessionView>> {
  const s = await sessionFor(d, user, id, false);
  if (!s.ok) return s;
  return ok(await viewOf(d, s.value.rec, s.value.committee, true));
}

export async function poolOf(d: SessionDeps, committeeId: string): Promise<ExpertEntry[]> {
  return (await d.store.listRecords<Expert>({ kind: 'expert', keys: [`committee:${committeeId}`], limit: 5000 })).items.map((r) => ({ id: r.id, body: r.body }));
}

async function titleOf(d: SessionDeps, app: Pick<Application, 'levelKey' | 'pinned'>): Promise<string> {
  const level = await d.levels.get(app.levelKey, app.pinned.level);
  return level.ok ? level.value.def.title : '';
}

export async function viewOf(d: SessionDeps, rec: SessionRecord, committee: Committee, full: boolean): Promise<SessionView> {
  const s = rec.body;
  const agendaItems: SessionView['agendaItems'] = [];
  const memberRows: SessionView['memberRows'] = [];
  const fileNames = new Map<string, string>();
  if (full) {
    for (const id of s.agenda) {
      const app = await d.store.getApplication(id);
      if (app) agendaItems.push({ applicationId: id, applicantName: app.applicantName, title: await titleOf(d, app) });
    }
    const pool = new Map((await poolOf(d, s.committeeId)).map((e) => [e.id, e.body]));
    for (const m of s.members) {
      const e = pool.get(m.expertId) ?? (await d.store.getRecord<Expert>('expert', m.expertId))?.body;
      memberRows.push({ ...m, name: e?.name ?? '（已删除的专家）', unitName: e?.unitName ?? '', title: e?.title ?? '' });
    }
    for (const hash of Object.values(s.plan.files)) {
      const f = hash ? await d.store.getFile(hash) : null;
      if (f && hash) fileNames.set(hash, f.meta.name);
    }
  }
  return {
    ...s,
    id: rec.id,
    version: rec.version,
    committeeName: committee.name,
    statusLabel: s.status === 'planning' && s.plan.returned ? '实施方案已退回' : SESSION_STATUS_LABELS[s.status],
    modeLabel: MODE_LABELS[s.mode],
    planDeadline: planDeadline(s.date),
    planFiles: PLAN_FILES.map((f) => {
      const hash = s.plan.files[f.key];
      const name = hash ? fileNames.get(hash) : undefined;
      return { key: f.key, label: f.label, ...(hash ? { hash } : {}), ...(name ? { name } : {}) };
    }),
    agendaItems,
    memberRows,
  };
}

const OPEN: ReadonlySet<Application['status']> = new Set(['submitted', 'returned']);

/** the committee's applications now at its review (the office's check or the experts' vote), by applicant and title */
export async function agendaCandidates(d: SessionDeps, user: User, id: string): Promise<Result<SessionView['agendaItems']>> {
  const s = await sessionFor(d, user, id, true);
  if (!s.ok) return s;
  const { committee } = s.value;
  const out: SessionView['agendaItems'] = [];
  // every application routed through the committee, as summaries by keyset pages (no cap, no whole documents)
  for (let after: string | undefined, more = true; more; ) {
    const page = await d.store.listApplicationSummaries({ routedThrough: [committee.id], statusIn: [...OPEN], limit: 1000, ...(after !== undefined ? { after } : {}) });
    for (const app of page.items) {
      if (app.committeeId !== committee.id) continue;
      const atCommittee = app.openTasks.some((t) => (t.role === 'expert' && t.orgId === committee.id) || (t.role === 'committeeClerk' && t.orgId === committee.officeOrgId));
      if (atCommittee) out.push({ applicationId: app.id, applicantName: app.applicantName, title: await titleOf(d, app) });
    }
    after = page.next;
    more = after !== undefined;
  }
  return ok(out);
}

export async function setAgenda(d: SessionDeps, user: User, id: string, applicationIds: string[]): Promise<Result<SessionRecord>> {
  const s = await sessionFor(d, user, id, true);
  if (!s.ok) return s;
  const { rec } = s.value;
  if (rec.body.status === 'closed') return refuse('session.closed', '评审会议已结束，不能修改议程', '/agenda');
  const candidates = await agendaCandidates(d, user, id);
  if (!candidates.ok) return candidates;
  const allowed = new Set([...candidates.value.map((c) => c.applicationId), ...rec.body.agenda]);
  const wrong = applicationIds.filter((a) => !allowed.has(a));
  if (wrong.length > 0) return refuse('session.agenda_not_committee', '所选申报不在本评委会的评审环节，不能列入议程', '/agenda');
  const agenda = [...new Set(applicationIds)];
  return saveSession(d, user.id, rec, { ...rec.body, agenda }, 'session.agenda', { agenda: agenda.length });
}

/**
 * The members a draw proposes (engineer H6's draw calls this): they replace the members not yet confirmed; nobody
 * is appointed until the office confirms them. Refused once the session has started.
 */
export async function setDrawnMembers(d: Pick<SessionDeps, 'store' | 'clock'>, sessionId: string, members: { expertId: string; role: SessionMember['role'] }[], actor: string, drawId?: string): Promise<Result<SessionRecord>> {
  const rec = await d.store.getRecord<ReviewSession>('reviewSession', sessionId);
  if (!rec) return refuse('session.not_found', '评审会议不存在');
  if (rec.body.status === 'inProgress' || rec.body.status === 'closed') return refuse('session.already_started', '评审会议已经开始，不能再更换评审专家', '/members');
  const next: ReviewSession = {
    ...rec.body,
    members: members.map((m) => ({ expertId: m.expertId, role: m.role, confirmed: false })),
    drawIds: drawId && !rec.body.drawIds.includes(drawId) ? [...rec.body.drawIds, drawId] : rec.body.drawIds,
  };
  return saveSession(d, actor, rec, next, 'session.members', { members: members.length, ...(drawId ? { drawId } : {}) });
}

/**
 * 确认聘任: the members (not reserves) are appointed together, each under F4 and the committee's pool, and the whole
 * list under a 自主评审 committee's external share; any refusal names the expert and appoints nobody.
 */
export async function confirmMembers(d: SessionDeps, user: User, id: string): Promise<Result<SessionRecord>> {
  const s = await sessionFor(d, user, id, true);
  if (!s.ok) return s;
  const { rec, committee } = s.value;
  if (rec.body.status === 'inProgress' || rec.body.status === 'closed') return refuse('session.already_started', '评审会议已经开始，不能再确认聘任', '/members');
  const toConfirm = rec.body.members.filter((m) => m.role !== 'reserve' && !m.replacedBy);
  if (toConfirm.length === 0) return refuse('session.no_members', '尚无待确认的评审专家，请先抽取专家', '/members');
  const pool = await poolOf(d, committee.id);
  const byId = new Map(pool.map((e) => [e.id, e]));
  const problems: Problem[] = [];
  const confirmedIds = toConfirm.map((m) => m.expertId);
  for (const m of toConfirm) {
    const e = byId.get(m.expertId);
    if (!e) {
      problems.push({ code: 'notInPool', message: '该专家不在本评委会专家库中', pointer: `/members/${m.expertId}` });
      continue;
    }
    for (const p of checkAppointment(e, committee, rec.body.campaignYear, confirmedIds.filter((x) => x !== m.expertId), pool)) {
      problems.push({ code: p.code, message: `${e.body.name}：${p.message}`, pointer: `/members/${m.expertId}` });
    }
  }
  const share = checkExternalShare(confirmedIds, committee, pool);
  if (share) problems.push({ code: share.code, message: share.message, pointer: '/members' });
  if (problems.length > 0) return fail('session.appointment_refused', problems.length === 1 ? problems[0]!.message : `有 ${problems.length} 个问题，不能确认聘任`, problems);
  const members = rec.body.members.map((m) => (confirmedIds.includes(m.expertId) ? { ...m, confirmed: true } : m));
  return saveSession(d, user.id, rec, { ...rec.body, members }, 'session.confirm', { confirmed: confirmedIds.length });
}

/** 出席: present or absent, for confirmed members */
export async function setAttendance(d: SessionDeps, user: User, id: string, marks: { expertId: string; attendance: 'present' | 'absent' }[]): Promise<Result<SessionRecord>> {
  const s = await sessionFor(d, user, id, true);
  if (!s.ok) return s;
  const { rec } = s.value;
  if (rec.body.status === 'inProgress' || rec.body.status === 'closed') return refuse('session.already_started', '评审会议已经开始，出席情况不能再修改', '/members');
  const byId = new Map(marks.map((m) => [m.expertId, m.attendance]));
  const unknown = marks.filter((m) => !rec.body.members.some((x) => x.expertId === m.expertId && x.confirmed));
  if (unknown.length > 0) return refuse('session.not_member', '只能为已确认聘任的评审专家登记出席', '/members');
  const members = rec.body.members.map((m) => {
    const a = byId.get(m.expertId);
    return a ? { ...m, attendance: a } : m;
  });
  return saveSession(d, user.id, rec, { ...rec.body, members }, 'session.attendance', { present: members.filter((m) => m.attendance === 'present').length });
}
