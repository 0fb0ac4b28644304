// 评审会议开始: the vote an application waits at is seated to the members present. Its open ballots are replaced
// by one per present member and its tally restarts empty; everything else (variables, timers, history) is kept.
// Only before any ballot is cast: a vote in progress is never re-seated, so nobody's ballot is lost or counted twice.
import { ok, type Result } from '../../result.js';
import { reachKey } from '../reach.js';
import type { OpenTask, TaskOpEvent } from '../state.js';
import type { Run } from '../step.js';
import { refuse } from './own-task.js';

export function seatVote(run: Run, e: Extract<TaskOpEvent, { type: 'seatVote' }>): Result<void> {
  const ballot = run.s.openTasks.find((t) => t.id === e.taskId);
  if (!ballot) return refuse('task.not_open', '该表决任务不存在或已结束，请刷新');
  const el = run.el(ballot.elementId);
  if (el.kind !== 'userTask' || !el.voting) return refuse('vote.not_vote', '该任务不是专家表决，不能确定参会专家', ballot.elementId);
  const tally = run.s.votes[ballot.tokenId];
  if (!tally) return refuse('vote.not_vote', '该任务不是专家表决，不能确定参会专家', el.id);
  if (Object.keys(tally.ballots).length > 0) return refuse('vote.already_cast', '已有专家投票，不能重新确定参会专家', el.id);
  const attendees = [...new Set(e.attendees)];
  if (attendees.length === 0 || attendees.some((a) => a === '')) return refuse('vote.bad_attendees', '参会专家不能为空', el.id);

  const old = run.s.openTasks.filter((t) => t.tokenId === ballot.tokenId && t.elementId === el.id);
  run.s.openTasks = run.s.openTasks.filter((t) => !old.includes(t));
  const unseated = new Set(old.map(reachKey));
  for (const t of old) run.emit({ type: 'cancelTask', taskId: t.id, elementId: t.elementId });

  const base = {
    tokenId: ballot.tokenId,
    elementId: el.id,
    ...(ballot.name ? { name: ballot.name } : {}),
    role: ballot.role,
    scope: ballot.scope,
    orgId: ballot.orgId,
    createdAt: e.now,
    ...(ballot.dueAt ? { dueAt: ballot.dueAt } : {}),
    decisions: ballot.decisions,
    ...(ballot.formKey ? { formKey: ballot.formKey } : {}),
  };
  const seated: OpenTask[] = attendees.map((assignee) => ({ id: run.id('t'), ...base, assignee }));
  const seatedKeys = new Set(seated.map(reachKey));
  // experts who were not seated never voted here: they no longer see the application through this vote
  run.s.reached = (run.s.reached ?? []).filter((k) => !unseated.has(k) || seatedKeys.has(k));
  for (const t of seated) {
    run.s.openTasks.push(t);
    if (!run.s.reached.includes(reachKey(t))) run.s.reached.push(reachKey(t));
    run.emit({ type: 'createTask', task: t });
  }
  run.s.votes[ballot.tokenId] = { attendees, ballots: {} };
  return ok(undefined);
}
