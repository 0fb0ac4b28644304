// How the fill spreads applications: a seeded PRNG (the same N gives the same store), the seeded reviewer
// demo-unit-design's unit at about 1% of each campaign, the other accepted units and levels evenly, and how far
// each application goes along its flow.
import type { Combo } from './probe.js';

/** the unit whose reviewer (demo-unit-design in seeds/users.json) the issue measures with */
export const MEASURED_UNIT = 'unit-hhht-design';
export const MEASURED_SHARE = 0.01;

/** mulberry32: small, fast, reproducible */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pickCombo(combos: readonly Combo[], random: () => number): Combo {
  const measured = combos.filter((c) => c.unitId === MEASURED_UNIT);
  const others = combos.filter((c) => c.unitId !== MEASURED_UNIT);
  const from = measured.length > 0 && (others.length === 0 || random() < MEASURED_SHARE) ? measured : others;
  return from[Math.floor(random() * from.length)]!;
}

/**
 * how far an application goes: 15% wait in their unit's inbox, 5% are returned once and resubmitted (back in the
 * unit's inbox), 30% stop after one to four steps, half go to the end of their flow
 */
export function budgetFor(random: () => number): { budget: number; returnFirst: boolean } {
  const r = random();
  if (r < 0.15) return { budget: 0, returnFirst: false };
  if (r < 0.2) return { budget: 2, returnFirst: true };
  if (r < 0.5) return { budget: 1 + Math.floor(random() * 4), returnFirst: false };
  return { budget: 1000, returnFirst: false };
}
