// Application lists on MongoDB: ApplicationQuery as a filter over indexed fields, pages by offset or keyset
// (`after`), and summaries (the `_summary` field written with each document) instead of whole documents.
import type { Collection, Filter } from 'mongodb';
import { summarize, type ApplicationSummary } from '../../domain/applications/summary.js';
import type { Application } from '../../domain/schema-types.gen.js';
import type { ApplicationQuery, SummaryPage, UnitCommitteeQuery } from '../port.js';
import { decodeCursor, encodeCursor } from '../list-cursor.js';
import { toApplication, type Stored } from './mongo-store.js';

/** the filter of an application list (without paging) */
export function listFilter(q: ApplicationQuery): Filter<Stored> {
  const filter: Filter<Stored> = {};
  const and: Filter<Stored>[] = [];
  if (q.applicantId !== undefined) filter.applicantId = q.applicantId;
  if (q.campaignId !== undefined) filter.campaignId = q.campaignId;
  if (q.seriesKey !== undefined) filter.seriesKey = q.seriesKey;
  if (q.levelKey !== undefined) filter.levelKey = q.levelKey;
  if (q.status !== undefined) filter.status = q.status;
  if (q.statusIn !== undefined) and.push({ status: { $in: q.statusIn } });
  if (q.hasIncidents) filter._incidents = { $gt: 0 };
  if (q.certificateNumber !== undefined) filter['certificate.number'] = q.certificateNumber;
  if (q.routedThrough !== undefined) filter._routedOrgs = { $in: q.routedThrough };
  if (q.visibleTo !== undefined) filter.$or = [...(q.visibleTo.applicantId !== undefined ? [{ applicantId: q.visibleTo.applicantId }] : []), { _reachedBy: { $in: q.visibleTo.reachedBy } }];
  return and.length ? { $and: [filter, ...and] } : filter;
}

type Sort = Record<string, 1 | -1>;

interface MongoPage {
  /** the filter with the keyset condition of `after` */
  filter: Filter<Stored>;
  sort: Sort;
  skip: number;
  limit: number;
  cursorOf(d: Stored): string;
}

/**
 * One page of a list in its order, as in the SQLite adapter: newest updated first (default), or in the order people
 * applied (submitted first; documents without a submission time sort before them, as null does in both stores).
 */
export function pageOf(q: ApplicationQuery, filter: Filter<Stored> = listFilter(q)): MongoPage {
  const limit = q.limit ?? 50;
  const cursor = q.after !== undefined ? decodeCursor(q.after) : undefined;
  // a malformed cursor reads as the start of the list (list-cursor.ts)
  const key = cursor && cursor[0] !== '\uffff' ? cursor : undefined;
  const skip = q.after !== undefined ? 0 : (q.offset ?? 0);
  const and = (cond: Filter<Stored>): Filter<Stored> => ({ $and: [filter, cond] });
  if (q.order === 'submitted') {
    const base = { sort: { submittedAt: 1, _id: 1 } as Sort, skip, limit, cursorOf: (d: Stored) => encodeCursor([typeof d.submittedAt === 'string' ? d.submittedAt : '', String(d._id)]) };
    if (!key) return { ...base, filter };
    const [at, id] = key;
    const cond: Filter<Stored> =
      at === '' ? { $or: [{ submittedAt: null, _id: { $gt: id } }, { submittedAt: { $ne: null } }] } : { $or: [{ submittedAt: { $gt: at } }, { submittedAt: at, _id: { $gt: id } }] };
    return { ...base, filter: and(cond) };
  }
  const base = { sort: { updatedAt: -1, _id: 1 } as Sort, skip, limit, cursorOf: (d: Stored) => encodeCursor([String(d.updatedAt), String(d._id)]) };
  if (!key) return { ...base, filter };
  const [at, id] = key;
  return { ...base, filter: and({ $or: [{ updatedAt: { $lt: at } }, { updatedAt: at, _id: { $gt: id } }] }) };
}

const nextOf = (page: MongoPage, docs: Stored[]): { next?: string } => {
  const last = docs[docs.length - 1];
  return docs.length === page.limit && last ? { next: page.cursorOf(last) } : {};
};

export async function listApplications(apps: Collection<Stored>, q: ApplicationQuery): Promise<{ total: number; items: Application[]; next?: string }> {
  const filter = listFilter(q);
  const total = await apps.countDocuments(filter);
  const page = pageOf(q, filter);
  const docs = await apps.find(page.filter).sort(page.sort).skip(page.skip).limit(page.limit).toArray();
  return { total, items: docs.map((d) => toApplication(d)), ...nextOf(page, docs) };
}

export async function listApplicationSummaries(apps: Collection<Stored>, q: ApplicationQuery): Promise<SummaryPage> {
  const filter = listFilter(q);
  const total = await apps.countDocuments(filter);
  const page = pageOf(q, filter);
  const docs = await apps
    .find(page.filter, { projection: { _summary: 1, updatedAt: 1, submittedAt: 1 } })
    .sort(page.sort)
    .skip(page.skip)
    .limit(page.limit)
    .toArray();
  // documents written before summaries were kept: summarised from the whole document, once read
  const old = docs.filter((d) => typeof d._summary !== 'string').map((d) => d._id);
  const full = new Map(old.length ? (await apps.find({ _id: { $in: old } }).toArray()).map((d) => [d._id, summarize(toApplication(d))]) : []);
  const items = docs.map((d) => (typeof d._summary === 'string' ? (JSON.parse(d._summary) as ApplicationSummary) : full.get(d._id)!)).filter(Boolean);
  return { total, items, ...nextOf(page, docs) };
}

export async function findUnitCommittee(apps: Collection<Stored>, u: UnitCommitteeQuery): Promise<string | null> {
  const d = await apps.findOne(
    {
      campaignId: u.campaignId,
      seriesKey: u.seriesKey,
      levelKey: u.levelKey,
      orgId: u.unitId,
      committeeId: { $exists: true, $ne: null },
      status: { $nin: ['draft', 'withdrawn'] },
      _id: { $ne: u.exceptId ?? '' },
    },
    { projection: { committeeId: 1 } },
  );
  return d && typeof d.committeeId === 'string' ? d.committeeId : null;
}

