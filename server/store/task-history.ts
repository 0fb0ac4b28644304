// 已办 and 抄送我的: the rows both adapters return for one person's history, derived from the application's
// doneTasks and copies arrays in the same write (SQLite index rows, MongoDB multikey indexes). Summary rows
// only, never whole documents: a list of hundreds stays small.
export interface TaskHistoryQuery {
  /** whose history: the person who completed the task, or to whom it was copied */
  userId: string;
  campaignId?: string;
  seriesKey?: string;
  levelKey?: string;
  /** the step (flow element) */
  elementId?: string;
  /** part of the applicant's name */
  applicantName?: string;
  /** copies only: those not yet read */
  unreadOnly?: boolean;
  offset?: number;
  limit?: number;
}

interface SummaryColumns {
  applicationId: string;
  campaignId: string;
  seriesKey: string;
  levelKey: string;
  applicantName: string;
  /** the application's status now */
  status: string;
}

/** one completed task, newest first */
export interface DoneTaskRow extends SummaryColumns {
  taskId: string;
  elementId: string;
  /** the step's name */
  name: string;
  decision?: string;
  opinion?: string;
  at: string;
}

/** one copy for information, newest first */
export interface CopyRow extends SummaryColumns {
  id: string;
  taskName: string;
  /** who copied it */
  by: string;
  at: string;
  note?: string;
  readAt?: string;
}

export interface Page<T> {
  total: number;
  items: T[];
}
