import type { WaitEstimate } from '@walkup/domain';
import type { Language } from './i18n.ts';

const words: Record<Language, { unknown: string; underOneMinute: string; about: string; minutes: string; hours: string }> = {
  en: { unknown: 'no estimate yet', underOneMinute: 'less than 1 min', about: 'about', minutes: 'min', hours: 'h' },
  fr: { unknown: 'pas encore d’estimation', underOneMinute: 'moins d’1 min', about: 'environ', minutes: 'min', hours: 'h' },
};

/**
 * "about 10 min (5–15)". Visitors plan around the range more than the number, so it is always shown,
 * rounded outwards: a low bound rounded up or a high bound rounded down would promise too much.
 */
export function formatWait(estimate: WaitEstimate | null | undefined, lang: Language): string {
  const w = words[lang];
  if (!estimate) return w.unknown;
  if (estimate.expectedSeconds < 60 && estimate.highSeconds < 120) return w.underOneMinute;
  const expected = Math.max(1, Math.round(estimate.expectedSeconds / 60));
  const low = Math.min(expected, Math.floor(estimate.lowSeconds / 60));
  const high = Math.max(expected, Math.ceil(estimate.highSeconds / 60));
  // Past two hours minutes are false precision; whole hours read better on a wall.
  if (expected >= 120) {
    const hours = (m: number) => Math.max(1, Math.round(m / 60));
    const range = hours(low) === hours(high) ? '' : ` (${hours(low)}–${hours(high)} ${w.hours})`;
    return `${w.about} ${hours(expected)} ${w.hours}${range}`;
  }
  const range = low === high ? '' : ` (${low}–${high})`;
  return `${w.about} ${expected} ${w.minutes}${range}`;
}

/** mm:ss (or h:mm:ss) for live-ticking waits on the console. */
export function formatElapsed(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const pad = (n: number) => String(n).padStart(2, '0');
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  return hours > 0 ? `${hours}:${pad(minutes)}:${pad(s % 60)}` : `${pad(minutes)}:${pad(s % 60)}`;
}
