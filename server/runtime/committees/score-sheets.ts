// 评分 (D4, D5) while a session is 评审中: each present member fills the committee's scoring sheet for each agenda
// candidate whose scoring step is open, saves and submits it (then read-only). The office sees only counts; 汇总
// completes the application's scoring task with the averages (the office's own task, through completeTask: validated,
// guarded, audited), then seats the vote to the present members when the flow reaches it. Sheets are secret: only
// their expert reads them, and their audit records say that a sheet was saved or submitted, never the scores.
import { aggregate, scoreSheetId, sheetProblems, type ScoreSheet, type ScoreSummary, type ScoringSheetDef } from '../../domain/committee-work/scoring.js';
import { presentMembers } from '../../domain/committee-work/session-rules.js';
import type { Expert, ReviewSession } from '../../domain/committee-work/types.js';
import { fail, ok, type Result } from '../../domain/result.js';
import type { Application, User } from '../../domain/schema-types.gen.js';
import type { StoredRecord } from '../../store/port.js';
import { completeTask } from '../applications/review.js';
import type { AppDeps } from '../applications/deps.js';
import { scoringFields, type ScoringField } from './scoring-fields.js';
import { waitingVote } from './session-start.js';
import { committeeOf, mayManage, refuse, type Committee, type SessionDeps, type SessionRecord } from './session-record.js';

export type ScoringDeps = SessionDeps & AppDeps;
type SheetRecord = StoredRecord<ScoreSheet>;

const notFound = (): Result<never> => refuse('scoreSheet.not_found', '评分表不存在');

/** the open scoring task of an application (the committee office's, formKey 'scoring') */
const scoringTask = (app: Application): string | undefined => app.workflow?.openTasks.find((t) => t.formKey === 'scoring')?.id;

async function titleOf(d: ScoringDeps, app: Application): Promise<string> {
  const level = await d.levels.get(app.levelKey, app.pinned.level);
  return level.ok ? level.value.def.title : '';
}

/** the present members with their accounts: expert id → user id */
async function presentAccounts(d: ScoringDeps, s: ReviewSession): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const m of presentMembers(s)) {
    const e = await d.store.getRecord<Expert>('expert', m.expertId);
    if (e?.body.userId) out.set(m.expertId, e.body.userId);
  }
  return out;
}

const sheetsOf = async (d: ScoringDeps, sessionId: string, applicationId: string): Promise<SheetRecord[]> =>
  (await d.store.listRecords<ScoreSheet>({ kind: 'scoreSheet', keys: [`session:${sessionId}`, `application:${applicationId}`], limit: 1000 })).items;

export interface ExpertCandidate {
  sessionId: string;
  applicationId: string;
  applicantName: string;
  title: string;
  sheetId: string;
  scores: Record<string, number>;
  submitted: boolean;
  /** the scoring step is still open (else the sheet can no longer change) */
  open: boolean;
}

export interface ExpertScoringSession {
  sessionId: string;
  sessionName: string;
  committeeName: string;
  date: string;
  modeLabel: string;
  sheet: ScoringSheetDef;
  candidates: ExpertCandidate[];
}

/** 我的评分: the sessions in progress where this person is a present member, with the sheet and the candidates */
export async function myScoring(d: ScoringDeps, user: User): Promise<ExpertScoringSession[]> {
  const running = await d.store.listRecords<ReviewSession>({ kind: 'reviewSession', keys: ['status:inProgress'], limit: 1000 });
  const out: ExpertScoringSession[] = [];
  for (const rec of running.items) {
    const committee = await committeeOf(d.store, rec.body.committeeId);
    if (!committee?.scoringSheet) continue;
    const accounts = await presentAccounts(d, rec.body);
    const expertId = [...accounts].find(([, u]) => u === user.id)?.[0];
    if (!expertId) continue;
    const candidates: ExpertCandidate[] = [];
    for (const appId of rec.body.agenda) {
      const app = await d.store.getApplication(appId);
      if (!app) continue;
      const sheetId = scoreSheetId(rec.id, appId, expertId);
      const sheet = await d.store.getRecord<ScoreSheet>('scoreSheet', sheetId);
      const open = scoringTask(app) !== undefined;
      if (!open && !sheet) continue;
      candidates.push({ sessionId: rec.id, applicationId: appId, applicantName: app.applicantName, title: await titleOf(d, app), sheetId, scores: sheet?.body.scores ?? {}, submitted: sheet?.body.submittedAt !== undefined, open });
    }
    out.push({ sessionId: rec.id, sessionName: rec.body.name, committeeName: committee.name, date: rec.body.date, modeLabel: rec.body.mode === 'online' ? '网上评审' : '现场评审', sheet: committee.scoringSheet, candidates });
  }
  return out;
}

/** one sheet, to its own expert only; anyone else gets not found */
export async function getSheet(d: ScoringDeps, user: User, id: string): Promise<Result<ScoreSheet & { id: string }>> {
  const rec = await d.store.getRecord<ScoreSheet>('scoreSheet', id);
  if (!rec || rec.body.userId !== user.id) return notFound();
  return ok({ ...rec.body, id: rec.id });
}

/** the expert saves (or submits) the sheet for one candidate of a running session */
export async function saveSheet(d: ScoringDeps, user: User, sessionId: string, applicationId: string, input: { scores: Record<string, unknown>; submit: boolean }): Promise<Result<ScoreSheet & { id: string }>> {
  const s = await d.store.getRecord<ReviewSession>('reviewSession', sessionId);
  if (!s) return notFound();
  const accounts = await presentAccounts(d, s.body);
  const expertId = [...accounts].find(([, u]) => u === user.id)?.[0];
  const committee = await committeeOf(d.store, s.body.committeeId);
  if (!expertId || !committee?.scoringSheet || !s.body.agenda.includes(applicationId)) return notFound();
  if (s.body.status !== 'inProgress') return refuse('scoreSheet.closed', '评审会议不在评审中，不能评分');
  const app = await d.store.getApplication(applicationId);
  if (!app || !scoringTask(app)) return refuse('scoreSheet.closed', '该申报的评分已结束');
  const id = scoreSheetId(sessionId, applicationId, expertId);
  const prev = await d.store.getRecord<ScoreSheet>('scoreSheet', id);
  if (prev?.body.submittedAt) return refuse('scoreSheet.submitted', '评分表已提交，不能修改');
  const problems = sheetProblems(committee.scoringSheet, input.scores, input.submit);
  if (problems.length > 0) return fail('scoreSheet.invalid', input.submit ? '评分表填写不完整或有误' : '评分表填写有误', problems);
  const now = d.clock.now();
  const body: ScoreSheet = { sessionId, applicationId, expertId, userId: user.id, scores: input.scores as Record<string, number>, ...(input.submit ? { submittedAt: now } : {}) };
  const version = (prev?.version ?? 0) + 1;
  const rec: SheetRecord = { kind: 'scoreSheet', id, version, updatedAt: now, keys: [`session:${sessionId}`, `application:${applicationId}`, `user:${user.id}`], body };
  // the audit says a sheet was saved or submitted, never the scores
  const res = await d.store.putRecord(rec, prev?.version ?? null, [
    { at: now, actor: user.id, action: input.submit ? 'scoreSheet.submit' : 'scoreSheet.save', target: { type: 'scoreSheet', id }, before: prev ? { version: prev.version } : null, after: { version, sessionId, applicationId, submitted: input.submit } },
  ]);
  if (!res.ok) return refuse('scoreSheet.conflict', '评分表已在别处被修改，请刷新后重试');
  return ok({ ...body, id });
}

export interface ScoringProgress {
  applicationId: string;
  applicantName: string;
  title: string;
  submitted: number;
  expected: number;
  open: boolean;
}

async function managed(d: ScoringDeps, user: User, sessionId: string): Promise<Result<{ rec: SessionRecord; committee: Committee; sheet: ScoringSheetDef }>> {
  const rec = await d.store.getRecord<ReviewSession>('reviewSession', sessionId);
  const committee = rec ? await committeeOf(d.store, rec.body.committeeId) : undefined;
  if (!rec || !committee || !mayManage(user, committee)) return refuse('session.not_found', '评审会议不存在');
  if (!committee.scoringSheet) return refuse('scoreSheet.no_sheet', '该评委会未设置评分表', '/scoringSheet');
  return ok({ rec, committee, sheet: committee.scoringSheet });
}

export interface ScoringOverview {
  sheetName: string;
  extraFields: ScoringField[];
  items: ScoringProgress[];
}

/** the office's view: per candidate only how many sheets are in (已提交 3 / 5); `extraFields`: what the office records at 汇总 */
export async function scoringProgress(d: ScoringDeps, user: User, sessionId: string): Promise<Result<ScoringOverview>> {
  const m = await managed(d, user, sessionId);
  if (!m.ok) return m;
  const expected = (await presentAccounts(d, m.value.rec.body)).size;
  const items: ScoringProgress[] = [];
  for (const appId of m.value.rec.body.agenda) {
    const app = await d.store.getApplication(appId);
    if (!app) continue;
    const submitted = (await sheetsOf(d, sessionId, appId)).filter((r) => r.body.submittedAt).length;
    items.push({ applicationId: appId, applicantName: app.applicantName, title: await titleOf(d, app), submitted, expected, open: scoringTask(app) !== undefined });
  }
  const onSheet = new Set(m.value.sheet.items.map((i) => i.field));
  const extraFields = (await scoringFields(d, m.value.committee.seriesKey)).filter((f) => !onSheet.has(f.field));
  return ok({ sheetName: m.value.sheet.name, extraFields, items });
}

export interface SummariseOutcome {
  summary: ScoreSummary;
  status: Application['status'];
  seated: boolean;
}

/**
 * 汇总: once every present member has submitted (or the office closes scoring with `close`), the averages complete
 * the application's scoring task; `fields`: the scoring form's other values the office records (e.g. 民主测评).
 */
export async function summarise(
  d: ScoringDeps,
  user: User,
  sessionId: string,
  applicationId: string,
  input: { close: boolean; fields: Record<string, number> },
): Promise<Result<SummariseOutcome>> {
  const m = await managed(d, user, sessionId);
  if (!m.ok) return m;
  const { rec, sheet } = m.value;
  if (!rec.body.agenda.includes(applicationId)) return refuse('application.not_found', '该申报不在本次会议议程中');
  if (rec.body.status !== 'inProgress') return refuse('scoreSheet.closed', '评审会议不在评审中，不能汇总');
  const app = await d.store.getApplication(applicationId);
  const taskId = app ? scoringTask(app) : undefined;
  if (!app || !taskId) return refuse('scoreSheet.closed', '该申报的评分已结束');
  const accounts = await presentAccounts(d, rec.body);
  const submitted = (await sheetsOf(d, sessionId, applicationId)).filter((r) => r.body.submittedAt && accounts.has(r.body.expertId));
  if (submitted.length === 0) return refuse('scoreSheet.none', '尚无专家提交评分表，不能汇总');
  if (submitted.length < accounts.size && !input.close) {
    return refuse('scoreSheet.incomplete', `已提交 ${submitted.length} / ${accounts.size}，全部提交后方可汇总（或结束评分后汇总）`);
  }
  const sheetFields = new Set(sheet.items.map((i) => i.field));
  const clash = Object.keys(input.fields).find((f) => sheetFields.has(f));
  if (clash) return refuse('scoreSheet.field_from_sheets', '该项由专家评分汇总得出，不能录入', `/fields/${clash}`);
  const summary = aggregate(sheet, submitted.map((r) => r.body.scores));
  const done = await completeTask(d, user, applicationId, taskId, { ...input.fields, ...summary.items, decision: 'scored' });
  if (!done.ok) return done;
  // the flow went on to the vote: seat it to the session's present members, as at the session's start
  let seated = false;
  const w = waitingVote(done.value);
  if (!('reason' in w)) {
    const attendees = [...accounts.values()];
    const res = await d.runtime.apply(applicationId, () => ok({ type: 'seatVote', taskId: w.taskId, userId: user.id, attendees, now: d.clock.now() }), {
      actor: user.id,
      action: 'vote.seat',
      detail: { sessionId, attending: attendees.length },
    });
    seated = res.ok;
  }
  const after = (await d.store.getApplication(applicationId)) ?? done.value;
  return ok({ summary, status: after.status, seated });
}
