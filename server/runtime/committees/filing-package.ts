// 备案材料 (F6, G2): once a session's results 公示 has ended the office opens the package, uploads the report and the
// commitment letter, has the platform write the roster and the 公示 record, and submits. Senior results wait for the
// province (核准备案 or 退回 with a reason, then resubmitted); junior and intermediate ones are filed on submit. Filing
// pushes the summary to the data exchange. Every write is one guarded record write with its audit record.
import { checkMaterialContent } from '../../domain/applications/material-content.js';
import { daysLeft, filingDeadline, FILING_ITEMS, missingItems, needsReCheck, statusLabel, type FilingItemKey, type FilingPackage, type FilingUploadKey } from '../../domain/committee-work/filing-rules.js';
import type { ReviewSession } from '../../domain/committee-work/types.js';
import { fail, ok, type Result } from '../../domain/result.js';
import type { User } from '../../domain/schema-types.gen.js';
import type { StoredRecord } from '../../store/port.js';
import { sniffUpload } from '../applications/sniff-upload.js';
import { certificateKeyRing } from '../certificates/key-ring.js';
import { enqueueFilingExchange } from '../exchange/enqueue-filing.js';
import type { ExchangeEndpoint } from '../exchange/types.js';
import { filingCandidates, type FilingCandidate } from './filing-candidates.js';
import { publicityRecordXlsx, rosterXlsx } from './filing-documents.js';
import { committees, isAdmin, mayRead, refuse, sessionFor, todayOf, type SessionDeps } from './session-record.js';

export type FilingRecord = StoredRecord<FilingPackage>;
export type FilingDeps = SessionDeps & { exchangeEndpoints?: readonly ExchangeEndpoint[] };

const UPLOAD_ACCEPT = ['application/pdf', 'image/jpeg', 'image/png', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface FilingView extends FilingPackage {
  id: string;
  version: number;
  sessionName: string;
  committeeName: string;
  statusLabel: string;
  /** days to the deadline (negative: overdue) while not submitted */
  daysLeft: number;
  overdue: boolean;
  items: { key: FilingItemKey; label: string; generated: boolean; name?: string }[];
  passedCount: number;
}

const filingId = (sessionId: string): string => `fil-${sessionId}`;
const keysOf = (p: FilingPackage): string[] => [`session:${p.sessionId}`, `committee:${p.committeeId}`, `status:${p.status}`];

async function save(d: FilingDeps, actor: string, prev: FilingRecord, body: FilingPackage, action: string, detail: Record<string, unknown> = {}): Promise<Result<FilingRecord>> {
  const now = d.clock.now();
  const next: FilingRecord = { ...prev, version: prev.version + 1, updatedAt: now, keys: keysOf(body), body };
  const res = await d.store.putRecord(next, prev.version, [{ at: now, actor, action, target: { type: 'filingPackage', id: prev.id }, before: { version: prev.version, status: prev.body.status }, after: { version: next.version, status: body.status, ...detail } }]);
  if (!res.ok) return refuse('filing.conflict', '备案材料已在别处被修改，请刷新后重试');
  return ok(next);
}

export async function viewOfFiling(d: FilingDeps, rec: FilingRecord): Promise<FilingView> {
  const p = rec.body;
  const session = await d.store.getRecord<ReviewSession>('reviewSession', p.sessionId);
  const committee = (await committees(d.store)).find((c) => c.id === p.committeeId);
  const items: FilingView['items'] = [];
  for (const i of FILING_ITEMS) {
    const hash = p.files[i.key];
    const file = hash ? await d.store.getFile(hash) : null;
    items.push({ key: i.key, label: i.label, generated: i.generated, ...(file ? { name: file.meta.name } : {}) });
  }
  const left = daysLeft(p.deadline, todayOf(d.clock));
  const passedCount = session ? (await filingCandidates(d, session.id, session.body)).filter((c) => c.passed).length : 0;
  return {
    ...p,
    id: rec.id,
    version: rec.version,
    sessionName: session?.body.name ?? '',
    committeeName: committee?.name ?? '',
    statusLabel: p.late ? `${statusLabel(p)}（逾期）` : statusLabel(p),
    daysLeft: left,
    overdue: p.late === true || (p.status === 'assembling' && left < 0),
    items,
    passedCount,
  };
}

/** the session's package, when this person may read the session */
export async function getFiling(d: FilingDeps, user: User, sessionId: string): Promise<Result<FilingRecord | null>> {
  const s = await sessionFor(d, user, sessionId, false);
  if (!s.ok) return s;
  return ok(await d.store.getRecord<FilingPackage>('filingPackage', filingId(sessionId)));
}

async function packageFor(d: FilingDeps, user: User, sessionId: string): Promise<Result<{ rec: FilingRecord; session: ReviewSession }>> {
  const s = await sessionFor(d, user, sessionId, true);
  if (!s.ok) return s;
  const rec = await d.store.getRecord<FilingPackage>('filingPackage', filingId(sessionId));
  if (!rec) return refuse('filing.not_found', '尚未建立备案材料', '/filing');
  return ok({ rec, session: s.value.rec.body });
}

/** G2: opened only once every result on the agenda has been through its 公示; the deadline runs from the last day */
export async function createFiling(d: FilingDeps, user: User, sessionId: string): Promise<Result<FilingRecord>> {
  const s = await sessionFor(d, user, sessionId, true);
  if (!s.ok) return s;
  const id = filingId(sessionId);
  const existing = await d.store.getRecord<FilingPackage>('filingPackage', id);
  if (existing) return ok(existing);
  const session = s.value.rec.body;
  const candidates = await filingCandidates(d, sessionId, session);
  if (candidates.length === 0) return refuse('filing.no_results', '评审会议议程中没有申报，没有可备案的评审结果', '/agenda');
  const pending = candidates.filter((c) => c.pending);
  if (pending.length > 0) return refuse('filing.publicity_open', `结果公示尚未结束（${pending.map((c) => c.applicantName).join('、')}），公示期满后才能整理备案材料`, '/filing');
  const ends = candidates.flatMap((c) => (c.publicityClosedOn ? [c.publicityClosedOn] : []));
  if (candidates.some((c) => c.passed && !c.publicityClosedOn)) return refuse('filing.no_publicity', '有通过人员未经结果公示，不能备案', '/filing');
  const publicityEndedOn = ends.sort().at(-1) ?? todayOf(d.clock);
  const now = d.clock.now();
  const body: FilingPackage = {
    sessionId,
    committeeId: session.committeeId,
    campaignYear: session.campaignYear,
    number: `BA-${session.campaignYear}-${sessionId.replace(/^ses-/, '').slice(0, 8).toUpperCase()}`,
    publicityEndedOn,
    deadline: filingDeadline(publicityEndedOn),
    reCheck: needsReCheck(candidates.filter((c) => c.passed).map((c) => c.grade)),
    files: {},
    status: 'assembling',
    revision: 0,
  };
  const rec: FilingRecord = { kind: 'filingPackage', id, version: 1, updatedAt: now, keys: keysOf(body), body };
  const res = await d.store.putRecord(rec, null, [{ at: now, actor: user.id, action: 'filing.create', target: { type: 'filingPackage', id }, before: null, after: { version: 1, sessionId, deadline: body.deadline, reCheck: body.reCheck } }]);
  if (!res.ok) return refuse('filing.conflict', '备案材料已在别处建立，请刷新');
  return ok(rec);
}

const editable = (p: FilingPackage): Result<void> => (p.status === 'assembling' ? ok(undefined) : refuse('filing.locked', p.status === 'filed' ? '已备案，不能再修改' : '备案材料已提交，退回后才能修改', '/filing'));

export async function uploadFilingFile(d: FilingDeps, user: User, sessionId: string, key: string, file: { bytes: Buffer; mime: string; name: string }): Promise<Result<FilingRecord>> {
  const f = await packageFor(d, user, sessionId);
  if (!f.ok) return f;
  const item = FILING_ITEMS.find((i) => i.key === key && !i.generated);
  if (!item) return refuse('filing.item_unknown', '这一项材料由系统生成，不需上传', `/items/${key}`);
  const open = editable(f.value.rec.body);
  if (!open.ok) return open;
  const checked = checkMaterialContent({ id: key, name: item.label, accept: UPLOAD_ACCEPT }, await sniffUpload(file.bytes), { mime: file.mime, name: file.name });
  if (!checked.ok) return fail(checked.error.code, checked.error.message, checked.error.details.map((p) => ({ ...p, pointer: `/items/${key}` })));
  const stored = await d.store.putFile(file.bytes, { mime: checked.value.mime, name: checked.value.name, createdAt: d.clock.now(), createdBy: user.id });
  const body = { ...f.value.rec.body, files: { ...f.value.rec.body.files, [item.key as FilingUploadKey]: stored.hash } };
  return save(d, user.id, f.value.rec, body, 'filing.upload', { item: key, hash: stored.hash });
}

/** the roster and the 公示 record, written from the applications as they are now */
export async function generateFilingDocuments(d: FilingDeps, user: User, sessionId: string): Promise<Result<FilingRecord>> {
  const f = await packageFor(d, user, sessionId);
  if (!f.ok) return f;
  const open = editable(f.value.rec.body);
  if (!open.ok) return open;
  const { session } = f.value;
  const candidates: FilingCandidate[] = await filingCandidates(d, sessionId, session);
  const title = `${session.campaignYear}年度 ${session.name}`;
  const now = d.clock.now();
  const roster = await d.store.putFile(await rosterXlsx(title, candidates), { mime: XLSX, name: `${session.name}通过人员花名册.xlsx`, createdAt: now, createdBy: user.id });
  const record = await d.store.putFile(await publicityRecordXlsx(title, candidates), { mime: XLSX, name: `${session.name}公示情况及投诉处理记录.xlsx`, createdAt: now, createdBy: user.id });
  const body = { ...f.value.rec.body, files: { ...f.value.rec.body.files, roster: roster.hash, publicityRecord: record.hash } };
  return save(d, user.id, f.value.rec, body, 'filing.generate', { passed: candidates.filter((c) => c.passed).length });
}

async function push(d: FilingDeps, p: FilingPackage, committeeName: string, passed: number): Promise<number> {
  return enqueueFilingExchange(d, { number: p.number, revision: p.revision, committee: committeeName, campaignYear: p.campaignYear, passed, publicityEndedOn: p.publicityEndedOn, late: p.late === true }, certificateKeyRing().current);
}

/** 提交备案: all four items; late after the deadline (recorded, not refused); junior/intermediate filed at once */
export async function submitFiling(d: FilingDeps, user: User, sessionId: string): Promise<Result<FilingRecord>> {
  const f = await packageFor(d, user, sessionId);
  if (!f.ok) return f;
  const prev = f.value.rec.body;
  const open = editable(prev);
  if (!open.ok) return open;
  const missing = missingItems(prev);
  if (missing.length > 0) return fail('filing.incomplete', `备案材料还缺 ${missing.length} 项：${missing.map((m) => m.label).join('、')}`, missing.map((m) => ({ code: 'filing.missing', message: `请${FILING_ITEMS.find((i) => i.key === m.key)?.generated ? '生成' : '上传'}${m.label}`, pointer: `/items/${m.key}` })));
  const now = d.clock.now();
  const late = daysLeft(prev.deadline, todayOf(d.clock)) < 0;
  const submitted: FilingPackage = { ...prev, status: prev.reCheck ? 'submitted' : 'filed', revision: prev.revision + 1, submittedAt: now, submittedBy: user.id, ...(late ? { late } : {}), ...(prev.reCheck ? {} : { filedAt: now, filedBy: user.id }) };
  const saved = await save(d, user.id, f.value.rec, submitted, 'filing.submit', { revision: submitted.revision, late, filed: !prev.reCheck });
  if (!saved.ok || prev.reCheck) return saved;
  return recordPush(d, user, saved.value);
}

async function recordPush(d: FilingDeps, user: User, rec: FilingRecord): Promise<Result<FilingRecord>> {
  const committeeName = (await committees(d.store)).find((c) => c.id === rec.body.committeeId)?.name ?? '';
  const session = await d.store.getRecord<ReviewSession>('reviewSession', rec.body.sessionId);
  const passed = session ? (await filingCandidates(d, session.id, session.body)).filter((c) => c.passed).length : 0;
  const pushed = await push(d, rec.body, committeeName, passed);
  if (pushed === 0) return ok(rec);
  return save(d, user.id, rec, { ...rec.body, pushed: (rec.body.pushed ?? 0) + pushed }, 'filing.push', { queued: pushed });
}

async function forProvince(d: FilingDeps, user: User, sessionId: string): Promise<Result<FilingRecord>> {
  if (!isAdmin(user)) return refuse('session.not_found', '评审会议不存在');
  const f = await packageFor(d, user, sessionId);
  if (!f.ok) return f;
  if (f.value.rec.body.status !== 'submitted') return refuse('filing.not_submitted', '备案材料尚未提交或已处理', '/filing');
  return ok(f.value.rec);
}

/** 核准备案 by the province; the filing goes out to the data exchange */
export async function approveFiling(d: FilingDeps, user: User, sessionId: string): Promise<Result<FilingRecord>> {
  const r = await forProvince(d, user, sessionId);
  if (!r.ok) return r;
  const now = d.clock.now();
  const saved = await save(d, user.id, r.value, { ...r.value.body, status: 'filed', filedAt: now, filedBy: user.id }, 'filing.approve', { revision: r.value.body.revision });
  return saved.ok ? recordPush(d, user, saved.value) : saved;
}

export async function returnFiling(d: FilingDeps, user: User, sessionId: string, reason: string): Promise<Result<FilingRecord>> {
  const r = await forProvince(d, user, sessionId);
  if (!r.ok) return r;
  if (!reason.trim()) return refuse('filing.reason_required', '请填写退回原因', '/reason');
  const returned = { at: d.clock.now(), by: user.id, reason: reason.trim() };
  return save(d, user.id, r.value, { ...r.value.body, status: 'assembling', returned }, 'filing.return', { reason: returned.reason });
}

/** the packages the province may act on (待核准的备案), or all the reader may see */
export async function listFilings(d: FilingDeps, user: User, q: { awaiting?: boolean }): Promise<FilingView[]> {
  const readable = new Set((await committees(d.store)).filter((c) => mayRead(user, c)).map((c) => c.id));
  const page = await d.store.listRecords<FilingPackage>({ kind: 'filingPackage', ...(q.awaiting ? { keys: ['status:submitted'] } : {}), limit: 1000 });
  const out: FilingView[] = [];
  for (const rec of page.items) if (readable.has(rec.body.committeeId)) out.push(await viewOfFiling(d, rec));
  return out.sort((a, b) => (b.submittedAt ?? '').localeCompare(a.submittedAt ?? ''));
}
