// 已办 and 抄送我的 on MongoDB: the application document's own doneTasks and copies arrays, indexed multikey
// (indexes.ts), so no second document is written. FerretDB 1.x has no $elemMatch on sub-documents and its
// $unwind keeps only _id and the unwound field: pre-select through the index, unwind, match again, then read
// the summary columns of the page's applications.
import type { Collection, Document, Filter } from 'mongodb';
import type { Application } from '../../domain/schema-types.gen.js';
import type { CopyRow, DoneTaskRow, Page, TaskHistoryQuery } from '../task-history.js';

type Stored = Document & { _id: string };
type Done = NonNullable<Application['doneTasks']>[number];
type Copy = NonNullable<Application['copies']>[number];

const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** the application-level filters of both lists, and of the inbox's name search */
export function applicationFilter(q: Pick<TaskHistoryQuery, 'campaignId' | 'seriesKey' | 'levelKey' | 'applicantName'>): Filter<Stored> {
  const f: Filter<Stored> = {};
  if (q.campaignId !== undefined) f.campaignId = q.campaignId;
  if (q.seriesKey !== undefined) f.seriesKey = q.seriesKey;
  if (q.levelKey !== undefined) f.levelKey = q.levelKey;
  if (q.applicantName) f.applicantName = { $regex: escapeRegex(q.applicantName) };
  return f;
}

async function page<E>(
  apps: Collection<Stored>,
  field: 'doneTasks' | 'copies',
  q: TaskHistoryQuery,
  entryMatch: Document,
): Promise<{ total: number; rows: { entry: E; summary: Stored }[] }> {
  const pre: Filter<Stored> = { ...applicationFilter(q), [`${field}.userId`]: q.userId };
  const pipeline: Document[] = [{ $match: pre }, { $project: { [field]: 1 } }, { $unwind: `$${field}` }, { $match: { [`${field}.userId`]: q.userId, ...entryMatch } }];
  const counted = await apps.aggregate<{ n: number }>([...pipeline, { $count: 'n' }]).toArray();
  const total = counted[0]?.n ?? 0;
  const found = await apps
    .aggregate<Stored>([...pipeline, { $sort: { [`${field}.at`]: -1, _id: 1 } }, { $skip: q.offset ?? 0 }, { $limit: q.limit ?? 50 }])
    .toArray();
  const ids = [...new Set(found.map((r) => r._id))];
  const summaries = new Map(
    (await apps.find({ _id: { $in: ids } }, { projection: { campaignId: 1, seriesKey: 1, levelKey: 1, applicantName: 1, status: 1 } }).toArray()).map((d) => [d._id, d]),
  );
  const rows: { entry: E; summary: Stored }[] = [];
  for (const r of found) {
    const summary = summaries.get(r._id);
    if (summary) rows.push({ entry: r[field] as E, summary });
  }
  return { total, rows };
}

const summaryOf = (d: Stored) => ({
  applicationId: d._id,
  campaignId: String(d.campaignId),
  seriesKey: String(d.seriesKey),
  levelKey: String(d.levelKey),
  applicantName: String(d.applicantName),
  status: String(d.status),
});

export async function queryDoneTasks(apps: Collection<Stored>, q: TaskHistoryQuery): Promise<Page<DoneTaskRow>> {
  const { total, rows } = await page<Done>(apps, 'doneTasks', q, q.elementId !== undefined ? { 'doneTasks.elementId': q.elementId } : {});
  return {
    total,
    items: rows.map(({ entry: t, summary }) => ({
      ...summaryOf(summary),
      taskId: t.taskId,
      elementId: t.elementId,
      name: t.name,
      ...(t.decision != null ? { decision: t.decision } : {}),
      ...(t.opinion != null ? { opinion: t.opinion } : {}),
      at: t.at,
    })),
  };
}

export async function queryCopies(apps: Collection<Stored>, q: TaskHistoryQuery): Promise<Page<CopyRow>> {
  const { total, rows } = await page<Copy>(apps, 'copies', q, q.unreadOnly ? { 'copies.readAt': { $exists: false } } : {});
  return {
    total,
    items: rows.map(({ entry: c, summary }) => ({
      ...summaryOf(summary),
      id: c.id,
      taskName: c.taskName,
      by: c.by,
      at: c.at,
      ...(c.note != null ? { note: c.note } : {}),
      ...(c.readAt != null ? { readAt: c.readAt } : {}),
    })),
  };
}
