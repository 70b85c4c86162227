import { describe, expect, it } from 'vitest';
import { formatElapsed, formatNobodyServing, formatWait } from '../src/format-wait.ts';

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

describe('honest forms and nobody serving', () => {
  it('says "more than 1 h" for a long wait, and opens the top of a range reaching past an hour', () => {
    expect(formatWait({ expectedSeconds: 5400, lowSeconds: 3600, highSeconds: 9660, form: 'at_least' }, 'en')).toBe('more than 1 h');
    expect(formatWait({ expectedSeconds: 9000, lowSeconds: 7200, highSeconds: 12000, form: 'at_least' }, 'fr')).toBe('plus de 2 h');
    expect(formatWait({ expectedSeconds: 1800, lowSeconds: 60, highSeconds: 3600, form: 'open_range' }, 'en')).toBe('about 30 min (1–60+)');
  });

  it('tells when someone is expected back, or that we will call', () => {
    const back = { reason: 'no_technician' as const, backAt: '2025-03-03T13:00:00.000Z' };
    expect(formatNobodyServing(back, 'en', 'Europe/Paris')).toBe('No technician for this right now; expected back at 14:00');
    expect(formatNobodyServing(back, 'fr', 'Europe/Paris')).toBe('Aucun technicien pour cette demande en ce moment\u00a0; retour prévu à 14:00');
    expect(formatNobodyServing({ reason: 'no_technician', backAt: null }, 'en')).toBe('No technician for this right now; we will call you when someone is available');
    expect(formatNobodyServing({ reason: 'closed', backAt: null }, 'fr')).toBe('Le guichet est fermé en ce moment\u00a0; nous vous appellerons dès que quelqu’un sera disponible');
  });
});
