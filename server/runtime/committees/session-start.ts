// 开始评审: the session starts only with an approved plan (F3), a valid filing (F1), confirmed members whose
// attendance is recorded and at least the quorum present. Then each agenda application waiting at the experts' vote,
// with no ballot cast yet, has its vote seated to the present members (engine op seatVote): one guarded, audited
// write per application, whose new ballots tell the seated experts (the transition's notifications).
import type { Expert } from '../../domain/committee-work/types.js';
import { presentMembers, startProblems } from '../../domain/committee-work/session-rules.js';
import { fail, ok, type Result } from '../../domain/result.js';
import type { Application, User } from '../../domain/schema-types.gen.js';
import { filingOnDay } from './filing-on-day.js';
import { poolOf } from './sessions.js';
import { refuse, saveSession, sessionFor, type SessionDeps, type SessionRecord } from './session-record.js';

export interface SeatOutcome {
  applicationId: string;
  applicantName: string;
  seated: boolean;
  /** why not, in words */
  reason?: string;
}

/** the open ballot of an expert vote waiting for its first ballot, or why there is none */
export function waitingVote(app: Application): { taskId: string } | { reason: string } {
  const wf = app.workflow;
  const ballots = (wf?.openTasks ?? []).filter((t) => t.role === 'expert' && t.assignee !== undefined && t.personal !== true);
  const first = ballots[0];
  if (!wf || !first) return { reason: '尚未到专家表决环节' };
  const tally = wf.votes[first.tokenId];
  if (!tally) return { reason: '尚未到专家表决环节' };
  if (Object.keys(tally.ballots).length > 0) return { reason: '已有专家投票，保持原参会专家' };
  return { taskId: first.id };
}

export async function startSession(d: SessionDeps, user: User, id: string): Promise<Result<{ session: SessionRecord; seats: SeatOutcome[] }>> {
  const s = await sessionFor(d, user, id, true);
  if (!s.ok) return s;
  const { rec, committee } = s.value;
  const pool = new Map((await poolOf(d, committee.id)).map((e) => [e.id, e.body]));
  const nameOf = (expertId: string): string => pool.get(expertId)?.name ?? '（已删除的专家）';
  const problems = startProblems(rec.body, nameOf);
  if (problems.length > 0) return fail(problems[0]!.code, problems[0]!.message, problems);
  // F1: the filing is valid today, or nothing starts and nothing is recorded
  const filing = await filingOnDay(d, committee.id);
  if (!filing.ok) return filing;
  const present = presentMembers(rec.body);
  const noAccount = present.filter((m) => !(pool.get(m.expertId) as Expert | undefined)?.userId);
  if (noAccount.length > 0) return refuse('session.expert_no_account', `${noAccount.map((m) => nameOf(m.expertId)).join('、')}没有登录账号，不能参加网上表决`, '/members');
  const attendees = present.map((m) => pool.get(m.expertId)!.userId!);

  const started = await saveSession(d, user.id, rec, { ...rec.body, status: 'inProgress', startedAt: d.clock.now() }, 'session.start', { present: attendees.length, agenda: rec.body.agenda.length });
  if (!started.ok) return started;
  const seats: SeatOutcome[] = [];
  for (const appId of rec.body.agenda) {
    const app = await d.store.getApplication(appId);
    if (!app) continue;
    const w = waitingVote(app);
    if ('reason' in w) {
      seats.push({ applicationId: appId, applicantName: app.applicantName, seated: false, reason: w.reason });
      continue;
    }
    const res = await d.runtime.apply(appId, () => ok({ type: 'seatVote', taskId: w.taskId, userId: user.id, attendees, now: d.clock.now() }), {
      actor: user.id,
      action: 'vote.seat',
      detail: { sessionId: id, attending: attendees.length },
    });
    seats.push({ applicationId: appId, applicantName: app.applicantName, seated: res.ok, ...(res.ok ? {} : { reason: res.error.message }) });
  }
  return ok({ session: started.value, seats });
}
