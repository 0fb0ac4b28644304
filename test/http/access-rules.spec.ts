// Who sees which application: own only for applicants, own org's routing for reviewers and clerks,
// own committee for experts, everything for administrators; others get a 404, never a 403.
import { describe, expect, it } from 'vitest';
import { assertCanSee, assignmentsOf, canSeeApplication } from '../../server/auth/access-rules.js';
import type { Role } from '../../server/auth/policy.js';
import { HttpError } from '../../server/http/errors.js';
import { makeApplication, makeUser } from '../support/factories.js';

const app = makeApplication({
  applicantId: 'u-applicant',
  routing: { unit: 'unit-a', competent: 'dept-a', league: 'league-a', centre: 'centre', committeeOffice: 'office-a' },
  committeeId: 'committee-a',
});

const ROUTED: [Role, string][] = [
  ['unitReviewer', 'unit-a'],
  ['competentReviewer', 'dept-a'],
  ['leagueReviewer', 'league-a'],
  ['centreClerk', 'centre'],
  ['committeeClerk', 'office-a'],
  ['expert', 'committee-a'],
];

describe('access rules', () => {
  it.each(ROUTED)('%s sees applications of its own org (%s) and not of another', (role, orgId) => {
    expect(canSeeApplication(makeUser({ id: 'u-s', kind: 'staff', roles: [{ role, orgId }] }), app)).toBe(true);
    expect(canSeeApplication(makeUser({ id: 'u-s', kind: 'staff', roles: [{ role, orgId: 'other-org' }] }), app)).toBe(false);
  });

  it('a role in the right org that is not a reviewing role sees nothing', () => {
    expect(canSeeApplication(makeUser({ id: 'u-e', kind: 'staff', roles: [{ role: 'flowEditor', orgId: 'dept-a' }] }), app)).toBe(false);
    expect(canSeeApplication(makeUser({ id: 'u-e', kind: 'staff', roles: [{ role: 'expert', orgId: 'unit-a' }] }), app)).toBe(false);
  });

  it('applicants see their own applications only; administrators all', () => {
    expect(canSeeApplication(makeUser({ id: 'u-applicant' }), app)).toBe(true);
    expect(canSeeApplication(makeUser({ id: 'u-other', roles: [{ role: 'applicant', orgId: 'unit-a' }] }), app)).toBe(false);
    expect(canSeeApplication(makeUser({ id: 'u-admin', kind: 'staff', roles: [{ role: 'admin', orgId: 'nm-hrss' }] }), app)).toBe(true);
  });

  it('assertCanSee answers 404 for both a missing and a foreign application', () => {
    const stranger = makeUser({ id: 'u-other' });
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
    const staff = makeUser({ id: 'u-8', kind: 'staff', roles: [{ role: 'unitReviewer', orgId: 'unit-a' }] });
    expect(assignmentsOf(staff)).toEqual([{ role: 'unitReviewer', orgId: 'unit-a' }]);
  });
});
