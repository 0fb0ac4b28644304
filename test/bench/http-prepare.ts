// What the HTTP benchmarks need in a filled store, written before the server child opens it: sessions (signed
// cookies the child accepts), drafts ready to submit (each its own applicant, made by the runtime's own draft,
// form, material and pledge calls from a submitted application of the fill) and open unit-review tasks with a
// reviewer for each unit. The clock is the bench's: the newest campaign's apply phase.
import { randomBytes } from 'node:crypto';
import { sign } from '@fastify/cookie';
import { REPO_ROOT, auditConfigFrom } from '../../server/config.js';
import { FakeClock } from '../../server/domain/clock.js';
import type { JsonObject } from '../../server/domain/json.js';
import type { Application, Campaign, User } from '../../server/domain/schema-types.gen.js';
import { SESSION_COOKIE } from '../../server/http/plugins/access.js';
import { createDraft } from '../../server/runtime/applications/create-draft.js';
import { addMaterial, saveForm, signPledge } from '../../server/runtime/applications/edit-draft.js';
import { createPlatform, type Platform } from '../../server/runtime/platform.js';
import { openStore } from '../../server/store/open-store.js';
import type { Store } from '../../server/store/port.js';

export interface Session {
  cookie: string;
  csrf: string;
}

export interface Prepared {
  /** the bench clock's start: 2 h into the newest campaign's apply phase */
  now: string;
  cookieSecret: string;
  campaignId: string;
  inboxUser: string;
  inbox: Session;
  drafts: { id: string; session: Session }[];
  approvals: { applicationId: string; taskId: string; session: Session }[];
}

const PDF = Buffer.from('%PDF-1.4\n% bench material\n');

async function sessionFor(store: Store, secret: string, userId: string, now: string): Promise<Session> {
  const id = randomBytes(16).toString('hex');
  const csrf = randomBytes(16).toString('hex');
  await store.putSession({ id, userId, csrfToken: csrf, createdAt: now, expiresAt: '2999-01-01T00:00:00.000Z' });
  return { cookie: `${SESSION_COOKIE}=${encodeURIComponent(sign(id, secret))}`, csrf };
}

/** every summary with the given statuses, page by page (keyset) */
async function summaries(store: Store, statusIn: Application['status'][], limit = 1000) {
  const out: Awaited<ReturnType<Store['listApplicationSummaries']>>['items'] = [];
  let after: string | undefined;
  for (;;) {
    const page = await store.listApplicationSummaries({ statusIn, limit, ...(after ? { after } : {}) });
    out.push(...page.items);
    if (!page.next || page.items.length === 0) return out;
    after = page.next;
  }
}

/** a draft like a submitted one (same campaign, level, unit, form, materials), by a new applicant */
async function draftLike(p: Platform, model: Application, n: number, now: string): Promise<{ id: string; user: User }> {
  const unit = model.orgId ?? '';
  const id = `bench-applicant-${Date.now().toString(36)}-${n}`;
  const user: User = { id, login: `${id}@bench.example.cn`, name: `压测申报人${n}`, kind: 'applicant', orgId: unit, roles: [{ role: 'applicant', orgId: unit }], version: 1, createdAt: now };
  await p.store.insertUser(user, [{ at: now, actor: 'bench', action: 'user.create', target: { type: 'user', id } }]);
  const must = <T>(r: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }, what: string): T => {
    if (!r.ok) throw new Error(`${what}: ${r.error.code} ${r.error.message}`);
    return r.value;
  };
  let app = must(await createDraft(p, user, { campaignId: model.campaignId, levelKey: model.levelKey }), 'createDraft');
  app = must(await saveForm(p, user, app.id, model.form as JsonObject, app.version), 'saveForm').application;
  for (const item of new Set(model.materials.map((m) => m.itemId))) {
    app = must(await addMaterial(p, user, app.id, item, { bytes: PDF, mime: 'application/pdf', name: `${item}.pdf` }), `addMaterial ${item}`);
  }
  app = must(await signPledge(p, user, app.id), 'signPledge');
  return { id: app.id, user };
}

export async function prepareHttpBench(o: { dataDir: string; drafts: number; approvals: number; inboxUser?: string; log: (l: string) => void }): Promise<Prepared> {
  const store = await openStore({ dataDir: o.dataDir, audit: auditConfigFrom(process.env, o.dataDir) });
  try {
    const cookieSecret = randomBytes(32).toString('hex');
    const submitted = await summaries(store, ['submitted']);
    if (submitted.length === 0) throw new Error(`no submitted application in ${o.dataDir}: fill it first`);
    // the newest campaign the fill used, and 2 h into its apply phase
    const campaignId = submitted.map((s) => s.campaignId).sort().at(-1) ?? '';
    const campaign = (await store.getDefinition<Campaign>('campaign', campaignId, 'latest'))?.body;
    const opens = campaign?.phases.find((ph) => ph.id === 'apply')?.opens;
    if (!opens) throw new Error(`campaign ${campaignId} has no apply phase`);
    const now = `${opens}T04:00:00.000Z`;
    const clock = new FakeClock(now);
    const p = createPlatform({ root: REPO_ROOT, store, clock });

    const inboxUser = o.inboxUser ?? 'demo-unit-design';
    const inbox = await sessionFor(store, cookieSecret, inboxUser, now);

    // drafts: models from the newest campaign, cycling over units and levels
    const models = submitted.filter((s) => s.campaignId === campaignId);
    const drafts: Prepared['drafts'] = [];
    for (let i = 0; drafts.length < o.drafts && i < o.drafts * 3; i++) {
      const m = models[(i * 7919) % models.length];
      const model = m ? await store.getApplication(m.id) : null;
      if (!model) continue;
      try {
        const d = await draftLike(p, model, i, now);
        drafts.push({ id: d.id, session: await sessionFor(store, cookieSecret, d.user.id, now) });
      } catch (e) {
        o.log(`# http prepare: draft like ${model.id} refused: ${(e as Error).message.slice(0, 200)}`);
      }
    }

    // open unit-review tasks (the applicant's correction and ballots aside), one reviewer account per unit
    const reviewers = new Map<string, Session>();
    const approvals: Prepared['approvals'] = [];
    for (const s of submitted) {
      if (approvals.length >= o.approvals) break;
      const t = s.openTasks.find((x) => x.role === 'unitReviewer' && !x.assignee);
      if (!t) continue;
      let session = reviewers.get(t.orgId);
      if (!session) {
        const id = `bench-unitReviewer-${t.orgId}`;
        if (!(await store.getUser(id))) {
          await store.insertUser({ id, login: `${id}@bench.example.cn`, name: '压测审核人', kind: 'staff', roles: [{ role: 'unitReviewer', orgId: t.orgId }], version: 1, createdAt: now }, [
            { at: now, actor: 'bench', action: 'user.create', target: { type: 'user', id } },
          ]);
        }
        session = await sessionFor(store, cookieSecret, id, now);
        reviewers.set(t.orgId, session);
      }
      approvals.push({ applicationId: s.id, taskId: t.taskId, session });
    }
    o.log(`# http prepare: campaign ${campaignId}, now ${now}, ${submitted.length} submitted, ${drafts.length} drafts, ${approvals.length} unit-review tasks over ${reviewers.size} units`);
    return { now, cookieSecret, campaignId, inboxUser, inbox, drafts, approvals };
  } finally {
    await store.close();
  }
}
