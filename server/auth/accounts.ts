// Accounts over the store: applicant registration, staff creation, password change.
// Every change is written together with its audit record (actor, before, after; never a password hash).
import { randomUUID } from 'node:crypto';
import type { Clock } from '../domain/clock.js';
import { fail, ok, type Problem, type Result } from '../domain/result.js';
import type { RoleAssignment, User } from '../domain/schema-types.gen.js';
import type { AuditInput, Store } from '../store/port.js';
import { idNumberProblem } from './id-number.js';
import { checkIdDocument, isIdDocumentType, registrationDocumentProblem } from '../domain/forms/id-document.js';
import { hashPassword, passwordProblems, verifyPassword } from './password.js';
import { endUserSessions } from './session-admin.js';
import { auditUser } from './user-views.js';

export { login, LOCK_AFTER_FAILURES, LOCK_MS } from './login.js';

export interface AccountDeps {
  store: Store;
  clock: Clock;
}

export interface RegisterInput {
  name: string;
  /** A2: the identity document registered with, in words; 居民身份证 when absent */
  idDocType?: string;
  idNumber: string;
  phone?: string;
  email?: string;
  password: string;
  orgId?: string;
}

export interface StaffInput {
  login: string;
  name: string;
  password: string;
  roles: RoleAssignment[];
  orgId?: string;
  phone?: string;
  email?: string;
}

const PHONE = /^1\d{10}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function userAudit(clock: Clock, actor: string, action: string, before: User | null, after: User | null): AuditInput {
  const id = (after ?? before)?.id ?? '';
  return {
    at: clock.now(),
    actor,
    action,
    target: { type: 'user', id },
    ...(before ? { before: auditUser(before) } : {}),
    ...(after ? { after: auditUser(after) } : {}),
  };
}

const invalid = (details: Problem[]) => fail('account.invalid', '账号信息不符合要求', details);
const duplicate = () => fail('account.duplicate', '该账号（手机号或邮箱）已被注册');

function passwordDetails(password: string, pointer: string): Problem[] {
  return passwordProblems(password).map((message) => ({ code: 'account.password_weak', message, pointer }));
}

function contactDetails(phone: string | undefined, email: string | undefined): Problem[] {
  const out: Problem[] = [];
  if (phone !== undefined && !PHONE.test(phone)) out.push({ code: 'account.phone', message: '手机号应为 11 位数字，以 1 开头', pointer: '/phone' });
  if (email !== undefined && !EMAIL.test(email)) out.push({ code: 'account.email', message: '电子邮箱格式不正确', pointer: '/email' });
  return out;
}

async function orgDetails(store: Store, orgId: string | undefined, pointer: string): Promise<Problem[]> {
  if (orgId === undefined || (await store.getOrg(orgId))) return [];
  return [{ code: 'account.org_unknown', message: `机构 ${orgId} 不存在`, pointer }];
}

const RESIDENT_ID = '居民身份证';

/** A2: the document type must be one a person may register with, and the number must have that document's format */
function documentDetails(type: string, idNumber: string): Problem[] {
  const typeProblem = registrationDocumentProblem(type);
  if (typeProblem) return [{ code: 'account.id_document_type', message: typeProblem, pointer: '/idDocType' }];
  const problem = type === RESIDENT_ID || !isIdDocumentType(type) ? idNumberProblem(idNumber) : checkIdDocument(type, idNumber);
  return problem ? [{ code: 'account.id_number', message: problem, pointer: '/idNumber' }] : [];
}

export async function registerApplicant(deps: AccountDeps, input: RegisterInput): Promise<Result<User>> {
  const phone = input.phone?.trim() || undefined;
  const email = input.email?.trim().toLowerCase() || undefined;
  const details: Problem[] = [];
  if (input.name.trim() === '') details.push({ code: 'account.name', message: '请填写姓名', pointer: '/name' });
  details.push(...documentDetails(input.idDocType ?? RESIDENT_ID, input.idNumber));
  if (!phone && !email) details.push({ code: 'account.contact', message: '手机号和电子邮箱至少填写一项', pointer: '/phone' });
  details.push(...contactDetails(phone, email), ...passwordDetails(input.password, '/password'), ...(await orgDetails(deps.store, input.orgId, '/orgId')));
  if (details.length > 0) return invalid(details);

  const id = `u-${randomUUID()}`;
  const user: User = {
    id,
    login: (phone ?? email)!,
    name: input.name.trim(),
    kind: 'applicant',
    idNumber: input.idNumber.trim().toUpperCase(),
    ...(input.idDocType && input.idDocType !== RESIDENT_ID ? { idDocType: input.idDocType } : {}),
    ...(phone ? { phone } : {}),
    ...(email ? { email } : {}),
    ...(input.orgId ? { orgId: input.orgId } : {}),
    passwordHash: await hashPassword(input.password),
    roles: [{ role: 'applicant', orgId: input.orgId ?? id }],
    failedLogins: 0,
    version: 1,
    createdAt: deps.clock.now(),
  };
  const res = await deps.store.insertUser(user, [userAudit(deps.clock, id, 'user.register', null, user)]);
  if (!res.ok) return res.code === 'duplicate' ? duplicate() : fail(`account.${res.code}`, res.message);
  return ok(user);
}

export async function createStaff(deps: AccountDeps, actor: User, input: StaffInput): Promise<Result<User>> {
  const details: Problem[] = [...contactDetails(input.phone, input.email), ...passwordDetails(input.password, '/password')];
  if (input.roles.length === 0) details.push({ code: 'account.roles', message: '工作人员至少需要一个角色', pointer: '/roles' });
  for (const [i, r] of input.roles.entries()) {
    if (r.role === 'applicant') details.push({ code: 'account.role', message: '工作人员账号不能授予申报人角色', pointer: `/roles/${i}/role` });
    // expert roles name a committee (a definition), every other role an org
    if (r.role !== 'expert') details.push(...(await orgDetails(deps.store, r.orgId, `/roles/${i}/orgId`)));
  }
  details.push(...(await orgDetails(deps.store, input.orgId, '/orgId')));
  if (details.length > 0) return invalid(details);

  const user: User = {
    id: `u-${randomUUID()}`,
    login: input.login.trim(),
    name: input.name.trim(),
    kind: 'staff',
    ...(input.phone ? { phone: input.phone } : {}),
    ...(input.email ? { email: input.email } : {}),
    ...(input.orgId ? { orgId: input.orgId } : {}),
    passwordHash: await hashPassword(input.password),
    roles: input.roles,
    failedLogins: 0,
    version: 1,
    createdAt: deps.clock.now(),
  };
  const res = await deps.store.insertUser(user, [userAudit(deps.clock, actor.id, 'user.create', null, user)]);
  if (!res.ok) return res.code === 'duplicate' ? duplicate() : fail(`account.${res.code}`, res.message);
  return ok(user);
}

export async function changePassword(deps: AccountDeps, user: User, oldPassword: string, newPassword: string): Promise<Result<User>> {
  if (!(await verifyPassword(oldPassword, user.passwordHash))) {
    return fail('account.old_password', '原密码不正确', [{ code: 'account.old_password', message: '原密码不正确', pointer: '/oldPassword' }]);
  }
  const details = passwordDetails(newPassword, '/newPassword');
  if (oldPassword === newPassword) details.push({ code: 'account.password_same', message: '新密码不能与原密码相同', pointer: '/newPassword' });
  if (details.length > 0) return invalid(details);
  const next: User = { ...user, passwordHash: await hashPassword(newPassword), version: user.version + 1 };
  const audit: AuditInput = { at: deps.clock.now(), actor: user.id, action: 'user.password_change', target: { type: 'user', id: user.id }, before: { version: user.version }, after: { version: next.version } };
  const res = await deps.store.updateUser(next, user.version, [audit]);
  if (!res.ok) return fail('account.conflict', '账号信息已被修改，请重试');
  // whoever held the old password holds no session any more (the caller starts a fresh one)
  await endUserSessions(deps, user.id, user.id, 'password_changed');
  return ok(next);
}
