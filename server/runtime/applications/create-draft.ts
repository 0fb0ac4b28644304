// An applicant starts a draft for (campaign, series, level), pinned to the level version in force.
import { fail, ok, type Result } from '../../domain/result.js';
import { isJsonObject, type JsonObject } from '../../domain/json.js';
import type { Application, User } from '../../domain/schema-types.gen.js';
import { phaseMessage, phaseState } from '../../domain/campaign/phases.js';
import { audit, campaignOf, newId, today, type AppDeps } from './deps.js';

export interface CreateDraftInput {
  campaignId: string;
  levelKey: string;
  channel?: string;
}

/** what the platform already knows is not asked again: fill name and ID number when the form has them */
function prefill(form: JsonObject, user: User): JsonObject {
  const props = isJsonObject(form.properties) ? form.properties : {};
  const out: JsonObject = {};
  if ('name' in props) out.name = user.name;
  if ('idNumber' in props && user.idNumber) out.idNumber = user.idNumber;
  return out;
}

export async function createDraft(d: AppDeps, user: User, input: CreateDraftInput): Promise<Result<Application>> {
  const c = await campaignOf(d, input.campaignId);
  if (!c.ok) return c;
  const level = await d.levels.get(input.levelKey, 'latest');
  if (!level.ok) return level;
  const { campaign } = c.value;
  if (campaign.levels && !campaign.levels.includes(input.levelKey)) {
    return fail('campaign.level_closed', `${campaign.name}未开放“${level.value.def.title}”的申报`, [{ code: 'campaign.level_closed', message: '本年度未开放此层级', pointer: '/levelKey' }]);
  }
  const phase = phaseState(campaign, 'apply', today(d));
  if (phase !== 'open') return fail('campaign.closed', phaseMessage(campaign, 'apply', phase));
  const now = d.clock.now();
  const app: Application = {
    id: newId(),
    version: 1,
    applicantId: user.id,
    applicantName: user.name,
    campaignId: input.campaignId,
    seriesKey: level.value.def.seriesKey,
    levelKey: input.levelKey,
    ...(user.orgId ? { orgId: user.orgId } : {}),
    ...(input.channel ? { channel: input.channel } : {}),
    pinned: { level: level.value.version, campaign: c.value.version },
    status: 'draft',
    form: prefill(level.value.def.form, user),
    materials: [],
    openTasks: [],
    timers: [],
    createdAt: now,
    updatedAt: now,
  };
  const res = await d.store.insertApplication(app, [audit(d, user.id, 'application.create', app, null, { campaignId: app.campaignId, levelKey: app.levelKey, levelVersion: app.pinned.level })]);
  if (!res.ok) return fail('application.conflict', res.message);
  return ok(app);
}
