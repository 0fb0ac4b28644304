// A whole platform on a real SQLite file in a temporary folder (or a fresh MongoDB database when
// MONGODB_URL is set), with a fake clock, driven through Fastify's inject: what the API tests stand on.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../server/app.js';
import { hashPassword } from '../../server/auth/password.js';
import { REPO_ROOT } from '../../server/config.js';
import { FakeClock } from '../../server/domain/clock.js';
import type { User } from '../../server/domain/schema-types.gen.js';
import { SESSION_COOKIE } from '../../server/http/plugins/access.js';
import { createPlatform, type Platform } from '../../server/runtime/platform.js';
import { loadSeeds } from '../../server/runtime/seeds/load-seeds.js';
import { openMongoStore } from '../../server/store/mongo/mongo-store.js';
import { openStore } from '../../server/store/open-store.js';
import type { Store } from '../../server/store/port.js';
import type { Channels } from '../../server/runtime/notifications/channels/channel.js';
import { dropMongoDatabase } from './mongo-db.js';
import { tempDir } from './temp-dir.js';

type Call = (opts: InjectOptions) => Promise<LightMyRequestResponse>;

/** one server process: its own store connection, platform and Fastify app */
export interface Instance {
  app: FastifyInstance;
  platform: Platform;
  /** inject as a signed-in user (session and CSRF header added) */
  as(userId: string): Call;
  anon: Call;
}

export interface Harness extends Instance {
  clock: FakeClock;
  /** a second server process on the same database (its own connection, caches and app) */
  twin(): Promise<Instance & { close(): Promise<void> }>;
  close(): Promise<void>;
}

const COOKIE_SECRET = randomBytes(16).toString('hex');

async function serve(store: Store, clock: FakeClock, channels?: Channels): Promise<Instance> {
  const platform = createPlatform({ root: REPO_ROOT, store, clock, ...(channels ? { channels } : {}) });
  const app = await buildApp(platform, { cookieSecret: COOKIE_SECRET });
  await app.ready();
  const sessions = new Map<string, { cookie: string; csrf: string }>();
  const sessionFor = async (userId: string) => {
    let s = sessions.get(userId);
    if (!s) {
      const id = randomBytes(16).toString('hex');
      const csrf = randomBytes(16).toString('hex');
      await store.putSession({ id, userId, csrfToken: csrf, createdAt: clock.now(), expiresAt: '2999-01-01T00:00:00.000Z' });
      s = { cookie: app.signCookie(id), csrf };
      sessions.set(userId, s);
    }
    return s;
  };
  return {
    app,
    platform,
    as: (userId) => async (o) => {
      const s = await sessionFor(userId);
      return app.inject({ ...o, cookies: { ...(o.cookies ?? {}), [SESSION_COOKIE]: s.cookie }, headers: { ...(o.headers ?? {}), 'x-csrf-token': s.csrf } });
    },
    anon: (o) => app.inject(o),
  };
}

export async function startHarness(
  opts: { now?: string; seeds?: boolean; users?: Partial<User>[]; /** e-mail and SMS channels, e.g. to a test's own SMTP server */ channels?: Channels } = {},
): Promise<Harness> {
  const dir = tempDir('zc-api-');
  const clock = new FakeClock(opts.now ?? '2022-06-01T02:00:00.000Z');
  // on MongoDB every harness gets its own database, dropped on close
  const mongoUrl = process.env.MONGODB_URL;
  const dbName = `zc_api_${randomBytes(6).toString('hex')}`;
  const open = (): Promise<Store> => (mongoUrl ? openMongoStore(mongoUrl, { dbName }) : openStore({ dataDir: dir.path }));
  const store = await open();
  const main = await serve(store, clock, opts.channels);
  // demo passwords hashed at a low cost: scrypt at full cost for every demo account would dominate start-up
  if (opts.seeds !== false) {
    await loadSeeds({ root: REPO_ROOT, store, clock, meta: main.platform.meta, definitions: main.platform.definitions, hashPassword: (pw) => hashPassword(pw, 1024) });
  }
  for (const u of opts.users ?? []) {
    await store.insertUser({ kind: 'staff', roles: [], version: 1, createdAt: clock.now(), name: u.id ?? 'x', login: u.id ?? 'x', id: u.id ?? 'x', ...u }, []);
  }
  const twins: { close(): Promise<void> }[] = [];
  return {
    ...main,
    clock,
    twin: async () => {
      const other = await open();
      const inst = await serve(other, clock, opts.channels);
      const t = { ...inst, close: async () => (await inst.app.close(), await other.close()) };
      twins.push(t);
      return t;
    },
    close: async () => {
      for (const t of twins.splice(0)) await t.close();
      await main.app.close();
      await store.close();
      if (mongoUrl) await dropMongoDatabase(mongoUrl, dbName);
      dir.remove();
    },
  };
}
