import { staffOnDutyByHour, utcOffsetMinutes, weekdayOfDay, type ObservedDay, type OpeningHours, type StaffedHour } from '@walkup/domain';
import type { Db } from '../db/connection.ts';
import { withReportTables } from '../reports/report-schema.ts';

/** What the staffing forecast learns from: the same quantities the bench reads from a log. */
export interface StaffingHistory {
  /** Every day of the range since the site's log began (holidays left out), with its arrivals per local hour. */
  days: ObservedDay[];
  /** Per day x hour in day order: arrivals, called within the target, technician-hours on duty (fits the staff efficiency). */
  staffedHours: Array<StaffedHour & { day: string }>;
  services: Array<{ day: string; categoryId: string; seconds: number }>;
  waits: Array<{ day: string; seconds: number; abandoned: boolean }>;
  /** The site's weekly opening hours, which say its working days and its weekend. */
  openingHours: OpeningHours;
}

const dayMs = 86_400_000;
export const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);
const localClock = (timeZone: string, iso: string) => {
  const instant = new Date(iso);
  return new Date(instant.getTime() + utcOffsetMinutes(timeZone, instant) * 60_000).toISOString();
};

/**
 * Reads the site's visits of `from`..`to` (local days) from the report rows: arrivals per check-in
 * hour (cancellations count: they came), waits and whether they were called within the target,
 * service durations per category, and who was on duty, inferred from services as the bench does.
 * A site whose log began after `from` has its history start on its first day: the days before it
 * are unknown, not quiet.
 */
export async function loadStaffingHistory(db: Db, request: { siteId: string; from: string; to: string; targetWaitSeconds: number; holidays: ReadonlySet<string> }): Promise<StaffingHistory> {
  const reports = withReportTables(db);
  const site = await reports.selectFrom('sites').select(['time_zone', 'opening_hours']).where('id', '=', request.siteId).executeTakeFirst();
  const timeZone = site?.time_zone ?? 'UTC';
  const openingHours = site ? (JSON.parse(site.opening_hours) as OpeningHours) : {};
  const first = await reports.selectFrom('report_visits').select('day').where('site_id', '=', request.siteId).orderBy('day').limit(1).executeTakeFirst();
  const from = first && first.day > request.from ? first.day : request.from;
  const visits = await reports
    .selectFrom('report_visits')
    .select(['day', 'hour', 'category_id', 'technician_id', 'checked_in_at', 'called_at', 'started_at', 'ended_at', 'outcome', 'wait_seconds', 'service_seconds'])
    .where('site_id', '=', request.siteId)
    .where('day', '>=', from)
    .where('day', '<=', request.to)
    .execute();
  const counts = new Map<string, { arrivals: number; calledWithinTarget: number }>();
  const services: StaffingHistory['services'] = [];
  const waits: StaffingHistory['waits'] = [];
  const stretches: Array<{ technicianId: string; start: string; end: string }> = [];
  for (const visit of visits) {
    if (request.holidays.has(visit.day)) continue;
    const slot = counts.get(`${visit.day}|${visit.hour}`) ?? { arrivals: 0, calledWithinTarget: 0 };
    slot.arrivals += 1;
    if (visit.wait_seconds !== null && visit.wait_seconds <= request.targetWaitSeconds) slot.calledWithinTarget += 1;
    counts.set(`${visit.day}|${visit.hour}`, slot);
    if (visit.wait_seconds !== null && visit.wait_seconds > 0) waits.push({ day: visit.day, seconds: visit.wait_seconds, abandoned: false });
    if (visit.outcome === 'cancelled' && !visit.called_at && visit.ended_at) waits.push({ day: visit.day, seconds: Math.max(0, (Date.parse(visit.ended_at) - Date.parse(visit.checked_in_at)) / 1000), abandoned: true });
    if (visit.service_seconds !== null) services.push({ day: visit.day, categoryId: visit.category_id, seconds: visit.service_seconds });
    if (visit.technician_id && visit.started_at && visit.ended_at) stretches.push({ technicianId: visit.technician_id, start: localClock(timeZone, visit.started_at), end: localClock(timeZone, visit.ended_at) });
  }
  const duty = staffOnDutyByHour(stretches);
  const days: ObservedDay[] = [];
  const staffedHours: StaffingHistory['staffedHours'] = [];
  // Every past day since the log began counts, including days nobody came: a quiet Tuesday is information, not a gap.
  for (let day = from; day <= request.to; day = addDays(day, 1)) {
    if (request.holidays.has(day)) continue;
    const hours = Array.from({ length: 24 }, (_, hour) => counts.get(`${day}|${hour}`) ?? { arrivals: 0, calledWithinTarget: 0 });
    days.push({ day, weekday: weekdayOfDay(day), arrivalsByHour: hours.map((h) => h.arrivals) });
    hours.forEach((h, hour) => staffedHours.push({ ...h, day, staffOnDuty: duty.get(day)?.[hour] ?? 0 }));
  }
  return { days, staffedHours, services, waits, openingHours };
}
