import Fastify, { LogController, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import fastifyWebsocket from '@fastify/websocket';
import type { FetchLike, ItsmAdapter, ItsmConnections } from '@walkup/itsm';
import type { Db } from './db/connection.ts';
import { installErrorHandler } from './error-handler.ts';
import { cachedCompilersFactory } from './schema-compilers.ts';
import { installAccessLog } from './access-log.ts';
import { connectionAdminRoutes, createItsmDelivery, createSecretBox, createSiteItsmAdapters, itsmRoutes, type SiteItsmAdapters } from './itsm/index.ts';
import { auditRoutes } from './admin/audit-routes.ts';
import { deviceAdminRoutes } from './admin/device-admin-routes.ts';
import { siteSettingsRoutes } from './admin/site-settings-routes.ts';
import { siteConfigRoutes } from './site-config/index.ts';
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
import { createSiteSetupCache, type SiteSetupCache } from './queries/site-setup-cache.ts';
import { createGroupCommitter } from './db/group-commit.ts';
import { createWalFlusher, walDatabaseFile } from './db/wal-flusher.ts';
import { createTransactionRunner, type CommitRunner } from './db/transaction-runner.ts';
import { postgresHandleOf } from './db/postgres-connection.ts';
import { createExclusiveJobs, type ExclusiveJobs } from './cluster/exclusive-jobs.ts';
import { createClusterEventBus } from './live/cluster-event-bus.ts';
import { createSharedEstimates } from './live/shared-estimates.ts';
import { createLiveHub, type LiveHub } from './live/hub.ts';
import { createLiveSiteViews, type LiveSiteViews } from './live/live-site-views.ts';
import { registerLiveRoute } from './live/ws-route.ts';
import { websocketErrorHandler } from './live/ws-errors.ts';
import { listSites } from './queries/sites.ts';
import { deskRoutes } from './routes/desk-routes.ts';
import { healthRoutes } from './routes/health-routes.ts';
import { siteRoutes } from './routes/site-routes.ts';
import { visitRoutes } from './routes/visit-routes.ts';
import { serveFrontEnds } from './static-apps.ts';
import { appointmentDeps, appointmentRoutes, logMail, startAppointmentJobs, type SendMail } from './appointments/index.ts';
import type { AppointmentJobDeps } from './appointments/appointment-jobs.ts';
import { createVisitorHub } from './visitor/visitor-hub.ts';
import { visitorLiveRoute } from './visitor/visitor-live-route.ts';
import { visitorRoutes } from './visitor/visitor-routes.ts';
import { remoteCheckInRoutes } from './remote-check-in/remote-check-in-routes.ts';
import { visitorSsoRoutes } from './visitor-sso/visitor-sso-routes.ts';
import { visitorActionRoutes } from './visitor/visitor-action-routes.ts';
import { feedbackLinkRoutes } from './visitor/feedback-link-routes.ts';
import { feedbackPagePath } from './visitor/feedback-links.ts';
import { visitorSettingsRoutes } from './visitor/visitor-settings-routes.ts';
import { createReportReader, type ReportReader } from './reports/report-reader.ts';
import { reportRoutes } from './reports/report-routes.ts';
import { createBoardWatchers, type BoardWatchers } from './manager/board-watchers.ts';
import { loadManagerBoard } from './manager/board-service.ts';
import { managerRoutes } from './manager/manager-routes.ts';
import { metricsRoute } from './metrics/metrics-route.ts';
import { createNotificationWorker, notificationRoutes, type NotificationSetup } from './notifications/index.ts';
import { broadcastRoutes } from './broadcast/broadcast-routes.ts';
import type { UseCaseDeps } from './use-cases/deps.ts';

export interface AppDeps {
  db: Db;
  now?: () => Date;
  /** Connections of the environment and WALKUP_ITSM_CONNECTIONS_FILE (default: `default`, no ITSM). */
  itsmConnections?: ItsmConnections;
  /** Adapter of the sites on those connections (tests hand in fakes); connections stored by admins get their own. */
  itsmAdapterFor?: (siteId: string) => ItsmAdapter;
  /** Seals the secrets of stored connections (WALKUP_ITSM_SECRET_KEY); without it none can be stored. */
  itsmSecretKey?: string | null;
  /** The fetch ITSM adapters use (tests: msw intercepts the global one anyway). */
  itsmFetch?: FetchLike;
  /** Repository root, to serve the built front ends from; omit to serve none (API tests). */
  rootDir?: string;
  logger?: FastifyServerOptions['logger'];
  /** One info line per answered request (WALKUP_ACCESS_LOG); off by default. */
  accessLog?: boolean;
  /** Least time between event-driven estimate recomputes of a site (default 500 ms; tests use 0). */
  estimateIntervalMs?: number;
  /** Run the wait estimator in a worker thread (default); false keeps it on the main thread. */
  estimatorThread?: boolean;
  /** Run the ITSM worker and periodic refreshes (off in tests that drive them by hand). */
  background?: boolean;
  /** Sign-in, rate limits and privacy; the defaults suit tests (random cookie secret, no SSO). */
  security?: SecurityDeps;
  /** Bearer token for GET /metrics (Prometheus); no /metrics route without one. */
  metricsToken?: string | null;
  /** Sends booking emails; without it they are logged (no SMTP configured). */
  sendMail?: SendMail;
  /** Public address of this walkup, for links in emails (default http://localhost:3000). */
  publicUrl?: string;
  /** Notification channels (email, push, webhook); none by default. */
  notifications?: NotificationSetup;
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
    walkup: {
      bus: EventBus;
      estimates: EstimateService;
      views: LiveSiteViews;
      setups: SiteSetupCache;
      hub: LiveHub;
      itsm: ReturnType<typeof createItsmDelivery>;
      /** Each site's ITSM adapter, read again when an admin changes a connection. */
      itsmAdapters: SiteItsmAdapters;
      connections: LiveConnections;
      /** Background jobs that run on one instance at a time (see cluster/exclusive-jobs.ts). */
      jobs: ExclusiveJobs;
      reports: ReportReader;
      boards: BoardWatchers;
      appointments?: AppointmentJobDeps;
    };
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
    // Fastify's two info lines per request drowned everything else; access-log.ts writes one, on demand.
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: security.trustProxy ?? false,
    bodyLimit: 16 * 1024,
    // Apply recommended timeouts so slow or idle clients cannot hold connections open.
    connectionTimeout: 30_000,
    requestTimeout: 30_000,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: false } },
    schemaController: { compilersFactory: cachedCompilersFactory },
  });
  const now = deps.now ?? (() => new Date());
  // On PostgreSQL several instances share the database: the bus also delivers the others' commits.
  const postgres = postgresHandleOf(deps.db);
  const clusterBus = postgres ? createClusterEventBus({ db: deps.db, url: postgres.url, logger: app.log }) : null;
  const bus: EventBus = clusterBus ?? createEventBus();
  if (clusterBus) {
    await clusterBus.start();
    app.addHook('onClose', async () => clusterBus.close());
  }
  const jobs = createExclusiveJobs({ db: deps.db, logger: app.log });
  app.addHook('onClose', async () => jobs.close());
  const setups = createSiteSetupCache();
  // Subscribed first: every later listener of a commit finds the sites' views already up to date.
  const views = createLiveSiteViews({ db: deps.db, bus });
  const startEstimator = () => createEstimateService({ db: deps.db, bus, now, setups, views, minIntervalMs: deps.estimateIntervalMs, thread: deps.estimatorThread });
  // On PostgreSQL one instance computes the estimates (the 'estimator' job) and all serve what it publishes.
  const sharedEstimates = postgres ? createSharedEstimates({ db: deps.db, url: postgres.url, setups, now, logger: app.log, startComputing: startEstimator }) : null;
  if (sharedEstimates) await sharedEstimates.start();
  const estimates: EstimateService = sharedEstimates ?? startEstimator();
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
  const secretBox = deps.itsmSecretKey ? createSecretBox(deps.itsmSecretKey) : null;
  // Throws when a site names an unknown connection: the process must not start half-configured.
  const itsmAdapters = await createSiteItsmAdapters(deps.db, deps.itsmConnections ?? { default: { vendor: 'none' } }, { fetchImpl: deps.itsmFetch, secretBox, bootstrapAdapterFor: deps.itsmAdapterFor });
  // Another instance's change (or an imported configuration naming other connections) reaches this one as its event: read the connections again.
  bus.subscribe((events) => {
    if (events.some((e) => e.type === 'site.config_changed' && /^(itsm_connection\.|configuration\.imported$)/.test(e.data.change))) void itsmAdapters.reload().then(() => itsm.refresh(), (err) => app.log.warn({ err }, 'reading ITSM connections failed'));
  });
  // In WAL mode on a file (not in-memory), the WAL is synced off the event loop; SQLite checkpoints it itself.
  const databaseFile = postgres ? null : await walDatabaseFile(deps.db);
  const flusher = databaseFile ? createWalFlusher(`${databaseFile}-wal`) : null;
  app.addHook('onClose', async () => flusher?.close());
  const commits: CommitRunner = postgres
    ? createTransactionRunner(deps.db)
    : createGroupCommitter(deps.db, {
        flusher,
        onStorageFailure: (err) => app.log.fatal({ err }, 'the disk refused to sync the database log: changes are refused until a restart'),
      });
  const itsm = createItsmDelivery({
    db: deps.db,
    transact: (work) => commits.run(work),
    bus,
    adapterFor: (siteId) => itsmAdapters.adapterFor(siteId),
    adapterNamed: (name) => itsmAdapters.storedAdapter(name),
    now,
    logger: app.log,
    options: { setupChecks: true },
  });
  const reports = createReportReader({ db: deps.db, transact: (work) => commits.run(work), bus, logger: app.log });
  const boardDeps = { db: deps.db, views, estimates, setups, now };
  const boards = createBoardWatchers({ bus, load: (siteId) => loadManagerBoard(boardDeps, siteId), onError: (err) => app.log.warn({ err }, 'board push failed') });
  app.addHook('onClose', async () => boards.close());
  app.decorate('walkup', { bus, estimates, views, setups, hub, itsm, itsmAdapters, connections, jobs, reports, boards });
  const notificationSetup = deps.notifications ?? { channels: [], vapidPublicKey: null, publicUrl: null };
  const publicBase = notificationSetup.publicUrl?.replace(/\/$/, '') ?? '';
  const notifications = createNotificationWorker({
    db: deps.db,
    transact: (work) => commits.run(work),
    bus,
    channels: notificationSetup.channels,
    optOutUrl: (token) => `${publicBase}/api/notifications/opt-out/${token}`,
    feedbackUrl: (token, score) => `${publicBase}${feedbackPagePath(token, score)}`,
    estimatesFor: (view) => estimates.forView(view),
    views,
    setups,
    now,
    logger: app.log,
  });
  const visitorHub = createVisitorHub({ db: deps.db, bus, estimates, views, setups, now });

  installErrorHandler(app);
  if (deps.accessLog) installAccessLog(app);
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
      tags: [{ name: 'kiosk' }, { name: 'sites' }, { name: 'visits' }, { name: 'desks' }, { name: 'appointments' }, { name: 'statistics' }, { name: 'itsm' }, { name: 'auth' }, { name: 'admin' }, { name: 'health' }, { name: 'visitor' }],
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs' });
  await app.register(fastifyWebsocket, { options: { maxPayload: 4096 }, errorHandler: websocketErrorHandler });

  const useCaseDeps: UseCaseDeps = { db: deps.db, bus, now, estimates, setups, views, commits };
  const oidc = security.oidc ? createOidcClient(security.oidc, security.oidcFetch) : null;
  const authDeps: AuthDeps = { db: deps.db, now, connections, oidc, secureCookies: security.secureCookies ?? false };
  await app.register(async (api) => {
    await healthRoutes(api, deps);
    await siteRoutes(api, useCaseDeps);
    await visitRoutes(api, useCaseDeps);
    await deskRoutes(api, useCaseDeps);
    await itsmRoutes(api, { db: deps.db, delivery: itsm, adapters: itsmAdapters });
    await connectionAdminRoutes(api, { ...useCaseDeps, adapters: itsmAdapters, secretBox, delivery: itsm });
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
    await siteConfigRoutes(api, { ...useCaseDeps, onShowNamesChanged: (siteId, show) => siteNames.set(siteId, show) });
    const appointments = appointmentDeps(useCaseDeps, { sendMail: deps.sendMail ?? logMail(app.log), publicUrl: deps.publicUrl ?? 'http://localhost:3000', ssoConfigured: oidc !== null }, app.log);
    app.walkup.appointments = appointments;
    await appointmentRoutes(api, appointments);
    await remoteCheckInRoutes(api, appointments);
    await visitorSsoRoutes(api, { ...appointments, oidc, secureCookies: authDeps.secureCookies });
    if (deps.background !== false) startAppointmentJobs(app, appointments);
    await registerLiveRoute(api, { db: deps.db, hub, estimates, views, setups, showNamesFor, connections, now, boards });
    await visitorRoutes(api, { ...useCaseDeps, visitorHub });
    await visitorLiveRoute(api, { db: deps.db, hub: visitorHub });
    await visitorActionRoutes(api, { ...useCaseDeps, visitorHub });
    await feedbackLinkRoutes(api, useCaseDeps);
    await visitorSettingsRoutes(api, { db: deps.db, now, ssoConfigured: oidc !== null });
    await reportRoutes(api, { db: deps.db, catchUp: () => reports.drain() });
    await managerRoutes(api, { ...boardDeps, onTargetChanged: () => void boards.refresh() });
    await notificationRoutes(api, { db: deps.db, now, vapidPublicKey: notificationSetup.vapidPublicKey, emailEnabled: notificationSetup.channels.some((c) => c.name === 'email') });
    await broadcastRoutes(api, useCaseDeps);
  });
  if (deps.metricsToken) {
    const waiting = async () =>
      (await Promise.all((await listSites(deps.db)).map(async (site) => {
        const view = await views.view(site.id);
        return view.queues.map((queue) => ({ siteId: site.id, queueId: queue.id, count: view.visits.filter((v) => v.queueId === queue.id && v.state === 'waiting').length }));
      }))).flat();
    await metricsRoute(app, { bus, waiting, itsm: async () => (await itsm.health()).map((c) => ({ name: c.name, breaker: c.breaker, backlog: c.backlog })), websocketClients: () => hub.subscriberCount() + boards.count() }, deps.metricsToken);
  }
  if (deps.rootDir) await serveFrontEnds(app, deps.rootDir);

  if (deps.background !== false) {
    let timer: NodeJS.Timeout | undefined;
    let retentionTimer: NodeJS.Timeout | undefined;
    const retain = () =>
      void runRetention({ db: deps.db, now, defaultRetentionDays: retentionDays })
        .then(({ anonymisedVisits }) => anonymisedVisits && app.log.info({ anonymisedVisits }, 'visitors’ personal data anonymised after the retention period'))
        .catch((err) => app.log.warn({ err }, 'retention run failed'));
    app.addHook('onReady', async () => {
      // One ITSM worker and one retention run across all instances: never two tickets for a visit.
      jobs.runExclusively('itsm-delivery', { start: () => itsm.start(), stop: () => itsm.stop() });
      jobs.runExclusively('retention', {
        start() {
          retain();
          retentionTimer = setInterval(retain, retentionIntervalMs);
          retentionTimer.unref();
        },
        stop: () => clearInterval(retentionTimer),
      });
      jobs.runExclusively('reports', { start: () => reports.start(), stop: () => reports.stop() });
      jobs.runExclusively('notifications', { start: () => notifications.start(), stop: () => notifications.stop() });
      timer = setInterval(() => void estimates.refreshAll([...new Set([...hub.activeSiteIds(), ...visitorHub.siteIds()])]).catch((err) => app.log.warn({ err }, 'estimate refresh failed')), refreshIntervalMs);
      timer.unref();
    });
    app.addHook('onClose', async () => {
      clearInterval(timer);
      clearInterval(retentionTimer);
      await itsm.stop();
      await reports.stop();
      await notifications.stop();
    });
  }
  if (sharedEstimates) {
    // Registered after the background jobs, with or without them: screens need estimates either way.
    app.addHook('onReady', async () => jobs.runExclusively('estimator', sharedEstimates.job));
  }
  return app;
}
