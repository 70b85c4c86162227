import type { FastifyInstance } from 'fastify';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { durationBinEdgesSeconds } from '@walkup/domain';
import { sameSecret } from '../auth/tokens.ts';
import type { EventBus } from '../live/event-bus.ts';

export interface MetricsSources {
  bus: EventBus;
  /** Waiting visitors per site and queue, from the kept site views. */
  waiting: () => Promise<Array<{ siteId: string; queueId: string; count: number }>>;
  itsm: () => Promise<Array<{ name: string; breaker: string; backlog: number }>>;
  websocketClients: () => number;
}

/** Waits of visitors called for the first time, measured from the log as events commit. */
function observeWaits(bus: EventBus, checkIns: Counter<'site'>, waits: Histogram<'site'>): void {
  const checkedInAt = new Map<string, number>();
  bus.subscribe((events) => {
    for (const event of events) {
      if (!event.visitId) continue;
      if (event.type === 'visit.checked_in') {
        checkIns.inc({ site: event.siteId });
        checkedInAt.set(event.visitId, Date.parse(event.data.checkedInAt));
      } else if (event.type === 'visit.called' && checkedInAt.has(event.visitId)) {
        waits.observe({ site: event.siteId }, (Date.parse(event.at) - checkedInAt.get(event.visitId)!) / 1000);
        checkedInAt.delete(event.visitId);
      } else if (event.type === 'visit.cancelled') checkedInAt.delete(event.visitId);
    }
  });
}

/**
 * Prometheus metrics at /metrics, readable only with the configured bearer token: queue lengths and
 * ITSM state say how busy a company's support is, which is not for anyone on the network.
 */
export async function metricsRoute(app: FastifyInstance, sources: MetricsSources, token: string): Promise<void> {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 20 });
  const checkIns = new Counter({ name: 'walkup_check_ins_total', help: 'Visitors checked in', labelNames: ['site'], registers: [registry] });
  const waits = new Histogram({ name: 'walkup_wait_seconds', help: 'Wait from check-in to first call', labelNames: ['site'], buckets: [...durationBinEdgesSeconds], registers: [registry] });
  observeWaits(sources.bus, checkIns, waits);
  new Gauge({
    name: 'walkup_queue_waiting',
    help: 'Visitors waiting per queue',
    labelNames: ['site', 'queue'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const q of await sources.waiting()) this.set({ site: q.siteId, queue: q.queueId }, q.count);
    },
  });
  const itsmBacklog = new Gauge({ name: 'walkup_itsm_backlog', help: 'Visits waiting to sync to the ITSM', labelNames: ['connection'], registers: [registry] });
  new Gauge({
    name: 'walkup_itsm_breaker_open',
    help: 'ITSM circuit breaker: 0 closed, 0.5 half-open, 1 open or isolated',
    labelNames: ['connection'],
    registers: [registry],
    async collect() {
      this.reset();
      itsmBacklog.reset();
      for (const c of await sources.itsm()) {
        this.set({ connection: c.name }, c.breaker === 'closed' ? 0 : c.breaker === 'half_open' ? 0.5 : 1);
        itsmBacklog.set({ connection: c.name }, c.backlog);
      }
    },
  });
  new Gauge({
    name: 'walkup_websocket_clients',
    help: 'Open websocket subscriptions',
    registers: [registry],
    collect() {
      this.set(sources.websocketClients());
    },
  });

  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    const header = request.headers.authorization ?? '';
    if (!header.startsWith('Bearer ') || !sameSecret(header.slice(7), token)) {
      return reply.status(401).send({ statusCode: 401, error: 'Unauthorized', code: 'metrics_token', message: 'send the metrics token as Authorization: Bearer <WALKUP_METRICS_TOKEN>' });
    }
    return reply.header('content-type', registry.contentType).send(await registry.metrics());
  });
}
