import { WaitLearner, estimateWaits, type EstimatorTechnician, type SiteEvent } from '@walkup/domain';
import { performance } from 'node:perf_hooks';
import type { EstimateInputs, EstimateResult, LearnerSetup } from './estimator-messages.ts';
import { createJoinEstimateBudget } from './join-estimate-budget.ts';

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
    utcOffsetMinutes: setup.utcOffsetMinutes,
  });
}

/**
 * The CPU side of wait estimation: one WaitLearner per site, fed every committed event in order,
 * and the sampled futures of `estimateWaits`. It touches no database, so it can run in a worker
 * thread (estimator-worker.ts) or in process (estimator-client.ts) with the same results.
 */
export function createEstimatorCore() {
  const sites = new Map<string, { learner: WaitLearner; lastSeq: number }>();
  const joinEstimates = createJoinEstimateBudget();

  function observe(events: readonly SiteEvent[]): void {
    for (const event of events) {
      const site = sites.get(event.siteId);
      // Events the warm-up already read arrive again from the bus: the sequence number tells.
      if (!site || event.seq <= site.lastSeq) continue;
      if (event.type !== 'visit.checked_in') site.learner.observe(event);
      // A newcomer's at-join estimate is the costly part: taken within the budget, skipped beyond it.
      else if (joinEstimates.allowed()) joinEstimates.spend(() => site.learner.observe(event));
      else site.learner.observe(event, { estimateAtJoin: false });
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
        .map((v) => ({ id: v.id, queueId: v.queueId, categoryId: v.categoryId, priority: v.priority, checkedInAt: v.checkedInAt }));
      const result = estimateWaits({ ...learned, queueIds: inputs.queueIds, technicians, waiting });
      return { queues: result.queues, visits: result.visits, busyMs: performance.now() - startedAt };
    },
  };
}

export type EstimatorCore = ReturnType<typeof createEstimatorCore>;
