import {
  ServiceTimeModel,
  compareForCalling,
  estimateWaits,
  isOpenAt,
  type EstimatorTechnician,
} from '@walkup/domain';
import type { EstimatesPayload } from '@walkup/protocol';
import type { Db } from '../db/connection.ts';
import { listSitePresence } from '../queries/presence.ts';
import { loadSiteSetup, type SiteSetup } from '../queries/sites.ts';
import { listActiveVisitRows, listRecentServiceDurations } from '../queries/visits.ts';
import type { CommittedEvent, EventBus } from './event-bus.ts';

export interface SiteEstimates extends EstimatesPayload {
  /** 1-based place of each waiting visitor in their own queue. */
  positions: Record<string, number>;
}

export interface EstimateService {
  /** Computes estimates reading through `db` (pass a transaction to include uncommitted changes). */
  computeWithin(db: Db, siteId: string): Promise<SiteEstimates>;
  /** Latest published estimates of a site, computing them if none yet. */
  current(siteId: string): Promise<SiteEstimates>;
  /** Called after each recompute that follows committed events (or the periodic tick). */
  onUpdate(listener: (siteId: string, estimates: SiteEstimates) => void): void;
  /** Recomputes every site that has listeners; time passing changes estimates too. */
  refreshAll(siteIds: readonly string[]): Promise<void>;
}

/** Service-time history used to warm the model: long enough to know each category, short enough to be current. */
const historyDays = 14;

export function createEstimateService(deps: { db: Db; bus: EventBus; now: () => Date }): EstimateService {
  const models = new Map<string, ServiceTimeModel>();
  const latest = new Map<string, SiteEstimates>();
  const listeners: Array<(siteId: string, estimates: SiteEstimates) => void> = [];
  const running = new Map<string, Promise<void>>();
  const dirty = new Set<string>();

  async function modelFor(db: Db, setup: SiteSetup): Promise<ServiceTimeModel> {
    const existing = models.get(setup.site.id);
    if (existing) return existing;
    const configured = new Map(setup.categories.map((c) => [c.id, c.expectedServiceSeconds]));
    const model = new ServiceTimeModel((categoryId) => configured.get(categoryId) ?? 600);
    const since = new Date(deps.now().getTime() - historyDays * 86_400_000).toISOString();
    for (const done of await listRecentServiceDurations(db, setup.site.id, since)) model.record(done.categoryId, done.seconds);
    models.set(setup.site.id, model);
    return model;
  }

  async function computeWithin(db: Db, siteId: string): Promise<SiteEstimates> {
    const setup = await loadSiteSetup(db, siteId);
    const [visits, presence, model, seqRow] = await Promise.all([
      listActiveVisitRows(db, siteId),
      listSitePresence(db, siteId),
      modelFor(db, setup),
      db.selectFrom('sites').select('event_seq').where('id', '=', siteId).executeTakeFirstOrThrow(),
    ]);
    const now = deps.now();
    const queueIdsOf = new Map(setup.technicians.map((t) => [t.id, t.queueIds]));
    const technicians: EstimatorTechnician[] = presence.map((p) => {
      const current = visits.find((v) => v.technician_id === p.technicianId && (v.state === 'called' || v.state === 'in_service'));
      return {
        id: p.technicianId,
        status: p.status,
        queueIds: queueIdsOf.get(p.technicianId) ?? [],
        current: current ? { categoryId: current.category_id, sinceMs: Date.parse(current.started_at ?? current.called_at ?? current.checked_in_at) } : null,
      };
    });
    const waiting = visits
      .filter((v) => v.state === 'waiting')
      .map((v) => ({ id: v.id, queueId: v.queue_id, categoryId: v.category_id, priority: v.priority, checkedInAt: v.checked_in_at }));
    const categoriesOfQueue = (queueId: string) => setup.categories.filter((c) => c.queueId === queueId);
    const result = estimateWaits({
      nowMs: now.getTime(),
      queueIds: setup.queues.map((q) => q.id),
      technicians,
      waiting,
      serviceSeconds: (categoryId) => model.expectedSeconds(categoryId),
      queueServiceSeconds: (queueId) => {
        const choices = categoriesOfQueue(queueId);
        if (choices.length === 0) return 600;
        return choices.reduce((sum, c) => sum + model.expectedSeconds(c.id), 0) / choices.length;
      },
    });
    const positions: Record<string, number> = {};
    for (const queue of setup.queues) {
      waiting
        .filter((v) => v.queueId === queue.id)
        .sort(compareForCalling)
        .forEach((v, index) => (positions[v.id] = index + 1));
    }
    return {
      seq: seqRow.event_seq,
      queues: result.queues,
      visits: result.visits,
      positions,
      open: isOpenAt(setup.site.openingHours, now, setup.site.timeZone),
    };
  }

  async function recompute(siteId: string): Promise<void> {
    // Coalesce bursts: one recompute at a time per site, and one more if events arrived meanwhile.
    if (running.has(siteId)) {
      dirty.add(siteId);
      return running.get(siteId);
    }
    const run = (async () => {
      do {
        dirty.delete(siteId);
        const estimates = await deps.db.transaction().execute((trx) => computeWithin(trx, siteId));
        latest.set(siteId, estimates);
        for (const listener of listeners) listener(siteId, estimates);
      } while (dirty.has(siteId));
    })().finally(() => running.delete(siteId));
    running.set(siteId, run);
    return run;
  }

  async function learnFrom(events: readonly CommittedEvent[]): Promise<void> {
    for (const event of events) {
      if ((event.type !== 'visit.resolved' && event.type !== 'visit.escalated') || !event.visitId) continue;
      const model = models.get(event.siteId);
      if (!model) continue;
      const row = await deps.db.selectFrom('visits').select(['category_id', 'started_at', 'called_at']).where('id', '=', event.visitId).executeTakeFirst();
      const start = row?.started_at ?? row?.called_at;
      if (row && start) model.record(row.category_id, (Date.parse(event.at) - Date.parse(start)) / 1000);
    }
  }

  deps.bus.subscribe((events) => {
    const sites = new Set(events.map((e) => e.siteId));
    void learnFrom(events).then(() => Promise.all([...sites].map((siteId) => recompute(siteId)))).catch(() => {
      // A failed recompute leaves the previous estimates in place; the next event or tick retries.
    });
  });

  return {
    computeWithin,
    async current(siteId) {
      const cached = latest.get(siteId);
      if (cached) return cached;
      await recompute(siteId);
      return latest.get(siteId)!;
    },
    onUpdate(listener) {
      listeners.push(listener);
    },
    async refreshAll(siteIds) {
      await Promise.all(siteIds.map((siteId) => recompute(siteId)));
    },
  };
}
