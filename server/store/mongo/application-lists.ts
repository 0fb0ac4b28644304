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

export async function listApplications(apps: Collection<Stored>, q: ApplicationQuery): Promise<{ total: number; items: Application[] }> {
  const filter = listFilter(q);
  const total = await apps.countDocuments(filter);
  const docs = await apps
    .find(filter)
    .sort({ updatedAt: -1, _id: 1 })
    .skip(q.offset ?? 0)
    .limit(q.limit ?? 50)
    .toArray();
  return { total, items: docs.map((d) => toApplication(d)) };
}

export async function listApplicationSummaries(apps: Collection<Stored>, q: ApplicationQuery): Promise<SummaryPage> {
  const filter = listFilter(q);
  const total = await apps.countDocuments(filter);
  const limit = q.limit ?? 50;
  let page: Filter<Stored> = filter;
  if (q.after !== undefined) {
    const [updatedAt, id] = decodeCursor(q.after);
    page = { $and: [filter, { $or: [{ updatedAt: { $lt: updatedAt } }, { updatedAt, _id: { $gt: id } }] }] };
  }
  const docs = await apps
    .find(page, { projection: { _summary: 1, updatedAt: 1 } })
    .sort({ updatedAt: -1, _id: 1 })
    .skip(q.after !== undefined ? 0 : (q.offset ?? 0))
    .limit(limit)
    .toArray();
  // documents written before summaries were kept: summarised from the whole document, once read
  const old = docs.filter((d) => typeof d._summary !== 'string').map((d) => d._id);
  const full = new Map(old.length ? (await apps.find({ _id: { $in: old } }).toArray()).map((d) => [d._id, summarize(toApplication(d))]) : []);
  const items = docs.map((d) => (typeof d._summary === 'string' ? (JSON.parse(d._summary) as ApplicationSummary) : full.get(d._id)!)).filter(Boolean);
  const last = docs[docs.length - 1];
  return { total, items, ...(docs.length === limit && last ? { next: encodeCursor([String(last.updatedAt), String(last._id)]) } : {}) };
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

