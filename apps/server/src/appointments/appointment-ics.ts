import { createEvent, type DateArray } from 'ics';

export interface CalendarEntry {
  appointmentId: string;
  startsAt: string;
  endsAt: string;
  title: string;
  location: string;
  description: string;
  manageUrl: string | null;
  /** Bumped at each reschedule so calendar programs replace the old entry instead of adding one. */
  sequence: number;
  cancelled?: boolean;
}

const utcParts = (iso: string): DateArray => {
  const d = new Date(iso);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()];
};

/** The booking as an iCalendar file (RFC 5545), in UTC so every calendar program places it right. */
export function appointmentCalendarFile(entry: CalendarEntry): string {
  const { error, value } = createEvent({
    uid: `${entry.appointmentId}@walkup`,
    sequence: entry.sequence,
    method: entry.cancelled ? 'CANCEL' : 'PUBLISH',
    status: entry.cancelled ? 'CANCELLED' : 'CONFIRMED',
    start: utcParts(entry.startsAt),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: utcParts(entry.endsAt),
    endInputType: 'utc',
    endOutputType: 'utc',
    title: entry.title,
    location: entry.location,
    description: entry.description,
    ...(entry.manageUrl ? { url: entry.manageUrl } : {}),
    productId: 'walkup/appointments',
  });
  if (error || !value) throw error ?? new Error('the calendar file could not be made');
  return value;
}
