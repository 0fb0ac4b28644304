// 一次告知: a return collects every problem into one notice — the reviewer's own items plus
// whatever the platform can see itself (schema errors, missing materials, failed conditions).
import type { Problem } from '../../domain/result.js';
import type { Application } from '../../domain/schema-types.gen.js';

export interface ReviewerItem {
  message: string;
  pointer?: string;
}

export type Notice = NonNullable<Application['notice']>;

export function composeNotice(at: string, deadline: string | undefined, reviewer: readonly ReviewerItem[], found: readonly Problem[]): Notice {
  const items: Notice['items'] = reviewer.map((i) => ({ code: 'review.item', message: i.message, ...(i.pointer ? { pointer: i.pointer } : {}) }));
  const seen = new Set(items.map((i) => `${i.pointer ?? ''}|${i.message}`));
  for (const p of found) {
    const key = `${p.pointer ?? ''}|${p.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    items.push({ code: p.code, message: p.message, ...(p.pointer ? { pointer: p.pointer } : {}) });
  }
  return { issuedAt: at, ...(deadline ? { deadline } : {}), items };
}
