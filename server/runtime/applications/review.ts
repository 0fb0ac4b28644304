// Reviewers complete tasks with a decision validated against the task's decision form; a return
// issues the 一次告知 notice; the applicant resubmits once into the same flow; messages (complaints
// during 公示) reach the flow; incidents can be retried.
import { validateForm } from '../../domain/forms/index.js';
import { fail, ok, type Problem, type Result } from '../../domain/result.js';
import { requiredMaterials } from '../../domain/rules/index.js';
import type { Application, User } from '../../domain/schema-types.gen.js';
import type { Variables } from '../../domain/workflow/state.js';
import { campaignOf, chainOf, ownApplication, today, type AppDeps } from './deps.js';
import { eligibilityOf } from './eligibility-input.js';
import { composeNotice, type ReviewerItem } from './return-notice.js';
import { withDoneTask } from './done-task.js';
import { checkOpinion } from '../tasks/opinion-required.js';
import { isCommitteeTask } from '../../domain/committee-work/filing.js';
import { filingOnDay } from '../committees/filing-on-day.js';
import { eligibilityProblems, materialProblems } from './submit-problems.js';

/** the problems the platform finds on its own in an application as it stands */
export async function currentProblems(d: AppDeps, app: Application): Promise<Result<Problem[]>> {
  const level = await d.levels.get(app.levelKey, app.pinned.level);
  if (!level.ok) return level;
  const c = await campaignOf(d, app.campaignId, app.pinned.campaign);
  if (!c.ok) return c;
  const user = await d.store.getUser(app.applicantId);
  if (!user) return fail('user.not_found', '申报人账号不存在');
  const problems = [...validateForm(level.value.form, app.form, { partial: false }).problems];
  const elig = eligibilityOf({ level: level.value, campaign: c.value.campaign, form: app.form, user, chain: await chainOf(d, app.orgId), today: today(d), counters: {}, calendars: await d.calendars.current() });
  if (elig.ok) {
    problems.push(...eligibilityProblems(elig.value.eligibility, app.pathId, level.value.def.form).filter((p) => p.code !== 'eligibility.blocked'));
    const req = requiredMaterials(level.value.def.materials, elig.value.context);
    problems.push(...materialProblems(level.value.def, app, req.required));
  }
  return ok(problems);
}

const mayWork = (user: User, task: Application['openTasks'][number]): boolean =>
  (task.assignee === undefined || task.assignee === user.id) && user.roles.some((r) => r.role === task.role && r.orgId === task.orgId);

export async function completeTask(d: AppDeps, user: User, appId: string, taskId: string, payload: Variables): Promise<Result<Application>> {
  const app = await d.store.getApplication(appId);
  if (!app) return fail('application.not_found', '申报不存在');
  const task = app.openTasks.find((t) => t.taskId === taskId);
  if (!task) {
    const seen = app.workflow?.history.length ? '已办结' : '不存在';
    return fail('task.conflict', `该任务${seen}：可能已被他人处理，请刷新待办`);
  }
  if (!mayWork(user, task)) return fail('task.not_found', '任务不存在');
  // B1: no review crosses the year — nothing is decided after the campaign's last phase has closed
  const c = await campaignOf(d, app.campaignId, app.pinned.campaign);
  if (!c.ok) return c;
  const lastDay = c.value.campaign.phases.reduce((max, ph) => (ph.closes > max ? ph.closes : max), '');
  if (today(d) > lastDay) return fail('campaign.ended', `${c.value.campaign.name}已于 ${lastDay} 结束，职称评审不得跨年度进行`);
  // F1: the committee's office and experts act only while its filing is valid, on the day they act
  if (isCommitteeTask(app.workflow?.openTasks.find((t) => t.id === taskId) ?? task)) {
    const filing = await filingOnDay(d, app.committeeId);
    if (!filing.ok) return filing;
  }
  const level = await d.levels.get(app.levelKey, app.pinned.level);
  if (!level.ok) return level;
  const flowTask = app.workflow?.openTasks.find((t) => t.id === taskId);
  const formKey = flowTask?.formKey;
  const decisionForm = formKey ? level.value.decisions.get(formKey) : undefined;
  if (decisionForm) {
    const v = validateForm(decisionForm, payload, { partial: false });
    if (!v.valid) return fail('task.invalid_decision', '审核意见填写不完整或有误', v.problems);
  }
  // ballots are an expert vote's tasks; a task handed to one person (转办, 委派) also names them but is no ballot
  const ballot = task.assignee !== undefined && flowTask?.personal !== true;
  const { assignee: _personal, ...pooled } = task;
  const isReturn = payload['decision'] === 'return';
  if (isReturn && app.notice?.resubmittedAt) {
    return fail('notice.already_used', '一次告知：此申报已退回补正过一次，不能再次退回，请作出同意或不同意的结论');
  }
  const opinion = await checkOpinion(d, app, task.elementId, formKey ? level.value.def.decisions?.[formKey] : undefined, payload);
  if (!opinion.ok) return opinion;
  let found: Problem[] = [];
  if (isReturn) {
    const p = await currentProblems(d, app);
    if (!p.ok) return p;
    found = p.value;
  }
  const items = Array.isArray(payload['items']) ? (payload['items'] as unknown as ReviewerItem[]) : [];
  return d.runtime.apply(
    appId,
    () => ok({ type: 'completeTask', taskId, userId: user.id, payload, now: d.clock.now() }),
    {
      actor: user.id,
      action: ballot ? 'vote.cast' : isReturn ? 'application.return' : 'task.complete',
      // ballots stay secret: the audit records that a vote was cast, not which way
      detail: { taskId, elementId: task.elementId, ...(ballot ? {} : { decision: payload['decision'] ?? null }) },
      finish: (after) => {
        const next = withDoneTask(after, ballot ? task : pooled, user.id, payload, d.clock.now());
        if (!isReturn) return next;
        const correction = next.openTasks.find((t) => t.role === 'applicant' && t.orgId === app.applicantId);
        return { ...next, status: 'returned', notice: composeNotice(d.clock.now(), correction?.dueAt, items, found) };
      },
    },
  );
}

/** the applicant resubmits once, after correcting every notified item the platform can check */
export async function resubmit(d: AppDeps, user: User, appId: string): Promise<Result<Application>> {
  const own = await ownApplication(d, user, appId);
  if (!own.ok) return own;
  const app = own.value;
  const task = app.openTasks.find((t) => t.role === 'applicant' && t.orgId === user.id);
  if (app.status !== 'returned' || !task) return fail('application.not_returned', '该申报没有待补正的事项');
  const p = await currentProblems(d, app);
  if (!p.ok) return p;
  if (p.value.length > 0) return fail('application.submit_refused', `仍有 ${p.value.length} 个问题未补正`, p.value);
  return d.runtime.apply(appId, () => ok({ type: 'completeTask', taskId: task.taskId, userId: user.id, payload: { decision: 'resubmit' }, now: d.clock.now() }), {
    actor: user.id,
    action: 'application.resubmit',
    finish: (next) => ({ ...next, status: next.status === 'returned' ? 'submitted' : next.status, ...(next.notice ? { notice: { ...next.notice, resubmittedAt: d.clock.now() } } : {}) }),
  });
}

export async function sendMessage(d: AppDeps, user: User, appId: string, name: string, payload: Variables): Promise<Result<Application>> {
  return d.runtime.apply(appId, () => ok({ type: 'message', name, payload: { ...payload, from: user.id }, now: d.clock.now() }), { actor: user.id, action: 'message.receive', detail: { message: name } });
}

