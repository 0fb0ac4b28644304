// A campaign problem's place in words for the problem list: 「阶段「核准备案」› 结束日期」 instead of /phases/3/closes.
import { CUTOFFS, type CampaignBody } from './campaign-model.js';

const FIELDS: Record<string, string> = { name: '名称', year: '年度', key: '标识', id: '阶段', opens: '开始日期', closes: '结束日期', limit: '总数', levels: '适用层级', exemptPaths: '不占指标的申报路径', allocations: '分配', per: '分配方式', orgId: '机构' };

export function describeCampaignPointer(body: CampaignBody, pointer: string | undefined): string | undefined {
  if (pointer === undefined) return undefined;
  const [, list, index, field, ...rest] = pointer.split('/');
  const i = Number(index);
  if (list === 'phases' && index !== undefined) {
    const name = Array.isArray(body.phases) ? body.phases[i]?.name : undefined;
    return `阶段「${name ?? i + 1}」${field ? ` › ${FIELDS[field] ?? field}` : ''}`;
  }
  if (list === 'quotas' && index !== undefined) {
    const name = Array.isArray(body.quotas) ? body.quotas[i]?.name : undefined;
    const more = field === 'allocations' && rest[0] !== undefined ? ` 第 ${Number(rest[0]) + 1} 行` : field === 'levels' || field === 'exemptPaths' ? (rest[0] !== undefined ? ` 第 ${Number(rest[0]) + 1} 项` : '') : '';
    return `指标「${name ?? i + 1}」${field ? ` › ${FIELDS[field] ?? field}${more}` : ''}`;
  }
  if (list === 'cutoffs') return CUTOFFS.find((c) => c.field === index)?.label ?? '截止日期';
  if (list === 'levels') return index !== undefined ? `开放的层级 第 ${i + 1} 项` : '开放的层级';
  return list ? (FIELDS[list] ?? pointer) : '（整体）';
}
