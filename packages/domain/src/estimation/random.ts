/**
 * A small seeded generator (mulberry32). The estimator samples possible futures; seeding it keeps the
 * domain pure and makes two recomputes over the same state give the same numbers, so a wall display
 * does not flicker between events.
 */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
