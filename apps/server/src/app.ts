import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import fastifyWebsocket from '@fastify/websocket';
import type { ItsmAdapter } from '@walkup/itsm';
import { createNoopAdapter } from '@walkup/itsm';
import type { Db } from './db/connection.ts';
import { installErrorHandler } from './error-handler.ts';
import { createItsmDelivery } from './itsm/index.ts';
import { createEventBus, type EventBus } from './live/event-bus.ts';
import { createEstimateService, type EstimateService } from './live/estimate-service.ts';
import { createLiveHub, type LiveHub } from './live/hub.ts';
import { registerLiveRoute } from './live/ws-route.ts';
import { listSites } from './queries/sites.ts';
import { deskRoutes } from './routes/desk-routes.ts';
import { healthRoutes } from './routes/health-routes.ts';
import { siteRoutes } from './routes/site-routes.ts';
import { visitRoutes } from './routes/visit-routes.ts';
import { serveFrontEnds } from './static-apps.ts';
import type { UseCaseDeps } from './use-cases/deps.ts';

export interface AppDeps {
  db: Db;
  now?: () => Date;
  /** The ITSM connection of each site; the no-op adapter when none is configured. */
  itsmAdapterFor?: (siteId: string) => ItsmAdapter;
  /** Repository root, to serve the built front ends from; omit to serve none (API tests). */
  rootDir?: string;
  logger?: FastifyServerOptions['logger'];
  /** Run the ITSM worker and periodic refreshes (off in tests that drive them by hand). */
  background?: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    walkup: { bus: EventBus; estimates: EstimateService; hub: LiveHub; itsm: ReturnType<typeof createItsmDelivery> };
  }
}

/** How often estimates are refreshed without events: waits shrink as time passes. */
const refreshIntervalMs = 30_000;

/** Assembles the application from its dependencies; listening and process signals belong to main.ts. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.logger ?? false,
    bodyLimit: 16 * 1024,
    // Apply recommended timeouts so slow or idle clients cannot hold connections open.
    connectionTimeout: 30_000,
    requestTimeout: 30_000,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: false } },
  });
  const now = deps.now ?? (() => new Date());
  const bus = createEventBus();
  const estimates = createEstimateService({ db: deps.db, bus, now });
  const siteNames = new Map((await listSites(deps.db)).map((s) => [s.id, s.showNamesOnDisplay]));
  const showNamesFor = (siteId: string) => siteNames.get(siteId) ?? false;
  const hub = createLiveHub({ bus, estimates, showNamesFor });
  const noop = createNoopAdapter();
  const itsm = createItsmDelivery({ db: deps.db, bus, adapterFor: deps.itsmAdapterFor ?? (() => noop), now, logger: app.log });
  app.decorate('walkup', { bus, estimates, hub, itsm });

  installErrorHandler(app);
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'walkup API', version: '0.1.0', description: 'Walk-up IT support queue: check-in, queues, desks, live state.' },
      tags: [{ name: 'kiosk' }, { name: 'sites' }, { name: 'visits' }, { name: 'desks' }, { name: 'statistics' }, { name: 'health' }],
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs' });
  await app.register(fastifyWebsocket, { options: { maxPayload: 4096 } });

  const useCaseDeps: UseCaseDeps = { db: deps.db, bus, now, estimates };
  await app.register(async (api) => {
    await healthRoutes(api, deps);
    await siteRoutes(api, useCaseDeps);
    await visitRoutes(api, useCaseDeps);
    await deskRoutes(api, useCaseDeps);
    await registerLiveRoute(api, { db: deps.db, hub, estimates, showNamesFor });
  });
  if (deps.rootDir) await serveFrontEnds(app, deps.rootDir);

  if (deps.background !== false) {
    let timer: NodeJS.Timeout | undefined;
    app.addHook('onReady', async () => {
      itsm.start();
      timer = setInterval(() => void estimates.refreshAll(hub.activeSiteIds()).catch((err) => app.log.warn({ err }, 'estimate refresh failed')), refreshIntervalMs);
      timer.unref();
    });
    app.addHook('onClose', async () => {
      clearInterval(timer);
      await itsm.stop();
    });
  }
  return app;
}
