// What a reviewer sends for each seeded decision form (schemas/forms/common/decisions.json): every review agrees,
// every ballot approves, a complaint check dismisses. 公示 complaint registration is left alone (the timer ends it).
import type { Variables } from '../../../server/domain/workflow/state.js';

export const SKIP_FORMS: ReadonlySet<string> = new Set(['publicity']);

export function payloadFor(formKey: string | undefined, returning: boolean): Variables {
  switch (formKey) {
    case 'vote':
      return { vote: 'approve' };
    case 'scoring':
      return { decision: 'scored', lectureScore: 85, interviewScore: 86, quantScore: 80, democraticScore: 95, comment: '同意' };
    case 'complaint':
      return { decision: 'dismiss', finding: '经核查不属实' };
    case 'filing':
      return { decision: 'approve', comment: '同意' };
    default:
      return returning
        ? { decision: 'return', comment: '请补正', items: [{ pointer: '/papers', message: '请补充代表作的发表证明' }] }
        : { decision: 'approve', comment: '同意' };
  }
}
