// 通知: the people it names are told (zc:Notify, turned into notifications in the transition's write); the flow
// goes on at once. Nobody named means the applicant; no template, the generic 流程通知.
import { DEFAULT_NOTIFY_TEMPLATE, type NotifyDef } from '../model.js';
import type { StepContext } from './context.js';
import type { Fragment } from './graph.js';
import type { NotifyStep } from './types.js';

export function notifyDef(step: NotifyStep): NotifyDef {
  const to = step.to ?? [];
  const extra = step.role && step.scope ? { role: step.role, scope: step.scope } : {};
  return { to: to.length === 0 && !extra.role ? ['applicant'] : [...to], ...extra, template: step.template ?? DEFAULT_NOTIFY_TEMPLATE };
}

export function compileNotify(step: NotifyStep, ctx: StepContext): Fragment {
  ctx.graph.add({ kind: 'serviceTask', id: step.id, name: step.name, action: 'notify', notify: notifyDef(step) });
  return { entry: step.id, exits: [{ from: step.id }] };
}
