// Resource-level rules the route plugins call after the route policy let the caller in: who may see which
// application, and which task assignments reach a user's inbox. People see what their role and the flow's
// stage need (个人信息保护): an office once the flow has reached it (it has or had a task on the application),
// an expert what is on the agenda of a vote they sit in, the applicant their own, the administrator all.
import { reachKey, reachOf } from '../domain/workflow/reach.js';
import type { Application, RoleAssignment, User } from '../domain/schema-types.gen.js';
import { HttpError } from '../http/errors.js';
import type { Role } from './policy.js';

/** roles that see applications their org handles (has or had a task on) */
export const ROUTED_ROLES: readonly Role[] = ['unitReviewer', 'competentReviewer', 'leagueReviewer', 'centreClerk', 'committeeClerk'];

export const isAdmin = (user: User): boolean => user.roles.some((r) => r.role === 'admin');

/** the orgs this user reviews or handles for */
export function routedOrgsOf(user: User): string[] {
  return [...new Set(user.roles.filter((r) => ROUTED_ROLES.includes(r.role)).map((r) => r.orgId))];
}

/** the committees this user sits on as an expert (role 'expert', orgId = committee id) */
export function expertCommitteesOf(user: User): string[] {
  return [...new Set(user.roles.filter((r) => r.role === 'expert').map((r) => r.orgId))];
}

/** the task addresses of the user's offices: a task to one of them reached this user's inbox */
export function officeReachOf(user: User): string[] {
  return user.roles.filter((r) => ROUTED_ROLES.includes(r.role)).map((r) => reachKey({ role: r.role, orgId: r.orgId }));
}

/**
 * What is on the agenda of a review session this expert sits in. Review sessions (评审会议) do not exist yet:
 * until they do, an application is on an expert's agenda once the flow has given them a ballot on it (it
 * exists or existed). The one rule to replace when sessions and their agendas arrive.
 */
export function agendaReachOf(user: User): string[] {
  return expertCommitteesOf(user).map((committee) => reachKey({ role: 'expert', orgId: committee, assignee: user.id }));
}

/** every task address through which this user may see an application (what the stores filter lists by) */
export function reachOfUser(user: User): string[] {
  return [...new Set([...officeReachOf(user), ...agendaReachOf(user)])];
}

const meets = (mine: readonly string[], app: Application): boolean => {
  const reached = new Set(reachOf(app));
  return mine.some((k) => reached.has(k));
};

/** how the user comes to see the application, or null when they may not */
export type Viewer = 'admin' | 'owner' | 'office' | 'expert';

export function viewerOf(user: User, app: Application): Viewer | null {
  if (isAdmin(user)) return 'admin';
  if (app.applicantId === user.id) return 'owner';
  if (meets(officeReachOf(user), app)) return 'office';
  if (meets(agendaReachOf(user), app)) return 'expert';
  return null;
}

export const canSeeApplication = (user: User, app: Application): boolean => viewerOf(user, app) !== null;

/** the committee office of the application's committee: the only one who sees a vote's progress, as a count */
export function isCommitteeOfficeOf(user: User, app: Application): boolean {
  const office = app.routing?.['committeeOffice'];
  return office !== undefined && viewerOf(user, app) === 'office' && user.roles.some((r) => r.role === 'committeeClerk' && r.orgId === office);
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
