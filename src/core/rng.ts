/**
 * Seeded pseudo-random numbers (mulberry32). The generator's whole state is one
 * 32-bit number, so a simulation can copy it, fork it and replay it exactly.
 */

/** Normalises any seed to a 32-bit state. */
export function seedState(seed: number): number {
  return (Math.trunc(seed) ^ 0x9e3779b9) >>> 0;
}

/** One draw: returns a float in [0, 1) and the next state. */
export function nextRandom(state: number): [value: number, next: number] {
  const next = (state + 0x6d2b79f5) >>> 0;
  let t = next;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return [((t ^ (t >>> 14)) >>> 0) / 4294967296, next];
}
