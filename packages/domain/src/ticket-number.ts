import { cachedDateTimeFormat, sameMinute } from './intl-cache.ts';
/**
 * Ticket numbers are a queue prefix plus a counter that restarts every service day.
 * The service day is the calendar date in the site's own time zone, so a site in Sydney and one in
 * Paris each restart at their own midnight, whatever the server's clock zone.
 */
export function serviceDay(instant: Date, timeZone: string): string {
  // en-CA formats dates as YYYY-MM-DD.
  return sameMinute(`day|${timeZone}`, instant, () => cachedDateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant));
}

export function formatTicketNumber(prefix: string, counter: number): string {
  return `${prefix}-${String(counter).padStart(3, '0')}`;
}
