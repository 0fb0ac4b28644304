// Signed checkpoints of the audit chain: (store, count, head hash, time), HMAC-signed with the audit key and kept
// where the store's writer cannot rewrite them. A deleted tail shows as "a checkpoint says N records, the store has
// M"; a chain rebuilt by someone holding the key shows as a head that differs from the one signed at that count.
//   head   — the chain had `count` records ending in `head` (written after every audited write)
//   legacy — records 1..count were sealed before the chain was keyed (plain SHA-256), ending in `head`
//   reset  — the operator emptied the store on purpose (`npm run seed -- --reset`): earlier lines no longer apply
import { createHmac, timingSafeEqual } from 'node:crypto';
import { canonicalJson } from '../canonical-json.js';
import type { AuditKey } from './chain.js';

export type CheckpointKind = 'head' | 'legacy' | 'reset';

export interface Checkpoint {
  v: 1;
  /** which store the line is about, so one file can serve an embedded and a MongoDB store without confusion */
  store: string;
  kind: CheckpointKind;
  count: number;
  head: string;
  at: string;
}

export interface SignedCheckpoint extends Checkpoint {
  mac: string;
}

const KINDS: ReadonlySet<string> = new Set<CheckpointKind>(['head', 'legacy', 'reset']);

function macOf(cp: Checkpoint, key: AuditKey): string {
  const { v, store, kind, count, head, at } = cp;
  return createHmac('sha256', key).update('zhicheng-audit-checkpoint\n').update(canonicalJson({ v, store, kind, count, head, at })).digest('hex');
}

export function signCheckpoint(cp: Checkpoint, key: AuditKey): SignedCheckpoint {
  return { ...cp, mac: macOf(cp, key) };
}

/** the parsed line when it has the shape of a checkpoint, else null (its signature is checked separately) */
export function parseCheckpoint(line: string): SignedCheckpoint | null {
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch {
    return null;
  }
  if (typeof v !== 'object' || v === null) return null;
  const o = v as Record<string, unknown>;
  const ok =
    o.v === 1 &&
    typeof o.store === 'string' &&
    typeof o.kind === 'string' &&
    KINDS.has(o.kind) &&
    Number.isSafeInteger(o.count) &&
    (o.count as number) >= 0 &&
    typeof o.head === 'string' &&
    typeof o.at === 'string' &&
    typeof o.mac === 'string';
  return ok ? (o as unknown as SignedCheckpoint) : null;
}

export function checkpointSigned(cp: SignedCheckpoint, key: AuditKey): boolean {
  const want = Buffer.from(macOf(cp, key), 'hex');
  const got = Buffer.from(cp.mac, 'hex');
  return got.length === want.length && timingSafeEqual(got, want);
}
