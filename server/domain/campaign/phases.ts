// Campaign phases by calendar date in China (B1): the runtime refuses out-of-phase actions.
import type { Campaign } from '../schema-types.gen.js';

export type PhaseState = 'before' | 'open' | 'closed' | 'undefined';

export function phaseState(campaign: Campaign, phaseId: string, date: string): PhaseState {
  const phase = campaign.phases.find((p) => p.id === phaseId);
  if (!phase) return 'undefined';
  if (date < phase.opens) return 'before';
  if (date > phase.closes) return 'closed';
  return 'open';
}

export function phaseMessage(campaign: Campaign, phaseId: string, state: PhaseState): string {
  const phase = campaign.phases.find((p) => p.id === phaseId);
  if (!phase) return `${campaign.name}未设置“${phaseId}”阶段`;
  if (state === 'before') return `${campaign.name}的${phase.name}阶段尚未开始（${phase.opens} 开始）`;
  return `${campaign.name}的${phase.name}阶段已于 ${phase.closes} 结束，不能再提交或补充材料`;
}
