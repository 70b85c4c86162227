import { isOpenAt, type OpeningHours } from './opening-hours.ts';
import { serviceDay } from './ticket-number.ts';

/** A holiday or one-off closure: local dates (YYYY-MM-DD), both ends included, with words for screens. */
export interface SiteClosure {
  id: string;
  firstDay: string;
  lastDay: string;
  message: Record<string, string>;
}

export interface SiteAvailabilityRules {
  timeZone: string;
  openingHours: OpeningHours;
  closures: readonly SiteClosure[];
  /** Check-in stops this many minutes before each closing time (0: until closing). */
  checkInCutoffMinutes: number;
}

export type SiteAvailability =
  | { open: true; acceptsCheckIn: true }
  | { open: true; acceptsCheckIn: false; reason: 'cutoff' }
  | { open: false; acceptsCheckIn: false; reason: 'hours' }
  | { open: false; acceptsCheckIn: false; reason: 'closure'; closure: SiteClosure };

/** The closure covering the site's local date at `instant`, if any. */
export function closureAt(rules: Pick<SiteAvailabilityRules, 'timeZone' | 'closures'>, instant: Date): SiteClosure | null {
  const day = serviceDay(instant, rules.timeZone);
  return rules.closures.find((c) => c.firstDay <= day && day <= c.lastDay) ?? null;
}

/**
 * Whether the site is open and takes check-ins now: a closure wins over the weekly hours, and the
 * cutoff refuses visitors who could not be served before closing, while those waiting are still served.
 */
export function siteAvailability(rules: SiteAvailabilityRules, instant: Date): SiteAvailability {
  const closure = closureAt(rules, instant);
  if (closure) return { open: false, acceptsCheckIn: false, reason: 'closure', closure };
  if (!isOpenAt(rules.openingHours, instant, rules.timeZone)) return { open: false, acceptsCheckIn: false, reason: 'hours' };
  if (rules.checkInCutoffMinutes > 0 && !isOpenAt(rules.openingHours, new Date(instant.getTime() + rules.checkInCutoffMinutes * 60_000), rules.timeZone)) {
    return { open: true, acceptsCheckIn: false, reason: 'cutoff' };
  }
  return { open: true, acceptsCheckIn: true };
}
