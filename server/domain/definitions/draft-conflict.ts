// Two administrators editing the same definition: an edit made from an older draft than the stored one is refused,
// saying who saved the newer one and when (Beijing time), so nobody overwrites a colleague's work unknowingly.
import type { Problem } from '../result.js';

const BEIJING = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** e.g. 2022-06-01 10:00 */
export const beijingTime = (iso: string): string => BEIJING.format(new Date(iso));

export interface NewerEdit {
  /** 'draft': a newer draft is stored; a number: a newer version was published */
  what: 'draft' | number;
  byName: string;
  /** the editor asking is the one who saved it (another tab or window) */
  bySelf: boolean;
  at: string;
}

export interface DraftConflict {
  message: string;
  details: Problem[];
}

/** the refusal of a save (`publishing` false) or of a publish made from a draft that changed since it was saved */
export function draftConflict(newer: NewerEdit, publishing: boolean): DraftConflict {
  const who = newer.bySelf ? '您（在另一窗口）' : `「${newer.byName}」`;
  const when = `${beijingTime(newer.at)}（北京时间）`;
  const did = newer.what === 'draft' ? '保存了更新的草稿' : `发布了第 ${newer.what} 版`;
  const message = publishing
    ? `${who}已于 ${when}${did}，与您保存的内容不同，未发布：请先载入对方的草稿并确认后再发布`
    : `${who}已于 ${when}${did}，您的修改基于较早的内容，未保存：请先载入对方的草稿，再把您的修改合并进去`;
  return { message, details: [{ code: 'definition.draft_conflict', message: `${newer.what === 'draft' ? '保存' : '发布'}者：${newer.bySelf ? '您自己' : newer.byName}；时间：${when}` }] };
}
