// The runtime's parts, wired once per process: what the HTTP plugins and scripts call.
import type { Clock } from '../domain/clock.js';
import { MetaValidator } from '../domain/definitions/meta-validator.js';
import type { Store } from '../store/port.js';
import { Definitions } from './definitions.js';
import { kindChecks } from './kind-checks.js';
import { readPlatformSchemas } from './platform-schemas.js';

export interface Platform {
  root: string;
  store: Store;
  clock: Clock;
  meta: MetaValidator;
  definitions: Definitions;
}

export function createPlatform(opts: { root: string; store: Store; clock: Clock }): Platform {
  const meta = new MetaValidator(readPlatformSchemas(opts.root));
  const definitions = new Definitions(opts.store, opts.clock, { meta, byKind: kindChecks() });
  return { root: opts.root, store: opts.store, clock: opts.clock, meta, definitions };
}
