// 待办 on SQLite: one indexed arm per (role, org) assignment of the caller, joined by UNION ALL. Each arm walks
// open_tasks_inbox (or open_tasks_inbox_due) in the list's own order, so SQLite merges the arms (MERGE UNION ALL)
// and stops at the page instead of scanning every open task; the count sums one covering-index count per arm.
import type Database from 'better-sqlite3';
import type { OpenTaskRow, TaskQuery } from '../port.js';
import { statementCache } from './statement-cache.js';

type Row = Record<string, unknown>;
const str = (v: unknown): string => String(v);

// the two sorts as result columns (a compound SELECT orders by its result columns); the indexes follow them
const ORDER = {
  arrived: 'created_at, app_id, task_id',
  due: 'no_due, due_at, created_at, app_id, task_id',
} as const;

/** the filters every arm shares, after its (role, org_id) */
function filtersOf(q: TaskQuery): { sql: string; args: unknown[] } {
  const where = ['(assignee IS NULL OR assignee = ?)'];
  const args: unknown[] = [q.userId];
  if (q.campaignId !== undefined) (where.push('campaign_id = ?'), args.push(q.campaignId));
  if (q.seriesKey !== undefined) (where.push('series_key = ?'), args.push(q.seriesKey));
  if (q.levelKey !== undefined) (where.push('level_key = ?'), args.push(q.levelKey));
  if (q.elementId !== undefined) (where.push('element_id = ?'), args.push(q.elementId));
  if (q.applicantName) (where.push('instr(applicant_name, ?) > 0'), args.push(q.applicantName));
  if (q.overdueAt !== undefined) (where.push('due_at IS NOT NULL AND due_at < ?'), args.push(q.overdueAt));
  return { sql: where.join(' AND '), args };
}

/** each (role, org) once: the arms must not overlap, or a task would be listed twice */
function distinct(assignments: TaskQuery['assignments']): TaskQuery['assignments'] {
  const seen = new Map<string, { role: string; orgId: string }>();
  for (const a of assignments) seen.set(`${a.role}\u0000${a.orgId}`, a);
  return [...seen.values()];
}

function toRow(r: Row): OpenTaskRow {
  return {
    applicationId: str(r.app_id),
    taskId: str(r.task_id),
    elementId: str(r.element_id),
    name: str(r.name),
    role: str(r.role),
    orgId: str(r.org_id),
    createdAt: str(r.created_at),
    ...(r.due_at != null ? { dueAt: str(r.due_at) } : {}),
    ...(r.assignee != null ? { assignee: str(r.assignee) } : {}),
    campaignId: str(r.campaign_id),
    seriesKey: str(r.series_key),
    levelKey: str(r.level_key),
    applicantName: str(r.applicant_name),
  };
}

/** the SQL of one inbox page and its count, with their arguments (exported for the plan test) */
export function inboxSql(q: TaskQuery): { count: string; page: string; countArgs: unknown[]; pageArgs: unknown[] } | null {
  const mine = distinct(q.assignments);
  if (mine.length === 0) return null;
  const f = filtersOf(q);
  const armArgs = mine.flatMap((a) => [a.role, a.orgId, ...f.args]);
  const where = `WHERE role = ? AND org_id = ? AND ${f.sql}`;
  const arm = `SELECT *, due_at IS NULL AS no_due FROM open_tasks ${where}`;
  return {
    count: `SELECT ${mine.map(() => `(SELECT COUNT(*) FROM open_tasks ${where})`).join(' + ')} AS n`,
    page: `${mine.map(() => arm).join(' UNION ALL ')} ORDER BY ${ORDER[q.sort ?? 'arrived']} LIMIT ? OFFSET ?`,
    countArgs: armArgs,
    pageArgs: [...armArgs, q.limit ?? 50, q.offset ?? 0],
  };
}

export class SqliteInbox {
  private readonly q: (sql: string) => Database.Statement;

  constructor(db: Database.Database) {
    this.q = statementCache(db);
  }

  query(q: TaskQuery): { total: number; items: OpenTaskRow[] } {
    const sql = inboxSql(q);
    if (!sql) return { total: 0, items: [] };
    const total = Number((this.q(sql.count).get(...sql.countArgs) as Row).n);
    const rows = this.q(sql.page).all(...sql.pageArgs) as Row[];
    return { total, items: rows.map(toRow) };
  }
}
