// kill -9: the real server in a child process on a SQLite data folder, applicants and reviewers writing through
// HTTP at once, SIGKILL in the middle of the load, a restart on the same folder, and then every acknowledged (2xx)
// write must be there, nothing half-applied: the derived task index agrees with each document, the reviewer's inbox
// with the documents, every version of an application has its audit record and the audit chain verifies.
// Three kill cycles, then a last restart that is checked the same way.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Application } from '../../server/domain/schema-types.gen.js';
import { PDF } from '../support/applicant-flow.js';
import { ENGINEER_MATERIALS, engineer, engineerForm } from '../support/engineer.js';
import { OPEN_CAMPAIGN, seedDataDir, startServer, type ServerProcess } from '../support/server-process.js';
import { tempDir } from '../support/temp-dir.js';

const CYCLES = 3;
const APPLICANTS_PER_CYCLE = 4;
/** acknowledged writes in a cycle after which the server is killed: well before the writers run out of work */
const KILL_AFTER_ACKS = 24;
const LEVEL = 'gongcheng.zhongji';
const REVIEWER = 'demo-unit-design';
const ADMIN = 'demo-admin';
const PASSWORD = 'Abuse-passw0rd';
const DEMO_PASSWORD = 'demo2026';

interface Session {
  cookie: string;
  csrf: string;
}
type Doc = Application & { version: number };

/** what the clients were told: the newest acknowledged document of each application, and what was acknowledged */
class Ledger {
  readonly docs = new Map<string, Doc>();
  readonly owners = new Map<string, string>();
  readonly submitted = new Set<string>();
  /** `${applicationId}/${taskId}`: task ids count per application */
  readonly decided = new Set<string>();
  readonly serverErrors: string[] = [];
  readonly refused: string[] = [];
  acks = 0;
  killedMidLoad = false;
  lastCycle: Record<string, unknown> = {};
  private waiters: (() => void)[] = [];

  ack(doc: Doc): void {
    this.acks += 1;
    const known = this.docs.get(doc.id);
    if (!known || known.version < doc.version) this.docs.set(doc.id, doc);
    this.changed();
  }

  submit(doc: Doc): void {
    this.submitted.add(doc.id);
    this.ack(doc);
  }

  /** wakes whoever waits for the ledger to reach some state */
  changed(): void {
    for (const w of this.waiters.splice(0)) w();
  }

  async until(done: () => boolean): Promise<void> {
    while (!done()) await new Promise<void>((r) => this.waiters.push(r));
  }
}

class Killed extends Error {}

describe('kill -9 under concurrent writers', () => {
  const tmp = tempDir('zc-kill9-');
  // a folder inside the temporary one: the server keeps its audit key beside DATA_DIR
  const dataDir = join(tmp.path, 'data');
  let server: ServerProcess | null = null;
  const applicants = Array.from({ length: CYCLES * APPLICANTS_PER_CYCLE }, (_, i) => ({ ...engineer(`k9-${i}`, `压测申报人${i}`), id: `k9-${i}`, name: `压测申报人${i}`, password: PASSWORD }));
  const sessions = new Map<string, Session>();
  const ledger = new Ledger();

  beforeAll(async () => {
    await seedDataDir(dataDir, { users: applicants });
  });
  afterAll(async () => {
    await server?.stop();
    tmp.remove();
  });

  async function call(s: Session | null, method: string, path: string, body?: unknown): Promise<Response> {
    if (!server) throw new Killed();
    const headers: Record<string, string> = {};
    if (s) Object.assign(headers, { cookie: s.cookie, 'x-csrf-token': s.csrf });
    let payload: BodyInit | undefined;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    let res: Response;
    try {
      res = await fetch(`${server.url}${path}`, { method, headers, ...(payload ? { body: payload } : {}) });
    } catch {
      throw new Killed(); // the connection died with the server: this write was never acknowledged
    }
    if (res.status >= 500) ledger.serverErrors.push(`${method} ${path} -> ${res.status} ${await res.clone().text()}`);
    return res;
  }

  async function login(login: string, password: string): Promise<Session> {
    const res = await call(null, 'POST', '/api/auth/login', { login, password });
    expect(res.status, await res.clone().text()).toBe(200);
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    return { cookie, csrf: csrfToken };
  }

  async function as(user: string, password = DEMO_PASSWORD): Promise<Session> {
    let s = sessions.get(user);
    if (!s) {
      s = await login(user, password);
      sessions.set(user, s);
    }
    return s;
  }

  /** a 2xx that returns an application document is an acknowledged write */
  async function write(s: Session, method: string, path: string, body?: unknown, pick: (json: unknown) => Doc = (j) => j as Doc): Promise<Doc | null> {
    const res = await call(s, method, path, body);
    if (res.status < 200 || res.status >= 300) return null;
    const doc = pick(await res.json());
    ledger.ack(doc);
    return doc;
  }

  /** one applicant from draft to submit; resumes, where the last one stopped, the draft of theirs the ledger knows */
  async function applicant(i: number): Promise<void> {
    const user = applicants[i]!;
    const s = await as(user.id, PASSWORD);
    let doc: Doc | null = [...ledger.docs.values()].filter((d) => ledger.owners.get(d.id) === user.id).at(-1) ?? null;
    const resumed = doc !== null;
    if (doc) {
      const res = await call(s, 'GET', `/api/applications/${doc.id}`);
      doc = (await res.json()) as Doc;
      if (doc.status !== 'draft') return;
    } else {
      doc = await write(s, 'POST', '/api/applications', { campaignId: OPEN_CAMPAIGN, levelKey: LEVEL });
      if (!doc) throw new Error(`draft refused for ${user.id}`);
      ledger.owners.set(doc.id, user.id);
    }
    const id = doc.id;
    for (let k = 0; k < (resumed ? 1 : 3); k++) {
      const form = engineerForm(user.name, { workHistory: [{ from: '2012-07-01', unit: '呼和浩特市建筑设计研究院', post: `结构设计（第 ${k + 1} 稿）` }] });
      const saved = await write(s, 'PUT', `/api/applications/${id}/form`, { form, version: doc.version }, (j) => (j as { application: Doc }).application);
      if (!saved) throw new Error(`save ${k} refused for ${id}`);
      doc = saved;
    }
    for (const item of ENGINEER_MATERIALS.filter((m) => !doc!.materials.some((x) => x.itemId === m))) {
      const fd = new FormData();
      fd.append('file', new Blob([PDF], { type: 'application/pdf' }), `${item}.pdf`);
      if (!(await write(s, 'POST', `/api/applications/${id}/materials/${item}`, fd))) throw new Error(`upload ${item} refused for ${id}`);
    }
    if (!doc.pledge && !(await write(s, 'POST', `/api/applications/${id}/pledge`))) throw new Error(`pledge refused for ${id}`);
    const res = await call(s, 'POST', `/api/applications/${id}/submit`, {});
    if (res.status !== 200) throw new Error(`submit refused for ${id}: ${await res.text()}`);
    ledger.submit((await res.json()) as Doc);
  }

  /** a unit reviewer approving whatever is in the inbox; two of these race for the same tasks */
  async function reviewer(stop: () => boolean): Promise<void> {
    const s = await as(REVIEWER);
    while (!stop()) {
      const res = await call(s, 'GET', '/api/tasks?limit=200');
      const { items } = (await res.json()) as { items: { applicationId: string; taskId: string }[] };
      for (const t of items) {
        const res = await call(s, 'POST', `/api/tasks/${t.applicationId}/${t.taskId}/complete`, { payload: { decision: 'approve', comment: '同意' } });
        if (res.status === 200) {
          ledger.decided.add(`${t.applicationId}/${t.taskId}`);
          ledger.ack((await res.json()) as Doc);
        } else if (res.status !== 409) {
          // the other reviewer may have got there first (409); anything else is a refusal the test must explain
          ledger.refused.push(`${t.taskId}: ${res.status} ${await res.text()}`);
        }
      }
      await new Promise((r) => setImmediate(r));
    }
  }

  /** runs the writers until the ledger has KILL_AFTER_ACKS more acknowledgements, then SIGKILLs the server */
  async function cycle(c: number, tasksWaiting: boolean): Promise<void> {
    // with review tasks waiting from an earlier cycle, the kill also waits for a decision
    const target = ledger.acks + KILL_AFTER_ACKS;
    const submittedBefore = ledger.submitted.size;
    const decidedBefore = ledger.decided.size;
    let killed = false;
    let writersDone = false;
    const run = async (work: () => Promise<void>) => {
      try {
        await work();
      } catch (e) {
        if (!(e instanceof Killed)) throw e;
      }
    };
    const writers = Array.from({ length: APPLICANTS_PER_CYCLE }, (_, k) => c * APPLICANTS_PER_CYCLE + k);
    // the previous cycle's applicants resume their drafts while this cycle's start new ones
    const resumers = c > 0 ? Array.from({ length: APPLICANTS_PER_CYCLE }, (_, k) => (c - 1) * APPLICANTS_PER_CYCLE + k) : [];
    const killer = (async () => {
      // mid-load: enough acknowledged writes, a submission and (once there are tasks) a decision among them, and
      // writers still running
      await ledger.until(() => (ledger.acks >= target && ledger.submitted.size > submittedBefore && (!tasksWaiting || ledger.decided.size > decidedBefore)) || writersDone);
      ledger.killedMidLoad = !writersDone;
      ledger.lastCycle = { acks: ledger.acks - target + KILL_AFTER_ACKS, submitted: ledger.submitted.size - submittedBefore, decided: ledger.decided.size - decidedBefore, tasksWaiting, refused: ledger.refused.length };
      killed = true;
      const s = server;
      server = null;
      await s?.kill();
    })();
    const work = Promise.all([...writers, ...resumers].map((i) => run(() => applicant(i))));
    const reviews = Promise.all([run(() => reviewer(() => killed)), run(() => reviewer(() => killed))]);
    await work;
    writersDone = true;
    ledger.changed();
    await Promise.all([reviews, killer]);
  }

  /** restarts on the same folder and checks it; returns whether review tasks are waiting in the inbox */
  async function restartAndCheck(): Promise<boolean> {
    server = await startServer({ dataDir });
    const admin = await as(ADMIN);
    const get = async (path: string) => (await call(admin, 'GET', path)).json();

    const list = (await get(`/api/applications?campaignId=${OPEN_CAMPAIGN}&limit=200`)) as { items: Doc[] };
    const stored = new Map(list.items.map((a) => [a.id, a]));
    for (const [id, acked] of ledger.docs) {
      const now = stored.get(id);
      expect(now, `acknowledged application ${id} is missing after kill -9`).toBeDefined();
      // a write in flight at the kill may have landed too (one per writer: the applicant and two reviewers)
      expect(now!.version).toBeGreaterThanOrEqual(acked.version);
      expect(now!.version).toBeLessThanOrEqual(acked.version + 3);
      if (now!.version === acked.version) {
        // the list shows summaries: the document itself says whether form and materials survived
        const doc = (await get(`/api/applications/${id}`)) as Doc;
        expect({ status: doc.status, form: doc.form, materials: doc.materials, openTasks: doc.openTasks }).toEqual({
          status: acked.status,
          form: acked.form,
          materials: acked.materials,
          openTasks: acked.openTasks,
        });
      }
    }
    for (const id of ledger.submitted) expect(stored.get(id)?.status, `acknowledged submit of ${id}`).not.toBe('draft');
    for (const key of ledger.decided) {
      const [id, taskId] = key.split('/') as [string, string];
      expect(stored.get(id)?.openTasks.map((t) => t.taskId), `acknowledged decision ${key}`).not.toContain(taskId);
    }

    // the derived task index is the document's own flow state, never half of a write
    for (const a of stored.values()) {
      const full = (await get(`/api/applications/${a.id}`)) as Doc;
      expect(full.openTasks.map((t) => t.taskId).sort(), `task index of ${a.id}`).toEqual((full.workflow?.openTasks ?? []).map((t) => t.id).sort());
    }
    const reviewerSession = await as(REVIEWER);
    const inbox = (await (await call(reviewerSession, 'GET', '/api/tasks?limit=200')).json()) as { items: { applicationId: string; taskId: string }[] };
    const expected = [...stored.values()].flatMap((a) => a.openTasks.filter((t) => t.role === 'unitReviewer').map((t) => `${a.id}/${t.taskId}`));
    expect(inbox.items.map((t) => `${t.applicationId}/${t.taskId}`).sort()).toEqual(expected.sort());
    const tasksWaiting = inbox.items.length > 0;

    // every version of every application was written with its audit record, and the chain is whole
    const verify = (await get('/api/admin/audit/verify')) as { ok: boolean; count: number };
    expect(verify, JSON.stringify(verify)).toMatchObject({ ok: true });
    const perTarget = new Map<string, number>();
    for (let from: number | undefined = 1; from !== undefined; ) {
      const page = (await get(`/api/admin/audit?from=${from}&limit=500`)) as { items: { target: { id?: string } }[]; nextFrom?: number };
      for (const e of page.items) if (e.target.id) perTarget.set(e.target.id, (perTarget.get(e.target.id) ?? 0) + 1);
      from = page.nextFrom;
    }
    for (const a of stored.values()) expect(perTarget.get(a.id) ?? 0, `audit records of ${a.id} (version ${a.version})`).toBeGreaterThanOrEqual(a.version);
    return tasksWaiting;
  }

  it('loses no acknowledged write and leaves nothing half-applied across three SIGKILLs', async () => {
    for (let c = 0; c < CYCLES; c++) {
      const tasksWaiting = await restartAndCheck();
      const before = ledger.acks;
      await cycle(c, tasksWaiting);
      expect(ledger.acks - before, `cycle ${c} acknowledged writes`).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
      expect(ledger.killedMidLoad, `cycle ${c}: the writers ran out of work before the kill ${JSON.stringify(ledger.lastCycle)} ${ledger.refused.join('; ')}`).toBe(true);
    }
    await restartAndCheck();
    expect(ledger.serverErrors).toEqual([]);
    expect(ledger.refused).toEqual([]);
    expect(ledger.submitted.size).toBeGreaterThan(0);
    expect(ledger.decided.size).toBeGreaterThan(0);
    console.log(`kill -9 ×${CYCLES}: ${ledger.acks} acknowledged writes on ${ledger.docs.size} applications, ${ledger.submitted.size} submits, ${ledger.decided.size} decisions, all found after restart`);
  }, 180_000);
});
