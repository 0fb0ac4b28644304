// A new level definition for a series: empty, or a copy of an existing level (form, rules, materials, flow,
// committee, templates, decisions …) with its series, level key, title and grade rewritten.
import type { Grade } from '../series/series-model.js';

export type LevelBody = Record<string, unknown> & { seriesKey: string; levelKey: string; title: string; grade: Grade };

export function freshLevel(seriesKey: string, levelKey: string, title: string, grade: Grade): LevelBody {
  return {
    seriesKey,
    levelKey,
    title,
    grade,
    form: { $schema: 'http://json-schema.org/draft-07/schema#', type: 'object', title: `${title}申报表`, required: ['name'], properties: { name: { type: 'string', title: '姓名' } } },
    uiSchema: {},
    rules: { blocks: [], paths: [{ id: 'regular', name: '正常申报', conditions: [] }] },
    materials: [],
    workflow: { key: 'unit-review' },
  };
}

export function copyLevel(source: Record<string, unknown>, seriesKey: string, levelKey: string, title: string, grade: Grade): LevelBody {
  // a deep copy: the source's nested objects must not be shared with the new draft
  const copy = structuredClone(source);
  return { ...copy, seriesKey, levelKey, title, grade };
}

const GRADE_KEYS: Record<Grade, string> = { 正高级: 'zhenggao', 副高级: 'fugao', 中级: 'zhongji', 助理级: 'zhuli', 员级: 'yuanji' };

/** the level key a grade suggests (as the seeds name them: fugao, zhongji …) */
export const levelKeyForGrade = (grade: Grade): string => GRADE_KEYS[grade];
