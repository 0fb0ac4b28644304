// A level names its series, its review flows, the documents it offers and (unless it is 考核认定)
// needs a committee that may review its series at its grade: each must be published already. And a
// campaign's quota may exempt paths of the level: a new version must keep them.
import type { Campaign, CommitteeList, LevelDefinition, Series } from '../../schema-types.gen.js';
import type { Problem } from '../../result.js';
import { gradeRank } from '../../routing/match-committee.js';
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
      const paths = new Set(q.levels.flatMap((k) => levels.get(k)?.rules.paths.map((p) => p.id) ?? []));
      for (const id of q.exemptPaths ?? []) {
        if (!paths.has(id)) out.push({ code: 'xref.path_in_use', message: `${c.name}的指标「${q.name}」把申报路径「${id}」列为不占指标，本层级不能删去它`, pointer: '/rules/paths' });
      }
    }
  }
  return out;
}

export async function levelRefs(key: string, level: LevelDefinition, refs: RefSource): Promise<Problem[]> {
  return [
    ...(await seriesProblems(key, level, refs)),
    ...(await workflowProblems(level, refs)),
    ...(await templateProblems(level, refs)),
    ...(await committeeProblems(level, refs)),
    ...(await campaignProblems(key, level, refs)),
  ];
}
