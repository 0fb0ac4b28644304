// While a draft (or a returned application) is open: save the form with partial validation,
// attach and remove materials per checklist item, sign the integrity pledge.
import { validateForm } from '../../domain/forms/index.js';
import type { JsonObject } from '../../domain/json.js';
import { fail, ok, type Problem, type Result } from '../../domain/result.js';
import type { Application, User } from '../../domain/schema-types.gen.js';
import { phaseMessage, phaseState } from '../../domain/campaign/phases.js';
import { audit, campaignOf, EDITABLE, ownApplication, saveNext, today, type AppDeps } from './deps.js';
import { checkMaterialContent } from '../../domain/applications/material-content.js';
import { sniffUpload } from './sniff-upload.js';

async function editable(d: AppDeps, user: User, id: string): Promise<Result<Application>> {
  const app = await ownApplication(d, user, id);
  if (!app.ok) return app;
  if (!EDITABLE.has(app.value.status)) return fail('application.locked', '申报已提交，当前不能修改');
  // B2: after applications close nothing may be added, except corrections asked for by a return
  if (app.value.status === 'draft') {
    const c = await campaignOf(d, app.value.campaignId, app.value.pinned.campaign);
    if (!c.ok) return c;
    const phase = phaseState(c.value.campaign, 'apply', today(d));
    if (phase !== 'open') return fail('campaign.closed', phaseMessage(c.value.campaign, 'apply', phase));
  }
  return app;
}

export async function saveForm(d: AppDeps, user: User, id: string, form: JsonObject, version: number): Promise<Result<{ application: Application; problems: Problem[] }>> {
  const app = await editable(d, user, id);
  if (!app.ok) return app;
  if (app.value.version !== version) return fail('application.conflict', '申报已在别处被修改，请刷新后重试');
  const level = await d.levels.get(app.value.levelKey, app.value.pinned.level);
  if (!level.ok) return level;
  const { problems } = validateForm(level.value.form, form, { partial: true });
  const saved = await saveNext(d, app.value, { ...app.value, form }, audit(d, user.id, 'application.save', app.value, { version }, { problems: problems.length }));
  if (!saved.ok) return saved;
  return ok({ application: saved.value, problems });
}

export interface Upload {
  bytes: Buffer;
  mime: string;
  name: string;
}

export async function addMaterial(d: AppDeps, user: User, id: string, itemId: string, file: Upload): Promise<Result<Application>> {
  const app = await editable(d, user, id);
  if (!app.ok) return app;
  const level = await d.levels.get(app.value.levelKey, app.value.pinned.level);
  if (!level.ok) return level;
  const item = level.value.def.materials.find((m) => m.id === itemId);
  if (!item) return fail('materials.unknown_item', `材料清单中没有“${itemId}”`, [{ code: 'materials.unknown_item', message: '材料清单中没有此项', pointer: `/materials/${itemId}` }]);
  const pointer = `/materials/${itemId}`;
  if (file.bytes.length === 0) return fail('materials.empty', `“${item.name}”文件为空`, [{ code: 'materials.empty', message: `“${item.name}”文件为空`, pointer }]);
  // what the bytes are decides, not the name or the declared type (issue 10: HTML or ELF named x.pdf)
  const content = checkMaterialContent(item, await sniffUpload(file.bytes), file);
  const problems: Problem[] = content.ok ? [] : [...content.error.details];
  if (item.maxBytes && file.bytes.length > item.maxBytes) {
    problems.push({ code: 'materials.too_large', message: `“${item.name}”不得超过 ${(item.maxBytes / 1_048_576).toFixed(1)} MB`, pointer });
  }
  if (problems.length > 0 || !content.ok) return fail(problems[0]!.code, problems[0]!.message, problems);
  const { mime, name } = content.value;
  const meta = await d.store.putFile(file.bytes, { mime, name, createdAt: d.clock.now(), createdBy: user.id });
  if (app.value.materials.some((m) => m.itemId === itemId && m.hash === meta.hash)) return ok(app.value);
  const material = { itemId, hash: meta.hash, name, size: meta.size, mime };
  return saveNext(d, app.value, { ...app.value, materials: [...app.value.materials, material] }, audit(d, user.id, 'application.material.add', app.value, null, material));
}

export async function removeMaterial(d: AppDeps, user: User, id: string, itemId: string, hash: string): Promise<Result<Application>> {
  const app = await editable(d, user, id);
  if (!app.ok) return app;
  const gone = app.value.materials.find((m) => m.itemId === itemId && m.hash === hash);
  if (!gone) return fail('materials.not_found', '该材料不存在');
  return saveNext(d, app.value, { ...app.value, materials: app.value.materials.filter((m) => m !== gone) }, audit(d, user.id, 'application.material.remove', app.value, gone, null));
}

export const PLEDGE_TEXT =
  '本人承诺：所填报的信息和提交的材料真实、准确、完整，如有弄虚作假，自愿承担取消申报资格、撤销已取得职称并记入诚信档案库等责任。';

export async function signPledge(d: AppDeps, user: User, id: string): Promise<Result<Application>> {
  const app = await editable(d, user, id);
  if (!app.ok) return app;
  const pledge = { signedAt: d.clock.now(), text: PLEDGE_TEXT };
  return saveNext(d, app.value, { ...app.value, pledge }, audit(d, user.id, 'application.pledge', app.value, app.value.pledge ?? null, pledge));
}
