import type { SiteEvent } from '../events.ts';
import type { WaitEstimate } from '../site-view.ts';
import { rawWaitsOf, waitedSeconds } from '../wait-estimate.ts';
import { createRandom } from './random.ts';
import { readQueueSignals, WaitCalibration, type QueueSignals } from './wait-calibration.ts';
import type { PresenceStatus } from '../events.ts';
import { ServiceTimeModel } from '../service-times.ts';
import type { CallPolicy } from '../call-policy.ts';
import type { EstimatorInput, EstimatorTechnician, EstimatorVisit } from './estimator-types.ts';
import { ArrivalRateModel } from './arrival-rates.ts';
import { DecayingRate } from './decaying-rate.ts';
import { PickupDelayModel } from './pickup-delay.ts';
import { QueueBehaviour } from './queue-behaviour.ts';

export interface WaitLearnerOptions {
  /** Configured service time of a category, used until there is history. */
  configuredServiceSeconds?: (categoryId: string) => number;
  /** Expected service of a newcomer to a queue, used until the queue has history. */
  configuredQueueServiceSeconds?: (queueId: string) => number;
  /** Queues a technician is configured to serve; without it, the queues they called from recently. */
  configuredQueues?: (technicianId: string) => readonly string[] | undefined;
  utcOffsetMinutes?: number;
  /** The site's time zone: time of day is then read per instant (daylight saving), not at a fixed offset. */
  timeZone?: string;
  /** The site's calling order, if not walkup's strict priority (see call-policy.ts). */
  callPolicy?: CallPolicy;
}

interface TrackedVisit extends EstimatorVisit {
  /** The uncalibrated estimate and the queue's signals when they joined, to learn the calibration from. */
  atJoin: { raw: WaitEstimate; signals: QueueSignals } | null;
  /** When this visit (re)joined a queue, in ms: the start of the wait being estimated. */
  joinedAtMs: number;
  /**
   * One raw estimate made during the wait, to learn the range of later updates from (see
   * `sampleUpdates`), and the instants it was drawn among so far.
   */
  update: { raw: WaitEstimate; signals: QueueSignals; atMs: number; waitedSeconds: number } | null;
  instantsSeen: number;
  calledAtMs: number | null;
  technicianId: string | null;
}

interface TrackedTechnician {
  status: PresenceStatus;
  visitId: string | null;
  /** Since when this technician has been on duty without a visit. */
  freeSinceMs: number | null;
  breakSinceMs: number | null;
  lastCalledFrom: Map<string, number>;
}

const dayMs = 86_400_000;
/** A visit (re)joining a queue: nothing estimated or learned of this wait yet. */
const notWaitedYet = { calledAtMs: null, technicianId: null, atJoin: null, update: null, instantsSeen: 0 } as const;
/** A technician who has not taken a queue for this long is no longer assumed to serve it. */
const skillMemoryMs = 14 * dayMs;
const rateHalfLifeMs = 14 * dayMs;
/**
 * Someone on break past a typical break is expected back no sooner than this share of one. Why a
 * share, not a fixed minute: a minute is a fifteenth of the 15-minute prior break, but an hour of a
 * day run 60 times faster (a technician back from an overlong break counted as away for an hour).
 */
const breakOverrunShare = 1 / 15;

/**
 * Everything the estimator learns, read from the event log in order ("one log, many readers"): the
 * current queues and desks, service-time distributions, abandonment and no-show rates, and which queues
 * each technician serves. Causal by construction: it only knows events it has been given. The server
 * and the replay benchmark feed it the same events, so the benchmark scores the live estimator.
 */
export class WaitLearner {
  readonly serviceTimes: ServiceTimeModel;
  /** Per queue, for a newcomer whose category is not known yet. */
  readonly queueServiceTimes: ServiceTimeModel;
  private readonly visits = new Map<string, TrackedVisit>();
  private readonly technicians = new Map<string, TrackedTechnician>();
  private readonly queueIds = new Set<string>();
  private readonly behaviour = new QueueBehaviour();
  readonly arrivals: ArrivalRateModel;
  readonly pickupDelay = new PickupDelayModel();
  readonly calibration = new WaitCalibration();
  /** Mean break length (a 15-minute prior), so a queue whose only technician is on break still gets an estimate. */
  private readonly breakSeconds = new DecayingRate(rateHalfLifeMs, 900, 1);
  private lastEventMs: number | null = null;

  constructor(private readonly options: WaitLearnerOptions = {}) {
    const configured = options.configuredServiceSeconds ?? (() => 600);
    const weighting = { utcOffsetMinutes: options.utcOffsetMinutes ?? 0, ...(options.timeZone ? { timeZone: options.timeZone } : {}) };
    this.serviceTimes = new ServiceTimeModel(configured, { weighting });
    this.queueServiceTimes = new ServiceTimeModel(options.configuredQueueServiceSeconds ?? (() => 600), { weighting });
    this.arrivals = new ArrivalRateModel(weighting);
  }

  observe(event: SiteEvent): void {
    this.learn(event);
    if (event.type !== 'visit.checked_in') this.sampleFirstUpdates(Date.parse(event.at));
  }

  private learn(event: SiteEvent): void {
    const atMs = Date.parse(event.at);
    this.addPickupExposure(atMs);
    const visit = event.visitId ? this.visits.get(event.visitId) : undefined;
    switch (event.type) {
      case 'visit.checked_in': {
        const d = event.data;
        this.queueIds.add(d.queueId);
        this.arrivals.record(d.queueId, d.priority, atMs);
        const id = event.visitId ?? '';
        // A booked visitor's place in the call order comes with the check-in (appointments), as on the live view.
        const visit: TrackedVisit = { id, queueId: d.queueId, categoryId: d.categoryId, priority: d.priority, checkedInAt: d.checkedInAt, callOrderAt: d.callOrderAt ?? null, joinedAtMs: atMs, ...notWaitedYet };
        this.visits.set(id, visit);
        this.estimateAtCheckIn(visit, atMs);
        return;
      }
      case 'visit.called': {
        if (!visit) return;
        // Called in the very second they checked in = never queued (a free desk took them as they
        // arrived): nothing to learn about waiting from it.
        const queued = visit.calledAtMs === null && atMs > visit.joinedAtMs;
        if (visit.calledAtMs === null) this.leaveQueue(visit, atMs, false);
        if (queued && visit.atJoin) this.calibration.record(visit.queueId, visit.atJoin.raw, (atMs - visit.joinedAtMs) / 1000, visit.atJoin.signals);
        if (queued) this.behaviour.waited(visit.queueId, (atMs - visit.joinedAtMs) / 1000);
        const update = queued ? visit.update : null;
        if (update) this.calibration.recordUpdate(visit.queueId, update.raw, (atMs - update.atMs) / 1000, update.waitedSeconds, update.signals);
        visit.calledAtMs = atMs;
        visit.technicianId = event.data.technicianId;
        const technician = this.technician(event.data.technicianId);
        if (queued && technician.visitId === null && technician.freeSinceMs !== null) this.pickupDelay.addCall((atMs - technician.freeSinceMs) / 1000, atMs);
        technician.visitId = visit.id;
        technician.freeSinceMs = null;
        technician.lastCalledFrom.set(visit.queueId, atMs);
        this.behaviour.called(visit.queueId, atMs);
        return;
      }
      case 'visit.transferred':
        if (!visit) return;
        if (visit.calledAtMs === null) this.leaveQueue(visit, atMs, false);
        this.freeTechnician(visit, atMs);
        this.queueIds.add(event.data.toQueueId);
        Object.assign(visit, { queueId: event.data.toQueueId, joinedAtMs: atMs, ...notWaitedYet });
        visit.atJoin = this.rawEstimate(visit.id, atMs);
        return;
      case 'visit.resolved':
      case 'visit.escalated':
        if (!visit) return;
        if (visit.calledAtMs !== null) {
          const seconds = (atMs - visit.calledAtMs) / 1000;
          this.serviceTimes.record(visit.categoryId, seconds, visit.calledAtMs);
          this.queueServiceTimes.record(visit.queueId, seconds, visit.calledAtMs);
        }
        this.endVisit(visit, atMs);
        return;
      case 'visit.no_show':
        if (!visit) return;
        if (visit.calledAtMs !== null) this.behaviour.noShow(visit.queueId, (atMs - visit.calledAtMs) / 1000, atMs);
        this.endVisit(visit, atMs);
        return;
      case 'visit.rejoined': {
        // Back in line after a missed call: waiting again from now, ahead of later arrivals. No
        // at-join estimate, so this second wait teaches the calibration nothing about first waits.
        const d = event.data;
        const id = event.visitId ?? '';
        this.queueIds.add(d.queueId);
        this.visits.set(id, { id, queueId: d.queueId, categoryId: d.categoryId, priority: d.priority, checkedInAt: d.checkedInAt, joinedAtMs: atMs, ...notWaitedYet });
        return;
      }
      case 'visit.cancelled':
        if (!visit) return;
        if (visit.calledAtMs === null) this.leaveQueue(visit, atMs, true);
        this.endVisit(visit, atMs);
        return;
      case 'technician.presence_changed': {
        const technician = this.technician(event.data.technicianId);
        if (technician.status !== 'available' && event.data.status === 'available' && technician.visitId === null) technician.freeSinceMs = atMs;
        if (technician.status === 'break' && technician.breakSinceMs !== null && event.data.status === 'available') {
          this.breakSeconds.add((atMs - technician.breakSinceMs) / 1000, 1, atMs);
        }
        technician.breakSinceMs = event.data.status === 'break' ? atMs : null;
        technician.status = event.data.status;
        return;
      }
      default:
        return;
    }
  }

  /** Visitors waiting now, with the time they (re)joined their queue. */
  waiting(): TrackedVisit[] {
    return [...this.visits.values()].filter((v) => v.calledAtMs === null);
  }

  /** Queues each on-duty technician serves, as the estimator will assume. */
  queuesOf(technicianId: string, nowMs: number): readonly string[] {
    const configured = this.options.configuredQueues?.(technicianId);
    if (configured) return configured;
    const recent = [...(this.technicians.get(technicianId)?.lastCalledFrom ?? [])].filter(([, at]) => nowMs - at < skillMemoryMs).map(([q]) => q);
    return recent.length > 0 ? recent : [...this.queueIds];
  }

  technicianStates(nowMs: number): EstimatorTechnician[] {
    return [...this.technicians].map(([id, t]) => {
      const visit = t.visitId ? this.visits.get(t.visitId) : undefined;
      const current = visit && visit.calledAtMs !== null ? { categoryId: visit.categoryId, sinceMs: visit.calledAtMs } : null;
      const freeSince = t.freeSinceMs === null ? {} : { freeSinceMs: t.freeSinceMs };
      // Someone on break is expected back after a typical break, and not before a little more of one from now.
      const breakMs = this.breakSeconds.rate() * 1000;
      const returns = t.breakSinceMs === null ? {} : { returnsAtMs: Math.max(nowMs + breakOverrunShare * breakMs, t.breakSinceMs + breakMs) };
      return { id, status: t.status, queueIds: this.queuesOf(id, nowMs), current, ...freeSince, ...returns };
    });
  }

  estimatorInput(nowMs: number): EstimatorInput {
    return {
      nowMs,
      queueIds: [...this.queueIds],
      technicians: this.technicianStates(nowMs),
      waiting: this.waiting(),
      serviceSeconds: (categoryId) => this.serviceTimes.expectedSeconds(categoryId, nowMs),
      queueServiceSeconds: (queueId) => this.queueServiceTimes.expectedSeconds(queueId, nowMs),
      serviceDistribution: (categoryId) => this.serviceTimes.distribution(categoryId, nowMs),
      queueServiceDistribution: (queueId) => this.queueServiceTimes.distribution(queueId, nowMs),
      abandonmentPerSecond: (queueId) => this.behaviour.abandonmentPerSecond(queueId),
      noShow: (queueId) => this.behaviour.noShowOf(queueId),
      recentWaitSeconds: (queueId) => this.behaviour.recentWaitSeconds(queueId),
      arrivals: this.arrivals.forecast(nowMs),
      pickupDelay: this.pickupDelay,
      calibration: this.calibration,
      ...(this.options.callPolicy ? { callPolicy: this.options.callPolicy } : {}),
    };
  }

  private rawEstimate(visitId: string, atMs: number): TrackedVisit['atJoin'] {
    const input = { ...this.estimatorInput(atMs), calibration: undefined };
    const raw = rawWaitsOf(input, new Set([visitId])).get(visitId);
    const visit = this.visits.get(visitId);
    return raw && visit ? { raw, signals: readQueueSignals(input, visit.queueId) } : null;
  }

  /**
   * The newcomer's raw estimate at joining and, from the same sampled futures, updates for others
   * waiting (see `sampleFirstUpdates`): each keeps one, drawn uniformly among the check-ins during
   * their wait and its first instant (reservoir sampling, seeded by the visit so a learner rebuilt from
   * the log draws the same). Why at check-ins: they come at random moments (Poisson arrivals see time
   * averages), so the sample spans a wait as the time a visitor spends reading their updates does, at
   * no extra sampled future.
   */
  private estimateAtCheckIn(newcomer: TrackedVisit, atMs: number): void {
    const chosen = new Set([newcomer.id]);
    for (const v of this.visits.values()) {
      if (v.calledAtMs !== null || v.joinedAtMs >= atMs) continue;
      v.instantsSeen++;
      if (createRandom(seedOf(v.id) + v.instantsSeen)() * v.instantsSeen < 1) chosen.add(v.id);
    }
    this.sampleUpdates(chosen, atMs, newcomer);
  }

  /**
   * After any other event, everyone waiting since before it who has no update yet takes one now (one
   * set of sampled futures for them all, at most one per visitor). Why: a short wait may see no
   * check-in, and learning only from waits that did would learn the ranges of long waits alone (a
   * replay covered 74% over the wait so).
   */
  private sampleFirstUpdates(atMs: number): void {
    const chosen = new Set<string>();
    for (const v of this.visits.values()) {
      if (v.calledAtMs !== null || v.joinedAtMs >= atMs || v.instantsSeen > 0) continue;
      v.instantsSeen = 1;
      chosen.add(v.id);
    }
    if (chosen.size > 0) this.sampleUpdates(chosen, atMs, null);
  }

  private sampleUpdates(chosen: ReadonlySet<string>, atMs: number, newcomer: TrackedVisit | null): void {
    const input = { ...this.estimatorInput(atMs), calibration: undefined };
    const signals = new Map<string, QueueSignals>();
    const signalsOf = (queueId: string) => signals.get(queueId) ?? signals.set(queueId, readQueueSignals(input, queueId)).get(queueId)!;
    for (const [id, raw] of rawWaitsOf(input, chosen)) {
      const visit = this.visits.get(id)!;
      if (visit === newcomer) visit.atJoin = { raw, signals: signalsOf(visit.queueId) };
      else visit.update = { raw, signals: signalsOf(visit.queueId), atMs, waitedSeconds: waitedSeconds(input, visit) };
    }
  }

  private leaveQueue(visit: TrackedVisit, atMs: number, gaveUp: boolean): void {
    this.behaviour.leftQueue(visit.queueId, (atMs - visit.joinedAtMs) / 1000, gaveUp, atMs);
  }

  private endVisit(visit: TrackedVisit, atMs: number): void {
    this.freeTechnician(visit, atMs);
    this.visits.delete(visit.id);
  }

  private freeTechnician(visit: TrackedVisit, atMs: number): void {
    const technician = visit.technicianId ? this.technicians.get(visit.technicianId) : undefined;
    if (technician && technician.visitId === visit.id) {
      technician.visitId = null;
      technician.freeSinceMs = atMs;
    }
  }

  /** Time free technicians let pass while someone they serve waits: the pickup delay's exposure. */
  private addPickupExposure(atMs: number): void {
    const since = this.lastEventMs;
    this.lastEventMs = atMs;
    if (since === null || atMs <= since) return;
    const waitingQueues = new Set<string>();
    for (const v of this.visits.values()) if (v.calledAtMs === null) waitingQueues.add(v.queueId);
    if (waitingQueues.size === 0) return;
    for (const [id, t] of this.technicians) {
      if (t.status !== 'available' || t.visitId !== null || t.freeSinceMs === null) continue;
      if (!this.queuesOf(id, atMs).some((q) => waitingQueues.has(q))) continue;
      this.pickupDelay.addExposure((since - t.freeSinceMs) / 1000, (atMs - t.freeSinceMs) / 1000, atMs);
    }
  }

  private technician(id: string): TrackedTechnician {
    let found = this.technicians.get(id);
    if (!found) {
      found = { status: 'available', visitId: null, freeSinceMs: null, breakSinceMs: null, lastCalledFrom: new Map() };
      this.technicians.set(id, found);
    }
    return found;
  }
}

/** A 32-bit FNV-1a hash of an id, to seed a visit's own draws. */
function seedOf(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}
