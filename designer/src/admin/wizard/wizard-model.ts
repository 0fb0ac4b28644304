// What the new-series wizard collects, and the drafts it turns into: the series and one level definition per level,
// each empty or a copy of an existing level. Nothing is published here.
import { api } from '../../api.js';
import type { DefinitionDetail } from '../../types/api.js';
import { levelDefinitionKey, type Grade, type SeriesBody } from '../series/series-model.js';
import { keyFromName, keyProblem, uniqueKey } from './derive-key.js';
import { copyLevel, freshLevel, levelKeyForGrade } from './level-copy.js';

export interface WizardLevel {
  title: string;
  grade: Grade;
  levelKey: string;
  /** the key was typed by hand: it no longer follows the title and grade */
  keyTouched?: boolean;
  /** the level definition copied, or none for an empty level */
  copyFrom?: string;
}

export interface WizardState {
  name: string;
  key: string;
  keyTouched?: boolean;
  start: 'empty' | 'copy';
  copySeries?: string;
  /** carried over from the copied series */
  specialties: { key: string; name: string }[];
  code?: string;
  examOnlyBelow?: string;
  levels: WizardLevel[];
}

export const emptyWizard = (): WizardState => ({ name: '', key: '', start: 'empty', specialties: [], levels: [] });

/** a level's key as the seeds name them (by grade: fugao, zhongji …), else from the title, unique in the series */
export function suggestLevelKey(l: Pick<WizardLevel, 'title' | 'grade'>, others: string[]): string {
  const byGrade = levelKeyForGrade(l.grade);
  if (!others.includes(byGrade)) return byGrade;
  return uniqueKey(keyFromName(l.title, byGrade), others);
}

/** the problems that stop the wizard at each step, in Chinese, by field */
export function seriesStepProblems(s: WizardState, existingSeries: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  if (!s.name.trim()) out.name = '请填写系列名称';
  const k = keyProblem(s.key, existingSeries);
  if (k) out.key = k.replace('已被使用', '已被其他系列使用');
  if (s.start === 'copy' && !s.copySeries) out.copySeries = '请选择要复制的系列';
  return out;
}

export function levelStepProblems(s: WizardState, existingLevels: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  if (s.levels.length === 0) out.levels = '至少需要一个层级';
  s.levels.forEach((l, i) => {
    if (!l.title.trim()) out[`${i}.title`] = '请填写职称名称';
    const others = s.levels.filter((_, j) => j !== i).map((x) => x.levelKey);
    const k = keyProblem(l.levelKey, others) ?? (existingLevels.includes(levelDefinitionKey(s.key, l.levelKey)) ? `层级定义「${levelDefinitionKey(s.key, l.levelKey)}」已存在` : null);
    if (k) out[`${i}.levelKey`] = k;
  });
  return out;
}

const bodyOf = async <B>(kind: string, key: string): Promise<B> => {
  const d = await api.get<DefinitionDetail<B>>(`/api/definitions/${kind}/${encodeURIComponent(key)}`);
  const b = d.draft?.body ?? d.latest?.body;
  if (b === undefined || b === null) throw new Error(`${key} 没有内容`);
  return b;
};

export const loadSeries = (key: string) => bodyOf<SeriesBody>('series', key);

/** saves every level and then the series as drafts; answers the series key */
export async function createDrafts(s: WizardState, progress: (text: string) => void): Promise<string> {
  const levels: SeriesBody['levels'] = [];
  for (const l of s.levels) {
    const key = levelDefinitionKey(s.key, l.levelKey);
    progress(`正在保存层级「${l.title}」的草稿…`);
    const body = l.copyFrom ? copyLevel(await bodyOf<Record<string, unknown>>('level', l.copyFrom), s.key, l.levelKey, l.title, l.grade) : freshLevel(s.key, l.levelKey, l.title, l.grade);
    await api.put(`/api/definitions/level/${encodeURIComponent(key)}/draft`, { body });
    levels.push({ levelKey: l.levelKey, grade: l.grade, title: l.title, definition: key });
  }
  progress(`正在保存系列「${s.name}」的草稿…`);
  const series: SeriesBody = {
    key: s.key,
    name: s.name.trim(),
    ...(s.code ? { code: s.code } : {}),
    ...(s.examOnlyBelow ? { examOnlyBelow: s.examOnlyBelow } : {}),
    specialties: s.specialties,
    levels,
  };
  await api.put(`/api/definitions/series/${encodeURIComponent(s.key)}/draft`, { body: series });
  return s.key;
}
