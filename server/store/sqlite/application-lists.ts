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
  if (q.certificateNumber !== undefined) (where.push("json_extract(doc, '$.certificate.number') = ?"), args.push(q.certificateNumber));
  if (q.routedThrough !== undefined) {
    where.push('id IN (SELECT app_id FROM application_orgs WHERE org_id IN (SELECT value FROM json_each(?)))');
    args.push(JSON.stringify(q.routedThrough));
  }
  if (q.visibleTo !== undefined) {
    where.push('(applicant_id = ? OR id IN (SELECT app_id FROM application_reach WHERE reach IN (SELECT value FROM json_each(?))))');
    args.push(q.visibleTo.applicantId ?? null, JSON.stringify(q.visibleTo.reachedBy));
  }
  return { sql: where.length ? `WHERE ${where.join(' AND ')}` : '', args };
}

export class SqliteApplicationLists {
  private readonly q: (sql: string) => Database.Statement;

  constructor(db: Database.Database) {
    this.q = statementCache(db);
  }

  summaries(query: ApplicationQuery): SummaryPage {
    const w = whereOf(query);
    const limit = query.limit ?? 50;
    const total = Number((this.q(`SELECT COUNT(*) n FROM applications ${w.sql}`).get(...w.args) as Row).n);
    let rows: Row[];
    if (query.after !== undefined) {
      const [updatedAt, id] = decodeCursor(query.after);
      const keyset = `${w.sql ? `${w.sql} AND` : 'WHERE'} (updated_at < ? OR (updated_at = ? AND id > ?))`;
      rows = this.q(`SELECT id, updated_at, summary FROM applications ${keyset} ORDER BY updated_at DESC, id LIMIT ?`)
        .all(...w.args, updatedAt, updatedAt, id, limit) as Row[];
    } else {
      rows = this.q(`SELECT id, updated_at, summary FROM applications ${w.sql} ORDER BY updated_at DESC, id LIMIT ? OFFSET ?`)
        .all(...w.args, limit, query.offset ?? 0) as Row[];
    }
    const items = rows.map((r) => JSON.parse(String(r.summary)) as ApplicationSummary);
    const last = rows[rows.length - 1];
    return { total, items, ...(rows.length === limit && last ? { next: encodeCursor([String(last.updated_at), String(last.id)]) } : {}) };
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
