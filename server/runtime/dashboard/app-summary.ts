// What the dashboard keeps of one application: a few words and ids, never the form or the materials.
// Every figure is computed from these summaries, so each figure is a pure function over a list.

export interface TaskSummary {
  /** the step's name (单位审核, 补正材料…) */
  name: string;
  /** the org (or committee) whose inbox holds it, by name */
  handler: string;
  dueAt?: string;
}

export interface AppSummary {
  status: string;
  /** names of the steps the flow waits at (open tasks, 公示 timers…); empty when it waits nowhere */
  steps: string[];
  /** 盟市 (top level below the region) by name, or 区直单位 */
  league: string;
  /** 系列 by name */
  series: string;
  /** 系列 · 职称名称 */
  level: string;
  /** 评委会 by name; empty before one is matched */
  committee: string;
  /** 申报路径 by name (正常申报, 破格…); empty before submit */
  path: string;
  applicantName: string;
  openTasks: TaskSummary[];
}

/** applications that are someone's work: drafts are the applicant's alone */
export const isSubmitted = (s: Pick<AppSummary, 'status'>): boolean => s.status !== 'draft';
