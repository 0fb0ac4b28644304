// The named built-in actions a service task may run. A flow naming anything else is refused at publish.
export const ACTION_NAMES = [
  'eligibility.check',
  'quota.reserve',
  'quota.release',
  'publicity.open',
  'publicity.close',
  'notify',
  'application.withdraw',
  'application.reject',
  'application.pass',
  'application.fail',
  'certificate.issue',
] as const;

export type ActionName = (typeof ACTION_NAMES)[number];
