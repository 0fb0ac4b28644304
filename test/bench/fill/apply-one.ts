// One applicant through the runtime's own use-cases, as the HTTP routes call them: draft, form, the checklist's
// required materials, pledge, submit. Returns the submitted application or the refusal's problem codes.
import type { Application, User } from '../../../server/domain/schema-types.gen.js';
import type { Problem, Result } from '../../../server/domain/result.js';
import type { Platform } from '../../../server/runtime/platform.js';
import { createDraft } from '../../../server/runtime/applications/create-draft.js';
import { addMaterial, saveForm, signPledge } from '../../../server/runtime/applications/edit-draft.js';
import { submit } from '../../../server/runtime/applications/submit.js';
import type { Profile } from './profiles.js';
import type { JsonObject } from '../../../server/domain/json.js';

export const PDF = Buffer.from('%PDF-1.4\n% fill material\n');

export interface ApplyInput {
  user: User;
  campaignId: string;
  profile: Profile;
  /** checklist items to upload (the probe learns which a level asks for) */
  materials: readonly string[];
}

const must = <T>(r: Result<T>, what: string): T => {
  if (!r.ok) throw new Error(`${what}: ${r.error.code} ${r.error.message} ${JSON.stringify(r.error.details ?? [])}`);
  return r.value;
};

export async function draftOne(p: Platform, i: ApplyInput): Promise<Application> {
  let app = must(await createDraft(p, i.user, { campaignId: i.campaignId, levelKey: i.profile.levelKey }), 'createDraft');
  app = must(await saveForm(p, i.user, app.id, i.profile.form(i.user.name) as JsonObject, app.version), 'saveForm').application;
  for (const item of i.materials) app = must(await addMaterial(p, i.user, app.id, item, { bytes: PDF, mime: 'application/pdf', name: `${item}.pdf` }), `addMaterial ${item}`);
  return must(await signPledge(p, i.user, app.id), 'signPledge');
}

export async function applyOne(p: Platform, i: ApplyInput): Promise<{ ok: true; app: Application } | { ok: false; draft: Application; problems: Problem[] }> {
  const draft = await draftOne(p, i);
  const res = await submit(p, i.user, draft.id, {});
  if (res.ok) return { ok: true, app: res.value };
  return { ok: false, draft, problems: [...(res.error.details ?? []), ...(res.error.details?.length ? [] : [{ code: res.error.code, message: res.error.message }])] };
}
