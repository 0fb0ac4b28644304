// Every response that carries an application shows it as the person asking may see it (auth/application-view.ts):
// ID numbers masked and ID documents withheld for experts, nobody else's ballot task, no flow state for offices.
// Applied to every response as a last step (like hide-ballots.ts), so a new route cannot leak by accident.
import type { FastifyInstance } from 'fastify';
import { viewerOf } from '../auth/access-rules.js';
import { applicationView } from '../auth/application-view.js';
import type { Application, User } from '../domain/schema-types.gen.js';
import type { Platform } from '../runtime/platform.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isApplication = (v: unknown): v is Application => isObj(v) && typeof v.applicantId === 'string' && isObj(v.pinned) && isObj(v.form) && Array.isArray(v.materials);
const NONE: ReadonlySet<string> = new Set();

/** the material items of the application's level that are ID documents; all of them when the level cannot be read */
export async function idDocumentsOf(p: Platform, app: Application): Promise<ReadonlySet<string>> {
  const level = await p.levels.get(app.levelKey, app.pinned.level);
  if (!level.ok) return new Set(app.materials.map((m) => m.itemId));
  return new Set(level.value.def.materials.filter((m) => m.idDocument === true).map((m) => m.id));
}

/** the application as this user may see it; one they may not see is shown as to an expert, the least */
export async function viewFor(p: Platform, user: User, app: Application): Promise<Application> {
  const viewer = viewerOf(user, app) ?? 'expert';
  return applicationView(app, user.id, viewer, viewer === 'expert' ? await idDocumentsOf(p, app) : NONE);
}

/** an application, a list of them ({items}), or a wrapper ({application}) */
async function project(p: Platform, user: User, payload: unknown): Promise<unknown> {
  if (isApplication(payload)) return viewFor(p, user, payload);
  if (!isObj(payload)) return payload;
  let out = payload;
  if (Array.isArray(out.items) && out.items.some(isApplication)) {
    out = { ...out, items: await Promise.all(out.items.map((i: unknown) => (isApplication(i) ? viewFor(p, user, i) : i))) };
  }
  if (isApplication(out.application)) out = { ...out, application: await viewFor(p, user, out.application) };
  return out;
}

export function installApplicationViews(app: FastifyInstance): void {
  app.addHook('preSerialization', async (request, _reply, payload) => (request.user ? project(app.platform, request.user, payload) : payload));
}
