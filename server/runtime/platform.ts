// The runtime's parts, wired once per process: what the HTTP plugins and scripts call.
import type { Clock } from '../domain/clock.js';
import { MetaValidator } from '../domain/definitions/meta-validator.js';
import { createModelCache } from '../domain/workflow/cache.js';
import type { Store } from '../store/port.js';
import type { AppDeps } from './applications/deps.js';
import { CalendarSource } from './calendars.js';
import { Definitions } from './definitions.js';
import { kindChecks } from './kind-checks.js';
import { LevelCache } from './levels.js';
import type { Channels } from './notifications/channels/channel.js';
import { readPlatformSchemas } from './platform-schemas.js';
import { WorkflowRuntime } from './workflow/runtime.js';
import { enqueueCertificateExchange } from './exchange/enqueue.js';
import type { ExchangeEndpoint } from './exchange/types.js';

export interface Platform extends AppDeps {
  root: string;
  meta: MetaValidator;
  definitions: Definitions;
  /** e-mail and SMS for notifications (none: they stay in the message centre) */
  channels: Channels;
  /** the national and region platforms issued and revoked certificates are pushed to (EXCHANGE_ENDPOINTS) */
  exchangeEndpoints?: readonly ExchangeEndpoint[];
}

export function createPlatform(opts: { root: string; store: Store; clock: Clock; channels?: Channels; exchangeEndpoints?: readonly ExchangeEndpoint[] }): Platform {
  const meta = new MetaValidator(readPlatformSchemas(opts.root));
  const calendars = new CalendarSource(opts.store, opts.clock);
  const definitions = new Definitions(opts.store, opts.clock, { meta, byKind: kindChecks() }, (rec) => {
    if (rec.kind === 'calendar') calendars.invalidate();
  });
  const runtime = new WorkflowRuntime(opts.store, opts.clock, createModelCache(), calendars);
  const platform: Platform = { root: opts.root, store: opts.store, clock: opts.clock, meta, definitions, calendars, runtime, levels: new LevelCache(opts.store), channels: opts.channels ?? {}, ...(opts.exchangeEndpoints ? { exchangeEndpoints: opts.exchangeEndpoints } : {}) };
  // a certificate just issued is queued for the platforms (read from `platform`, so a test may set its endpoints later)
  runtime.afterWrite = async (before, after) => {
    if (!before.certificate?.signed && after.certificate?.signed) await enqueueCertificateExchange(platform, after, 'certificate.issued');
  };
  return platform;
}
