import type { BookingOptions } from '@walkup/client';
import { addDays, localDateOf } from '@walkup/domain';

/**
 * Which page a link opens: the booking emails link to `?book=`, `?confirm=` and `?appointment=`; a QR
 * poster to `?checkin=` (remote check-in) and its email to `?checkin-link=`; `?poster=` prints the poster.
 */
export type AppointmentRoute =
  | { page: 'book'; siteId: string }
  | { page: 'confirm'; token: string }
  | { page: 'manage'; token: string }
  | { page: 'checkin'; siteId: string }
  | { page: 'checkin-link'; token: string }
  | { page: 'poster'; siteId: string };

const siteIdPattern = /^[A-Za-z0-9_-]{1,64}$/;
const tokenPattern = /^[A-Za-z0-9_-]{20,100}$/;

/** Pure, so the table is tested without a browser; anything malformed opens no appointment page. */
export function appointmentRouteOf(search: string): AppointmentRoute | null {
  const params = new URLSearchParams(search);
  const siteId = params.get('book');
  if (siteId !== null) return siteIdPattern.test(siteId) ? { page: 'book', siteId } : null;
  const confirm = params.get('confirm');
  if (confirm !== null) return tokenPattern.test(confirm) ? { page: 'confirm', token: confirm } : null;
  const manage = params.get('appointment');
  if (manage !== null) return tokenPattern.test(manage) ? { page: 'manage', token: manage } : null;
  const checkIn = params.get('checkin');
  if (checkIn !== null) return siteIdPattern.test(checkIn) ? { page: 'checkin', siteId: checkIn } : null;
  const poster = params.get('poster');
  if (poster !== null) return siteIdPattern.test(poster) ? { page: 'poster', siteId: poster } : null;
  const checkInLink = params.get('checkin-link');
  if (checkInLink !== null) return tokenPattern.test(checkInLink) ? { page: 'checkin-link', token: checkInLink } : null;
  return null;
}

export interface ReasonNode {
  id: string;
  label: Record<string, string>;
  bookable: boolean;
  children: ReasonNode[];
}

/**
 * The category tree, keeping only branches that lead to a bookable leaf: a reason nobody can book is
 * noise on a small screen. Only leaves are selectable.
 */
export function bookableReasons(categories: BookingOptions['categories']): ReasonNode[] {
  const childrenOf = new Map<string | null, BookingOptions['categories']>();
  for (const category of categories) childrenOf.set(category.parentId, [...(childrenOf.get(category.parentId) ?? []), category]);
  const build = (parentId: string | null): ReasonNode[] =>
    (childrenOf.get(parentId) ?? [])
      .map((c) => {
        const children = build(c.id);
        const isLeaf = !childrenOf.has(c.id);
        return { id: c.id, label: c.label, bookable: isLeaf && c.bookable, children };
      })
      .filter((node) => node.bookable || node.children.length > 0);
  return build(null);
}

/** Today .. today + bookAheadDays, as local dates of the site. */
export function bookableDays(now: Date, timeZone: string, bookAheadDays: number): string[] {
  const today = localDateOf(now, timeZone);
  return Array.from({ length: bookAheadDays + 1 }, (_, i) => addDays(today, i));
}

/** "Tuesday 1 December" in the site's zone (a local date is read at noon UTC so no zone moves its day). */
export function formatDay(date: string, lang: string): string {
  return new Intl.DateTimeFormat(lang, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
}

/** "11:20" in the site's time zone, whatever the phone's own zone. */
export function formatTime(instant: string, timeZone: string, lang: string): string {
  return new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(new Date(instant));
}

export function formatDayAndTime(instant: string, timeZone: string, lang: string): string {
  return new Intl.DateTimeFormat(lang, { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(new Date(instant));
}
