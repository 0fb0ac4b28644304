// Build the FEEL evaluation context. Form fields sit at the top level so authors
// write `education.degree`; everything the platform supplies sits under reserved
// names, which a form may not use (meta-check reports the collision at publish).
import type { HolidayCalendar } from '../calendar/calendar.js';
import { feelHelpers, HELPER_NAMES, workingDaysHelper } from './helpers.js';
import { fail, ok, type Result } from '../result.js';

export type Sector = 'public' | 'non-public';
export type Grassroots = 'township' | 'banner' | 'city' | 'region';

export interface ContextInput {
  /** the application's form data */
  form: Readonly<Record<string, unknown>>;
  org: { sector: Sector; grassroots: Grassroots; regionCode: string };
  campaign: {
    year: number;
    /** 'YYYY-MM-DD'; education and tenure are counted to these (B2: 2021-12-31 in 2022) */
    cutoffs: { education: string; tenure: string; achievements: string };
  };
  /** quota and post counters as the store keeps them, e.g. { quota: { allocated, used }, post: { senior, overPost } } */
  counters: Readonly<Record<string, unknown>>;
  integrity: { active: boolean };
  /** facts the platform already holds about the person (A4: civil servant, retired) */
  person: { civilServant: boolean; retired: boolean };
  history: { usedPaths: readonly string[] };
  /** 'YYYY-MM-DD'; achievements, papers and awards are counted to this date */
  applicationDate: string;
  /** holiday calendars for workingDays(); without them the helper reports an error */
  calendars?: readonly HolidayCalendar[];
}

const PLATFORM_NAMES = ['form', 'org', 'campaign', 'counters', 'integrity', 'person', 'history', 'applicationDate', 'path'] as const;

/** Top-level names a form field may not take. */
export const RESERVED_CONTEXT_NAMES: readonly string[] = [...PLATFORM_NAMES, ...HELPER_NAMES];

export type EvalContext = Readonly<Record<string, unknown>>;

export function buildContext(input: ContextInput): Result<EvalContext> {
  const clashes = Object.keys(input.form).filter((k) => RESERVED_CONTEXT_NAMES.includes(k));
  if (clashes.length > 0) {
    return fail(
      'rules.reserved_name',
      '表单字段名与规则保留名称冲突',
      clashes.map((k) => ({ code: 'rules.reserved_name', message: `字段名「${k}」与规则保留名称冲突`, pointer: `/${k}` })),
    );
  }
  return ok({
    ...input.form,
    form: input.form,
    org: input.org,
    campaign: input.campaign,
    counters: input.counters,
    integrity: input.integrity,
    person: input.person,
    history: { usedPaths: [...input.history.usedPaths] },
    applicationDate: input.applicationDate,
    ...feelHelpers,
    workingDays: workingDaysHelper(input.calendars),
  });
}
