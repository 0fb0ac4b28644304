// 批量同意: one opinion for several tasks. Each item is its own guarded write with its own audit record
// (completeTask), so one that fails — taken by a colleague, a return-only step, an opinion the step requires —
// changes nothing for it and does not stop the others; the answer lists each item's outcome in Chinese.
import { viewerOf } from '../../auth/access-rules.js';
import type { User } from '../../domain/schema-types.gen.js';
import type { Variables } from '../../domain/workflow/state.js';
import type { AppDeps } from './deps.js';
import { completeTask } from './review.js';

export interface BatchItem {
  applicationId: string;
  taskId: string;
}

export type BatchOutcome = BatchItem & ({ ok: true; applicantName: string } | { ok: false; code: string; message: string; applicantName?: string });

export async function batchComplete(d: AppDeps, user: User, items: BatchItem[], payload: Variables): Promise<{ done: number; failed: number; items: BatchOutcome[] }> {
  const out: BatchOutcome[] = [];
  // one at a time: the same application may appear twice, and the store's guard needs the previous write
  for (const item of items) {
    const res = await completeTask(d, user, item.applicationId, item.taskId, payload);
    if (res.ok) out.push({ ...item, ok: true, applicantName: res.value.applicantName });
    else {
      const app = await d.store.getApplication(item.applicationId);
      const detail = res.error.details?.map((p) => p.message).join('；');
      out.push({
        ...item,
        ok: false,
        code: res.error.code,
        message: detail ? `${res.error.message}：${detail}` : res.error.message,
        // the name only of an application this person may see
        ...(app && viewerOf(user, app) ? { applicantName: app.applicantName } : {}),
      });
    }
  }
  return { done: out.filter((o) => o.ok).length, failed: out.filter((o) => !o.ok).length, items: out };
}
