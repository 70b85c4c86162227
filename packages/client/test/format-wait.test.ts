import { describe, expect, it } from 'vitest';
import { formatElapsed, formatWait } from '../src/format-wait.ts';

describe('formatWait', () => {
  it('gives the expected wait and its range in each language', () => {
    const estimate = { expectedSeconds: 600, lowSeconds: 300, highSeconds: 900 };
    expect(formatWait(estimate, 'en')).toBe('about 10 min (5–15)');
    expect(formatWait(estimate, 'fr')).toBe('environ 10 min (5–15)');
  });

  it('says less than a minute for a short wait', () => {
    expect(formatWait({ expectedSeconds: 20, lowSeconds: 10, highSeconds: 90 }, 'en')).toBe('less than 1 min');
    expect(formatWait({ expectedSeconds: 0, lowSeconds: 0, highSeconds: 60 }, 'fr')).toBe('moins d’1 min');
  });

  it('rounds the range outwards', () => {
    expect(formatWait({ expectedSeconds: 250, lowSeconds: 150, highSeconds: 435 }, 'en')).toBe('about 4 min (2–8)');
  });

  it('switches to hours for long waits and admits when it does not know', () => {
    expect(formatWait({ expectedSeconds: 3 * 3600, lowSeconds: 2 * 3600, highSeconds: 5 * 3600 }, 'en')).toBe('about 3 h (2–5 h)');
    expect(formatWait(null, 'en')).toBe('no estimate yet');
  });
});

describe('formatElapsed', () => {
  it('prints mm:ss, and hours when needed', () => {
    expect(formatElapsed(65)).toBe('01:05');
    expect(formatElapsed(3725)).toBe('1:02:05');
    expect(formatElapsed(-3)).toBe('00:00');
  });
});
