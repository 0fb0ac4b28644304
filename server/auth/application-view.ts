// What of an application leaves the server for one person (个人信息保护). Offices verifying identity see the
// form as filed; an expert sees ID numbers masked and no ID documents; nobody but the voting expert sees a
// ballot task: which experts' vote tasks are still open would tell who has voted (the office gets a count).
import type { JsonObject, JsonValue } from '../domain/json.js';
import type { Application } from '../domain/schema-types.gen.js';
import type { WorkflowState } from '../domain/workflow/state.js';
import type { Viewer } from './access-rules.js';
import { idNumberProblem, maskIdNumber } from './id-number.js';

/** the form field the platform fills from the account's ID number (create-draft.ts) */
const ID_FIELD = 'idNumber';

const looksLikeIdNumber = (s: string): boolean => s.length === 18 && idNumberProblem(s) === null;

/** every resident ID number in a form masked: the ID field, and any other value that is one (a spouse's, a referee's) */
export function maskIdNumbersIn(value: JsonValue, key?: string): JsonValue {
  if (typeof value === 'string') return key === ID_FIELD || looksLikeIdNumber(value) ? maskIdNumber(value) : value;
  if (Array.isArray(value)) return value.map((v) => maskIdNumbersIn(v));
  if (value !== null && typeof value === 'object') {
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(value)) out[k] = maskIdNumbersIn(v, k);
    return out;
  }
  return value;
}

/** ballot tasks are addressed to one expert: only that expert sees theirs. A task a task operation handed to one
 * person (转办, 委派, 加签, 撤回: marked `personal` in the flow state) names them too but is no ballot */
const personalIds = (state: WorkflowState | null | undefined): ReadonlySet<string> => new Set((state?.openTasks ?? []).filter((t) => t.personal).map((t) => t.id));
const notOthersBallot = (userId: string, personal: ReadonlySet<string>) => (t: { assignee?: string | undefined; id?: string; taskId?: string }): boolean =>
  t.assignee === undefined || t.assignee === userId || personal.has(t.taskId ?? t.id ?? '');

/** the flow state (variables, decisions, who handled what) stays server-side except for the applicant and the administrator */
function flowFor(input: WorkflowState, userId: string, viewer: Viewer): WorkflowState | null {
  if (viewer !== 'owner' && viewer !== 'admin') return null;
  // the state before the last decision (kept for 撤回) holds what the state itself hides: server-side only
  const { lastDecision: _undo, ...state } = input;
  const openTasks = state.openTasks.filter(notOthersBallot(userId, personalIds(state)));
  if (viewer === 'admin') return { ...state, openTasks };
  // `reached` names every expert who sits in a vote: the administrator's business only
  const { reached: _attendance, ...rest } = state;
  return { ...rest, openTasks };
}

/**
 * The application as `viewer` may see it. `idDocuments`: the material items of its level that are ID
 * documents (level materials marked idDocument), withheld from experts.
 */
export function applicationView(app: Application, userId: string, viewer: Viewer, idDocuments: ReadonlySet<string>): Application {
  const { workflow, ...rest } = app;
  const out: Application = { ...rest, openTasks: app.openTasks.filter(notOthersBallot(userId, personalIds(workflow))) };
  // who was copied (抄送) is between the sender and each recipient; the administrator sees all
  if (app.copies) out.copies = viewer === 'admin' ? app.copies : app.copies.filter((c) => c.userId === userId || c.by === userId);
  if (workflow) out.workflow = flowFor(workflow, userId, viewer);
  else if (workflow === null || (viewer !== 'owner' && viewer !== 'admin')) out.workflow = null;
  if (viewer !== 'expert') return out;
  return { ...out, form: maskIdNumbersIn(app.form) as JsonObject, materials: app.materials.filter((m) => !idDocuments.has(m.itemId)) };
}
