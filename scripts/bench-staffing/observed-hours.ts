import type { SiteEvent } from '@walkup/domain';

/** What one local day x hour of a log shows: arrivals, how many were called within the target, staff on duty. */
export interface ObservedHour {
  arrivals: number;
  calledWithinTarget: number;
  /** Technician-hours on duty in the hour (e.g. 3.5 = three all hour and one half of it). */
  techniciansOnDuty: number;
}

export interface ObservedLog {
  /** `YYYY-MM-DD` -> 24 hours. */
  days: Map<string, ObservedHour[]>;
  /** Service durations of served visits that checked in on the day, with their category. */
  services: Array<{ day: string; categoryId: string; seconds: number }>;
  /** Waits of visits that queued: `abandoned` when they gave up (cancelled before being called). */
  waits: Array<{ day: string; seconds: number; abandoned: boolean }>;
}

const emptyDay = (): ObservedHour[] => Array.from({ length: 24 }, () => ({ arrivals: 0, calledWithinTarget: 0, techniciansOnDuty: 0 }));

/** Walks a log once (times as local clock, as the bank import writes them) and counts per day x hour. */
export function observeLog(events: readonly SiteEvent[], targetSeconds: number): ObservedLog {
  const days = new Map<string, ObservedHour[]>();
  const hourOf = (iso: string) => {
    const day = iso.slice(0, 10);
    if (!days.has(day)) days.set(day, emptyDay());
    return days.get(day)![Number(iso.slice(11, 13))]!;
  };
  const checkIns = new Map<string, { at: number; categoryId: string; day: string }>();
  const starts = new Map<string, number>();
  const onDutySince = new Map<string, number>();
  const services: ObservedLog['services'] = [];
  const waits: ObservedLog['waits'] = [];
  for (const event of events) {
    const at = Date.parse(event.at);
    if (event.type === 'visit.checked_in' && event.visitId) {
      hourOf(event.at).arrivals += 1;
      checkIns.set(event.visitId, { at, categoryId: event.data.categoryId, day: event.at.slice(0, 10) });
    } else if (event.type === 'visit.called' && event.visitId) {
      const visit = checkIns.get(event.visitId);
      if (!visit) continue;
      const waited = (at - visit.at) / 1000;
      if (waited <= targetSeconds) hourOf(new Date(visit.at).toISOString()).calledWithinTarget += 1;
      if (waited > 0) waits.push({ day: visit.day, seconds: waited, abandoned: false });
    } else if (event.type === 'visit.cancelled' && event.visitId) {
      const visit = checkIns.get(event.visitId);
      if (visit) waits.push({ day: visit.day, seconds: (at - visit.at) / 1000, abandoned: true });
    } else if (event.type === 'visit.started' && event.visitId) {
      starts.set(event.visitId, at);
    } else if (event.type === 'visit.resolved' && event.visitId) {
      const visit = checkIns.get(event.visitId);
      const start = starts.get(event.visitId);
      // A service "longer" than 12 h is a midnight wrap in the source's clock (3 rows of the bank log), not a service.
      if (visit && start !== undefined && at - start < 12 * 3_600_000) services.push({ day: visit.day, categoryId: visit.categoryId, seconds: (at - start) / 1000 });
    } else if (event.type === 'technician.presence_changed') {
      if (event.data.status === 'available') onDutySince.set(event.data.technicianId, at);
      else if (onDutySince.has(event.data.technicianId)) {
        addDuty(onDutySince.get(event.data.technicianId)!, at, hourOf);
        onDutySince.delete(event.data.technicianId);
      }
    }
  }
  return { days, services, waits };
}

/** Spreads one duty stretch over the hours it covers. */
function addDuty(fromMs: number, toMs: number, hourOf: (iso: string) => ObservedHour): void {
  for (let cursor = fromMs; cursor < toMs; ) {
    const hourEnd = Math.min(toMs, (Math.floor(cursor / 3_600_000) + 1) * 3_600_000);
    hourOf(new Date(cursor).toISOString()).techniciansOnDuty += (hourEnd - cursor) / 3_600_000;
    cursor = hourEnd;
  }
}
