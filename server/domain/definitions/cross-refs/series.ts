// A series lists its levels; a published level names its series. Publishing the series keeps both
// sides in step: a listed level that is already published must agree (series, level key, grade),
// and no published level of this series may be dropped from the list.
// A listed level that is only a draft is allowed: a new series is published before its levels (whose
// own publish then checks the link), otherwise neither side could ever be published first. A listed
// level definition that does not exist at all is an error: nothing could ever be published under it.
import type { LevelDefinition, Series } from '../../schema-types.gen.js';
import type { Problem } from '../../result.js';
import { at, type RefSource } from './source.js';

export async function seriesRefs(key: string, series: Series, refs: RefSource): Promise<Problem[]> {
  const out: Problem[] = [];
  for (const [i, entry] of series.levels.entries()) {
    if (entry.definition === undefined) continue;
    const s = await refs.definition('level', entry.definition);
    if (s.state === 'missing') {
      out.push({ code: 'xref.unknown_level', message: `层级「${entry.title}」指向的层级定义「${entry.definition}」不存在：请先创建它，或改选已有的层级定义`, pointer: at('levels', i, 'definition') });
      continue;
    }
    if (s.state !== 'published') continue;
    const level = s.body as LevelDefinition;
    if (level.seriesKey !== key || level.levelKey !== entry.levelKey) {
      out.push({
        code: 'xref.level_mismatch',
        message: `层级定义「${entry.definition}」属于系列「${level.seriesKey}」的层级「${level.levelKey}」，不是本系列的「${entry.levelKey}」`,
        pointer: at('levels', i, 'definition'),
      });
    } else if (level.grade !== entry.grade) {
      out.push({ code: 'xref.level_mismatch', message: `层级定义「${entry.definition}」的级别是${level.grade}，此处是${entry.grade}`, pointer: at('levels', i, 'grade') });
    }
  }
  for (const { key: levelKey, body } of await refs.published('level')) {
    const level = body as LevelDefinition;
    if (level.seriesKey !== key || series.levels.some((l) => l.levelKey === level.levelKey)) continue;
    out.push({ code: 'xref.level_dropped', message: `已发布的层级定义「${levelKey}」（${level.title}）属于本系列，不能从层级列表中删去`, pointer: '/levels' });
  }
  return out;
}
