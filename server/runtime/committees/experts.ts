// 专家库: a committee office (committeeClerk of the committee's officeOrgId) and administrators keep the experts of
// their committees' pools: add, edit, record the years served, declare conflicts (回避), deactivate. Experts are
// operational records (kind 'expert'); every write is versioned and audited in the same write (Store.putRecord).
import { randomUUID } from 'node:crypto';
import type { Clock } from '../../domain/clock.js';
import { consecutiveYearsProblem, serviceStreak } from '../../domain/committee-work/appointment.js';
import type { DeclaredConflict, Expert, ServiceYear } from '../../domain/committee-work/types.js';
import { fail, ok, type Problem, type Result } from '../../domain/result.js';
import type { CommitteeList, Series, User } from '../../domain/schema-types.gen.js';
import type { StoredRecord, Store } from '../../store/port.js';
import { COMMITTEES_KEY, type Committee } from './committee-admin.js';

export interface ExpertDeps {
  store: Store;
  clock: Clock;
}

/** what the drawer sends; service years only for this committee (other committees' years are kept) */
export type ExpertInput = Pick<Expert, 'name' | 'specialties' | 'title' | 'unitName' | 'unitOrgId' | 'region' | 'phone' | 'email' | 'userId'> & {
  serviceYears?: number[];
};

export interface ExpertSummary {
  id: string;
  version: number;
  name: string;
  specialties: { key: string; name: string }[];
  title: string;
  unitName: string;
  unitOrgId?: string;
  region?: string;
  regionName?: string;
  userId?: string;
  userName?: string;
  phone?: string;
  email?: string;
  /** every committee's years, with the committee's name (chips per committee) */
  service: { committeeId: string; committeeName: string; years: number[] }[];
  /** 近年任职 on this committee, in words */
  recent: string;
  /** F4 for `year`, in words ("2022 年不得聘任：已连续 3 年"); null: may be appointed */
  appointment: string | null;
  conflicts: DeclaredConflict[];
  inactive?: Expert['inactive'];
}

export const POOL_LIMIT = 2000;
export const PAGE_SIZE = 20;

export async function allCommittees(store: Store): Promise<Committee[]> {
  return (await store.getDefinition<CommitteeList>('committees', COMMITTEES_KEY, 'latest'))?.body.committees ?? [];
}

/** the committees this user's office runs (admins: all) */
export async function managedCommittees(d: ExpertDeps, user: User): Promise<Committee[]> {
  const items = await allCommittees(d.store);
  const isAdmin = user.roles.some((r) => r.role === 'admin');
  const offices = new Set(user.roles.filter((r) => r.role === 'committeeClerk').map((r) => r.orgId));
  return items.filter((c) => isAdmin || offices.has(c.officeOrgId));
}

/** the committees the area's picker offers: the office's own; administrators and 纪检监察 (supervision) all */
export async function visibleCommittees(d: ExpertDeps, user: User): Promise<Committee[]> {
  if (user.roles.some((r) => r.role === 'supervisor')) return allCommittees(d.store);
  return managedCommittees(d, user);
}

/** the committee when this user may keep its pool; otherwise 404 for a committee not run by the user's office */
export async function managedCommittee(d: ExpertDeps, user: User, committeeId: string): Promise<Result<Committee>> {
  const c = (await managedCommittees(d, user)).find((x) => x.id === committeeId);
  return c ? ok(c) : fail('committee.not_found', '该评委会不存在或不由您所在的办事机构管理');
}

export function expertKeys(e: Expert): string[] {
  return [
    ...e.committees.map((c) => `committee:${c}`),
    ...e.specialties.map((s) => `specialty:${s}`),
    ...(e.region ? [`region:${e.region}`] : []),
    e.inactive ? 'state:inactive' : 'state:active',
  ];
}

async function specialtyNames(store: Store, committee: Committee): Promise<Map<string, string>> {
  const series = await store.getDefinition<Series>('series', committee.seriesKey, 'latest');
  return new Map((series?.body.specialties ?? []).map((s) => [s.key, s.name]));
}

function yearsOn(e: Expert, committeeId: string): number[] {
  return [...new Set(e.service.filter((s) => s.committeeId === committeeId).map((s) => s.year))].sort((a, b) => a - b);
}

/** "2019—2021 年" style runs: 2018、2020—2021 年 */
export function yearsInWords(years: number[]): string {
  if (years.length === 0) return '未任职';
  const runs: string[] = [];
  let start = years[0]!;
  let prev = start;
  for (const y of [...years.slice(1), Number.NaN]) {
    if (y === prev + 1) {
      prev = y;
      continue;
    }
    runs.push(start === prev ? `${start}` : `${start}—${prev}`);
    start = y;
    prev = y;
  }
  return `${runs.join('、')} 年`;
}

/** the F4 state for the list, in words */
export function appointmentInWords(e: Expert, committee: Committee, year: number): string | null {
  if (!consecutiveYearsProblem(e, committee, year)) return null;
  const streak = serviceStreak(e, committee.id, year)!;
  return `${year} 年不得聘任：已连续 ${streak.years} 年`;
}

export interface SummaryContext {
  committee: Committee;
  committees: Committee[];
  year: number;
  specialties: Map<string, string>;
  orgNames: Map<string, string>;
  userNames: Map<string, string>;
  withContact: boolean;
}

export function expertSummary(rec: StoredRecord<Expert>, cx: SummaryContext): ExpertSummary {
  const e = rec.body;
  const names = new Map(cx.committees.map((c) => [c.id, c.name]));
  const byCommittee = [...new Set(e.service.map((s) => s.committeeId))];
  return {
    id: rec.id,
    version: rec.version,
    name: e.name,
    specialties: e.specialties.map((k) => ({ key: k, name: cx.specialties.get(k) ?? k })),
    title: e.title,
    unitName: e.unitName,
    ...(e.unitOrgId ? { unitOrgId: e.unitOrgId } : {}),
    ...(e.region ? { region: e.region, regionName: cx.orgNames.get(e.region) ?? '' } : {}),
    ...(e.userId ? { userId: e.userId, userName: cx.userNames.get(e.userId) ?? '' } : {}),
    ...(cx.withContact && e.phone ? { phone: e.phone } : {}),
    ...(cx.withContact && e.email ? { email: e.email } : {}),
    service: byCommittee.map((id) => ({ committeeId: id, committeeName: names.get(id) ?? '其他评委会', years: yearsOn(e, id) })),
    recent: yearsInWords(yearsOn(e, cx.committee.id).filter((y) => y >= cx.year - 5 && y < cx.year + 1)),
    appointment: appointmentInWords(e, cx.committee, cx.year),
    // the ID number never leaves the server; the name is what people read
    conflicts: e.conflicts.map(({ applicantIdNumber: _hidden, ...c }) => c),
    ...(e.inactive ? { inactive: e.inactive } : {}),
  };
}

async function summaryContext(d: ExpertDeps, user: User, committee: Committee, year: number): Promise<Omit<SummaryContext, 'userNames'>> {
  const committees = await allCommittees(d.store);
  const orgNames = new Map((await d.store.listOrgs()).map((o) => [o.id, o.name]));
  return { committee, committees, year, specialties: await specialtyNames(d.store, committee), orgNames, withContact: canSeeContact(user, committee) };
}

/** phone and email are personal data: the committee's office and administrators only */
export function canSeeContact(user: User, committee: Committee): boolean {
  return user.roles.some((r) => r.role === 'admin' || (r.role === 'committeeClerk' && r.orgId === committee.officeOrgId));
}

async function userNamesOf(store: Store, recs: StoredRecord<Expert>[]): Promise<Map<string, string>> {
  const ids = [...new Set(recs.map((r) => r.body.userId).filter((x): x is string => !!x))];
  const users = await Promise.all(ids.map((id) => store.getUser(id)));
  return new Map(users.filter((u): u is User => !!u).map((u) => [u.id, u.name]));
}

export async function poolOf(store: Store, committeeId: string): Promise<StoredRecord<Expert>[]> {
  return (await store.listRecords<Expert>({ kind: 'expert', keys: [`committee:${committeeId}`], limit: POOL_LIMIT })).items;
}

export interface ExpertListQuery {
  specialty?: string;
  q?: string;
  page?: number;
  /** the appointment year F4 is judged for (default: this year) */
  year?: number;
}

export async function listExperts(d: ExpertDeps, user: User, committeeId: string, q: ExpertListQuery): Promise<Result<{ total: number; page: number; pageSize: number; year: number; items: ExpertSummary[] }>> {
  const c = await managedCommittee(d, user, committeeId);
  if (!c.ok) return c;
  const year = q.year ?? Number(d.clock.now().slice(0, 4));
  const needle = q.q?.trim();
  const all = (await poolOf(d.store, committeeId)).filter(
    (r) => (!q.specialty || r.body.specialties.includes(q.specialty)) && (!needle || r.body.name.includes(needle) || r.body.unitName.includes(needle)),
  );
  all.sort((a, b) => Number(!!a.body.inactive) - Number(!!b.body.inactive) || a.body.name.localeCompare(b.body.name, 'zh'));
  const page = q.page ?? 1;
  const slice = all.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const cx = { ...(await summaryContext(d, user, c.value, year)), userNames: await userNamesOf(d.store, slice) };
  return ok({ total: all.length, page, pageSize: PAGE_SIZE, year, items: slice.map((r) => expertSummary(r, cx)) });
}

async function loadExpert(d: ExpertDeps, committeeId: string, expertId: string): Promise<Result<StoredRecord<Expert>>> {
  const rec = await d.store.getRecord<Expert>('expert', expertId);
  if (!rec || !rec.body.committees.includes(committeeId)) return fail('expert.not_found', '该专家不在本评委会专家库中');
  return ok(rec);
}

/** references that must exist: the unit and region in the org tree, the account, the committee's specialties */
async function inputProblems(d: ExpertDeps, committee: Committee, input: ExpertInput): Promise<Problem[]> {
  const out: Problem[] = [];
  const allowed = committee.specialties ?? [...(await specialtyNames(d.store, committee)).keys()];
  input.specialties.forEach((s, i) => {
    if (allowed.length > 0 && !allowed.includes(s)) out.push({ code: 'expert.specialty', message: '该专业不属于本评委会的评审专业', pointer: `/specialties/${i}` });
  });
  if (input.unitOrgId && !(await d.store.getOrg(input.unitOrgId))) out.push({ code: 'expert.unit', message: '所选工作单位不存在', pointer: '/unitOrgId' });
  if (input.region && !(await d.store.getOrg(input.region))) out.push({ code: 'expert.region', message: '所选盟市不存在', pointer: '/region' });
  if (input.userId) {
    const u = await d.store.getUser(input.userId);
    if (!u) out.push({ code: 'expert.user', message: '所选登录账号不存在', pointer: '/userId' });
    else if (!u.roles.some((r) => r.role === 'expert' && r.orgId === committee.id)) {
      out.push({ code: 'expert.user', message: `账号“${u.name}”不是本评委会的评审专家，不能用于网上评审`, pointer: '/userId' });
    }
  }
  const maxYear = Number(d.clock.now().slice(0, 4)) + 1;
  (input.serviceYears ?? []).forEach((y, i) => {
    if (y > maxYear) out.push({ code: 'expert.year', message: `任职年度不能晚于 ${maxYear} 年`, pointer: `/serviceYears/${i}` });
  });
  return out;
}

function applyInput(before: Expert | null, committeeId: string, input: ExpertInput): Expert {
  const keep: ServiceYear[] = (before?.service ?? []).filter((s) => s.committeeId !== committeeId);
  const mine: ServiceYear[] = input.serviceYears === undefined
    ? (before?.service ?? []).filter((s) => s.committeeId === committeeId)
    : [...new Set(input.serviceYears)].sort((a, b) => a - b).map((year) => ({ committeeId, year }));
  const opt = <K extends 'unitOrgId' | 'region' | 'phone' | 'email' | 'userId'>(k: K): Partial<Pick<Expert, K>> => {
    const v = input[k]?.trim();
    return v ? ({ [k]: v } as Partial<Pick<Expert, K>>) : {};
  };
  return {
    name: input.name.trim(),
    specialties: [...new Set(input.specialties)],
    title: input.title.trim(),
    unitName: input.unitName.trim(),
    ...opt('unitOrgId'),
    ...opt('region'),
    ...opt('phone'),
    ...opt('email'),
    ...opt('userId'),
    committees: before ? before.committees : [committeeId],
    service: [...keep, ...mine],
    conflicts: before?.conflicts ?? [],
    ...(before?.inactive ? { inactive: before.inactive } : {}),
  };
}

/** the audit's view of an expert: contact details are not copied into the log */
const audited = (e: Expert | null): Record<string, unknown> | null => {
  if (!e) return null;
  const { phone: _p, email: _e, conflicts, ...rest } = e;
  return { ...rest, conflicts: conflicts.map(({ applicantIdNumber: _id, ...c }) => c) };
};

async function write(d: ExpertDeps, user: User, id: string, before: StoredRecord<Expert> | null, after: Expert, action: string): Promise<Result<{ id: string; version: number }>> {
  const now = d.clock.now();
  const rec: StoredRecord<Expert> = { kind: 'expert', id, version: (before?.version ?? 0) + 1, updatedAt: now, keys: expertKeys(after), body: after };
  const res = await d.store.putRecord(rec, before?.version ?? null, [
    { at: now, actor: user.id, action, target: { type: 'expert', id }, before: audited(before?.body ?? null), after: audited(after) },
  ]);
  if (!res.ok) return fail(res.code === 'conflict' ? 'expert.conflict' : `expert.${res.code}`, res.code === 'conflict' ? '该专家信息已被他人修改，请刷新后重试' : res.message);
  return ok({ id, version: rec.version });
}

export async function addExpert(d: ExpertDeps, user: User, committeeId: string, input: ExpertInput): Promise<Result<{ id: string; version: number }>> {
  const c = await managedCommittee(d, user, committeeId);
  if (!c.ok) return c;
  const problems = await inputProblems(d, c.value, input);
  if (problems.length > 0) return fail('expert.invalid', '专家信息有误，未保存', problems);
  const pool = await poolOf(d.store, committeeId);
  const twin = pool.find((r) => r.body.name === input.name.trim() && r.body.unitName === input.unitName.trim());
  if (twin) return fail('expert.duplicate', `本评委会专家库中已有${twin.body.name}（${twin.body.unitName}）`, [{ code: 'expert.duplicate', message: '专家库中已有同名同单位的专家', pointer: '/name' }]);
  return write(d, user, `exp-${randomUUID().slice(0, 8)}`, null, applyInput(null, committeeId, input), 'expert.create');
}

export async function editExpert(d: ExpertDeps, user: User, committeeId: string, expertId: string, input: ExpertInput, version: number): Promise<Result<{ id: string; version: number }>> {
  const c = await managedCommittee(d, user, committeeId);
  if (!c.ok) return c;
  const before = await loadExpert(d, committeeId, expertId);
  if (!before.ok) return before;
  if (before.value.version !== version) return fail('expert.conflict', '该专家信息已被他人修改，请刷新后重试');
  const problems = await inputProblems(d, c.value, input);
  if (problems.length > 0) return fail('expert.invalid', '专家信息有误，未保存', problems);
  return write(d, user, expertId, before.value, applyInput(before.value.body, committeeId, input), 'expert.update');
}

export async function setExpertActive(d: ExpertDeps, user: User, committeeId: string, expertId: string, reason: string | null): Promise<Result<{ id: string; version: number }>> {
  const c = await managedCommittee(d, user, committeeId);
  if (!c.ok) return c;
  const before = await loadExpert(d, committeeId, expertId);
  if (!before.ok) return before;
  const e = before.value.body;
  if (reason !== null) {
    if (e.inactive) return fail('expert.already_inactive', `该专家已于 ${e.inactive.at.slice(0, 10)} 停用`);
    return write(d, user, expertId, before.value, { ...e, inactive: { at: d.clock.now(), by: user.id, reason: reason.trim() } }, 'expert.deactivate');
  }
  if (!e.inactive) return fail('expert.already_active', '该专家未停用');
  const { inactive: _gone, ...rest } = e;
  return write(d, user, expertId, before.value, rest, 'expert.reactivate');
}

export interface ConflictInput {
  /** an applicant picked by name: the application they filed */
  applicationId?: string;
  /** a unit picked from the org tree */
  orgId?: string;
  reason: string;
}

export async function declareConflict(d: ExpertDeps, user: User, committeeId: string, expertId: string, input: ConflictInput): Promise<Result<{ id: string; version: number }>> {
  const c = await managedCommittee(d, user, committeeId);
  if (!c.ok) return c;
  const before = await loadExpert(d, committeeId, expertId);
  if (!before.ok) return before;
  if (!input.applicationId === !input.orgId) {
    return fail('expert.recusal_target', '请选择一位申报人或一个单位', [{ code: 'expert.recusal_target', message: '请选择一位申报人或一个单位', pointer: '/applicationId' }]);
  }
  const conflict: DeclaredConflict = { reason: input.reason.trim(), at: d.clock.now(), by: user.id };
  if (input.applicationId) {
    const app = await d.store.getApplication(input.applicationId);
    if (!app) return fail('expert.invalid', '所选申报人不存在', [{ code: 'expert.applicant', message: '所选申报人不存在', pointer: '/applicationId' }]);
    const fromForm = app.form['idNumber'];
    const idNumber = typeof fromForm === 'string' ? fromForm : (await d.store.getUser(app.applicantId))?.idNumber;
    if (!idNumber) return fail('expert.invalid', '该申报人没有身份证件号码，无法登记回避', [{ code: 'expert.applicant', message: '该申报人没有身份证件号码', pointer: '/applicationId' }]);
    Object.assign(conflict, { applicantIdNumber: idNumber, applicantName: app.applicantName });
  } else {
    const org = await d.store.getOrg(input.orgId!);
    if (!org) return fail('expert.invalid', '所选单位不存在', [{ code: 'expert.unit', message: '所选单位不存在', pointer: '/orgId' }]);
    Object.assign(conflict, { orgId: org.id, unitName: org.name });
  }
  const e = before.value.body;
  const same = e.conflicts.find((x) => (conflict.applicantIdNumber && x.applicantIdNumber === conflict.applicantIdNumber) || (conflict.orgId && x.orgId === conflict.orgId));
  if (same) return fail('expert.conflict_duplicate', `已登记对${same.applicantName ?? same.unitName ?? ''}的回避`);
  return write(d, user, expertId, before.value, { ...e, conflicts: [...e.conflicts, conflict] }, 'expert.conflict.declare');
}

export async function removeConflict(d: ExpertDeps, user: User, committeeId: string, expertId: string, index: number): Promise<Result<{ id: string; version: number }>> {
  const c = await managedCommittee(d, user, committeeId);
  if (!c.ok) return c;
  const before = await loadExpert(d, committeeId, expertId);
  if (!before.ok) return before;
  const e = before.value.body;
  if (index >= e.conflicts.length) return fail('expert.conflict_not_found', '该回避申报不存在');
  return write(d, user, expertId, before.value, { ...e, conflicts: e.conflicts.filter((_, i) => i !== index) }, 'expert.conflict.remove');
}

/** the applications a conflict can name: this committee's, by applicant name (the office picks a person, never an id) */
export async function conflictApplicants(d: ExpertDeps, user: User, committeeId: string, q: string): Promise<Result<{ applicationId: string; label: string }[]>> {
  const c = await managedCommittee(d, user, committeeId);
  if (!c.ok) return c;
  const orgNames = new Map((await d.store.listOrgs()).map((o) => [o.id, o.name]));
  const needle = q.trim();
  // the committee's applications (routed through it), as summaries by keyset pages until 50 match: none left out
  // because other series or committees filled a first page
  const found: { applicationId: string; label: string }[] = [];
  for (let after: string | undefined, more = true; more && found.length < 50; ) {
    const page = await d.store.listApplicationSummaries({ routedThrough: [committeeId], limit: 500, ...(after !== undefined ? { after } : {}) });
    for (const a of page.items) {
      if (found.length < 50 && a.committeeId === committeeId && (!needle || a.applicantName.includes(needle))) {
        found.push({ applicationId: a.id, label: `${a.applicantName}（${(a.orgId ? orgNames.get(a.orgId) : undefined) ?? '单位未知'}）` });
      }
    }
    after = page.next;
    more = after !== undefined;
  }
  return ok(found);
}

export interface PoolChoices {
  specialties: { key: string; name: string }[];
  orgs: { id: string; name: string; kind: string; parentId?: string }[];
  accounts: { id: string; name: string }[];
}

/** what the office's pages pick from: the committee's specialties by name, the orgs (unit and region pickers), the expert accounts */
export async function poolChoices(d: ExpertDeps, user: User, committeeId: string): Promise<Result<PoolChoices>> {
  const c = await managedCommittee(d, user, committeeId);
  if (!c.ok) return c;
  const names = await specialtyNames(d.store, c.value);
  const keys = c.value.specialties?.length ? c.value.specialties : [...names.keys()];
  const orgs = (await d.store.listOrgs()).filter((o) => !o.deactivated && o.kind !== 'committeeOffice');
  const accounts = (await d.store.listUsersByRole([{ role: 'expert', orgId: committeeId }])).filter((u) => !u.disabled);
  return ok({
    specialties: keys.map((k) => ({ key: k, name: names.get(k) ?? k })),
    orgs: orgs.map((o) => ({ id: o.id, name: o.name, kind: o.kind, ...(o.parentId ? { parentId: o.parentId } : {}) })),
    accounts: accounts.map((u) => ({ id: u.id, name: u.name })),
  });
}
