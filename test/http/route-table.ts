// Every registered route of an app, read from printRoutes (all routes, hidden or not)
// and joined with its declared policy as documented in /docs/json ("访问：…").
import type { FastifyInstance } from 'fastify';
import type { Policy, Role } from '../../server/auth/policy.js';

export interface RouteRow {
  method: string;
  /** OpenAPI form: /api/levels/{key} */
  path: string;
  policy: Policy | undefined;
}

/** parses the tree printed with commonPrefix: false into (method, path) pairs */
export function registeredRoutes(app: FastifyInstance): { method: string; path: string }[] {
  const out: { method: string; path: string }[] = [];
  const stack: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /^([│ ]*)[├└]── (.*?)(?: \(([A-Z, ]+)\))?$/u.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    stack.length = depth;
    stack.push(m[2]!);
    const path = stack.join('').replace(/:(\w+)/g, '{$1}');
    for (const method of (m[3] ?? '').split(',').map((s) => s.trim())) if (method && method !== 'HEAD') out.push({ method, path });
  }
  return out;
}

export function parsePolicy(description: string | undefined): Policy | undefined {
  const m = /访问：(.*)$/.exec(description ?? '');
  if (!m) return undefined;
  if (m[1] === '公开') return 'public';
  if (m[1] === '登录用户') return 'user';
  return m[1]!.replace(/^角色：/, '').split('、') as Role[];
}

export async function routeTable(app: FastifyInstance): Promise<RouteRow[]> {
  const doc = (await app.inject({ method: 'GET', url: '/docs/json' })).json() as { paths: Record<string, Record<string, { description?: string }>> };
  return registeredRoutes(app).map((r) => ({ ...r, policy: parsePolicy(doc.paths[r.path]?.[r.method.toLowerCase()]?.description) }));
}

/** a concrete URL for a route template */
export const concrete = (path: string): string => path.replace(/\{\w+\}/g, 'probe').replace(/\*$/, 'probe');
