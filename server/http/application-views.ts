// Every response that carries an application shows it as the person asking may see it (auth/application-view.ts):
// ID numbers masked and ID documents withheld for experts, nobody else's ballot task, no flow state for offices.
// Applied to every response as a last step (like hide-ballots.ts), so a new route cannot leak by accident.
import type { FastifyInstance } from 'fastify';
import { isAdmin, viewerOf } from '../auth/access-rules.js';
import { applicationView } from '../auth/application-view.js';
import { correctionDue, type CorrectionDue } from '../domain/applications/correction-due.js';
import type { ApplicationSummary } from '../domain/applications/summary.js';
import { nextStepName } from '../domain/workflow/next-step.js';
import type { Application, User } from '../domain/schema-types.gen.js';
import { materialsRequiredFor } from '../runtime/applications/materials-required.js';
import type { Platform } from '../runtime/platform.js';

/** what the applicant's own application carries besides the stored document */
export interface ApplicantExtras {
  /** after a return: the deadline, its Beijing last day and the working days left (holiday calendars) */
  correction?: CorrectionDue;
  /** while the applicant may still change it: the checklist items submit will require, decided as submit decides */
  materialsRequired?: string[];
  /** in review: the step it waits on and the one it reaches next if that agrees, by name */
  stage?: { current: string; next?: string };
}

/** where the flow stands for its applicant: the open step (a task or a 公示-like wait) and the next one */
async function stageOf(p: Platform, app: Application): Promise<ApplicantExtras['stage']> {
  const wf = app.workflow;
  if (!wf || wf.status !== 'active' || !app.pinned.workflowKey || app.pinned.workflow === undefined) return undefined;
  const model = await p.runtime.model(app.pinned.workflowKey, app.pinned.workflow);
  if (!model.ok) return undefined;
  const waiting = [...wf.openTasks.filter((t) => t.role !== 'applicant').map((t) => t.elementId), ...wf.timers.map((t) => t.elementId), ...wf.messageWaits.map((m) => m.elementId)];
  const at = waiting.map((id) => model.value.elements[id]).find((el) => el?.name && el.kind !== 'boundaryTimer' && el.kind !== 'boundaryMessage');
  if (!at?.name) return undefined;
  const next = nextStepName(model.value, at.id, wf.variables);
  return { current: at.name, ...(next ? { next } : {}) };
}

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

/** the owner's extras: the correction deadline on every view, the required materials on a single one (it evaluates rules) */
async function withExtras(p: Platform, user: User, app: Application, single: boolean): Promise<Application & ApplicantExtras> {
  if (app.applicantId !== user.id) return app;
  const extras: ApplicantExtras = {};
  if (app.status === 'returned' && app.notice?.deadline) {
    const due = correctionDue(app.notice.deadline, p.clock.now(), await p.calendars.current());
    if (due.ok) extras.correction = due.value;
  }
  if (app.status === 'submitted') {
    const stage = await stageOf(p, app);
    if (stage) extras.stage = stage;
  }
  if (single && (app.status === 'draft' || app.status === 'returned')) {
    const required = await materialsRequiredFor(p, app);
    if (required) extras.materialsRequired = required;
  }
  return { ...app, ...extras };
}

const shown = async (p: Platform, user: User, app: Application, single: boolean): Promise<Application> => withExtras(p, user, await viewFor(p, user, app), single);

/**
 * A list row (a summary: no form, materials or flow state) as this user may see it. The administrator sees it
 * whole but for others' ballots; the owner too, with the extras: the correction deadline from the summary's notice, the stage from the
 * document, read for the owner's applications in review only (the next step depends on the flow's variables, which
 * a summary does not carry, and a person has a handful of applications in review). Anybody else sees no other
 * person's task (a ballot) and nothing of the flow's state: where it waits, its incidents.
 */
async function shownSummary(p: Platform, user: User, s: ApplicationSummary): Promise<ApplicationSummary & ApplicantExtras> {
  // an expert's ballot task is that expert's alone, the administrator's list included (as in the document view)
  if (isAdmin(user)) return { ...s, openTasks: s.openTasks.filter((t) => t.assignee === undefined || t.assignee === user.id) };
  if (s.applicantId !== user.id) {
    const { workflowStatus: _state, ...rest } = s;
    return { ...rest, openTasks: s.openTasks.filter((t) => t.assignee === undefined || t.assignee === user.id), waitingAt: [], incidents: [] };
  }
  const extras: ApplicantExtras = {};
  if (s.status === 'returned' && s.notice?.deadline) {
    const due = correctionDue(s.notice.deadline, p.clock.now(), await p.calendars.current());
    if (due.ok) extras.correction = due.value;
  }
  if (s.status === 'submitted') {
    const app = await p.store.getApplication(s.id);
    const stage = app ? await stageOf(p, app) : undefined;
    if (stage) extras.stage = stage;
  }
  return { ...s, openTasks: s.openTasks.filter((t) => t.assignee === undefined || t.assignee === user.id), ...extras };
}

const isSummary = (v: unknown): v is ApplicationSummary =>
  isObj(v) && typeof v.applicantId === 'string' && isObj(v.pinned) && Array.isArray(v.openTasks) && Array.isArray(v.waitingAt) && !('form' in v);

/** an application, a list of them or of their summaries ({items}), or a wrapper ({application}) */
async function project(p: Platform, user: User, payload: unknown): Promise<unknown> {
  if (isApplication(payload)) return shown(p, user, payload, true);
  if (!isObj(payload)) return payload;
  let out = payload;
  if (Array.isArray(out.items) && out.items.some(isApplication)) {
    out = { ...out, items: await Promise.all(out.items.map((i: unknown) => (isApplication(i) ? shown(p, user, i, false) : i))) };
  }
  if (Array.isArray(out.items) && out.items.some(isSummary)) {
    out = { ...out, items: await Promise.all(out.items.map((i: unknown) => (isSummary(i) ? shownSummary(p, user, i) : i))) };
  }
  if (isApplication(out.application)) out = { ...out, application: await shown(p, user, out.application, true) };
  return out;
}

export function installApplicationViews(app: FastifyInstance): void {
  app.addHook('preSerialization', async (request, _reply, payload) => (request.user ? project(app.platform, request.user, payload) : payload));
}
