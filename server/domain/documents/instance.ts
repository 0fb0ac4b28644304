// The private Handlebars instance shared by render and compile-check, so both use the
// same helpers and the same compile options. Global Handlebars is never touched.
import Handlebars from 'handlebars';
import { registerHelpers, CUSTOM_HELPERS } from './helpers.js';

export const hb = Handlebars.create();
registerHelpers(hb);

/** Builtins we allow. `log` is replaced by a no-op in helpers.ts (rendering does no I/O). */
export const BUILTIN_HELPERS = ['if', 'unless', 'each', 'with', 'lookup', 'log'] as const;

export const KNOWN_HELPERS: ReadonlySet<string> = new Set<string>([...BUILTIN_HELPERS, ...CUSTOM_HELPERS]);

// knownHelpersOnly makes an unknown helper a compile error instead of a render-time surprise
export const COMPILE_OPTIONS = {
  knownHelpers: Object.fromEntries(CUSTOM_HELPERS.map((h) => [h, true])),
  knownHelpersOnly: true,
  noEscape: false,
  strict: false,
  preventIndent: true,
};

/**
 * Prototype access stays blocked (the default); saying so explicitly also stops
 * Handlebars logging a warning to the console for each blocked property.
 */
export const RUNTIME_OPTIONS = {
  allowProtoPropertiesByDefault: false,
  allowProtoMethodsByDefault: false,
};
