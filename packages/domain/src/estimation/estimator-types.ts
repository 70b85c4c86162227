import type { PresenceStatus } from '../events.ts';
import type { CallPolicy, QueuedVisit } from '../call-policy.ts';
import type { DurationDistribution } from './duration-distribution.ts';
import type { PickupDelay } from './pickup-delay.ts';
import type { WaitCalibration } from './wait-calibration.ts';

export interface EstimatorTechnician {
  id: string;
  status: PresenceStatus;
  queueIds: readonly string[];
  /** The visit this technician is calling or serving now, if any. */
  current: { categoryId: string; sinceMs: number } | null;
  /** When a technician on break is expected back; without it a break counts as absent. */
  returnsAtMs?: number;
  /** When this technician's shift ends, if known: they take nobody after it. */
  offAtMs?: number;
  /** Since when a technician without a current visit has been free (for the pickup delay). */
  freeSinceMs?: number;
}

export interface EstimatorVisit extends QueuedVisit {
  categoryId: string;
}

/** A booked visit that will take a technician at a known time, ahead of the walk-up queue. */
export interface EstimatorAppointment {
  technicianId: string;
  startMs: number;
  expectedSeconds: number;
}

/**
 * Visitors who will join a queue at a priority that lets them pass people already waiting. Only
 * such arrivals change anyone's wait: a normal arrival joins behind everyone.
 */
export interface EstimatorArrivals {
  queueId: string;
  priority: number;
  /** Expected arrivals per second at `secondsFromNow` (by time of day: rushes come and go). */
  perSecond: (secondsFromNow: number) => number;
}

export interface NoShowRate {
  /** Share of called visitors who never come to the desk. */
  probability: number;
  /** How long the desk waits for them before calling the next. */
  seconds: number;
}

export interface EstimatorInput {
  nowMs: number;
  queueIds: readonly string[];
  technicians: readonly EstimatorTechnician[];
  waiting: readonly EstimatorVisit[];
  serviceSeconds: (categoryId: string) => number;
  /** Expected service time of someone joining a queue now, whose category is not known yet. */
  queueServiceSeconds: (queueId: string) => number;
  /** How the site orders its queues; without it, strict priority. */
  callPolicy?: CallPolicy;
  /** Expected future arrivals who may overtake people waiting; without them, nobody new jumps ahead. */
  arrivals?: readonly EstimatorArrivals[];
  /** Service of someone joining a queue whose category is not known yet (future arrivals). */
  queueServiceDistribution?: (queueId: string) => DurationDistribution;
  /** Learned service-time distributions; without them the prior shape (estimation/prior-shape.ts) around serviceSeconds. */
  serviceDistribution?: (categoryId: string) => DurationDistribution;
  /** Rate (per second of waiting) at which a visitor of the queue gives up and leaves. */
  abandonmentPerSecond?: (queueId: string) => number;
  noShow?: (queueId: string) => NoShowRate;
  appointments?: readonly EstimatorAppointment[];
  /** How long a free technician takes to call the next visitor; without it, at once. */
  pickupDelay?: PickupDelay;
  /** Mean real wait of a queue's recently called visitors, a signal the calibration may use. */
  recentWaitSeconds?: (queueId: string) => number;
  /** Learned correction of the simulated waits against real ones (see wait-calibration.ts). */
  calibration?: WaitCalibration;
  /** Number of sampled futures; more is smoother and slower (default 100). */
  samples?: number;
  seed?: number;
}
