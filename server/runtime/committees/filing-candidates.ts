// What the filing package says about each application on a session's agenda: its group, result, votes, and its
// results 公示 (dates, complaints and how they were handled), read from the application and its flow's variables.
import { shanghaiDate } from '../../domain/calendar/due.js';
import type { ReviewSession } from '../../domain/committee-work/types.js';
import type { Application, Series } from '../../domain/schema-types.gen.js';
import type { SessionDeps } from './session-record.js';
import { sessionResults } from './session-results.js';

export interface FilingCandidate {
  applicationId: string;
  applicantName: string;
  unitName: string;
  seriesName: string;
  title: string;
  grade?: string;
  groupName: string;
  passed: boolean;
  resultLabel: string;
  approvals?: number;
  attending?: number;
  publicityOpenedOn?: string;
  publicityClosedOn?: string;
  /** the result 公示 is still open (or the vote not yet over) */
  pending: boolean;
  complaints: { at: string; step: string; decision: string; opinion: string }[];
}

const PASSED: ReadonlySet<Application['status']> = new Set(['passed', 'certified']);
const RESULT_LABELS: Readonly<Record<Application['status'], string>> = {
  draft: '草稿', submitted: '评审中', returned: '退回修改', withdrawn: '已撤回', rejected: '未通过审核', passed: '通过', failed: '未通过', certified: '通过（已发证）', revoked: '已撤销',
};
const COMPLAINT_DECISIONS: Readonly<Record<string, string>> = { complaint: '登记投诉', dismiss: '核查不属实', uphold: '核查属实' };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const day = (instant: unknown): string | undefined => (typeof instant === 'string' ? (shanghaiDate(instant) ?? instant.slice(0, 10)) : undefined);

/** the last finished vote the flow recorded (variables.tasks[<vote element>]) */
function lastVote(vars: Record<string, unknown>): { approvals: number; attending: number } | undefined {
  const tasks = vars['tasks'];
  if (!isObject(tasks)) return undefined;
  let best: { approvals: number; attending: number; at: string } | undefined;
  for (const v of Object.values(tasks)) {
    if (!isObject(v) || typeof v['approvals'] !== 'number' || typeof v['attending'] !== 'number') continue;
    const at = typeof v['at'] === 'string' ? v['at'] : '';
    if (!best || at >= best.at) best = { approvals: v['approvals'], attending: v['attending'], at };
  }
  return best ? { approvals: best.approvals, attending: best.attending } : undefined;
}

export async function filingCandidates(d: SessionDeps, sessionId: string, session: ReviewSession): Promise<FilingCandidate[]> {
  // the groups as the session's results count them (saved or proposed split, D6)
  const results = await sessionResults(d, sessionId);
  const groupOf = new Map<string, string>();
  for (const g of results.ok ? results.value.groups : session.groups) for (const id of 'candidates' in g ? g.candidates.map((c) => c.applicationId) : g.applicationIds) groupOf.set(id, g.name);
  const seriesNames = new Map<string, string>();
  const out: FilingCandidate[] = [];
  for (const id of session.agenda) {
    const app = await d.store.getApplication(id);
    if (!app) continue;
    const level = await d.levels.get(app.levelKey, app.pinned.level);
    if (!seriesNames.has(app.seriesKey)) seriesNames.set(app.seriesKey, (await d.store.getDefinition<Series>('series', app.seriesKey, 'latest'))?.body.name ?? '');
    const unitName = app.orgId ? ((await d.store.getOrg(app.orgId))?.name ?? '') : '';
    const vars = (app.workflow?.variables ?? {}) as Record<string, unknown>;
    const publicity = isObject(vars['publicity']) ? vars['publicity'] : {};
    const opened = day(publicity['openedAt']);
    const closed = day(publicity['closedAt']);
    const atPublicity = app.openTasks.some((t) => t.elementId.toLowerCase().includes('publicity'));
    const final = !['draft', 'submitted', 'returned'].includes(app.status);
    const vote = lastVote(vars);
    // the vote passed and its 公示 closed without an upheld complaint: passed, even while later steps (发证) run
    const passed = PASSED.has(app.status) || (app.status === 'submitted' && vars['voteResult'] === 'passed' && closed !== undefined && !atPublicity);
    const grade = app.grade ?? (typeof vars['grade'] === 'string' ? vars['grade'] : undefined);
    out.push({
      applicationId: id,
      applicantName: app.applicantName,
      unitName,
      seriesName: seriesNames.get(app.seriesKey) ?? '',
      title: level.ok ? level.value.def.title : '',
      ...(grade ? { grade } : {}),
      groupName: groupOf.get(id) ?? '评审组',
      passed,
      resultLabel: passed ? '通过' : RESULT_LABELS[app.status],
      ...(vote ?? {}),
      ...(opened ? { publicityOpenedOn: opened } : {}),
      ...(closed ? { publicityClosedOn: closed } : {}),
      pending: atPublicity || (!final && !closed),
      complaints: (app.doneTasks ?? [])
        .filter((t) => t.decision !== undefined && t.decision in COMPLAINT_DECISIONS)
        .map((t) => ({ at: day(t.at) ?? '', step: t.name, decision: COMPLAINT_DECISIONS[t.decision!] ?? '', opinion: t.opinion ?? '' })),
    });
  }
  return out;
}
