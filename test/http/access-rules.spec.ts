// Who sees which application: the applicant their own; an office once the flow has reached it (it has or had a
// task on the application) and from then on; an expert what is on the agenda of a vote they sit in (a ballot of
// theirs exists or existed); the administrator everything. Others get a 404, never a 403.
import { describe, expect, it } from 'vitest';
import { agendaReachOf, assertCanSee, assignmentsOf, canSeeApplication, isCommitteeOfficeOf, reachOfUser, viewerOf } from '../../server/auth/access-rules.js';
import type { Role } from '../../server/auth/policy.js';
import type { Application } from '../../server/domain/schema-types.gen.js';
import { reachKey } from '../../server/domain/workflow/reach.js';
import { newState } from '../../server/domain/workflow/state.js';
import { HttpError } from '../../server/http/errors.js';
import { makeApplication, makeUser } from '../support/factories.js';

const routing = { unit: 'unit-a', competent: 'dept-a', league: 'league-a', centre: 'centre', committeeOffice: 'office-a', committee: 'committee-a' };
/** an application whose flow has created tasks for these addresses (open: still open) */
function reachedBy(done: string[], open: { role: string; orgId: string; assignee?: string }[] = []): Application {
  return makeApplication({
    applicantId: 'u-applicant',
    status: 'submitted',
    routing,
    committeeId: 'committee-a',
    workflow: { ...newState(), status: 'active', reached: [...done, ...open.map(reachKey)] },
    openTasks: open.map((t, i) => ({ taskId: `t${i}`, elementId: 'e', name: 'e', createdAt: '2022-06-01T00:00:00.000Z', ...t })),
  });
}
const staff = (role: Role, orgId: string, id = 'u-s') => makeUser({ id, kind: 'staff', roles: [{ role, orgId }] });

const OFFICES: [Role, string][] = [
  ['unitReviewer', 'unit-a'],
  ['competentReviewer', 'dept-a'],
  ['leagueReviewer', 'league-a'],
  ['centreClerk', 'centre'],
  ['committeeClerk', 'office-a'],
];

describe('access rules', () => {
  it.each(OFFICES)('%s of %s sees the application only once the flow has reached it, and keeps seeing it', (role, orgId) => {
    const user = staff(role, orgId);
    expect(canSeeApplication(user, reachedBy([]))).toBe(false); // on the route, not reached yet
    expect(canSeeApplication(user, reachedBy([], [{ role, orgId }]))).toBe(true); // its task is open
    expect(viewerOf(user, reachedBy([reachKey({ role, orgId })]))).toBe('office'); // handled, task done
    expect(canSeeApplication(staff(role, 'other-org'), reachedBy([reachKey({ role, orgId })]))).toBe(false);
  });

  it('an org reached in one role does not let in another role of the same org', () => {
    expect(canSeeApplication(staff('competentReviewer', 'unit-a'), reachedBy([reachKey({ role: 'unitReviewer', orgId: 'unit-a' })]))).toBe(false);
  });

  it('an expert sees only what is on the agenda of a vote they sit in: their own ballot exists or existed', () => {
    const expert = staff('expert', 'committee-a', 'u-expert');
    const ballot = { role: 'expert', orgId: 'committee-a', assignee: 'u-expert' };
    expect(canSeeApplication(expert, reachedBy([reachKey({ role: 'committeeClerk', orgId: 'office-a' })]))).toBe(false); // before the vote
    expect(viewerOf(expert, reachedBy([], [ballot]))).toBe('expert');
    expect(viewerOf(expert, reachedBy([reachKey(ballot)]))).toBe('expert'); // voted, or the vote is over
    // on the committee but not sitting in this vote; or sitting in another committee
    expect(canSeeApplication(expert, reachedBy([], [{ ...ballot, assignee: 'u-other-expert' }]))).toBe(false);
    expect(canSeeApplication(staff('expert', 'committee-b', 'u-expert'), reachedBy([reachKey(ballot)]))).toBe(false);
    expect(agendaReachOf(expert)).toEqual([reachKey(ballot)]);
  });

  it('a role that reviews nothing sees nothing, even in an org the flow reached', () => {
    const app = reachedBy([reachKey({ role: 'competentReviewer', orgId: 'dept-a' })]);
    expect(canSeeApplication(staff('flowEditor', 'dept-a'), app)).toBe(false);
    expect(reachOfUser(staff('flowEditor', 'dept-a'))).toEqual([]);
  });

  it('applicants see their own applications only, drafts included; administrators all', () => {
    const draft = makeApplication({ applicantId: 'u-applicant' });
    expect(viewerOf(makeUser({ id: 'u-applicant' }), draft)).toBe('owner');
    expect(canSeeApplication(makeUser({ id: 'u-other', roles: [{ role: 'applicant', orgId: 'unit-a' }] }), reachedBy([]))).toBe(false);
    expect(viewerOf(makeUser({ id: 'u-admin', kind: 'staff', roles: [{ role: 'admin', orgId: 'nm-hrss' }] }), draft)).toBe('admin');
  });

  it('only a clerk of the committee office the flow reached is the committee office', () => {
    const app = reachedBy([reachKey({ role: 'committeeClerk', orgId: 'office-a' })]);
    expect(isCommitteeOfficeOf(staff('committeeClerk', 'office-a'), app)).toBe(true);
    expect(isCommitteeOfficeOf(staff('committeeClerk', 'office-a'), reachedBy([]))).toBe(false);
    expect(isCommitteeOfficeOf(staff('centreClerk', 'centre'), reachedBy([reachKey({ role: 'centreClerk', orgId: 'centre' })]))).toBe(false);
  });

  it('assertCanSee answers 404 for both a missing and a foreign application', () => {
    const stranger = makeUser({ id: 'u-other' });
    const app = reachedBy([]);
    for (const a of [null, app]) {
      try {
        assertCanSee(stranger, a);
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(HttpError);
        expect((e as HttpError).statusCode).toBe(404);
      }
    }
    expect(assertCanSee(makeUser({ id: 'u-applicant' }), app)).toBe(app);
  });

  it('assignmentsOf adds the applicant personally, once', () => {
    const user = makeUser({ id: 'u-9', roles: [{ role: 'applicant', orgId: 'u-9' }] });
    expect(assignmentsOf(user)).toEqual([{ role: 'applicant', orgId: 'u-9' }]);
    const s = makeUser({ id: 'u-8', kind: 'staff', roles: [{ role: 'unitReviewer', orgId: 'unit-a' }] });
    expect(assignmentsOf(s)).toEqual([{ role: 'unitReviewer', orgId: 'unit-a' }]);
  });
});
