// 分组结果 (D6): a session's results counted per group — each candidate's 同意 and 出席 counts and the result the
// flow decided (its vote's record in variables.tasks), and each group's pass rate against its cap. Counts only:
// who voted what never leaves the flow state (secret ballot). Access is checked by the caller (sessionFor).
import { tallyGroup, type GroupTally } from '../../domain/committee-work/groups.js';
import type { ReviewSession, SessionGroup } from '../../domain/committee-work/types.js';
import { ok, type Result } from '../../domain/result.js';
import type { Application } from '../../domain/schema-types.gen.js';
import { committeeOf, refuse, type SessionDeps } from './session-record.js';
import { currentGroups, groupSettings } from './session-groups.js';

export type CandidateOutcome = 'passed' | 'failed' | 'pending';

export interface CandidateResult {
  applicationId: string;
  applicantName: string;
  unitName: string;
  title: string;
  /** 同意 and 出席 of the finished vote */
  approvals?: number;
  attending?: number;
  outcome: CandidateOutcome;
  /** 通过 / 未通过 / 表决中 / 未表决 */
  outcomeLabel: string;
}

export interface GroupResult extends GroupTally {
  id: string;
  kind: SessionGroup['kind'];
  name: string;
  /** the cap (0–1), when the committee sets one */
  passRate?: number;
  candidates: CandidateResult[];
}

export interface SessionResults {
  sessionId: string;
  sessionName: string;
  committeeName: string;
  date: string;
  /** every candidate's vote has ended */
  complete: boolean;
  groups: GroupResult[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** the last finished vote the flow recorded: counts and its result; or whether one is still open */
export function voteOutcome(app: Application): Pick<CandidateResult, 'approvals' | 'attending' | 'outcome' | 'outcomeLabel'> {
  const wf = app.workflow;
  const open = wf ? Object.keys(wf.votes).length > 0 : false;
  const tasks = wf?.variables['tasks'];
  let best: { approvals: number; attending: number; result: string; at: string } | undefined;
  if (!open && isObject(tasks)) {
    for (const v of Object.values(tasks)) {
      if (!isObject(v) || typeof v['approvals'] !== 'number' || typeof v['attending'] !== 'number' || typeof v['result'] !== 'string') continue;
      const at = typeof v['at'] === 'string' ? v['at'] : '';
      if (!best || at >= best.at) best = { approvals: v['approvals'], attending: v['attending'], result: v['result'], at };
    }
  }
  if (!best) return { outcome: 'pending', outcomeLabel: open ? '表决中' : '未表决' };
  const passed = best.result === 'passed';
  return { approvals: best.approvals, attending: best.attending, outcome: passed ? 'passed' : 'failed', outcomeLabel: passed ? '通过' : '未通过' };
}

/** the session's results per group; not found when the session or its committee is gone */
export async function sessionResults(d: SessionDeps, sessionId: string): Promise<Result<SessionResults>> {
  const rec = await d.store.getRecord<ReviewSession>('reviewSession', sessionId);
  if (!rec) return refuse('session.not_found', '评审会议不存在');
  const committee = await committeeOf(d.store, rec.body.committeeId);
  if (!committee) return refuse('session.not_found', '评审会议不存在');
  const settings = groupSettings(committee);
  const groups: GroupResult[] = [];
  for (const g of await currentGroups(d, rec.body, committee)) {
    const candidates: CandidateResult[] = [];
    for (const applicationId of g.applicationIds) {
      const app = await d.store.getApplication(applicationId);
      if (!app) continue;
      const level = await d.levels.get(app.levelKey, app.pinned.level);
      const unitName = app.orgId ? ((await d.store.getOrg(app.orgId))?.name ?? '') : '';
      candidates.push({ applicationId, applicantName: app.applicantName, unitName, title: level.ok ? level.value.def.title : '', ...voteOutcome(app) });
    }
    const passRate = settings.find((s) => s.kind === g.kind)?.passRate;
    groups.push({ id: g.id, kind: g.kind, name: g.name, ...(passRate !== undefined ? { passRate } : {}), candidates, ...tallyGroup(g.name, passRate, candidates.map((c) => c.outcome)) });
  }
  return ok({
    sessionId,
    sessionName: rec.body.name,
    committeeName: committee.name,
    date: rec.body.date,
    complete: groups.every((g) => g.candidates.every((c) => c.outcome !== 'pending')),
    groups,
  });
}
