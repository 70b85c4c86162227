import type { SiteEvent } from '../events.ts';
import type { WaitEstimate } from '../site-view.ts';
import { rawWaitOf } from '../wait-estimate.ts';
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
  /** The site's calling order, if not walkup's strict priority (see call-policy.ts). */
  callPolicy?: CallPolicy;
}

interface TrackedVisit extends EstimatorVisit {
  /** The uncalibrated estimate and the queue's signals when they joined, to learn the calibration from. */
  atJoin: { raw: WaitEstimate; signals: QueueSignals } | null;
  /** When this visit (re)joined a queue, in ms: the start of the wait being estimated. */
  joinedAtMs: number;
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
/** A technician who has not taken a queue for this long is no longer assumed to serve it. */
const skillMemoryMs = 14 * dayMs;
const rateHalfLifeMs = 14 * dayMs;

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
    const weighting = { utcOffsetMinutes: options.utcOffsetMinutes ?? 0 };
    this.serviceTimes = new ServiceTimeModel(configured, { weighting });
    this.queueServiceTimes = new ServiceTimeModel(options.configuredQueueServiceSeconds ?? (() => 600), { weighting });
    this.arrivals = new ArrivalRateModel(weighting.utcOffsetMinutes);
  }

  /**
   * `estimateAtJoin: false` skips the estimate a newcomer is recorded with (a sampled future of the
   * whole site, the costly part of a check-in): that visit then teaches the calibration nothing. The
   * server sheds it under floods of check-ins (estimator-core.ts); replays keep every one.
   */
  observe(event: SiteEvent, options: { estimateAtJoin?: boolean } = {}): void {
    const atMs = Date.parse(event.at);
    this.addPickupExposure(atMs);
    const visit = event.visitId ? this.visits.get(event.visitId) : undefined;
    switch (event.type) {
      case 'visit.checked_in': {
        const d = event.data;
        this.queueIds.add(d.queueId);
        this.arrivals.record(d.queueId, d.priority, atMs);
        const id = event.visitId ?? '';
        const visit: TrackedVisit = { id, queueId: d.queueId, categoryId: d.categoryId, priority: d.priority, checkedInAt: d.checkedInAt, joinedAtMs: atMs, calledAtMs: null, technicianId: null, atJoin: null };
        this.visits.set(id, visit);
        if (options.estimateAtJoin !== false) visit.atJoin = this.rawEstimate(id, atMs);
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
        Object.assign(visit, { queueId: event.data.toQueueId, joinedAtMs: atMs, calledAtMs: null, technicianId: null });
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
      // Someone on break is expected back after a typical break, and not before a minute from now.
      const returns = t.breakSinceMs === null ? {} : { returnsAtMs: Math.max(nowMs + 60_000, t.breakSinceMs + this.breakSeconds.rate() * 1000) };
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
    const raw = rawWaitOf(input, visitId);
    const visit = this.visits.get(visitId);
    return raw && visit ? { raw, signals: readQueueSignals(input, visit.queueId) } : null;
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
