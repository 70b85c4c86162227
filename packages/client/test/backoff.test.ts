import { describe, expect, it } from 'vitest';
import { reconnectDelayMs } from '../src/backoff.ts';

describe('reconnectDelayMs', () => {
  it('grows exponentially up to the cap when jitter picks the top of the range', () => {
    const top = () => 0.999999;
    const delays = [0, 1, 2, 3, 4, 5, 6, 10].map((attempt) => reconnectDelayMs(attempt, { random: top }));
    expect(delays).toEqual([500, 1000, 2000, 4000, 8000, 15_000, 15_000, 15_000]);
  });

  it('spreads clients out with jitter but never retries instantly', () => {
    expect(reconnectDelayMs(6, { random: () => 0.5 })).toBe(7500);
    expect(reconnectDelayMs(6, { random: () => 0 })).toBe(250);
  });
});
