import type { NobodyServing, WaitEstimate } from '@walkup/domain';
import type { Language } from './i18n.ts';

const words: Record<Language, { unknown: string; underOneMinute: string; about: string; minutes: string; hours: string; moreThan: string }> = {
  en: { unknown: 'no estimate yet', underOneMinute: 'less than 1 min', about: 'about', minutes: 'min', hours: 'h', moreThan: 'more than' },
  fr: { unknown: 'pas encore d’estimation', underOneMinute: 'moins d’1 min', about: 'environ', minutes: 'min', hours: 'h', moreThan: 'plus de' },
};

/**
 * "about 10 min (5–15)". Visitors plan around the range more than the number, so it is always shown,
 * rounded outwards: a low bound rounded up or a high bound rounded down would promise too much.
 */
export function formatWait(estimate: WaitEstimate | null | undefined, lang: Language): string {
  const w = words[lang];
  if (!estimate) return w.unknown;
  // Past an hour a range tells nobody anything: the server says so (consistent-estimates.ts).
  if (estimate.form === 'at_least') return `${w.moreThan} ${Math.max(1, Math.floor(estimate.lowSeconds / 3600))} ${w.hours}`;
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
  const top = estimate.form === 'open_range' ? `${high}+` : `${high}`;
  const range = low === high && estimate.form !== 'open_range' ? '' : ` (${low}–${top})`;
  return `${w.about} ${expected} ${w.minutes}${range}`;
}

const nobodyWords: Record<Language, { noTechnician: string; closed: string; backAt: string; willCall: string; then: string }> = {
  en: {
    then: '; ',
    noTechnician: 'No technician for this right now',
    closed: 'The desk is closed now',
    backAt: 'expected back at {time}',
    willCall: 'we will call you when someone is available',
  },
  fr: {
    then: '\u00a0; ',
    noTechnician: 'Aucun technicien pour cette demande en ce moment',
    closed: 'Le guichet est fermé en ce moment',
    backAt: 'retour prévu à {time}',
    willCall: 'nous vous appellerons dès que quelqu’un sera disponible',
  },
};

/**
 * "No technician for this right now; expected back at 14:00", or "...; we will call you when someone
 * is available" when nobody knows when. The time is read in the site's time zone when given.
 */
export function formatNobodyServing(state: NobodyServing, lang: Language, timeZone?: string): string {
  const w = nobodyWords[lang];
  const first = state.reason === 'closed' ? w.closed : w.noTechnician;
  if (!state.backAt) return `${first}${w.then}${w.willCall}`;
  return `${first}${w.then}${w.backAt.replace('{time}', formatClockTime(state.backAt, lang, timeZone))}`;
}

/** "14:05": a time of day on the 24-hour clock, in the site's time zone when given. */
export function formatClockTime(instant: string, lang: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', ...(timeZone ? { timeZone } : {}) }).format(new Date(instant));
}

/** mm:ss (or h:mm:ss) for live-ticking waits on the console. */
export function formatElapsed(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const pad = (n: number) => String(n).padStart(2, '0');
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  return hours > 0 ? `${hours}:${pad(minutes)}:${pad(s % 60)}` : `${pad(minutes)}:${pad(s % 60)}`;
}
