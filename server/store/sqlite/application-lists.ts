// Application lists on the embedded store: the filters of ApplicationQuery as SQL over indexed columns, pages
// by offset or by keyset (`after`), and summaries (the `summary` column) instead of whole documents.
import type Database from 'better-sqlite3';
import type { ApplicationSummary } from '../../domain/applications/summary.js';
import type { ApplicationQuery, SummaryPage, UnitCommitteeQuery } from '../port.js';
import { statementCache } from './statement-cache.js';
import { decodeCursor, encodeCursor } from '../list-cursor.js';

type Row = Record<string, unknown>;

export interface Where {
  sql: string;
  args: unknown[];
}

/** the WHERE clause of a query (without paging), shared by documents and summaries */
export function whereOf(q: ApplicationQuery): Where {
  const where: string[] = [];
  const args: unknown[] = [];
  if (q.applicantId !== undefined) (where.push('applicant_id = ?'), args.push(q.applicantId));
  if (q.campaignId !== undefined) (where.push('campaign_id = ?'), args.push(q.campaignId));
  if (q.seriesKey !== undefined) (where.push('series_key = ?'), args.push(q.seriesKey));
  if (q.levelKey !== undefined) (where.push('level_key = ?'), args.push(q.levelKey));
  if (q.status !== undefined) (where.push('status = ?'), args.push(q.status));
  if (q.statusIn !== undefined) (where.push('status IN (SELECT value FROM json_each(?))'), args.push(JSON.stringify(q.statusIn)));
  if (q.hasIncidents) where.push('incidents > 0');
  if (q.certificateNumber !== undefined) (where.push('certificate_number = ?'), args.push(q.certificateNumber));
  if (q.routedThrough !== undefined) {
    where.push('id IN (SELECT app_id FROM application_orgs WHERE org_id IN (SELECT value FROM json_each(?)))');
    args.push(JSON.stringify(q.routedThrough));
  }
  if (q.visibleTo !== undefined) {
    const reached = 'id IN (SELECT app_id FROM application_reach WHERE reach IN (SELECT value FROM json_each(?)))';
    // without an owner the filter reads ids only, which the list indexes hold: no table row per candidate
    if (q.visibleTo.applicantId === undefined) (where.push(reached), args.push(JSON.stringify(q.visibleTo.reachedBy)));
    else (where.push(`(applicant_id = ? OR ${reached})`), args.push(q.visibleTo.applicantId, JSON.stringify(q.visibleTo.reachedBy)));
  }
  return { sql: where.length ? `WHERE ${where.join(' AND ')}` : '', args };
}

/** the columns a page's cursor is made of */
export const PAGE_COLUMNS = 'id, updated_at, submitted_at';

export interface PageSql {
  /** after FROM applications: WHERE (filters and keyset), ORDER BY, LIMIT and OFFSET */
  sql: string;
  args: unknown[];
  limit: number;
  /** the cursor of the page after the one that ends with this row (selected with PAGE_COLUMNS) */
  cursorOf(row: Row): string;
}

/**
 * One page of a list in its order: newest updated first (the default), or in the order people applied (submitted
 * first, drafts without a submission time before them). Both orders end on id, so a cursor names one row; each has
 * an index per common filter (migrate.ts), so a page is read in order instead of sorting the whole set.
 */
export function pageSql(q: ApplicationQuery, w: Where = whereOf(q)): PageSql {
  const limit = q.limit ?? 50;
  const and = (cond: string) => (w.sql ? `${w.sql} AND ${cond}` : `WHERE ${cond}`);
  const cursor = q.after !== undefined ? decodeCursor(q.after) : undefined;
  // a malformed cursor reads as the start of the list (list-cursor.ts)
  const key = cursor && cursor[0] !== '\uffff' ? cursor : undefined;
  if (q.order === 'submitted') {
    const cursorOf = (r: Row) => encodeCursor([r.submitted_at == null ? '' : String(r.submitted_at), String(r.id)]);
    const order = 'ORDER BY submitted_at, id LIMIT ?';
    if (q.after === undefined) return { sql: `${w.sql} ${order} OFFSET ?`, args: [...w.args, limit, q.offset ?? 0], limit, cursorOf };
    if (!key) return { sql: `${w.sql} ${order}`, args: [...w.args, limit], limit, cursorOf };
    const [at, id] = key;
    if (at === '') return { sql: `${and('((submitted_at IS NULL AND id > ?) OR submitted_at IS NOT NULL)')} ${order}`, args: [...w.args, id, limit], limit, cursorOf };
    return { sql: `${and('(submitted_at > ? OR (submitted_at = ? AND id > ?))')} ${order}`, args: [...w.args, at, at, id, limit], limit, cursorOf };
  }
  const cursorOf = (r: Row) => encodeCursor([String(r.updated_at), String(r.id)]);
  const order = 'ORDER BY updated_at DESC, id LIMIT ?';
  if (q.after === undefined) return { sql: `${w.sql} ${order} OFFSET ?`, args: [...w.args, limit, q.offset ?? 0], limit, cursorOf };
  if (!key) return { sql: `${w.sql} ${order}`, args: [...w.args, limit], limit, cursorOf };
  const [at, id] = key;
  return { sql: `${and('(updated_at < ? OR (updated_at = ? AND id > ?))')} ${order}`, args: [...w.args, at, at, id, limit], limit, cursorOf };
}

/** `next` when the page is full: the list may go on */
export function nextOf(page: PageSql, rows: Row[]): { next?: string } {
  const last = rows[rows.length - 1];
  return rows.length === page.limit && last ? { next: page.cursorOf(last) } : {};
}

export class SqliteApplicationLists {
  private readonly q: (sql: string) => Database.Statement;

  constructor(db: Database.Database) {
    this.q = statementCache(db);
  }

  /**
   * Count and one page of rows with one stored column (the summary, or the whole document). The page is chosen on
   * its keys first (read from the list's index, or sorted top-N when the filter goes through another table), and
   * only its rows are read whole: the summary and the document sit behind the document's overflow pages.
   */
  page(query: ApplicationQuery, column: 'summary' | 'doc'): { total: number; values: string[]; next?: string } {
    const w = whereOf(query);
    const total = Number((this.q(`SELECT COUNT(*) n FROM applications ${w.sql}`).get(...w.args) as Row).n);
    const page = pageSql(query, w);
    const keys = this.q(`SELECT ${PAGE_COLUMNS} FROM applications ${page.sql}`).all(...page.args) as Row[];
    if (keys.length === 0) return { total, values: [] };
    const stored = this.q(`SELECT id, ${column} v FROM applications WHERE id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(keys.map((k) => k.id))) as Row[];
    const byId = new Map(stored.map((r) => [String(r.id), String(r.v)]));
    // a row deleted between the two reads is left out
    const values = keys.map((k) => byId.get(String(k.id))).filter((v): v is string => v !== undefined);
    return { total, values, ...nextOf(page, keys) };
  }

  summaries(query: ApplicationQuery): SummaryPage {
    const { values, ...rest } = this.page(query, 'summary');
    return { ...rest, items: values.map((v) => JSON.parse(v) as ApplicationSummary) };
  }

  unitCommittee(u: UnitCommitteeQuery): string | null {
    const r = this.q(
      `SELECT committee_id FROM applications
       WHERE campaign_id = ? AND series_key = ? AND level_key = ? AND org_id = ? AND committee_id IS NOT NULL
         AND status NOT IN ('draft', 'withdrawn') AND id <> ? LIMIT 1`,
    ).get(u.campaignId, u.seriesKey, u.levelKey, u.unitId, u.exceptId ?? '') as Row | undefined;
    return r ? String(r.committee_id) : null;
  }
}
