// Walks every registered route: unauthenticated calls get 401 and no data, every role list keeps the other
// roles out, public routes are an explicit list, and /docs works under the content security policy.
import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../server/auth/policy.js';
import { startHarness, type Harness } from '../support/harness.js';
import { concrete, routeTable, type RouteRow } from './route-table.js';

/** adding a public route must be a conscious change: add it here */
const PUBLIC_ROUTES = [
  'GET /health',
  'GET /api/series',
  'GET /api/campaigns',
  'GET /api/levels/{key}',
  'GET /api/units',
  'GET /api/certificates/verify',
  'POST /api/certificates/verify-document',
  'GET /.well-known/zc-certificate-keys.json',
  'POST /api/auth/register',
  'GET /api/auth/id-document-types',
  'POST /api/auth/login',
];
/** routes absent from the OpenAPI document, all public framework routes */
const UNDOCUMENTED_PREFIXES = ['/docs'];

const ALL_ROLES: Role[] = ['applicant', 'unitReviewer', 'competentReviewer', 'leagueReviewer', 'centreClerk', 'committeeClerk', 'expert', 'admin', 'flowEditor', 'supervisor'];
const POLICY_DENIAL = '您没有执行此操作的权限';

describe('route policies', () => {
  let h: Harness;
  let routes: RouteRow[];
  const users = [
    { id: 'nobody', roles: [] },
    ...ALL_ROLES.map((role) => ({ id: `only-${role}`, roles: [{ role, orgId: 'nm-hrss' }] })),
    ...ALL_ROLES.map((role) => ({ id: `all-but-${role}`, roles: ALL_ROLES.filter((r) => r !== role).map((r) => ({ role: r, orgId: 'nm-hrss' })) })),
  ];
  beforeAll(async () => {
    h = await startHarness({ users });
    routes = await routeTable(h.app);
  });
  afterAll(async () => h.close());

  /** a request in a fresh session of its own, so that logout probes end nothing else */
  async function probe(userId: string | null, r: RouteRow): Promise<LightMyRequestResponse> {
    const opts = { method: r.method as 'GET', url: concrete(r.path) };
    if (!userId) return h.anon(opts);
    const id = randomBytes(16).toString('hex');
    const csrf = randomBytes(16).toString('hex');
    await h.platform.store.putSession({ id, userId, csrfToken: csrf, createdAt: h.clock.now(), expiresAt: '2999-01-01T00:00:00.000Z' });
    return h.app.inject({ ...opts, cookies: { zc_session: h.app.signCookie(id) }, headers: { 'x-csrf-token': csrf } });
  }
  const api = () => routes.filter((r) => !UNDOCUMENTED_PREFIXES.some((p) => r.path.startsWith(p)));
  const key = (r: RouteRow) => `${r.method} ${r.path}`;

  it('finds every route, each with a documented policy', () => {
    expect(api().length).toBeGreaterThan(15);
    expect(api().filter((r) => r.policy === undefined).map(key)).toEqual([]);
  });

  it('keeps the public routes to the explicit list', () => {
    expect(api().filter((r) => r.policy === 'public').map(key).sort()).toEqual([...PUBLIC_ROUTES].sort());
  });

  it('answers every non-public route without a session with 401 and no data', async () => {
    for (const r of api().filter((x) => x.policy !== 'public')) {
      const res = await probe(null, r);
      expect(res.statusCode, key(r)).toBe(401);
      expect(res.json(), key(r)).toEqual({ code: 'auth.unauthenticated', message: '请先登录', details: [] });
    }
  });

  it('lets any signed-in account past the "user" routes', async () => {
    for (const r of api().filter((x) => x.policy === 'user')) expect((await probe('nobody', r)).statusCode, key(r)).not.toBe(401);
  });

  it('keeps every role list: other roles get 403 and no data, each listed role gets past the policy', async () => {
    for (const r of api().filter((x) => Array.isArray(x.policy))) {
      const listed = r.policy as Role[];
      const outsiders = ['nobody', ...ALL_ROLES.filter((role) => !listed.includes(role)).map((role) => `only-${role}`)];
      // holding every other role at once still does not open the route
      if (listed.length === 1) outsiders.push(`all-but-${listed[0]!}`);
      for (const u of outsiders) {
        const res = await probe(u, r);
        expect(res.statusCode, `${u} ${key(r)}`).toBe(403);
        expect(res.json(), `${u} ${key(r)}`).toEqual({ code: 'auth.forbidden', message: POLICY_DENIAL, details: [] });
      }
      for (const role of listed) {
        const res = await probe(`only-${role}`, r);
        expect(res.statusCode, `${role} ${key(r)}`).not.toBe(401);
        if (res.statusCode === 403) expect(res.json().message, `${role} ${key(r)}`).not.toBe(POLICY_DENIAL);
      }
    }
  });

  it('serves /docs under the content security policy without inline scripts', async () => {
    const ui = await h.anon({ method: 'GET', url: '/docs/' });
    expect(ui.statusCode).toBe(200);
    const csp = ui.headers['content-security-policy'] as string;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    const scripts = [...ui.body.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, inline] of scripts) {
      expect(inline?.trim()).toBe('');
      const src = /src="\.?\/?([^"]+)"/.exec(attrs ?? '')?.[1];
      expect(src).toBeDefined();
      const asset = await h.anon({ method: 'GET', url: `/docs/${src!.replace(/^\.\//, '')}` });
      expect(asset.statusCode, src).toBe(200);
    }
    expect((await h.anon({ method: 'GET', url: '/docs/static/swagger-ui.css' })).statusCode).toBe(200);
    expect((await h.anon({ method: 'GET', url: '/docs/json' })).statusCode).toBe(200);
  });

  it('does not rate-limit documentation or static files', async () => {
    for (let i = 0; i < 40; i += 1) expect((await h.anon({ method: 'GET', url: '/docs/static/swagger-ui.css' })).statusCode).toBe(200);
  });
});
