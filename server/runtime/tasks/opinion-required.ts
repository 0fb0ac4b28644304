// 审批意见必填: a step that requires an opinion refuses a completion without one, at the decision form's
// opinion field (审核意见 `comment`, 核查情况 `finding` …), so the workbench shows it there.
import { fail, ok, type Result } from '../../domain/result.js';
import type { Application } from '../../domain/schema-types.gen.js';
import type { Variables } from '../../domain/workflow/state.js';
import type { AppDeps } from '../applications/deps.js';
import { stepSettings } from './step-settings.js';

const OPINION_FIELDS = ['comment', 'opinion', 'finding'] as const;

/** the decision form's opinion field: the first of the usual names it defines, `comment` when none */
export function opinionField(decisionSchema: unknown): string {
  const props = typeof decisionSchema === 'object' && decisionSchema !== null ? (decisionSchema as { properties?: unknown }).properties : undefined;
  const has = (k: string): boolean => typeof props === 'object' && props !== null && k in props;
  return OPINION_FIELDS.find(has) ?? 'comment';
}

export async function checkOpinion(d: AppDeps, app: Application, elementId: string, decisionSchema: unknown, payload: Variables): Promise<Result<void>> {
  if (!(await stepSettings(d, app, elementId)).opinionRequired) return ok(undefined);
  const field = opinionField(decisionSchema);
  const v = payload[field];
  if (typeof v === 'string' && v.trim() !== '') return ok(undefined);
  return fail('task.opinion_required', '此环节审批意见必填', [{ code: 'task.opinion_required', message: '请填写审批意见', pointer: `/${field}` }]);
}
