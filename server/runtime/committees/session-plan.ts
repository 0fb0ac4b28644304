// F3, the implementation plan: the office uploads its five files (judged by their bytes like any upload) and submits
// it; the administrator (自治区人社厅) approves it — no later than 7 days before the session — or returns it with a
// reason, and the office submits again.
import { checkMaterialContent } from '../../domain/applications/material-content.js';
import { checkPlanApproval, missingPlanFiles, PLAN_FILES, type PlanFileKey } from '../../domain/committee-work/session-rules.js';
import { fail, type Result } from '../../domain/result.js';
import type { User } from '../../domain/schema-types.gen.js';
import { sniffUpload } from '../applications/sniff-upload.js';
import { isAdmin, refuse, saveSession, sessionFor, todayOf, type SessionDeps, type SessionRecord } from './session-record.js';

/** the plan's files are documents, scans or spreadsheets */
const PLAN_ACCEPT = ['application/pdf', 'image/jpeg', 'image/png', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'];

const EDITABLE = new Set(['planning']);

export async function uploadPlanFile(d: SessionDeps, user: User, id: string, key: string, file: { bytes: Buffer; mime: string; name: string }): Promise<Result<SessionRecord>> {
  const s = await sessionFor(d, user, id, true);
  if (!s.ok) return s;
  const { rec } = s.value;
  const item = PLAN_FILES.find((f) => f.key === key);
  if (!item) return refuse('session.plan_file_unknown', '实施方案没有这一项材料', '/plan/files');
  if (!EDITABLE.has(rec.body.status)) return refuse('session.plan_locked', '实施方案已提交报备，退回后才能修改', `/plan/files/${key}`);
  const checked = checkMaterialContent({ id: key, name: item.label, accept: PLAN_ACCEPT }, await sniffUpload(file.bytes), { mime: file.mime, name: file.name });
  if (!checked.ok) return fail(checked.error.code, checked.error.message, checked.error.details.map((p) => ({ ...p, pointer: `/plan/files/${key}` })));
  const stored = await d.store.putFile(file.bytes, { mime: checked.value.mime, name: checked.value.name, createdAt: d.clock.now(), createdBy: user.id });
  const files = { ...rec.body.plan.files, [item.key as PlanFileKey]: stored.hash };
  return saveSession(d, user.id, rec, { ...rec.body, plan: { ...rec.body.plan, files } }, 'session.plan_upload', { file: key, hash: stored.hash });
}

export async function submitPlan(d: SessionDeps, user: User, id: string): Promise<Result<SessionRecord>> {
  const s = await sessionFor(d, user, id, true);
  if (!s.ok) return s;
  const { rec } = s.value;
  if (!EDITABLE.has(rec.body.status)) return refuse('session.plan_locked', '实施方案已提交报备', '/plan');
  const missing = missingPlanFiles(rec.body.plan);
  if (missing.length > 0) return fail('session.plan_incomplete', `实施方案还缺 ${missing.length} 项材料`, missing);
  const { returned: _returned, ...plan } = rec.body.plan;
  return saveSession(d, user.id, rec, { ...rec.body, status: 'planSubmitted', plan: { ...plan, submittedAt: d.clock.now(), submittedBy: user.id } }, 'session.plan_submit');
}

/** the administrator approves (F3: at least 7 days before the session) */
export async function approvePlan(d: SessionDeps, user: User, id: string): Promise<Result<SessionRecord>> {
  if (!isAdmin(user)) return refuse('session.not_found', '评审会议不存在');
  const s = await sessionFor(d, user, id, true);
  if (!s.ok) return s;
  const { rec } = s.value;
  if (rec.body.status !== 'planSubmitted') return refuse('session.plan_not_submitted', '实施方案尚未提交报备或已处理', '/plan');
  const timely = checkPlanApproval(rec.body, todayOf(d.clock));
  if (!timely.ok) return timely;
  return saveSession(d, user.id, rec, { ...rec.body, status: 'planApproved', plan: { ...rec.body.plan, approvedAt: d.clock.now(), approvedBy: user.id } }, 'session.plan_approve');
}

export async function returnPlan(d: SessionDeps, user: User, id: string, reason: string): Promise<Result<SessionRecord>> {
  if (!isAdmin(user)) return refuse('session.not_found', '评审会议不存在');
  const s = await sessionFor(d, user, id, true);
  if (!s.ok) return s;
  const { rec } = s.value;
  if (rec.body.status !== 'planSubmitted') return refuse('session.plan_not_submitted', '实施方案尚未提交报备或已处理', '/plan');
  if (!reason.trim()) return refuse('session.reason_required', '请填写退回原因', '/reason');
  const returned = { at: d.clock.now(), by: user.id, reason: reason.trim() };
  return saveSession(d, user.id, rec, { ...rec.body, status: 'planning', plan: { ...rec.body.plan, returned } }, 'session.plan_return', { reason: returned.reason });
}

