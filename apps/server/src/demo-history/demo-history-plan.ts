import {
  addDays,
  arrivalMinuteSampler,
  createRandom,
  formatTicketNumber,
  pickNextVisit,
  randomDraws,
  walkUpArrivalsPerHour,
  weekdayIndexOf,
  type PresenceStatus,
  type SiteEventMap,
  type SiteEventType,
} from '@walkup/domain';
import { demoDayOf, type DemoDay } from './demo-history-days.ts';
import type { DemoHistoryPlan, DemoHistorySite, PlannedEvent, PlannedVisit } from './demo-history-types.ts';
import { pastVisitor, uuidFrom } from './demo-visitors.ts';

/** Shares and durations of a tech bar's visits; the rest of the shape is the walk-up day's. */
const rates = {
  noShowShare: 0.05,
  transferShare: 0.04,
  escalationShare: 0.06,
  feedbackShare: 0.3,
  /** Visitors who identified with their email at the kiosk; the others checked in as guests. */
  emailShare: 0.6,
  patienceMinutes: 60,
  pickupSeconds: 20,
  walkToDeskSeconds: 40,
  /** Staying late for the last visitors of one's queues, at most this long past the shift. */
  stayLateMinutes: 45,
};

interface Waiting {
  id: string;
  queueId: string;
  priority: number;
  checkedInAt: string;
  /** Times called before (a transferred visitor was called once already). */
  calls: number;
  visit: PlannedVisit;
}
interface Technician {
  id: string;
  queueIds: string[];
  deskId: string;
  status: PresenceStatus;
  wants: PresenceStatus;
  busy: boolean;
  callPending: boolean;
  latestOffMs: number;
}
type Action = { atMs: number; run: (atMs: number) => void };

/**
 * Plays `days` local days before `today` at the demo site, as a small discrete-event simulation:
 * technicians follow a roster (shifts, coffee and lunch breaks, one of them at weekends) and call
 * the next visitor by walkup's own call policy; visitors arrive with the walk-up day's peaks, some
 * leave before being called, do not show up, are transferred or escalated, and some rate the visit.
 * Seeded: the same site and day give the same history.
 */
export function planDemoHistory(site: DemoHistorySite, options: { today: string; days: number; seed: number }): DemoHistoryPlan {
  const random = createRandom(options.seed);
  // Ids draw from their own stream, so the history does not change with how many ids were taken.
  const idRandom = createRandom(options.seed + 7919);
  const { normal, exponential } = randomDraws(random);
  const events: PlannedEvent[] = [];
  const visits: PlannedVisit[] = [];
  const counters = new Map<string, { queueId: string; serviceDay: string; lastNumber: number }>();
  const agenda: Action[] = [];
  // Kept in time order by inserting in place (ties in the order planned): a day's agenda is short.
  const at = (atMs: number, run: (atMs: number) => void) => {
    let low = 0;
    for (let high = agenda.length; low < high; ) {
      const middle = (low + high) >>> 1;
      if (agenda[middle]!.atMs <= atMs) low = middle + 1;
      else high = middle;
    }
    agenda.splice(low, 0, { atMs, run });
  };
  const emit = <K extends SiteEventType>(atMs: number, type: K, visitId: string | null, data: SiteEventMap[K]) => events.push({ atMs: Math.round(atMs), type, visitId, data } as PlannedEvent);
  const waiting: Waiting[] = [];
  const staff = site.technicians.map<Technician>((t, index) => ({
    id: t.id,
    queueIds: t.queueIds,
    deskId: site.deskIds[index % site.deskIds.length]!,
    status: 'off',
    wants: 'off',
    busy: false,
    callPending: false,
    latestOffMs: 0,
  }));
  const expectedSeconds = new Map(site.categories.map((c) => [c.id, c.expectedServiceSeconds]));

  const presence = (t: Technician, atMs: number, status: PresenceStatus) => {
    t.status = status;
    emit(atMs, 'technician.presence_changed', null, { technicianId: t.id, deskId: status === 'off' ? null : t.deskId, status });
  };
  const becomeFree = (t: Technician, atMs: number) => {
    t.busy = false;
    if (t.wants !== t.status) changePresence(t, atMs);
    scheduleCall(t, atMs);
  };
  /** Going off waits for the technician's last visitors (nobody else may serve their queue), up to a limit. */
  const changePresence = (t: Technician, atMs: number) => {
    if (t.wants === 'off' && atMs < t.latestOffMs && waiting.some((v) => t.queueIds.includes(v.queueId))) return;
    presence(t, atMs, t.wants);
  };
  const scheduleCall = (t: Technician, atMs: number) => {
    if (t.status !== 'available' || t.busy || t.callPending) return;
    t.callPending = true;
    at(atMs + rates.pickupSeconds * 1000 * Math.exp(0.5 * normal()), (nowMs) => callNext(t, nowMs));
  };
  const callNext = (t: Technician, nowMs: number) => {
    t.callPending = false;
    if (t.status !== 'available' || t.busy) return;
    const next = pickNextVisit(waiting, t.queueIds);
    if (!next) {
      if (t.wants !== t.status) changePresence(t, nowMs);
      return;
    }
    waiting.splice(waiting.indexOf(next), 1);
    const { visit } = next;
    t.busy = true;
    const desk = { deskId: t.deskId, technicianId: t.id };
    emit(nowMs, 'visit.called', visit.id, { ...desk, outOfOrder: false });
    const served = { queueId: next.queueId, calledAtMs: nowMs, deskId: t.deskId, technicianId: t.id, callCount: next.calls + 1 };
    if (random() < rates.noShowShare) {
      const noShowMs = nowMs + (site.noShowGraceSeconds + 10 + 50 * random()) * 1000;
      visit.end = { ...served, state: 'no_show', startedAtMs: null, endedAtMs: noShowMs };
      return at(noShowMs, () => {
        emit(noShowMs, 'visit.no_show', visit.id, { technicianId: t.id });
        becomeFree(t, noShowMs);
      });
    }
    const startMs = nowMs + rates.walkToDeskSeconds * 1000 * Math.exp(0.4 * normal());
    emit(startMs, 'visit.started', visit.id, desk);
    const outcome = random();
    // Only to a queue someone on duty serves: nobody would be left waiting for the weekend's absent team.
    const others = site.queues.filter((q) => q.id !== next.queueId && staff.some((s) => s.status !== 'off' && s.queueIds.includes(q.id)));
    if (outcome < rates.transferShare && others.length > 0) {
      // A few minutes in, it turns out another team's queue is the right one; the visitor keeps their place.
      const transferMs = startMs + (120 + 180 * random()) * 1000;
      const toQueueId = others[Math.floor(random() * others.length)]!.id;
      return at(transferMs, () => {
        emit(transferMs, 'visit.transferred', visit.id, { fromQueueId: next.queueId, toQueueId, reason: 'needs another team', technicianId: t.id });
        arrive({ ...next, queueId: toQueueId, calls: next.calls + 1 }, transferMs);
        becomeFree(t, transferMs);
      });
    }
    // Services run a little under the configured expectation on the whole, with a long tail.
    const endMs = startMs + 0.8 * expectedSeconds.get(visit.categoryId)! * 1000 * Math.exp(0.45 * normal());
    const escalated = outcome > 1 - rates.escalationShare;
    visit.end = { ...served, state: escalated ? 'escalated' : 'resolved', startedAtMs: startMs, endedAtMs: endMs };
    at(endMs, () => {
      if (escalated) {
        const group = site.escalationGroups[Math.floor(random() * site.escalationGroups.length)]!;
        emit(endMs, 'visit.escalated', visit.id, { group, note: 'needs a second-level team', technicianId: t.id });
      } else {
        emit(endMs, 'visit.resolved', visit.id, { note: 'fixed at the desk', technicianId: t.id });
        if (random() < rates.feedbackShare) giveFeedback(visit, endMs, t.id);
      }
      becomeFree(t, endMs);
    });
  };
  const giveFeedback = (visit: PlannedVisit, endMs: number, technicianId: string) => {
    const draw = random();
    const score = draw < 0.7 ? 3 : draw < 0.92 ? 2 : 1;
    const atMs = endMs + (60 + 1200 * random()) * 1000;
    visit.feedback = { score, atMs };
    emit(atMs, 'visit.feedback_given', visit.id, { score, comment: null, technicianId, categoryId: visit.categoryId });
  };
  const arrive = (entry: Waiting, atMs: number) => {
    waiting.push(entry);
    for (const t of staff) if (t.queueIds.includes(entry.queueId)) scheduleCall(t, atMs);
  };
  /**
   * The wait a walk-in joining now is told, as the simulation can guess it (the expected services of
   * those waiting in the queue, shared by the technicians on duty for it): the figure the estimate
   * accuracy chart compares with the real waits. The live server uses its estimator instead.
   */
  const estimateAtJoin = (queueId: string, categoryId: string) => {
    const serving = staff.filter((t) => t.status === 'available' && t.queueIds.includes(queueId)).length;
    if (serving === 0) return null;
    const ahead = waiting.filter((v) => v.queueId === queueId).reduce((sum, v) => sum + expectedSeconds.get(v.visit.categoryId)!, 0);
    const inService = staff.filter((t) => t.busy && t.queueIds.includes(queueId)).length * 0.5 * expectedSeconds.get(categoryId)!;
    return Math.round((ahead + inService) / serving);
  };
  const checkIn = (day: DemoDay, atMs: number, category: DemoHistorySite['categories'][number]) => {
    const queue = site.queues.find((q) => q.id === category.queueId)!;
    const counterKey = `${queue.id}|${day.date}`;
    const counter = counters.get(counterKey) ?? { queueId: queue.id, serviceDay: day.date, lastNumber: 0 };
    counter.lastNumber += 1;
    counters.set(counterKey, counter);
    const checkedInAt = new Date(Math.round(atMs)).toISOString();
    const visit: PlannedVisit = {
      id: uuidFrom(idRandom),
      queueIdAtCheckIn: queue.id,
      categoryId: category.id,
      priority: category.priority,
      ticketNumber: formatTicketNumber(queue.prefix, counter.lastNumber),
      serviceDay: day.date,
      visitor: pastVisitor(random, rates.emailShare),
      checkedInAtMs: Math.round(atMs),
      estimateSeconds: estimateAtJoin(queue.id, category.id),
      end: null,
      feedback: null,
    };
    visits.push(visit);
    emit(atMs, 'visit.checked_in', visit.id, { queueId: queue.id, categoryId: category.id, ticketNumber: visit.ticketNumber, priority: category.priority, checkedInAt, visitor: visit.visitor, note: null });
    const entry: Waiting = { id: visit.id, queueId: queue.id, priority: category.priority, checkedInAt, calls: 0, visit };
    // Some give up waiting; whoever is still waiting hours later has left for the day.
    const leaveMs = atMs + Math.min(exponential(rates.patienceMinutes), 180) * 60_000;
    at(leaveMs, () => leave(visit.id, leaveMs));
    arrive(entry, atMs);
  };
  const leave = (visitId: string, atMs: number) => {
    const index = waiting.findIndex((v) => v.id === visitId);
    if (index < 0) return;
    const [entry] = waiting.splice(index, 1);
    emit(atMs, 'visit.cancelled', visitId, { reason: 'left before being called' });
    entry!.visit.end = { state: 'cancelled', queueId: entry!.queueId, calledAtMs: null, startedAtMs: null, endedAtMs: atMs, deskId: null, technicianId: null, callCount: entry!.calls };
  };
  /** Plays the day's agenda; each day ends with everyone gone, so days are played one by one (short agendas). */
  const playAgenda = () => {
    let lastMs = 0;
    for (let action = agenda.shift(); action; action = agenda.shift()) {
      lastMs = action.atMs;
      action.run(action.atMs);
    }
    // A transferred visitor whose patience ran out while being served leaves when the desk closes.
    for (const entry of [...waiting]) leave(entry.id, lastMs + 60_000);
  };

  for (let back = options.days; back >= 1; back--) {
    const date = addDays(options.today, -back);
    const day = demoDayOf(date, site.timeZone, weekdayIndexOf(date));
    // Some days are busier than others.
    const load = Math.exp(0.15 * normal());
    const onDuty = day.weekend ? [staff[back % staff.length]!] : staff;
    const categories = site.categories.filter((c) => onDuty.some((t) => t.queueIds.includes(c.queueId)));
    // Short problems (passwords, chargers) come more often than long repairs.
    const weights = categories.map((c) => 600 / c.expectedServiceSeconds);
    const pickCategory = () => {
      let pick = random() * weights.reduce((a, b) => a + b, 0);
      return categories[Math.max(0, weights.findIndex((w) => (pick -= w) < 0))]!;
    };
    const arrivals = day.weekend ? Math.floor(random() * 3) : Math.round(day.usualVisits * load);
    const arrivalMinute = day.weekend ? () => 10 * 60 + Math.floor(random() * 6 * 60) : arrivalMinuteSampler(8 * 60, 17 * 60, walkUpArrivalsPerHour, random);
    for (let k = 0; k < arrivals; k++) {
      const atMs = day.msAt(arrivalMinute() + random());
      const category = pickCategory();
      at(atMs, () => checkIn(day, atMs, category));
    }
    onDuty.forEach((t, index) => {
      const shift = day.shiftOf(index);
      const want = (minute: number, status: PresenceStatus) =>
        at(day.msAt(minute + 3 * normal()), (nowMs) => {
          t.wants = status;
          if (status === 'off') t.latestOffMs = nowMs + rates.stayLateMinutes * 60_000;
          if (!t.busy && t.status !== status) changePresence(t, nowMs);
          scheduleCall(t, nowMs);
        });
      want(shift.from, 'available');
      for (const [from, to] of shift.breaks(random)) {
        want(from, 'break');
        want(to, 'available');
      }
      want(shift.to, 'off');
      // Going off was put off for the last visitors: checked again until they are served or the limit.
      for (let late = 5; late <= rates.stayLateMinutes; late += 5) at(day.msAt(shift.to + late), (nowMs) => t.status !== 'off' && !t.busy && changePresence(t, nowMs));
    });
    playAgenda();
  }
  const unfinished = visits.find((v) => !v.end);
  if (unfinished) throw new Error(`demo history: visit ${unfinished.ticketNumber} of ${unfinished.serviceDay} never ended`);
  events.sort((a, b) => a.atMs - b.atMs);
  return { events, visits, ticketCounters: [...counters.values()] };
}
