// Requests whose client went away stop working (issue 16): a real server on a port, a real SQLite store behind a
// thin wrapper that counts the list reads. A roster export of thousands of applications whose client closes the
// socket after the first store read reads fewer pages than the whole export; a request whose client left while it
// waited (here: for its session lookup) runs no handler at all; the server keeps answering afterwards.
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.js';
import { hashPassword } from '../../server/auth/password.js';
import { REPO_ROOT } from '../../server/config.js';
import { FakeClock } from '../../server/domain/clock.js';
import { SESSION_COOKIE } from '../../server/http/plugins/access.js';
import { createPlatform } from '../../server/runtime/platform.js';
import { loadSeeds } from '../../server/runtime/seeds/load-seeds.js';
import { openStore } from '../../server/store/open-store.js';
import type { Store } from '../../server/store/port.js';
import { makeApplication } from '../support/factories.js';
import { tempDir } from '../support/temp-dir.js';

/** several pages of the roster's store reads, whatever their size */
const APPS = 8_000;
const ROSTER = '/api/rosters.xlsx?campaignId=2022&levelKey=gongcheng.zhongji';

/** the real store; calls to its list methods are counted, and a test may hold the session lookup */
function countingStore(real: Store) {
  const counts = { lists: 0 };
  let onList: (() => void) | undefined;
  let sessionGate: { open: Promise<void>; held: () => void } | undefined;
  const store = new Proxy(real, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      const name = String(prop);
      return (...args: unknown[]) => {
        if (name.startsWith('list')) {
          counts.lists += 1;
          onList?.();
        }
        if (name === 'getSession' && sessionGate) {
          const gate = sessionGate;
          gate.held();
          return gate.open.then(() => (value as (...a: unknown[]) => unknown).apply(target, args));
        }
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return {
    store,
    counts,
    onFirstList: (fn: () => void) => (onList = () => ((onList = undefined), fn())),
    /** session lookups wait until `open` resolves; resolves when one is waiting */
    holdSessions: (open: Promise<void>) => new Promise<void>((held) => (sessionGate = { open, held })),
    releaseSessions: () => (sessionGate = undefined),
  };
}

describe('requests whose client went away', { timeout: 300_000 }, () => {
  const dir = tempDir('zc-abandoned-');
  let real: Store;
  let counting: ReturnType<typeof countingStore>;
  let app: FastifyInstance;
  let port = 0;
  let cookie = '';
  /** requests that ended, by outcome: a completed reply or the abandoned error */
  const ended: { url: string; code: string | undefined }[] = [];
  let endedWaiter: (() => void) | undefined;
  let onAbandoned: (() => void) | undefined;
  const nextEnd = () => new Promise<void>((resolve) => (endedWaiter = resolve));

  beforeAll(async () => {
    real = await openStore({ dataDir: dir.path });
    counting = countingStore(real);
    const clock = new FakeClock('2022-06-01T02:00:00.000Z');
    const platform = createPlatform({ root: REPO_ROOT, store: counting.store, clock });
    await loadSeeds({ root: REPO_ROOT, store: real, clock, meta: platform.meta, definitions: platform.definitions, hashPassword: (pw) => hashPassword(pw, 1024) });
    await real.insertUser({ id: 'admin-x', login: 'admin-x', name: '管理员', kind: 'staff', roles: [{ role: 'admin', orgId: 'nm-hrss' }], version: 1, createdAt: clock.now() }, []);
    const at = (i: number) => new Date(Date.parse('2022-06-02T00:00:00.000Z') + i * 60_000).toISOString();
    for (let i = 1; i <= APPS; i += 1) {
      const w = await real.insertApplication(
        makeApplication({ id: `ab-${i}`, applicantId: `ab-user-${i}`, applicantName: `申报人${i}`, campaignId: '2022', seriesKey: 'gongcheng', levelKey: 'gongcheng.zhongji', status: 'submitted', submittedAt: at(i), createdAt: at(i), updatedAt: at(i) }),
        [],
      );
      expect(w.ok).toBe(true);
    }
    app = await buildApp(platform, { cookieSecret: randomBytes(16).toString('hex') });
    app.addHook('onRequest', (request, _reply, done) => {
      request.abandoned.addEventListener('abort', () => onAbandoned?.());
      done();
    });
    app.addHook('onResponse', async (request) => {
      ended.push({ url: request.url, code: undefined });
      endedWaiter?.();
    });
    app.addHook('onError', async (request, _reply, err) => {
      ended.push({ url: request.url, code: (err as { code?: string }).code });
      endedWaiter?.();
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = (app.server.address() as AddressInfo).port;
    const sessionId = randomBytes(16).toString('hex');
    await real.putSession({ id: sessionId, userId: 'admin-x', csrfToken: 'x', createdAt: clock.now(), expiresAt: '2999-01-01T00:00:00.000Z' });
    cookie = `${SESSION_COOKIE}=${app.signCookie(sessionId)}`;
  }, 300_000);
  afterAll(async () => {
    await app.close();
    await real.close();
    dir.remove();
  });

  const get = (url: string) => http.get({ host: '127.0.0.1', port, path: url, headers: { cookie }, agent: false });
  const body = async (req: http.ClientRequest): Promise<{ status: number; bytes: number }> => {
    const [res] = (await once(req, 'response')) as [http.IncomingMessage];
    let bytes = 0;
    for await (const chunk of res) bytes += (chunk as Buffer).length;
    return { status: res.statusCode ?? 0, bytes };
  };

  it('an export whose client closed the socket stops reading pages; the server answers the next request', async () => {
    // the whole export, read to the end by its client: how many list reads it takes
    counting.counts.lists = 0;
    const full = await body(get(ROSTER));
    expect(full.status).toBe(200);
    expect(full.bytes).toBeGreaterThan(100_000);
    const whole = counting.counts.lists;
    expect(whole).toBeGreaterThanOrEqual(3);

    // the same export; its client leaves as soon as the server has read from the store
    counting.counts.lists = 0;
    const req = get(ROSTER);
    req.on('error', () => undefined);
    const noticed = new Promise<void>((resolve) => (onAbandoned = resolve));
    counting.onFirstList(() => req.destroy());
    await noticed;
    // the same export again, read to its end: the abandoned one's pages would interleave with it, one per turn
    // of the event loop, if it kept reading; the store reads of both together stay far below two exports
    const again = await body(get(ROSTER));
    expect(again.status).toBe(200);
    expect(again.bytes).toBeGreaterThan(100_000);
    const abandonedReads = counting.counts.lists - whole;
    expect(abandonedReads).toBeLessThan(whole);
    expect(abandonedReads).toBeLessThanOrEqual(3);

    const next = await body(get('/api/rosters/rows?campaignId=2022&levelKey=gongcheng.zhongji&limit=5'));
    expect(next.status).toBe(200);
  });

  it('a request whose client left while it waited runs no handler', async () => {
    let release: () => void = () => undefined;
    const held = counting.holdSessions(new Promise<void>((resolve) => (release = resolve)));
    const serverSocketClosed = new Promise<void>((resolve) => app.server.once('connection', (s: Socket) => s.once('close', () => resolve())));
    counting.counts.lists = 0;
    ended.length = 0;
    const req = get(ROSTER);
    req.on('error', () => undefined);
    // the request has reached the server and waits for its session: the client goes away meanwhile
    await held;
    req.destroy();
    await serverSocketClosed;
    const stopped = nextEnd();
    counting.releaseSessions();
    release();
    await stopped;
    expect(ended).toEqual([{ url: ROSTER, code: 'request.abandoned' }]);
    expect(counting.counts.lists).toBe(0);

    const next = await body(get('/health'));
    expect(next.status).toBe(200);
  });
});
