// Renders an application's documents (评审表, 送审表, 一次性告知书, 公示 notice, certificate) from the
// templates of the level version it is pinned to, or from a shared template definition; and the
// roster (花名册) of many applications from a shared template.
import { lastDayOf } from '../../domain/applications/correction-due.js';
import { checkDefinitionBounds } from '../../domain/definitions/bounds.js';
import { labelsFromSchema, renderDocument } from '../../domain/documents/index.js';
import { labelledForm, type OptionLabels } from '../../domain/documents/labelled-form.js';
import { statusName } from '../../domain/applications/status-names.js';
import { getPointer } from '../../domain/json-pointer.js';
import { fail, ok, type Result } from '../../domain/result.js';
import type { Application, Campaign, CommitteeList, Org, Series, TemplateDefinition } from '../../domain/schema-types.gen.js';
import { campaignOf, type AppDeps } from './deps.js';

const TITLES: Record<string, string> = {
  pingshenbiao: '专业技术资格评审表',
  songshenbiao: '专业技术资格送审表',
  gaozhishu: '职称申报评审一次性告知书',
  gongshi: '公示',
  certificate: '职称电子证书',
  huamingce: '职称申报人员花名册',
};

/** the series' specialty names by key: the form may store the key (jianshe), people read 建设工程 */
async function specialtyNames(d: AppDeps, seriesKey: string): Promise<OptionLabels> {
  const series = await d.store.getDefinition<Series>('series', seriesKey, 'latest');
  return Object.fromEntries((series?.body.specialties ?? []).map((s) => [s.key, s.name]));
}

/** what a template sees of one application (also one row of a roster): raw values for conditions, labels to print */
async function rowOf(d: AppDeps, app: Application, committees: CommitteeList | null, seq: number) {
  const level = await d.levels.get(app.levelKey, app.pinned.level);
  const def = level.ok ? level.value.def : null;
  const unit: Org | null = app.orgId ? await d.store.getOrg(app.orgId) : null;
  const specialties = await specialtyNames(d, app.seriesKey);
  const specialtyField = def?.committee?.specialtyField ?? '/specialty';
  const specialty = app.specialty ?? getPointer(app.form, specialtyField);
  return {
    seq,
    application: app,
    form: app.form,
    formLabels: def ? labelledForm({ schema: def.form, uiSchema: def.uiSchema, data: app.form, optionsAt: { [specialtyField]: specialties } }) : app.form,
    specialtyName: typeof specialty === 'string' ? (specialties[specialty] ?? specialty) : '',
    statusName: statusName(app.status),
    level: def ? { title: def.title, grade: def.grade, seriesKey: def.seriesKey } : null,
    pathName: (level.ok ? level.value.rules.paths.find((p) => p.id === app.pathId)?.name : undefined) ?? '',
    unit,
    committee: committees?.committees.find((x) => x.id === app.committeeId) ?? null,
    // lastDay: the window closes at 00:00 Beijing of the next day, so the notice names the day before
    notice: app.notice ? { ...app.notice, ...(app.notice.deadline ? { lastDay: lastDayOf(app.notice.deadline) } : {}) } : null,
    certificate: app.certificate ?? null,
  };
}

async function committeeList(d: AppDeps): Promise<CommitteeList | null> {
  return (await d.store.getDefinition<CommitteeList>('committees', 'committees', 'latest'))?.body ?? null;
}

async function sharedTemplate(d: AppDeps, name: string): Promise<Result<{ source: string; definition: string }>> {
  const shared = await d.store.getDefinition<TemplateDefinition>('template', name, 'latest');
  if (!shared) return fail('document.not_found', `没有名为“${name}”的文书模板`);
  const bounded = checkDefinitionBounds('template', name, shared.body); // stored before the bounds existed
  if (!bounded.ok) return bounded;
  return ok({ source: shared.body.source, definition: `template/${name}@${shared.version}` });
}

/** what a template sees of one application (also the template editor's preview of it) */
export async function documentDataOf(d: AppDeps, app: Application): Promise<Record<string, unknown>> {
  const c = await campaignOf(d, app.campaignId, app.pinned.campaign);
  const row = await rowOf(d, app, await committeeList(d), 1);
  return { ...row, rows: [row], campaign: c.ok ? c.value.campaign : null, now: d.clock.now() };
}

export async function renderApplicationDocument(d: AppDeps, app: Application, name: string): Promise<Result<string>> {
  const level = await d.levels.get(app.levelKey, app.pinned.level);
  if (!level.ok) return level;
  const template = level.value.def.templates?.[name] !== undefined ? ok({ source: level.value.def.templates[name]!, definition: `level/${level.value.key}@${level.value.version}` }) : await sharedTemplate(d, name);
  if (!template.ok) return template;
  const data = await documentDataOf(d, app);
  return renderDocument({ ...template.value, name, data, title: `${TITLES[name] ?? name} · ${app.applicantName}`, labels: labelsFromSchema(level.value.def.form) });
}

/** a roster of many applications (E3: published by league/city HR bureaus and competent departments) */
export async function renderRoster(d: AppDeps, apps: readonly Application[], campaign: Campaign | null, scope: string, name = 'huamingce'): Promise<Result<string>> {
  const template = await sharedTemplate(d, name);
  if (!template.ok) return template;
  const committees = await committeeList(d);
  const rows = [];
  for (const [i, app] of apps.entries()) rows.push(await rowOf(d, app, committees, i + 1));
  return renderDocument({ ...template.value, name, data: { rows, campaign, scope, now: d.clock.now() }, title: `${TITLES[name] ?? name}${scope ? ` · ${scope}` : ''}` });
}
