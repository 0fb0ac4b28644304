// The built-in actions a service task runs. Each returns the variables it adds and the change
// it makes to the application; the runtime folds both into the same atomic write.
import { createHash } from 'node:crypto';
import type { Variables } from '../../domain/workflow/state.js';
import type { Application } from '../../domain/schema-types.gen.js';
import type { Store } from '../../store/port.js';
import { certificateKeyRing } from '../certificates/key-ring.js';
import { signedCertificateFor } from '../certificates/issue.js';
import type { ActionName } from './names.js';

export interface ActionContext {
  app: Application;
  variables: Variables;
  now: string;
  store: Store;
}

export type ActionOutcome =
  | { ok: true; output: Variables; patch?: Partial<Application>; undo?: () => Promise<void> }
  | { ok: false; reason: string };

type Action = (ctx: ActionContext) => Promise<ActionOutcome>;

const status =
  (s: Application['status']): Action =>
  async () => ({ ok: true, output: {}, patch: { status: s } });

/** the quotas (counter key and limit) the application drew on, set in the variables at submit */
function quotasOf(vars: Variables): { key: string; limit: number }[] {
  const list = vars['quotas'];
  if (!Array.isArray(list)) return [];
  return list.flatMap((q) => {
    if (typeof q !== 'object' || q === null || Array.isArray(q)) return [];
    const key = q['key'];
    const limit = q['limit'];
    return typeof key === 'string' && typeof limit === 'number' ? [{ key, limit }] : [];
  });
}

const ACTIONS: Record<ActionName, Action> = {
  'eligibility.check': async ({ variables }) => ({ ok: true, output: { eligible: variables['eligible'] ?? true } }),
  // submit reserves; a flow may reserve later instead (then submit finds no quota for the level)
  'quota.reserve': async ({ variables, store }): Promise<ActionOutcome> => {
    if (variables['quotaReserved'] === true || variables['quotaExempt'] === true) return { ok: true, output: {} };
    const taken: { key: string; limit: number }[] = [];
    const undo = async () => {
      for (const q of taken) await store.adjustCounter(q.key, -1, null);
    };
    for (const q of quotasOf(variables)) {
      if (!(await store.adjustCounter(q.key, 1, q.limit)).ok) {
        await undo();
        return { ok: true, output: { quotaReserved: false, quotaFull: true } };
      }
      taken.push(q);
    }
    return { ok: true, output: { quotaReserved: taken.length > 0, quotaFull: false }, undo };
  },
  'quota.release': async ({ variables, store }): Promise<ActionOutcome> => {
    if (variables['quotaReserved'] !== true) return { ok: true, output: {} };
    const quotas = quotasOf(variables);
    for (const q of quotas) await store.adjustCounter(q.key, -1, null);
    return {
      ok: true,
      output: { quotaReserved: false },
      undo: async () => {
        for (const q of quotas) await store.adjustCounter(q.key, 1, null);
      },
    };
  },
  'publicity.open': async ({ now }) => ({ ok: true, output: { publicity: { openedAt: now } } }),
  'publicity.close': async ({ now, variables }) => {
    const p = variables['publicity'];
    return { ok: true, output: { publicity: { ...(typeof p === 'object' && p !== null && !Array.isArray(p) ? p : {}), closedAt: now } } };
  },
  // 发送通知 tells people, but not here: the runtime plans the notifications from this action's effect (it carries
  // the step's 通知对象 and 通知内容) and writes them with the transition (runtime/notifications/events.ts)
  notify: async () => ({ ok: true, output: {} }),
  'application.withdraw': status('withdrawn'),
  'application.reject': status('rejected'),
  'application.pass': status('passed'),
  'application.fail': status('failed'),
  'certificate.issue': async ({ app, now, store }) => {
    // the number is stable for an application, so a retried issue gives the same certificate
    const digest = createHash('sha256').update(`${app.id}|${app.seriesKey}|${app.levelKey}`).digest('hex');
    const number = `${now.slice(0, 4)}${digest.slice(0, 12).toUpperCase()}`;
    const base = app.certificate ?? { number, issuedAt: now, verifyCode: digest.slice(12, 20) };
    // signed once: a retry keeps the stored document (Ed25519 is deterministic anyway, for the same key)
    const certificate = base.signed ? base : { ...base, signed: await signedCertificateFor(store, app, base, certificateKeyRing().current) };
    return { ok: true, output: { certificateNumber: certificate.number }, patch: { status: 'certified', certificate } };
  },
};

export async function runAction(name: string, ctx: ActionContext): Promise<ActionOutcome> {
  const action = (ACTIONS as Record<string, Action | undefined>)[name];
  if (!action) return { ok: false, reason: `未知的动作 ${name}` };
  try {
    return await action(ctx);
  } catch (e) {
    return { ok: false, reason: e instanceof Error ? e.message : String(e) };
  }
}
