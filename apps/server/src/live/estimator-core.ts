import { WaitLearner, assignBookedAhead, estimateWaits, publishEstimates, type EstimatorTechnician, type SiteEvent } from '@walkup/domain';
import { performance } from 'node:perf_hooks';
import type { EstimateInputs, EstimateResult, LearnerSetup } from './estimator-messages.ts';

/** Fallback service time when a category or queue has no configured figure. */
const defaultServiceSeconds = 600;

function createLearner(setup: LearnerSetup): WaitLearner {
  const configured = new Map(setup.categoryServiceSeconds);
  const queueConfigured = new Map(setup.queueServiceSeconds);
  const queuesOf = new Map(setup.technicianQueues);
  return new WaitLearner({
    configuredServiceSeconds: (categoryId) => configured.get(categoryId) ?? defaultServiceSeconds,
    configuredQueueServiceSeconds: (queueId) => queueConfigured.get(queueId) ?? defaultServiceSeconds,
    configuredQueues: (technicianId) => queuesOf.get(technicianId),
    timeZone: setup.timeZone,
  });
}

/**
 * The CPU side of wait estimation: one WaitLearner per site, fed every committed event in order,
 * and the sampled futures of `estimateWaits`. It touches no database, so it can run in a worker
 * thread (estimator-worker.ts) or in process (estimator-client.ts) with the same results.
 */
export function createEstimatorCore() {
  const sites = new Map<string, { learner: WaitLearner; lastSeq: number }>();

  /** Every newcomer's at-join estimate is recorded, live and in the warm-up alike: a rebuilt learner learns what the live one did. */
  function observe(events: readonly SiteEvent[]): void {
    for (const event of events) {
      const site = sites.get(event.siteId);
      // Events the warm-up already read arrive again from the bus: the sequence number tells.
      if (!site || event.seq <= site.lastSeq) continue;
      site.learner.observe(event);
      site.lastSeq = event.seq;
    }
  }

  return {
    warm(setup: LearnerSetup, events: readonly SiteEvent[]): void {
      sites.set(setup.siteId, { learner: createLearner(setup), lastSeq: 0 });
      observe(events);
    },
    observe,
    estimate(inputs: EstimateInputs): EstimateResult {
      const startedAt = performance.now();
      const site = sites.get(inputs.siteId);
      if (!site) throw new Error(`no learner for site '${inputs.siteId}'`);
      const { visits } = inputs;
      const queueIdsOf = new Map(inputs.technicianQueues);
      // The kept view says who is where now; the learner adds what it knows of each (free since, back from break).
      const learned = site.learner.estimatorInput(inputs.nowMs);
      const learnedTechnicians = new Map(learned.technicians.map((t) => [t.id, t]));
      const technicians: EstimatorTechnician[] = inputs.presence.map((p) => {
        const known = learnedTechnicians.get(p.technicianId);
        const current = visits.find((v) => v.technicianId === p.technicianId && (v.state === 'called' || v.state === 'in_service'));
        return {
          id: p.technicianId,
          status: p.status,
          queueIds: queueIdsOf.get(p.technicianId) ?? [],
          current: current ? { categoryId: current.categoryId, sinceMs: Date.parse(current.calledAt ?? current.checkedInAt) } : null,
          ...(known?.freeSinceMs !== undefined && !current ? { freeSinceMs: known.freeSinceMs } : {}),
          ...(known?.returnsAtMs !== undefined && p.status === 'break' ? { returnsAtMs: known.returnsAtMs } : {}),
        };
      });
      const waiting = visits
        .filter((v) => v.state === 'waiting')
        .map((v) => ({ id: v.id, queueId: v.queueId, categoryId: v.categoryId, priority: v.priority, checkedInAt: v.checkedInAt, callOrderAt: v.callOrderAt ?? null }));
      // Bookings not arrived yet keep a technician's time near their start (docs/appointments.md).
      const appointments = assignBookedAhead(inputs.bookedAhead ?? [], technicians, learned.serviceSeconds);
      const estimatorInput = { ...learned, queueIds: inputs.queueIds, technicians, waiting, appointments };
      // What the screens show obeys the publication rules (estimation/publish-estimates.ts).
      const published = publishEstimates(estimatorInput, estimateWaits(estimatorInput), {
        learnedFrom: site.learner.calibration.recorded,
        open: inputs.open,
        reopensAtMs: inputs.reopensAtMs,
      });
      return { ...published, busyMs: performance.now() - startedAt };
    },
  };
}

export type EstimatorCore = ReturnType<typeof createEstimatorCore>;
