// A problem's place in words for the problem list: 「层级 2（馆员）› 层级定义」 instead of /levels/1/definition.
import type { SeriesBody } from './series-model.js';

const FIELDS: Record<string, string> = { name: '名称', key: '标识', title: '职称名称', grade: '级别', levelKey: '层级标识', definition: '层级定义', code: '系列代码', examOnlyBelow: '以考代评' };

export function describeSeriesPointer(body: SeriesBody, pointer: string | undefined): string | undefined {
  if (pointer === undefined) return undefined;
  const [, list, index, field] = pointer.split('/');
  if (list === 'levels' && index !== undefined) {
    const l = Array.isArray(body.levels) ? body.levels[Number(index)] : undefined;
    return `层级 ${Number(index) + 1}${l?.title ? `（${l.title}）` : ''}${field ? ` › ${FIELDS[field] ?? field}` : ''}`;
  }
  if (list === 'specialties' && index !== undefined) {
    const s = Array.isArray(body.specialties) ? body.specialties[Number(index)] : undefined;
    return `专业 ${Number(index) + 1}${s?.name ? `（${s.name}）` : ''}${field ? ` › ${FIELDS[field] ?? field}` : ''}`;
  }
  if (list === 'levels') return '层级';
  return list ? (FIELDS[list] ?? pointer) : '（整体）';
}
