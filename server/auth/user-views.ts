// What of a user leaves the server: never the password hash; audit records mask the ID number too.
import type { RoleAssignment, User } from '../domain/schema-types.gen.js';
import { maskIdNumber } from './id-number.js';

export interface PublicUser {
  id: string;
  login: string;
  name: string;
  kind: User['kind'];
  roles: RoleAssignment[];
  orgId?: string;
  /** A2: the identity document in words and its number masked, as everywhere */
  idDocType?: string;
  idNumber?: string;
  phone?: string;
  email?: string;
  lockedUntil?: string;
  disabled?: User['disabled'];
  createdAt: string;
}

export function publicUser(u: User): PublicUser {
  return {
    id: u.id,
    login: u.login,
    name: u.name,
    kind: u.kind,
    roles: u.roles,
    ...(u.orgId !== undefined ? { orgId: u.orgId } : {}),
    ...(u.idNumber !== undefined ? { idDocType: u.idDocType ?? '居民身份证', idNumber: maskIdNumber(u.idNumber) } : {}),
    ...(u.phone !== undefined ? { phone: u.phone } : {}),
    ...(u.email !== undefined ? { email: u.email } : {}),
    ...(u.lockedUntil !== undefined ? { lockedUntil: u.lockedUntil } : {}),
    ...(u.disabled !== undefined ? { disabled: u.disabled } : {}),
    createdAt: u.createdAt,
  };
}

/** the before/after of a user in an audit record */
export function auditUser(u: User): Omit<User, 'passwordHash'> {
  const { passwordHash: _hash, ...rest } = u;
  return rest.idNumber !== undefined ? { ...rest, idNumber: maskIdNumber(rest.idNumber) } : rest;
}
