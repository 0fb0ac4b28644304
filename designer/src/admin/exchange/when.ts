// The 时间 column: what the time of a row means depends on its state.
import { beijingTime } from '../../common/beijing-time.js';
import type { ExchangeRow } from './types.js';

export function whenText(r: ExchangeRow): string {
  if (r.state === 'sent') return `推送于 ${beijingTime(r.sentAt ?? r.updatedAt)}`;
  if (r.state === 'dead') return `失败于 ${beijingTime(r.updatedAt)}`;
  return `下次推送 ${beijingTime(r.nextAttemptAt)}`;
}
