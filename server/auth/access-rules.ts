// Resource-level rules the route plugins call after the route policy let the caller in:
// who may see which application, and which task assignments reach a user's inbox.
import type { Application, RoleAssignment, User } from '../domain/schema-types.gen.js';
import { HttpError } from '../http/errors.js';
import type { Role } from './policy.js';

/** roles that see applications routed through their org */
export const ROUTED_ROLES: readonly Role[] = ['unitReviewer', 'competentReviewer', 'leagueReviewer', 'centreClerk', 'committeeClerk'];

export const isAdmin = (user: User): boolean => user.roles.some((r) => r.role === 'admin');

/** the orgs whose routed applications this user reviews or handles */
export function routedOrgsOf(user: User): string[] {
  return [...new Set(user.roles.filter((r) => ROUTED_ROLES.includes(r.role)).map((r) => r.orgId))];
}

/** the committees this user sits on as an expert (role 'expert', orgId = committee id) */
export function expertCommitteesOf(user: User): string[] {
  return [...new Set(user.roles.filter((r) => r.role === 'expert').map((r) => r.orgId))];
}

export function canSeeApplication(user: User, app: Application): boolean {
  if (isAdmin(user)) return true;
  if (app.applicantId === user.id) return true;
  const routed = new Set(Object.values(app.routing ?? {}));
  if (routedOrgsOf(user).some((org) => routed.has(org))) return true;
  return app.committeeId !== undefined && expertCommitteesOf(user).includes(app.committeeId);
}

/**
 * The application when the user may see it; a 404 otherwise, so that
 * nobody learns whether someone else's application exists.
 */
export function assertCanSee(user: User, app: Application | null): Application {
  if (!app || !canSeeApplication(user, app)) throw new HttpError(404, 'application.not_found', '申报不存在');
  return app;
}

/** the (role, org) pairs a task must match to reach this user's inbox */
export function assignmentsOf(user: User): RoleAssignment[] {
  const out: RoleAssignment[] = [...user.roles];
  // correction tasks are addressed to the applicant personally
  if (user.kind === 'applicant' || user.roles.some((r) => r.role === 'applicant')) out.push({ role: 'applicant', orgId: user.id });
  const seen = new Set<string>();
  return out.filter((a) => {
    const k = `${a.role}\u0000${a.orgId}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
