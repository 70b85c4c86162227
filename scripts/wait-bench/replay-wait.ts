import { assignBookedAhead, compareForCalling, estimateWaits, publishEstimates, WaitLearner, type BookedAhead, type CallPolicy, type SiteEvent, type WaitLearnerOptions } from '@walkup/domain';
import { baselines } from './baseline-predictors.ts';
import { QueueHistory } from './queue-history.ts';

/** One prediction of the time still to wait, made at `atMs`. */
export interface PredictionPoint {
  atMs: number;
  seconds: number;
  low: number | null;
  high: number | null;
}

export interface ReplayedVisit {
  id: string;
  queueId: string;
  joinedMs: number;
  calledMs: number | null;
  /** Came for a booking (kept or late): not a walk-in. */
  booked: boolean;
  /** Per predictor, in time order; the first one is the prediction at joining. */
  predictions: PredictionPoint[][];
}

export interface ReplayResult {
  predictorNames: string[];
  visits: ReplayedVisit[];
  /** Predictions where the estimator had no answer (nobody on duty serving the queue). */
  estimatorNulls: number;
}

export const estimatorName = 'walkup estimator';

/**
 * Replays the log in time order through the domain's WaitLearner + estimateWaits + publishEstimates (the live code) and
 * the baselines. After each instant's events, every waiting visitor gets a prediction from each
 * predictor; learning only ever sees events up to that instant.
 */
export function replayWaits(events: readonly SiteEvent[], callPolicy?: CallPolicy, options: { feedBookings?: boolean; learner?: WaitLearnerOptions } = {}): ReplayResult {
  // A saved live day replays with its site's configuration (service times, who serves which queue), as the server learned it.
  const learner = new WaitLearner({ ...options.learner, ...(callPolicy ? { callPolicy } : {}) });
  const bookings = new BookingsAhead();
  const history = new QueueHistory();
  const visits = new Map<string, ReplayedVisit>();
  const predictorNames = [estimatorName, ...baselines.map((b) => b.name)];
  let estimatorNulls = 0;
  for (let i = 0; i < events.length; i++) {
    const event = events[i]!;
    learner.observe(event);
    history.observe(event);
    bookings.observe(event);
    trackVisit(visits, event, predictorNames.length);
    if (events[i + 1]?.at === event.at) continue;
    const nowMs = Date.parse(event.at);
    const waiting = learner.waiting();
    if (waiting.length === 0) continue;
    const learned = learner.estimatorInput(nowMs);
    // As the live server does (estimate-service.ts): the bookings of the coming hour not arrived yet.
    const input = options.feedBookings ? { ...learned, appointments: assignBookedAhead(bookings.ahead(nowMs), learned.technicians, learned.serviceSeconds) } : learned;
    // Scored as published by the live server (estimator-core.ts): cold-start blend, order within a queue, honest forms.
    const estimates = publishEstimates(input, estimateWaits(input), { learnedFrom: learner.calibration.recorded, open: true, reopensAtMs: null });
    const byQueue = new Map<string, typeof waiting>();
    for (const v of waiting) byQueue.set(v.queueId, [...(byQueue.get(v.queueId) ?? []), v]);
    for (const list of byQueue.values()) list.sort((a, b) => compareForCalling(a, b, callPolicy));
    for (const visitor of waiting) {
      const replayed = visits.get(visitor.id);
      if (!replayed || replayed.calledMs !== null) continue;
      const queue = byQueue.get(visitor.queueId)!;
      const head = queue[0]!;
      const context = {
        nowMs,
        queueId: visitor.queueId,
        elapsed: (nowMs - visitor.joinedAtMs) / 1000,
        position: queue.indexOf(visitor) + 1,
        headOfLineElapsed: (nowMs - head.joinedAtMs) / 1000,
        technicians: input.technicians,
        history,
      };
      const estimate = estimates.visits[visitor.id];
      if (!estimate) estimatorNulls++;
      // Without anyone on duty for the queue the display shows no number; score it as the queue mean.
      const fallback = baselines[0]!.remaining(context);
      replayed.predictions[0]!.push({
        atMs: nowMs,
        seconds: estimate?.expectedSeconds ?? fallback,
        low: estimate?.lowSeconds ?? fallback,
        high: estimate?.highSeconds ?? fallback,
      });
      baselines.forEach((b, k) => replayed.predictions[k + 1]!.push({ atMs: nowMs, seconds: b.remaining(context), low: null, high: null }));
    }
  }
  return { predictorNames, visits: [...visits.values()], estimatorNulls };
}

function trackVisit(visits: Map<string, ReplayedVisit>, event: SiteEvent, predictors: number): void {
  const id = event.visitId ?? '';
  if (event.type === 'visit.checked_in') {
    visits.set(id, { id, queueId: event.data.queueId, joinedMs: Date.parse(event.at), calledMs: null, booked: Boolean(event.data.appointmentId), predictions: Array.from({ length: predictors }, () => []) });
  } else if (event.type === 'visit.called') {
    const visit = visits.get(id);
    if (visit && visit.calledMs === null) visit.calledMs = Date.parse(event.at);
  } else if (event.type === 'visit.transferred') {
    // A transfer starts a new wait in another queue; only the first wait is scored.
    const visit = visits.get(id);
    if (visit && visit.calledMs === null) visits.delete(id);
  }
}

/** Bookings whose person has not arrived, from the log (the replay's side of loadBookedAhead). */
class BookingsAhead {
  private readonly booked = new Map<string, BookedAhead>();
  /** Same window as the server: started less than the late grace ago, or starting within the hour. */
  constructor(private readonly graceMs = 600_000, private readonly horizonMs = 3_600_000) {}

  observe(event: SiteEvent): void {
    if (event.type === 'appointment.booked') {
      const startMs = Date.parse(event.data.startsAt);
      this.booked.set(event.data.appointmentId, { queueId: event.data.queueId, categoryId: event.data.categoryId, startMs, expectedSeconds: (Date.parse(event.data.endsAt) - startMs) / 1000 });
    } else if (event.type === 'appointment.no_show' || event.type === 'appointment.cancelled') this.booked.delete(event.data.appointmentId);
    else if (event.type === 'visit.checked_in' && event.data.appointmentId) this.booked.delete(event.data.appointmentId);
  }

  ahead(nowMs: number): BookedAhead[] {
    return [...this.booked.values()].filter((b) => b.startMs >= nowMs - this.graceMs && b.startMs < nowMs + this.horizonMs);
  }
}
