import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import fastifyWebsocket from '@fastify/websocket';
import type { ItsmAdapter } from '@walkup/itsm';
import { createNoopAdapter } from '@walkup/itsm';
import type { Db } from './db/connection.ts';
import { installErrorHandler } from './error-handler.ts';
import { createItsmDelivery, itsmRoutes } from './itsm/index.ts';
import { auditRoutes } from './admin/audit-routes.ts';
import { deviceAdminRoutes } from './admin/device-admin-routes.ts';
import { siteSettingsRoutes } from './admin/site-settings-routes.ts';
import { userAdminRoutes } from './admin/user-admin-routes.ts';
import type { AuthDeps } from './auth/auth-deps.ts';
import { authRoutes } from './auth/auth-routes.ts';
import { deviceRoutes } from './auth/device-routes.ts';
import { installSecurity } from './auth/install-security.ts';
import { createLiveConnections, type LiveConnections } from './auth/live-connections.ts';
import { requestSerializer } from './auth/log-redaction.ts';
import { createOidcClient, type OidcSettings } from './auth/oidc-client.ts';
import { oidcRoutes } from './auth/oidc-routes.ts';
import { randomToken } from './auth/tokens.ts';
import { privacyRoutes } from './privacy/privacy-routes.ts';
import { runRetention } from './privacy/retention-job.ts';
import { createEventBus, type EventBus } from './live/event-bus.ts';
import { createEstimateService, type EstimateService } from './live/estimate-service.ts';
import { createSiteSetupCache } from './queries/site-setup-cache.ts';
import { createGroupCommitter } from './db/group-commit.ts';
import { createWalFlusher, walDatabaseFile } from './db/wal-flusher.ts';
import { startBackgroundCheckpointer } from './db/background-checkpointer.ts';
import { createLiveHub, type LiveHub } from './live/hub.ts';
import { createLiveSiteViews, type LiveSiteViews } from './live/live-site-views.ts';
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
  /** Least time between event-driven estimate recomputes of a site (default 500 ms; tests use 0). */
  estimateIntervalMs?: number;
  /** Run the wait estimator in a worker thread (default); false keeps it on the main thread. */
  estimatorThread?: boolean;
  /** Run the ITSM worker and periodic refreshes (off in tests that drive them by hand). */
  background?: boolean;
  /** Sign-in, rate limits and privacy; the defaults suit tests (random cookie secret, no SSO). */
  security?: SecurityDeps;
}

export interface SecurityDeps {
  /** Signs the single sign-on cookie; production refuses to start without a real one (config.ts). */
  cookieSecret?: string;
  /** Mark cookies Secure even on plain-http requests (TLS ends at a proxy that is not trusted). */
  secureCookies?: boolean;
  /** Trust X-Forwarded-* from the reverse proxy: client IPs for rate limits, https for cookies. */
  trustProxy?: boolean;
  oidc?: OidcSettings | null;
  /** The fetch the OIDC client uses (tests point it at a mock provider). */
  oidcFetch?: typeof fetch;
  rateLimit?: { max: number; timeWindowMs: number } | false;
  /** Days after check-in when visitors' personal data is anonymised, unless the site says otherwise. */
  retentionDays?: number;
}

declare module 'fastify' {
  interface FastifyInstance {
    walkup: { bus: EventBus; estimates: EstimateService; views: LiveSiteViews; hub: LiveHub; itsm: ReturnType<typeof createItsmDelivery>; connections: LiveConnections };
  }
}

/** How often estimates are refreshed without events: waits shrink as time passes. */
const refreshIntervalMs = 30_000;
/** Retention runs hourly: a visit's personal data outlives its retention period by an hour at most. */
const retentionIntervalMs = 3600_000;

/** Assembles the application from its dependencies; listening and process signals belong to main.ts. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const security = deps.security ?? {};
  const logger = deps.logger && typeof deps.logger === 'object' ? { ...deps.logger, serializers: { req: requestSerializer } } : (deps.logger ?? false);
  const app = Fastify({
    logger,
    trustProxy: security.trustProxy ?? false,
    bodyLimit: 16 * 1024,
    // Apply recommended timeouts so slow or idle clients cannot hold connections open.
    connectionTimeout: 30_000,
    requestTimeout: 30_000,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: false } },
  });
  const now = deps.now ?? (() => new Date());
  const bus = createEventBus();
  const setups = createSiteSetupCache();
  // Subscribed first: every later listener of a commit finds the sites' views already up to date.
  const views = createLiveSiteViews({ db: deps.db, bus });
  const estimates = createEstimateService({ db: deps.db, bus, now, setups, views, minIntervalMs: deps.estimateIntervalMs, thread: deps.estimatorThread });
  // The estimator thread ends with the app, so tests and graceful shutdown leave nothing running.
  app.addHook('onClose', async () => {
    await estimates.close();
  });
  // A request still in flight when closing begins keeps its keep-alive connection open afterwards,
  // and close() would wait the whole keep-alive timeout for it: answer such requests with
  // "Connection: close" so the socket ends with the reply.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
  });
  const siteNames = new Map((await listSites(deps.db)).map((s) => [s.id, s.showNamesOnDisplay]));
  const connections = createLiveConnections();
  const retentionDays = security.retentionDays ?? 30;
  const showNamesFor = (siteId: string) => siteNames.get(siteId) ?? false;
  const hub = createLiveHub({ bus, estimates, showNamesFor });
  const noop = createNoopAdapter();
  // In WAL mode on a file (not in-memory), the WAL is synced and checkpointed off the event loop.
  const databaseFile = await walDatabaseFile(deps.db);
  const flusher = databaseFile ? createWalFlusher(`${databaseFile}-wal`) : null;
  app.addHook('onClose', async () => flusher?.close());
  const commits = createGroupCommitter(deps.db, {
    flusher,
    onStorageFailure: (err) => app.log.fatal({ err }, 'the disk refused to sync the database log: changes are refused until a restart'),
  });
  const itsm = createItsmDelivery({
    db: deps.db,
    transact: (work) => commits.run(work),
    bus,
    adapterFor: deps.itsmAdapterFor ?? (() => noop),
    now,
    logger: app.log,
  });
  app.decorate('walkup', { bus, estimates, views, hub, itsm, connections });

  installErrorHandler(app);
  await installSecurity(app, {
    db: deps.db,
    now,
    cookieSecret: security.cookieSecret ?? randomToken(),
    rateLimit: security.rateLimit ?? { max: 600, timeWindowMs: 60_000 },
    https: security.secureCookies ?? false,
  });
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'walkup API', version: '0.1.0', description: 'Walk-up IT support queue: check-in, queues, desks, live state.' },
      tags: [{ name: 'kiosk' }, { name: 'sites' }, { name: 'visits' }, { name: 'desks' }, { name: 'statistics' }, { name: 'itsm' }, { name: 'auth' }, { name: 'admin' }, { name: 'health' }],
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs' });
  await app.register(fastifyWebsocket, { options: { maxPayload: 4096 } });

  const useCaseDeps: UseCaseDeps = { db: deps.db, bus, now, estimates, setups, views, commits };
  const oidc = security.oidc ? createOidcClient(security.oidc, security.oidcFetch) : null;
  const authDeps: AuthDeps = { db: deps.db, now, connections, oidc, secureCookies: security.secureCookies ?? false };
  await app.register(async (api) => {
    await healthRoutes(api, deps);
    await siteRoutes(api, useCaseDeps);
    await visitRoutes(api, useCaseDeps);
    await deskRoutes(api, useCaseDeps);
    await itsmRoutes(api, { db: deps.db, delivery: itsm });
    await authRoutes(api, authDeps);
    await oidcRoutes(api, authDeps);
    await deviceRoutes(api, authDeps);
    await deviceAdminRoutes(api, authDeps);
    await userAdminRoutes(api, authDeps);
    await auditRoutes(api, authDeps);
    await privacyRoutes(api, { ...authDeps, onErased: () => views.forget() });
    await siteSettingsRoutes(api, { ...authDeps, defaultRetentionDays: retentionDays, onShowNamesChanged: (siteId, show) => {
        siteNames.set(siteId, show);
        setups.invalidate(siteId);
      } });
    await registerLiveRoute(api, { db: deps.db, hub, estimates, views, setups, showNamesFor, connections, now });
  });
  if (deps.rootDir) await serveFrontEnds(app, deps.rootDir);

  if (deps.background !== false) {
    if (databaseFile) {
      const checkpointer = await startBackgroundCheckpointer(deps.db, databaseFile, (err) =>
        app.log.error({ err }, 'the checkpoint thread stopped: the main connection checkpoints the WAL itself again'),
      );
      app.addHook('onClose', async () => checkpointer.close());
    }
    let timer: NodeJS.Timeout | undefined;
    let retentionTimer: NodeJS.Timeout | undefined;
    const retain = () =>
      void runRetention({ db: deps.db, now, defaultRetentionDays: retentionDays })
        .then(({ anonymisedVisits }) => anonymisedVisits && app.log.info({ anonymisedVisits }, 'visitors’ personal data anonymised after the retention period'))
        .catch((err) => app.log.warn({ err }, 'retention run failed'));
    app.addHook('onReady', async () => {
      itsm.start();
      timer = setInterval(() => void estimates.refreshAll(hub.activeSiteIds()).catch((err) => app.log.warn({ err }, 'estimate refresh failed')), refreshIntervalMs);
      timer.unref();
      retain();
      retentionTimer = setInterval(retain, retentionIntervalMs);
      retentionTimer.unref();
    });
    app.addHook('onClose', async () => {
      clearInterval(timer);
      clearInterval(retentionTimer);
      await itsm.stop();
    });
  }
  return app;
}
