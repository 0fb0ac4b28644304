// Impact preview: before an administrator publishes, run the draft rules over the campaign's applications
// of each level concerned (drafts and submitted ones) and list whose eligibility would change against the
// latest published version. Reads only: nothing is stored and no audit record is written (nothing changes).
// Bounded: at most `limit` applications per request (a cursor continues), every FEEL evaluation within the
// platform's budget (feel-budget.ts), and a turn of the event loop between applications so other requests
// go on while it runs. People are named by name and unit only — never an ID number.
import { fail, ok, type Problem, type Result } from '../domain/result.js';
import { compareEligibility } from '../domain/rules/impact-compare.js';
import type { ImpactResult, LevelImpact } from '../domain/rules/impact-types.js';
import type { Eligibility } from '../domain/rules/index.js';
import { orgChain } from '../domain/routing/org-chain.js';
import type { Application, Campaign, Org } from '../domain/schema-types.gen.js';
import { campaignOf, today, type AppDeps } from './applications/deps.js';
import { eligibilityOf } from './applications/eligibility-input.js';
import { statusName } from '../domain/applications/status-names.js';
import { originPointer, type PointerSide } from '../domain/rules/impact-pointers.js';
import type { ImpactLevel } from './impact-policy.js';

/** applications examined per request at most; the route's schema allows no more */
export const IMPACT_MAX_LIMIT = 200;


export interface ImpactRequest {
  campaignId: string;
  /** each level concerned, with its draft compiled (draft rules, or the published level with a draft module) */
  levels: ImpactLevel[];
  /** whose pointers the reasons carry: the level's (level editor) or the module's (policy editor) */
  side: PointerSide;
  /** how many applications earlier requests examined (the sequence is the levels in order, each by the store's order) */
  cursor?: string;
  limit: number;
}

const verdict = (e: Eligibility): string => (e.eligible ? '可申报' : '不可申报');

/** the draft's own evaluation ran out of time: the request stops with the condition's pointer */
function timedOut(e: Eligibility): Problem | undefined {
  for (const b of e.blocked) if (b.error?.code === 'feel.too_complex') return b.error;
  for (const p of e.paths) for (const f of p.failed) if (f.error?.code === 'feel.too_complex') return f.error;
  return undefined;
}

const yieldTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export async function previewImpact(d: AppDeps, req: ImpactRequest): Promise<Result<ImpactResult>> {
  const current = await campaignOf(d, req.campaignId);
  if (!current.ok) return current;
  const campaigns = new Map<number, Campaign>([[current.value.version, current.value.campaign]]);
  const orgs = new Map<string, Org>((await d.store.listOrgs()).map((o) => [o.id, o]));
  const calendars = await d.calendars.current();
  const date = today(d);
  const start = Number.parseInt(req.cursor ?? '0', 10) || 0;

  let position = 0; // where this level's applications start in the whole sequence
  let left = req.limit;
  let examined = 0;
  let total = 0;
  const levels: LevelImpact[] = [];
  for (const { key, draft: compiled, problems } of req.levels) {
    const published = await d.levels.get(key, 'latest');
    const base = published.ok ? published.value : null;
    const out: LevelImpact = {
      key,
      title: compiled?.level.def.title ?? base?.def.title ?? key,
      publishedVersion: base?.version ?? null,
      total: 0,
      examined: 0,
      counts: { gains: 0, loses: 0, paths: 0, unchanged: 0, skipped: 0 },
      changes: [],
      ...(problems ? { problems } : {}),
    };
    levels.push(out);
    const draft = compiled?.level;
    const locate = (pointer: string | undefined): { pointer?: string } => {
      const at = pointer === undefined || !compiled ? undefined : originPointer(pointer, compiled.origins, req.side);
      return at === undefined ? {} : { pointer: at };
    };
    const count = (await d.store.listApplications({ campaignId: req.campaignId, levelKey: key, limit: 1 })).total;
    out.total = count;
    total += count;
    const from = Math.max(0, start - position);
    position += count;
    if (!base || !draft || left === 0 || from >= count) continue;
    const page = await d.store.listApplications({ campaignId: req.campaignId, levelKey: key, offset: from, limit: left });
    for (const app of page.items) {
      left -= 1;
      out.examined += 1;
      examined += 1;
      await yieldTurn();
      const user = app.status === 'withdrawn' ? null : await d.store.getUser(app.applicantId);
      // the campaign version the application is pinned to (its cut-off dates), as at submit
      const pinnedCampaign = app.pinned.campaign ?? current.value.version;
      let campaign = campaigns.get(pinnedCampaign);
      if (!campaign) {
        const c = await campaignOf(d, app.campaignId, pinnedCampaign);
        campaign = c.ok ? c.value.campaign : current.value.campaign;
        campaigns.set(pinnedCampaign, campaign);
      }
      if (!user) {
        out.counts.skipped += 1;
        continue;
      }
      const unitId = app.orgId ?? user.orgId;
      const facts = { campaign, form: app.form, user, chain: unitId ? orgChain(unitId, orgs) : null, today: date, counters: {}, calendars };
      const before = eligibilityOf({ ...facts, level: base });
      const after = eligibilityOf({ ...facts, level: draft });
      if (!before.ok || !after.ok) {
        out.counts.skipped += 1;
        continue;
      }
      const slow = timedOut(after.value.eligibility);
      if (slow) return fail('feel.too_complex', '草稿规则计算超时，影响预览已中止：请简化该条件', [{ ...slow, ...locate(slow.pointer) }]);
      const cmp = compareEligibility(before.value.eligibility, base.rules, after.value.eligibility, draft.rules);
      out.counts[cmp.change] += 1;
      if (cmp.change === 'unchanged') continue;
      out.changes.push({
        applicationId: app.id,
        name: user.name,
        unit: (unitId ? orgs.get(unitId)?.name : undefined) ?? '（未关联单位）',
        status: app.status,
        statusName: statusName(app.status),
        change: cmp.change,
        before: verdict(before.value.eligibility),
        after: verdict(after.value.eligibility),
        paths: cmp.paths,
        // loses and paths: pointers into the draft, moved to the editor's own places; gains: the published rules'
        // conditions, named by their message only (their pointers are of the expanded published version)
        reasons: cmp.reasons.map(({ message, pointer }) => ({ message, ...(cmp.change === 'gains' ? {} : locate(pointer)) })),
      });
    }
  }
  const done = start + examined;
  const res: ImpactResult = { campaign: { key: current.value.campaign.key, name: current.value.campaign.name }, levels, examined, total };
  if (done < total) {
    res.nextCursor = String(done);
    res.note = `仅检查了前 ${done} 份（共 ${total} 份），可继续检查其余申报`;
  }
  return ok(res);
}
