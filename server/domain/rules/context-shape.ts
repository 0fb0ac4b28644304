// What the rules context holds, as types: the names a level's form provides (its fields, at the top
// level and under `form`) and the facts the platform supplies (see buildContext in context.ts, and
// ContextInput: keep the two in step — test/abuse/feel-static.spec.ts compares them).
import { HELPER_NAMES } from './helpers.js';
import { ANY, BOOLEAN, listOf, NUMBER, objectOf, STRING, typeOfSchema, type FeelNames, type FeelType } from './feel-types.js';

/** the platform's facts, by reserved name */
export const PLATFORM_FACTS: Readonly<Record<string, FeelType>> = {
  org: objectOf({ sector: STRING, grassroots: STRING, regionCode: STRING }),
  campaign: objectOf({ year: NUMBER, cutoffs: objectOf({ education: STRING, tenure: STRING, achievements: STRING }) }),
  // quota and post counters as the store keeps them: their names are data, not known here
  counters: objectOf({}, true),
  integrity: objectOf({ active: BOOLEAN }),
  person: objectOf({ civilServant: BOOLEAN, retired: BOOLEAN }),
  history: objectOf({ usedPaths: listOf(STRING) }),
  applicationDate: STRING,
};

/** `path` exists only while a path's own conditions are evaluated (eligibility.ts) */
export const PATH_FACT: FeelType = objectOf({ id: STRING, name: STRING, quotaExempt: BOOLEAN, onceOnly: BOOLEAN });

const cache = new WeakMap<object, Map<boolean, FeelNames>>();

/** Names a condition of this form may use; `withPath` for the conditions of an application path. */
export function rulesNames(formSchema: unknown, opts: { withPath?: boolean } = {}): FeelNames {
  // one form object is checked several times (check, then publish): the same names, so findings cache too
  if (typeof formSchema !== 'object' || formSchema === null) return namesOf(formSchema, opts.withPath === true);
  let byPath = cache.get(formSchema);
  if (!byPath) cache.set(formSchema, (byPath = new Map()));
  let names = byPath.get(opts.withPath === true);
  if (!names) byPath.set(opts.withPath === true, (names = namesOf(formSchema, opts.withPath === true)));
  return names;
}

function namesOf(formSchema: unknown, withPath: boolean): FeelNames {
  const form = typeOfSchema(formSchema);
  const variables = new Map<string, FeelType>();
  // fields sit at the top level too (buildContext spreads the form first, platform names win)
  if (form.kind === 'object') for (const [k, t] of form.props) variables.set(k, t);
  variables.set('form', form.kind === 'any' ? objectOf({}, true) : form);
  for (const [k, t] of Object.entries(PLATFORM_FACTS)) variables.set(k, t);
  if (withPath) variables.set('path', PATH_FACT);
  for (const h of HELPER_NAMES) variables.set(h, { kind: 'function' });
  const closed = form.kind === 'object' && !form.open;
  return { variables, functions: new Set(HELPER_NAMES), open: !closed };
}

/** helpers and what they return, for the result-type check */
export const HELPER_RESULTS: Readonly<Record<string, FeelType>> = { years: NUMBER, months: NUMBER, workingDays: NUMBER };

export { ANY };
