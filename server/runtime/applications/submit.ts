// Submit: every problem reported at once; then route to the committee whose jurisdiction covers
// the application, reserve quota, and start the flow pinned to the versions in force.
import { validateForm } from '../../domain/forms/index.js';
import { getPointer } from '../../domain/json-pointer.js';
import { duplicateMessage } from '../../domain/applications/one-per-year.js';
import { fail, ok, type Problem, type Result } from '../../domain/result.js';
import { requiredMaterials } from '../../domain/rules/index.js';
import { phaseMessage, phaseState } from '../../domain/campaign/phases.js';
import { matchCommittee, type Committee } from '../../domain/routing/match-committee.js';
import { routingOf } from '../../domain/routing/org-chain.js';
import { CHANNEL_NAMES } from '../../domain/rosters/roster-columns.js';
import type { Application, CommitteeList, User } from '../../domain/schema-types.gen.js';
import type { Variables } from '../../domain/workflow/state.js';
import { campaignOf, chainOf, ownApplication, today, type AppDeps } from './deps.js';
import { eligibilityOf } from './eligibility-input.js';
import { transitionNotifications } from '../notifications/transition-notifications.js';
import { quotasFor, type QuotaClaim } from './quota.js';
import { eligibilityProblems, materialProblems } from './submit-problems.js';

export interface SubmitInput {
  pathId?: string;
}

const CLOSED: ReadonlySet<Application['status']> = new Set(['draft', 'withdrawn']);

export async function submit(d: AppDeps, user: User, id: string, input: SubmitInput): Promise<Result<Application>> {
  const found = await ownApplication(d, user, id);
  if (!found.ok) return found;
  const app = found.value;
  if (app.status !== 'draft') return fail('application.already_submitted', '申报已提交，不能重复提交');

  const date = today(d);
  const problems: Problem[] = [];
  const c = await campaignOf(d, app.campaignId, app.pinned.campaign);
  if (!c.ok) return c;
  const { campaign } = c.value;
  const phase = phaseState(campaign, 'apply', date);
  if (phase !== 'open') problems.push({ code: 'campaign.closed', message: phaseMessage(campaign, 'apply', phase) });

  const levelRes = await d.levels.get(app.levelKey, app.pinned.level);
  if (!levelRes.ok) return levelRes;
  const level = levelRes.value;
  problems.push(...validateForm(level.form, app.form, { partial: false }).problems);

  const chain = await chainOf(d, app.orgId ?? user.orgId);
  if (!chain) problems.push({ code: 'applicant.no_org', message: '账号未关联工作单位，请先在个人信息中选择所在单位', pointer: '/orgId' });

  const counters: Record<string, unknown> = {};
  const elig = eligibilityOf({ level, campaign, form: app.form, user, chain, today: date, counters, calendars: await d.calendars.current() });
  if (!elig.ok) return elig;
  const { eligibility, context } = elig.value;
  problems.push(...eligibilityProblems(eligibility, input.pathId, level.def.form));
  const path = eligibility.paths.find((p) => p.passed && (!input.pathId || p.id === input.pathId));

  const required = requiredMaterials(level.def.materials, context);
  problems.push(...required.problems, ...materialProblems(level.def, app, required.required));
  if (!app.pledge) problems.push({ code: 'pledge.missing', message: '尚未签署诚信承诺书', pointer: '/pledge' });

  // one application per person per level grade per year (C1): told here with every other problem; the store's
  // unique key decides between submits that run at the same time
  const mine = await d.store.listApplicationSummaries({ applicantId: user.id, campaignId: app.campaignId, limit: 100 });
  for (const other of mine.items.filter((a) => a.id !== app.id && !CLOSED.has(a.status))) {
    const otherLevel = await d.levels.get(other.levelKey, other.pinned.level);
    if (otherLevel.ok && otherLevel.value.def.grade === level.def.grade) {
      problems.push({ code: 'application.duplicate', message: `本年度已提交过${level.def.grade}职称申报（${otherLevel.value.def.title}），同一层级只能向一个评委会申报` });
    }
  }

  let committee: Committee | null = null;
  if (chain && level.def.committee?.required !== false) {
    const list = await d.store.getDefinition<CommitteeList>('committees', 'committees', 'latest');
    const specialtyField = level.def.committee?.specialtyField;
    const specialty = specialtyField ? getPointer(app.form, specialtyField) : undefined;
    const all = list?.body.committees ?? [];
    committee = matchCommittee(all, { seriesKey: app.seriesKey, grade: level.def.grade, unitId: chain.unit.id, date, ...(chain.league ? { leagueId: chain.league.id } : {}), ...(typeof specialty === 'string' ? { specialty } : {}) });
    // one unit's applicants of the same series and level go to one committee (no 多头报送)
    const used = await d.store.findUnitCommittee({ campaignId: app.campaignId, seriesKey: app.seriesKey, levelKey: app.levelKey, unitId: chain.unit.id, exceptId: app.id });
    if (used && committee && used !== committee.id) {
      const previous = all.find((x) => x.id === used);
      if (previous) committee = previous;
    }
    if (!committee) problems.push({ code: 'routing.no_committee', message: `没有对“${level.def.title}”具有评审权限且在备案有效期内的评委会覆盖您的单位` });
  }

  // C5: a unit whose applications must go by one channel (entrusted review) goes by it whatever the applicant chose
  // (a recognition without a committee is no review: it keeps its own flow)
  const forcedChannel = level.def.committee?.required === false ? undefined : chain?.unit.tags?.reviewChannel;
  const channel = forcedChannel ?? app.channel;
  if (forcedChannel && !level.def.workflow.byChannel?.[forcedChannel]) {
    problems.push({ code: 'routing.channel_required', message: `${chain?.unit.name ?? '本单位'}的申报须经${CHANNEL_NAMES[forcedChannel] ?? '指定渠道'}，“${level.def.title}”尚未配置该渠道的评审流程，暂不能申报` });
  }
  const workflowKey = level.def.workflow.byChannel?.[channel ?? ''] ?? level.def.workflow.key;
  const workflow = await d.store.getDefinition('workflow', workflowKey, 'latest');
  if (!workflow) problems.push({ code: 'workflow.not_found', message: `评审流程 ${workflowKey} 尚未发布` });

  if (problems.length > 0 || !chain || !path || !workflow) {
    return fail('application.submit_refused', `申报未提交：共有 ${problems.length} 个问题，请一次性修改后再提交`, problems);
  }

  // quota last: only a submission that is otherwise complete takes a place, in every quota it draws on
  const quotas = quotasFor(campaign, app.levelKey, path.id, path.quotaExempt, chain);
  const taken: QuotaClaim[] = [];
  const releaseQuota = async () => {
    for (const q of taken.splice(0)) await d.store.adjustCounter(q.key, -1, null);
  };
  for (const quota of quotas) {
    const r = await d.store.adjustCounter(quota.key, 1, quota.limit);
    if (!r.ok) {
      await releaseQuota();
      return fail('application.submit_refused', '申报未提交：指标已满', [
        { code: 'quota.full', message: `${quota.orgName}的“${quota.name}”指标（${quota.limit} 名）已用完，不能再申报` },
      ]);
    }
    taken.push(quota);
  }

  const routing = routingOf(chain, { applicant: user.id, ...(committee ? { committee: committee.id, committeeOffice: committee.officeOrgId } : {}) });
  const variables: Variables = {
    routing,
    applicant: { id: user.id, name: user.name },
    seriesKey: app.seriesKey,
    levelKey: app.levelKey,
    grade: level.def.grade,
    pathId: path.id,
    quotaExempt: path.quotaExempt,
    // what quota.release gives back if the flow ends without a title
    quotas: quotas.map((q) => ({ key: q.key, limit: q.limit })),
    quotaReserved: quotas.length > 0,
    experts: committee?.experts ?? [],
    regionLevel: chain.regionLevel,
    directReport: chain.unit.tags?.directReport === true,
  };
  const submitted: Application = {
    ...app,
    status: 'submitted',
    submittedAt: d.clock.now(),
    pathId: path.id,
    grade: level.def.grade,
    campaignYear: campaign.year,
    orgId: chain.unit.id,
    routing,
    ...(committee ? { committeeId: committee.id } : {}),
    ...(channel ? { channel } : {}),
    pinned: { ...app.pinned, workflowKey, workflow: workflow.version },
  };
  const started = await d.runtime.start(submitted, variables);
  if (!started.ok) {
    await releaseQuota();
    return started;
  }
  const next: Application = { ...started.value.app, version: app.version + 1, updatedAt: d.clock.now() };
  const written = await d.store.updateApplication(next, app.version, [
    { at: d.clock.now(), actor: user.id, action: 'application.submit', target: { type: 'application', id: app.id }, before: { status: app.status, version: app.version }, after: { status: next.status, version: next.version, pathId: path.id, committeeId: committee?.id ?? null, workflow: `${workflowKey}@${workflow.version}` } },
    // the first tasks' holders are told in the same write
  ], await transitionNotifications(d, app, next, started.value.effects));
  if (!written.ok) {
    await releaseQuota();
    for (const u of started.value.undo.reverse()) await u();
    if (written.code === 'duplicate') {
      return fail('application.submit_refused', '申报未提交：同一层级本年度只能提交一份申报', [
        { code: 'application.duplicate', message: duplicateMessage(level.def.grade, campaign.year) },
      ]);
    }
    return fail('application.conflict', '该申报已在别处被修改，请刷新后重试');
  }
  if (path.onceOnly) {
    // D8: a 破格 path may be used once; remembered on the person, not the application
    // (and its group's name, the one use all paths of the group share)
    const fresh = await d.store.getUser(user.id);
    const had = fresh?.facts?.usedPaths ?? [];
    const spent = [path.id, ...(path.onceGroup ? [path.onceGroup] : [])].filter((x) => !had.includes(x));
    if (fresh && spent.length > 0) {
      await d.store.updateUser({ ...fresh, version: fresh.version + 1, facts: { ...(fresh.facts ?? {}), usedPaths: [...had, ...spent] } }, fresh.version, [
        { at: d.clock.now(), actor: user.id, action: 'user.path_used', target: { type: 'user', id: user.id }, after: { pathId: path.id, ...(path.onceGroup ? { group: path.onceGroup } : {}) } },
      ]);
    }
  }
  return ok(next);
}
