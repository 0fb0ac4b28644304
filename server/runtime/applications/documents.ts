// Renders an application's documents (评审表, 送审表, 一次性告知书, 公示 notice, certificate) from the
// templates of the level version it is pinned to, or from a shared template definition.
import { labelsFromSchema, renderDocument } from '../../domain/documents/index.js';
import { fail, type Result } from '../../domain/result.js';
import type { Application, Org, TemplateDefinition } from '../../domain/schema-types.gen.js';
import { campaignOf, type AppDeps } from './deps.js';

const TITLES: Record<string, string> = {
  pingshenbiao: '专业技术资格评审表',
  songshenbiao: '专业技术资格送审表',
  gaozhishu: '职称申报评审一次性告知书',
  gongshi: '公示',
  certificate: '职称电子证书',
};

export async function renderApplicationDocument(d: AppDeps, app: Application, name: string): Promise<Result<string>> {
  const level = await d.levels.get(app.levelKey, app.pinned.level);
  if (!level.ok) return level;
  let source = level.value.def.templates?.[name];
  let definition = `level/${level.value.key}@${level.value.version}`;
  if (source === undefined) {
    const shared = await d.store.getDefinition<TemplateDefinition>('template', name, 'latest');
    if (!shared) return fail('document.not_found', `没有名为“${name}”的文书模板`);
    source = shared.body.source;
    definition = `template/${name}@${shared.version}`;
  }
  const c = await campaignOf(d, app.campaignId, app.pinned.campaign);
  const unit: Org | null = app.orgId ? await d.store.getOrg(app.orgId) : null;
  const committees = app.committeeId ? await d.store.getDefinition<{ committees: { id: string; name: string }[] }>('committees', 'committees', 'latest') : null;
  const data = {
    application: app,
    form: app.form,
    level: { title: level.value.def.title, grade: level.value.def.grade, seriesKey: level.value.def.seriesKey },
    campaign: c.ok ? c.value.campaign : null,
    unit,
    committee: committees?.body.committees.find((x) => x.id === app.committeeId) ?? null,
    notice: app.notice ?? null,
    certificate: app.certificate ?? null,
    now: d.clock.now(),
  };
  return renderDocument({ definition, name, source, data, title: `${TITLES[name] ?? name} · ${app.applicantName}`, labels: labelsFromSchema(level.value.def.form) });
}
