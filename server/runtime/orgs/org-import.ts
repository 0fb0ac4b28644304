// Imports orgs from an uploaded spreadsheet: all rows or none. Each created or changed org gets its audit record.
import type { User } from '../../domain/schema-types.gen.js';
import { planImport, type ImportPlan } from '../../domain/orgs/org-import-plan.js';
import type { Result } from '../../domain/result.js';
import { newOrgId, orgAudit, type OrgDeps } from './org-admin.js';
import { readOrgRows } from './org-xlsx.js';

export async function importOrgs(d: OrgDeps, actor: User, bytes: Buffer): Promise<Result<ImportPlan>> {
  const rows = await readOrgRows(bytes);
  if (!rows.ok) return rows;
  const plan = planImport(rows.value, await d.store.listOrgs(), newOrgId);
  if (!plan.ok) return plan;
  // parents before children: created orgs are written in row order, which the plan already resolved
  for (const o of plan.value.created) await d.store.upsertOrg(o);
  for (const u of plan.value.updated) await d.store.upsertOrg(u.after);
  await d.store.appendAudit([
    ...plan.value.created.map((o) => orgAudit(d.clock, actor.id, 'org.import', null, o)),
    ...plan.value.updated.map((u) => orgAudit(d.clock, actor.id, 'org.import', u.before, u.after)),
  ]);
  return plan;
}
