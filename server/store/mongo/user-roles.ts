// Who holds which role, on MongoDB: the accounts are pre-selected through the multikey index on roles.role (indexes.ts)
// and the org is matched here, because FerretDB 1.24 has no $elemMatch over sub-documents (a plain
// {'roles.role', 'roles.orgId'} filter could pair one assignment's role with another's org).
import type { Collection, Document } from 'mongodb';
import type { User } from '../../domain/schema-types.gen.js';
import type { RoleAddress } from '../port.js';

function toUser(d: Document): User {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(d)) if (!k.startsWith('_')) out[k] = v;
  return out as unknown as User;
}

const holds = (u: User, addresses: readonly RoleAddress[]): boolean =>
  u.roles.some((r) => addresses.some((a) => a.role === r.role && (a.orgId === undefined || a.orgId === r.orgId)));

/** the accounts holding any of these roles (at that org when given), each once, by id */
export async function listUsersByRole(users: Collection<Document & { _id: string }>, addresses: readonly RoleAddress[]): Promise<User[]> {
  if (addresses.length === 0) return [];
  const roles = [...new Set(addresses.map((a) => a.role))];
  const orgs = addresses.every((a) => a.orgId !== undefined) ? { 'roles.orgId': { $in: [...new Set(addresses.map((a) => a.orgId))] } } : {};
  const docs = await users.find({ 'roles.role': { $in: roles }, ...orgs }).sort({ _id: 1 }).toArray();
  return docs.map(toUser).filter((u) => holds(u, addresses));
}

/** the staff accounts (kind 'staff'), by id: never the applicants */
export async function listStaff(users: Collection<Document & { _id: string }>): Promise<User[]> {
  return (await users.find({ kind: 'staff' }).sort({ _id: 1 }).toArray()).map(toUser);
}
