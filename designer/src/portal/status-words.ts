// 我的申报: where an application stands and what comes next, in plain words, and the actions that fit.
import type { ApplicationSummary } from '../../../server/domain/applications/summary.js';
import type { ApplicantExtras } from '../../../server/http/application-views.js';
import { label, STATUS_LABELS } from '../common/labels.js';
import { correctionText } from './correction-words.js';

/** a row of GET /api/applications: the summary, with the owner's extras (correction deadline, stage) */
export type MyApplication = Pick<ApplicationSummary, 'id' | 'status' | 'campaignId' | 'seriesKey' | 'levelKey' | 'createdAt'> &
  ApplicantExtras & { openTasks?: { name: string; role: string }[] };

export interface StatusWords {
  /** e.g. 审核中, 已退回补正 */
  state: string;
  /** e.g. 当前环节：单位审核；请在 5月27日（含）前补正，还剩 5 个工作日 */
  next: string;
  tone: 'default' | 'processing' | 'warning' | 'success' | 'error';
}

export function statusWords(a: MyApplication): StatusWords {
  const status = a.status ?? 'draft';
  const current = (a.openTasks ?? []).filter((t) => t.role !== 'applicant').map((t) => t.name);
  switch (status) {
    case 'draft':
      return { state: '草稿', next: '下一步：填写申报表、上传材料、签署诚信承诺后提交', tone: 'default' };
    case 'returned':
      return { state: '已退回补正', next: a.correction ? correctionText(a.correction) : '请按一次性告知补正后重新提交', tone: 'warning' };
    case 'submitted':
      if (a.stage) return { state: '审核中', next: `正在${a.stage.current}；下一步：${a.stage.next ?? '办结'}`, tone: 'processing' };
      return { state: '审核中', next: current.length ? `当前环节：${[...new Set(current)].join('、')}` : '等待下一环节办理', tone: 'processing' };
    case 'passed':
      return { state: '评审通过', next: '下一步：核准备案后发证', tone: 'success' };
    case 'certified':
      return { state: '已发证', next: '可在“文书”中查看证书', tone: 'success' };
    default:
      return { state: label(STATUS_LABELS, status), next: '', tone: status === 'withdrawn' ? 'default' : 'error' };
  }
}

export interface Action {
  label: string;
  href: string;
  primary?: boolean;
}

/** the actions that fit the status: 继续填写 a draft, 去补正 a return, 查看进度 once submitted */
export function actionsFor(a: MyApplication): Action[] {
  const status = a.status ?? 'draft';
  if (status === 'draft') return [{ label: '继续填写', href: `/apply/${a.id}?step=form`, primary: true }];
  const progress = { label: '查看进度', href: `/apply/${a.id}?step=progress` };
  if (status === 'returned') return [{ label: '去补正', href: `/apply/${a.id}?step=form`, primary: true }, progress];
  return [progress];
}
