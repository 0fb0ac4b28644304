// 已办 and 抄送我的 on SQLite: index rows derived from the application's doneTasks and copies, changed (only the rows that differ)
// inside the application's own write (called from SqliteStore.writeIndexes), like open_tasks.
import type Database from 'better-sqlite3';
import { statementCache } from './statement-cache.js';
import { syncRows, type RowSpec } from './sync-rows.js';
import type { Application } from '../../domain/schema-types.gen.js';
import type { CopyRow, DoneTaskRow, Page, TaskHistoryQuery } from '../task-history.js';

type Row = Record<string, unknown>;
const str = (v: unknown): string => String(v);
const opt = <K extends string>(key: K, v: unknown): Partial<Record<K, string>> => (v == null ? {} : ({ [key]: String(v) } as Record<K, string>));

const SCHEMA = `
CREATE TABLE IF NOT EXISTS done_tasks (
  app_id TEXT NOT NULL, seq INTEGER NOT NULL, task_id TEXT NOT NULL, element_id TEXT NOT NULL, name TEXT NOT NULL,
  user_id TEXT NOT NULL, decision TEXT, opinion TEXT, at TEXT NOT NULL,
  campaign_id TEXT NOT NULL, series_key TEXT NOT NULL, level_key TEXT NOT NULL, applicant_name TEXT NOT NULL, status TEXT NOT NULL,
  PRIMARY KEY (app_id, seq)
);
-- in the list's own order (ties included), so a page needs no sort; replaces done_tasks_by_user (user_id, at)
DROP INDEX IF EXISTS done_tasks_by_user;
CREATE INDEX IF NOT EXISTS done_tasks_by_user_at ON done_tasks (user_id, at DESC, app_id, seq DESC);
CREATE TABLE IF NOT EXISTS copies (
  app_id TEXT NOT NULL, id TEXT NOT NULL, user_id TEXT NOT NULL, by_user TEXT NOT NULL, task_name TEXT NOT NULL,
  at TEXT NOT NULL, note TEXT, read_at TEXT,
  campaign_id TEXT NOT NULL, series_key TEXT NOT NULL, level_key TEXT NOT NULL, applicant_name TEXT NOT NULL, status TEXT NOT NULL,
  PRIMARY KEY (app_id, id)
);
-- the same for copies; read_at rides along so the unread count reads the index alone
DROP INDEX IF EXISTS copies_by_user;
CREATE INDEX IF NOT EXISTS copies_by_user_at ON copies (user_id, at DESC, app_id, id, read_at);
`;

const COMMON = ['campaign_id', 'series_key', 'level_key', 'applicant_name', 'status'];
const DONE_ROWS: RowSpec = { table: 'done_tasks', columns: ['seq', 'task_id', 'element_id', 'name', 'user_id', 'decision', 'opinion', 'at', ...COMMON], key: ['seq'] };
const COPY_ROWS: RowSpec = { table: 'copies', columns: ['id', 'user_id', 'by_user', 'task_name', 'at', 'note', 'read_at', ...COMMON], key: ['id'] };

const summary = (r: Row) => ({
  applicationId: str(r.app_id),
  campaignId: str(r.campaign_id),
  seriesKey: str(r.series_key),
  levelKey: str(r.level_key),
  applicantName: str(r.applicant_name),
  status: str(r.status),
});

/** the filters both lists share; `alias` columns are the same in both tables */
function where(q: TaskHistoryQuery, extra: { elementColumn?: string } = {}): { sql: string; args: unknown[] } {
  const w = ['user_id = ?'];
  const args: unknown[] = [q.userId];
  if (q.campaignId !== undefined) (w.push('campaign_id = ?'), args.push(q.campaignId));
  if (q.seriesKey !== undefined) (w.push('series_key = ?'), args.push(q.seriesKey));
  if (q.levelKey !== undefined) (w.push('level_key = ?'), args.push(q.levelKey));
  if (q.elementId !== undefined && extra.elementColumn) (w.push(`${extra.elementColumn} = ?`), args.push(q.elementId));
  if (q.applicantName) (w.push("instr(applicant_name, ?) > 0"), args.push(q.applicantName));
  if (q.unreadOnly) w.push('read_at IS NULL');
  return { sql: `WHERE ${w.join(' AND ')}`, args };
}

/** the count and page SQL of 已办 or 抄送 (page takes LIMIT and OFFSET after args); each walks its by-user index in order */
export function historySql(list: 'done' | 'copies', q: TaskHistoryQuery): { count: string; page: string; args: unknown[] } {
  const w = list === 'done' ? where(q, { elementColumn: 'element_id' }) : where(q);
  const [table, order] = list === 'done' ? ['done_tasks', 'at DESC, app_id, seq DESC'] : ['copies', 'at DESC, app_id, id'];
  return { count: `SELECT COUNT(*) n FROM ${table} ${w.sql}`, page: `SELECT * FROM ${table} ${w.sql} ORDER BY ${order} LIMIT ? OFFSET ?`, args: w.args };
}

export class SqliteTaskHistory {
  private readonly q: (sql: string) => Database.Statement;
  constructor(private readonly db: Database.Database) {
    db.exec(SCHEMA);
    this.q = statementCache(db);
  }

  /** inside the caller's transaction: the rows of one application made equal to its document, changing only the
   * rows that differ (sync-rows.ts); `fresh`: a new application, nothing stored yet */
  writeTx(app: Application, fresh = false): void {
    const common = [app.campaignId, app.seriesKey, app.levelKey, app.applicantName, app.status] as const;
    const done = (app.doneTasks ?? []).map((t, i) => [i, t.taskId, t.elementId, t.name, t.userId, t.decision ?? null, t.opinion ?? null, t.at, ...common]);
    syncRows(this.db, DONE_ROWS, app.id, done, fresh);
    const copies = (app.copies ?? []).map((c) => [c.id, c.userId, c.by, c.taskName, c.at, c.note ?? null, c.readAt ?? null, ...common]);
    syncRows(this.db, COPY_ROWS, app.id, copies, fresh);
  }

  queryDoneTasks(q: TaskHistoryQuery): Page<DoneTaskRow> {
    const sql = historySql('done', q);
    const total = Number((this.q(sql.count).get(...sql.args) as Row).n);
    const rows = this.q(sql.page).all(...sql.args, q.limit ?? 50, q.offset ?? 0) as Row[];
    return {
      total,
      items: rows.map((r) => ({
        ...summary(r),
        taskId: str(r.task_id),
        elementId: str(r.element_id),
        name: str(r.name),
        ...opt('decision', r.decision),
        ...opt('opinion', r.opinion),
        at: str(r.at),
      })),
    };
  }

  queryCopies(q: TaskHistoryQuery): Page<CopyRow> {
    const sql = historySql('copies', q);
    const total = Number((this.q(sql.count).get(...sql.args) as Row).n);
    const rows = this.q(sql.page).all(...sql.args, q.limit ?? 50, q.offset ?? 0) as Row[];
    return {
      total,
      items: rows.map((r) => ({
        ...summary(r),
        id: str(r.id),
        taskName: str(r.task_name),
        by: str(r.by_user),
        at: str(r.at),
        ...opt('note', r.note),
        ...opt('readAt', r.read_at),
      })),
    };
  }
}
