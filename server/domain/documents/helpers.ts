// Template helpers. Each returns plain strings or booleans, which Handlebars escapes:
// no helper returns a SafeString, so nothing from application data reaches the page unescaped.
import type Handlebars from 'handlebars';
import type { Labels } from './types.js';
import { pointerLabel } from './labels.js';

type HelperOptions = { data?: { labels?: Labels } };

/** Handlebars passes its options object last; the real arguments come before it. */
const split = (args: unknown[]): { params: unknown[]; options: HelperOptions } => ({
  params: args.slice(0, -1),
  options: (args[args.length - 1] ?? {}) as HelperOptions,
});

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * 'YYYY-MM-DD' → 'YYYY年MM月DD日'. An instant ('…T…Z' or with offset) is shown on the
 * China calendar (UTC+8, no daylight saving), since every signature date is local.
 */
export function formatDate(value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  const s = String(value);
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (day) return `${day[1]}年${day[2]}月${day[3]}日`;
  if (/^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:?\d{2})$/.test(s)) {
    const t = Date.parse(s);
    if (!Number.isNaN(t)) {
      const d = new Date(t + 8 * 3600_000);
      return `${d.getUTCFullYear()}年${pad(d.getUTCMonth() + 1)}月${pad(d.getUTCDate())}日`;
    }
  }
  return s; // not a date we know: show it as written rather than lose it
}

export const CUSTOM_HELPERS = ['date', 'eq', 'join', 'pointerLabel'] as const;

export function registerHelpers(hb: typeof Handlebars): void {
  hb.registerHelper('date', (...args: unknown[]) => formatDate(split(args).params[0]));
  hb.registerHelper('eq', (...args: unknown[]) => {
    const [a, b] = split(args).params;
    return a === b;
  });
  hb.registerHelper('join', (...args: unknown[]) => {
    const [list, sep] = split(args).params;
    if (!Array.isArray(list)) return '';
    return list
      .filter((x) => x !== null && x !== undefined && typeof x !== 'object')
      .map(String)
      .join(typeof sep === 'string' ? sep : '、');
  });
  hb.registerHelper('pointerLabel', (...args: unknown[]) => {
    const { params, options } = split(args);
    return typeof params[0] === 'string' ? pointerLabel(params[0], options.data?.labels ?? {}) : '';
  });
  // the builtin writes to the console; rendering is pure
  hb.registerHelper('log', () => '');
}
