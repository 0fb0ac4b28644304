// A level names its series, its review flows, the documents it offers and (unless it is 考核认定)
// needs a committee that may review its series at its grade: each must be published already. And a
// campaign's quota may exempt paths of the level: a new version must keep them. The policy modules
// (政策规则模块) its rules use must be published, and the rules they expand to must compile against
// its form; a module's new version must keep what the published levels use of it.
import type { Campaign, CommitteeList, LevelDefinition, PolicyModule, Series } from '../../schema-types.gen.js';
import type { Problem } from '../../result.js';
import { gradeRank } from '../../routing/match-committee.js';
import { compileRules } from '../../rules/compile-rules.js';
import { expandRulesLenient, locateProblem, moduleUses, type ModuleVersion, type PolicyModuleBody, type RulesWithModules } from '../../rules/rule-modules.js';
import { at, isProblem, resolve, type RefSource } from './source.js';

/**
 * The documents every application offers (评审表, 送审表, 一次性告知书, 公示, 电子证书), rendered by these names
 * in runtime/applications/documents.ts: from the level's own template, else from a shared template.
 */
export const APPLICATION_DOCUMENTS = ['pingshenbiao', 'songshenbiao', 'gaozhishu', 'gongshi', 'certificate'] as const;

type Committee = CommitteeList['committees'][number];

export const covers = (c: Committee, level: Pick<LevelDefinition, 'seriesKey' | 'grade'>): boolean =>
  c.seriesKey === level.seriesKey && gradeRank(c.highestGrade) >= gradeRank(level.grade);

export const needsCommittee = (level: Pick<LevelDefinition, 'committee'>): boolean => level.committee?.required !== false;

async function seriesProblems(key: string, level: LevelDefinition, refs: RefSource): Promise<Problem[]> {
  const series = await resolve(refs, 'series', level.seriesKey, '/seriesKey');
  if (isProblem(series)) return [series];
  const s = series.body as Series;
  const entry = s.levels.find((l) => l.levelKey === level.levelKey);
  if (!entry) {
    return [{ code: 'xref.level_not_in_series', message: `系列「${s.name}」中没有层级「${level.levelKey}」：请先在系列中加入该层级并发布`, pointer: '/levelKey' }];
  }
  const out: Problem[] = [];
  if (entry.grade !== level.grade) {
    out.push({ code: 'xref.series_mismatch', message: `系列「${s.name}」中层级「${level.levelKey}」的级别是${entry.grade}，本定义是${level.grade}`, pointer: '/grade' });
  }
  if (entry.definition !== undefined && entry.definition !== key) {
    out.push({ code: 'xref.series_mismatch', message: `系列「${s.name}」中层级「${level.levelKey}」指向层级定义「${entry.definition}」，不是「${key}」`, pointer: '/levelKey' });
  }
  return out;
}

async function workflowProblems(level: LevelDefinition, refs: RefSource): Promise<Problem[]> {
  const wanted: [string, string][] = [[level.workflow.key, '/workflow/key'], ...Object.entries(level.workflow.byChannel ?? {}).map(([ch, k]): [string, string] => [k, at('workflow', 'byChannel', ch)])];
  const out: Problem[] = [];
  for (const [k, pointer] of wanted) {
    const r = await resolve(refs, 'workflow', k, pointer);
    if (isProblem(r)) out.push(r);
  }
  return out;
}

async function templateProblems(level: LevelDefinition, refs: RefSource): Promise<Problem[]> {
  const out: Problem[] = [];
  for (const name of APPLICATION_DOCUMENTS) {
    if (level.templates?.[name] !== undefined) continue;
    const shared = await refs.definition('template', name);
    if (shared.state === 'published') continue;
    out.push(
      shared.state === 'draft'
        ? { code: 'xref.unpublished', message: `共用文书模板「${name}」只有草稿，尚未发布：请先发布它，或在本层级中提供此模板`, pointer: at('templates', name) }
        : { code: 'xref.unknown_template', message: `缺少文书「${name}」：本层级没有此模板，也没有已发布的同名共用模板`, pointer: at('templates', name) },
    );
  }
  return out;
}

async function committeeProblems(level: LevelDefinition, refs: RefSource): Promise<Problem[]> {
  if (!needsCommittee(level)) return [];
  const list = await refs.definition('committees', 'committees');
  if (list.state === 'draft') return [{ code: 'xref.unpublished', message: '评委会名单只有草稿，尚未发布：请先发布评委会名单', pointer: '/committee' }];
  const committees = list.state === 'published' ? (list.body as CommitteeList).committees : [];
  if (committees.some((c) => covers(c, level))) return [];
  return [{ code: 'xref.no_committee', message: `没有评委会可以评审「${level.seriesKey}」系列的${level.grade}：请先发布具有该评审权限的评委会，或将本层级设为无需评委会（考核认定）`, pointer: '/committee' }];
}

/** the other side of campaign → levels: a quota's exempt paths must survive a new version of one of its levels */
async function campaignProblems(key: string, level: LevelDefinition, refs: RefSource): Promise<Problem[]> {
  const out: Problem[] = [];
  const campaigns = (await refs.published('campaign')).map((c) => c.body as Campaign);
  const levels = new Map((await refs.published('level')).map((l) => [l.key, l.body as LevelDefinition]));
  levels.set(key, level);
  for (const c of campaigns) {
    for (const q of c.quotas ?? []) {
      if (!q.levels?.includes(key)) continue;
      const paths = new Set<string>();
      for (const k of q.levels) for (const id of await levelPathIds(levels.get(k), refs)) paths.add(id);
      for (const id of q.exemptPaths ?? []) {
        if (!paths.has(id)) out.push({ code: 'xref.path_in_use', message: `${c.name}的指标「${q.name}」把申报路径「${id}」列为不占指标，本层级不能删去它`, pointer: '/rules/paths' });
      }
    }
  }
  return out;
}

/** the modules a level's rules use, as published now (what publishing would pin), and a problem per missing one */
async function modulesOf(rules: RulesWithModules, refs: RefSource): Promise<{ lookup: (key: string) => ModuleVersion | undefined; problems: Problem[] }> {
  const found = new Map<string, ModuleVersion>();
  const problems: Problem[] = [];
  for (const u of moduleUses(rules)) {
    if (found.has(u.key)) continue;
    const s = await refs.definition('policy', u.key);
    if (s.state === 'published') {
      found.set(u.key, { key: u.key, version: s.version ?? 0, body: s.body as PolicyModuleBody });
      continue;
    }
    if (problems.some((p) => p.message.includes(`「${u.key}」`))) continue;
    problems.push(
      s.state === 'draft'
        ? { code: 'xref.unpublished', message: `政策规则模块「${u.key}」只有草稿，尚未发布：请先发布它，再发布本层级`, pointer: `${u.pointer}/use` }
        : { code: 'xref.unknown_policy', message: `政策规则模块「${u.key}」不存在`, pointer: `${u.pointer}/use` },
    );
  }
  return { lookup: (key) => found.get(key), problems };
}

/** the ids of a level's paths, its modules' paths included (as published now) */
export async function levelPathIds(level: Pick<LevelDefinition, 'rules'> | undefined, refs: RefSource): Promise<string[]> {
  if (!level) return [];
  const { lookup } = await modulesOf(level.rules, refs);
  return expandRulesLenient(level.rules, lookup).rules.paths.map((p) => p.id);
}

/** every module used must be published; the rules they expand to must compile against the level's form */
async function moduleProblems(level: LevelDefinition, refs: RefSource): Promise<Problem[]> {
  if (moduleUses(level.rules).length === 0) return [];
  const { lookup, problems } = await modulesOf(level.rules, refs);
  const expanded = expandRulesLenient(level.rules, lookup);
  const reported = new Set(problems.map((p) => p.pointer));
  for (const p of expanded.problems) if (!reported.has(p.pointer)) problems.push(p);
  const compiled = compileRules(expanded.rules, { pointerPrefix: '/rules', form: level.form });
  if (!compiled.ok) for (const p of compiled.error.details) problems.push(locateProblem(p, expanded));
  return problems;
}

/** a new version of a module must keep what the published levels take from it (they would break when republished) */
export async function policyRefs(key: string, module: PolicyModule, refs: RefSource): Promise<Problem[]> {
  const out: Problem[] = [];
  for (const l of await refs.published('level')) {
    const body = l.body as LevelDefinition;
    const title = body.title ?? l.key;
    for (const u of moduleUses(body.rules).filter((x) => x.key === key)) {
      if (u.place === 'blocks' && !module.blocks?.length) {
        out.push({ code: 'xref.policy_in_use', message: `层级「${title}」把本模块作为不得申报情形引用：新版本不能没有不得申报情形`, pointer: '/blocks' });
      } else if (u.place === 'paths' && !module.paths?.length) {
        out.push({ code: 'xref.policy_in_use', message: `层级「${title}」把本模块作为申报路径引用：新版本不能没有申报路径`, pointer: '/paths' });
      } else if (u.place === 'condition' && !module.conditions?.some((c) => c.id === u.condition)) {
        out.push({ code: 'xref.policy_in_use', message: `层级「${title}」引用了本模块的条件「${u.condition}」：新版本不能删去它`, pointer: '/conditions' });
      }
    }
  }
  return out;
}

export async function levelRefs(key: string, level: LevelDefinition, refs: RefSource): Promise<Problem[]> {
  return [
    ...(await moduleProblems(level, refs)),
    ...(await seriesProblems(key, level, refs)),
    ...(await workflowProblems(level, refs)),
    ...(await templateProblems(level, refs)),
    ...(await committeeProblems(level, refs)),
    ...(await campaignProblems(key, level, refs)),
  ];
}
