import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createRandom, pickNextVisit, placeAppointmentArrival, randomDraws, type SiteEvent, type SiteEventMap, type SiteEventType } from '@walkup/domain';
import { appointmentMinutes, arrivalsPerHour, bookedSlots, booking, categories, queueIds, rates, technicians } from './synthetic-site.ts';

/**
 * Seeded generator of walk-up IT days as walkup events (JSON lines of SiteEvent), so the benchmark's
 * `--format events` path is exercised end to end:
 *   node --import tsx scripts/wait-bench/generate-walkup-days.ts --days 14 --seed 7 > days.jsonl
 * A small discrete-event simulation: technicians follow their shifts and breaks (finishing the
 * current visitor first) and call the next visitor with walkup's own call policy.
 */
interface SimVisit { id: string; queueId: string; categoryId: string; priority: number; checkedInAt: string; callOrderAt?: string | null; appointment?: { id: string; at: string | null } }
interface SimTechnician { id: string; queueIds: string[]; status: 'available' | 'break' | 'off'; wants: 'available' | 'break' | 'off'; busy: boolean; callPending: boolean }
type Action = { atMs: number; order: number; run: () => void };

export function generateWalkupDays(days: number, seed: number, startDate = '2025-03-03', options: { appointments?: boolean } = {}): SiteEvent[] {
  const random = createRandom(seed);
  // The bookings draw from their own stream, so the walk-ins arrive the same with or without them.
  const bookingRandom = createRandom(seed + 7919);
  const { normal, exponential } = randomDraws(random);
  const out: Array<{ atMs: number; type: SiteEventType; visitId: string | null; data: unknown }> = [];
  const agenda: Action[] = [];
  let order = 0;
  const at = (atMs: number, run: () => void) => agenda.push({ atMs, order: order++, run });
  const emit = <K extends SiteEventType>(atMs: number, type: K, visitId: string | null, data: SiteEventMap[K]) => out.push({ atMs, type, visitId, data });
  const waiting: SimVisit[] = [];
  const staff = new Map<string, SimTechnician>();
  let counter = 0;

  const presence = (t: SimTechnician, atMs: number, status: SimTechnician['status']) => {
    t.status = status;
    emit(atMs, 'technician.presence_changed', null, { technicianId: t.id, deskId: `desk-${t.id}`, status });
  };
  const becomeFree = (t: SimTechnician, atMs: number) => {
    t.busy = false;
    if (t.wants !== t.status) presence(t, atMs, t.wants);
    scheduleCall(t, atMs);
  };
  const scheduleCall = (t: SimTechnician, atMs: number) => {
    if (t.status !== 'available' || t.busy || t.callPending) return;
    t.callPending = true;
    at(atMs + rates.pickupSeconds * 1000 * Math.exp(0.5 * normal()), () => callNext(t));
  };
  const callNext = (t: SimTechnician) => {
    const nowMs = agenda[0]!.atMs;
    t.callPending = false;
    if (t.status !== 'available' || t.busy) return;
    const visit = pickNextVisit(waiting, t.queueIds);
    if (!visit) return;
    waiting.splice(waiting.indexOf(visit), 1);
    t.busy = true;
    const desk = { deskId: `desk-${t.id}`, technicianId: t.id };
    emit(nowMs, 'visit.called', visit.id, { ...desk, outOfOrder: false });
    if (random() < rates.noShowShare) {
      return at(nowMs + rates.noShowWaitMinutes * 60_000, () => {
        emit(nowMs + rates.noShowWaitMinutes * 60_000, 'visit.no_show', visit.id, { technicianId: t.id });
        becomeFree(t, nowMs + rates.noShowWaitMinutes * 60_000);
      });
    }
    const startMs = nowMs + rates.walkToDeskSeconds * 1000 * Math.exp(0.4 * normal());
    emit(startMs, 'visit.started', visit.id, desk);
    const category = categories.find((c) => c.id === visit.categoryId)!;
    const endMs = startMs + category.medianMinutes * 60_000 * Math.exp(category.logSd * normal());
    at(endMs, () => {
      if (random() < rates.transferShare) {
        const toQueueId = queueIds.filter((q) => q !== visit.queueId)[Math.floor(random() * 2)]!;
        emit(endMs, 'visit.transferred', visit.id, { fromQueueId: visit.queueId, toQueueId, reason: 'needs another team', technicianId: t.id });
        arrive({ ...visit, queueId: toQueueId }, endMs, false);
      } else emit(endMs, 'visit.resolved', visit.id, { note: 'done', technicianId: t.id });
      becomeFree(t, endMs);
    });
  };
  const arrive = (visit: SimVisit, atMs: number, fresh: boolean) => {
    if (fresh) {
      const booked = visit.appointment ? { callOrderAt: visit.callOrderAt ?? null, appointmentId: visit.appointment.id, appointmentAt: visit.appointment.at } : {};
      emit(atMs, 'visit.checked_in', visit.id, { queueId: visit.queueId, categoryId: visit.categoryId, ticketNumber: visit.id, priority: visit.priority, checkedInAt: visit.checkedInAt, visitor: { kind: 'guest' }, note: null, ...booked });
      const patienceMs = exponential(rates.patienceMinutes * 60_000);
      at(atMs + patienceMs, () => {
        const index = waiting.indexOf(visit);
        if (index < 0) return;
        waiting.splice(index, 1);
        emit(atMs + patienceMs, 'visit.cancelled', visit.id, { reason: 'left' });
      });
    }
    waiting.push(visit);
    for (const t of staff.values()) if (t.queueIds.includes(visit.queueId)) scheduleCall(t, atMs);
  };
  const newVisit = (dayMs: number, atMs: number, priority: number, categoryIndex?: number): SimVisit => {
    let pick = random();
    const category = categoryIndex !== undefined ? categories[categoryIndex]! : (categories.find((c) => (pick -= c.share) < 0) ?? categories[0]!);
    counter += 1;
    return { id: `v-${new Date(dayMs).toISOString().slice(0, 10)}-${counter}`, queueId: category.queueId, categoryId: category.id, priority, checkedInAt: new Date(atMs).toISOString() };
  };

  /**
   * The wait a walk-in joining now is told, as the simulator can guess it (people waiting in the
   * queue x its mean service / technicians on duty for it); the live server uses the estimator's.
   */
  const expectedWaitSeconds = (queueId: string) => {
    const ahead = waiting.filter((v) => v.queueId === queueId).length;
    const serving = [...staff.values()].filter((t) => t.status === 'available' && t.queueIds.includes(queueId)).length;
    const queueCategories = categories.filter((c) => c.queueId === queueId);
    const meanSeconds = (queueCategories.reduce((sum, c) => sum + c.share * c.medianMinutes, 0) / queueCategories.reduce((sum, c) => sum + c.share, 0)) * 60;
    return serving === 0 ? 3600 : ((ahead + 1) * meanSeconds) / serving;
  };
  const bookDay = (dayMs: number) => {
    for (const [queueId, minutes] of Object.entries(bookedSlots)) {
      const queueCategories = categories.filter((c) => c.queueId === queueId);
      for (let hour = 9; hour < 16; hour++) {
        for (const minute of minutes) {
          const startMs = dayMs + (hour * 60 + minute) * 60_000;
          const startsAt = new Date(startMs).toISOString();
          const category = queueCategories[Math.floor(bookingRandom() * queueCategories.length)]!;
          const appointmentId = `a-${startsAt}-${queueId}`;
          // Booked the day before: known to the estimator from the start of the day.
          emit(dayMs, 'appointment.booked', null, { appointmentId, queueId, categoryId: category.id, startsAt, endsAt: new Date(startMs + booking.slotMinutes * 60_000).toISOString(), bookedBy: 'visitor' });
          const graceMs = startMs + booking.lateGraceMinutes * 60_000;
          if (bookingRandom() < booking.noShowShare) {
            at(graceMs, () => emit(graceMs, 'appointment.no_show', null, { appointmentId }));
            continue;
          }
          const noise = Math.sqrt(-2 * Math.log(1 - bookingRandom())) * Math.cos(2 * Math.PI * bookingRandom());
          const arrivalMs = Math.round(startMs + (booking.arrivalMeanMinutes + booking.arrivalSdMinutes * noise) * 60_000);
          at(arrivalMs, () => {
            counter += 1;
            const arrivedAt = new Date(arrivalMs).toISOString();
            const placed = placeAppointmentArrival(
              { slotStartsAt: startsAt, arrivedAt, expectedWaitSeconds: expectedWaitSeconds(queueId) },
              { lateGraceSeconds: booking.lateGraceMinutes * 60, maxAdvanceSeconds: booking.maxAdvanceMinutes * 60 },
            );
            const kept = placed.kind === 'appointment';
            const visit: SimVisit = {
              id: `b-${startsAt}-${queueId}`,
              queueId,
              categoryId: category.id,
              priority: 0,
              checkedInAt: arrivedAt,
              callOrderAt: kept ? placed.callOrderAt : null,
              appointment: { id: appointmentId, at: kept ? startsAt : null },
            };
            arrive(visit, arrivalMs, true);
          });
        }
      }
    }
  };

  for (let d = 0; d < days; d++) {
    const dayMs = Date.parse(`${startDate}T00:00:00Z`) + d * 86_400_000;
    // Some days are busier than others; the estimator must not assume yesterday's load.
    const load = Math.exp(0.15 * normal());
    for (let minute = 8 * 60; minute < 17 * 60; minute += 1) {
      let arrivals = 0;
      for (let p = random(), limit = Math.exp(-(arrivalsPerHour(minute) * load) / 60); p > limit; p *= random()) arrivals++;
      for (let k = 0; k < arrivals; k++) {
        const atMs = dayMs + (minute + random()) * 60_000;
        const visit = newVisit(dayMs, atMs, random() < rates.priorityShare ? 1 : 0);
        at(atMs, () => arrive(visit, atMs, true));
      }
    }
    for (const minute of appointmentMinutes) {
      const atMs = dayMs + minute * 60_000;
      const visit = newVisit(dayMs, atMs, 1, Math.floor(random() * categories.length));
      at(atMs, () => arrive(visit, atMs, true));
    }
    if (options.appointments) bookDay(dayMs);
    for (const def of technicians) {
      const t = staff.get(def.id) ?? { id: def.id, queueIds: def.queueIds, status: 'off' as const, wants: 'off' as const, busy: false, callPending: false };
      staff.set(def.id, t);
      const want = (minute: number, status: SimTechnician['status']) =>
        at(dayMs + (minute + 3 * normal()) * 60_000, () => {
          t.wants = status;
          if (!t.busy && t.status !== status) presence(t, agenda[0]!.atMs, status);
          scheduleCall(t, agenda[0]!.atMs);
        });
      want(def.shift[0], 'available');
      for (const [from, to] of def.breaks) {
        want(from, 'break');
        want(to, 'available');
      }
      want(def.shift[1], 'off');
    }
  }
  for (agenda.sort(byTime); agenda.length > 0; agenda.sort(byTime)) {
    agenda[0]!.run();
    agenda.shift();
  }
  out.sort((a, b) => a.atMs - b.atMs);
  return out.map((e, i) => ({ siteId: 'synthetic-desk', seq: i + 1, type: e.type, visitId: e.visitId, at: new Date(Math.round(e.atMs / 1000) * 1000).toISOString(), data: e.data }) as SiteEvent);
}

function byTime(a: Action, b: Action): number {
  return a.atMs - b.atMs || a.order - b.order;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { days: { type: 'string', default: '14' }, seed: { type: 'string', default: '7' } } });
  for (const event of generateWalkupDays(Number(values.days), Number(values.seed))) process.stdout.write(`${JSON.stringify(event)}\n`);
}
