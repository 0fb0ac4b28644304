// A reproducible random pick: SHA-256 in counter mode (block i = sha256(seed ‖ ":" ‖ i)) as the random stream,
// unbiased integers by rejection, and a partial Fisher–Yates shuffle. Why not a library PRNG: none is installed, and
// this one can be re-computed by a supervisor with any SHA-256 tool from the seed and the candidate list alone.
import { createHash } from 'node:crypto';

/** a stream of 32-bit unsigned integers from the seed */
function* words(seed: string): Generator<number, never> {
  for (let block = 0; ; block += 1) {
    const digest = createHash('sha256').update(`${seed}:${block}`).digest();
    for (let i = 0; i < digest.length; i += 4) yield digest.readUInt32BE(i);
  }
}

const RANGE = 2 ** 32;

/** an integer in [0, n) without modulo bias */
function below(stream: Generator<number, never>, n: number): number {
  const limit = RANGE - (RANGE % n);
  for (;;) {
    const w = stream.next().value;
    if (w < limit) return w % n;
  }
}

/** the first `count` items of a seeded shuffle of `items` (count ≤ items.length) */
export function pickSeeded<T>(seed: string, items: readonly T[], count: number): T[] {
  const a = [...items];
  const stream = words(seed);
  const n = Math.min(count, a.length);
  for (let i = 0; i < n; i += 1) {
    const j = i + below(stream, a.length - i);
    [a[i], a[j]] = [a[j] as T, a[i] as T];
  }
  return a.slice(0, n);
}
