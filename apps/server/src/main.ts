import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { openStorage } from './db/storage.ts';
import { withStartupLock } from './cluster/startup-lock.ts';
import { migrateToLatest } from './db/migrate.ts';
import { seedIfEmpty } from './db/seed.ts';
import { seedDemoHistory } from './demo-history/seed-demo-history.ts';
import { createNotificationSetup } from './notifications/notification-setup.ts';
import { createSmtpMail } from './notifications/smtp-mail.ts';
import { frontEnds } from './static-apps.ts';
import path from 'node:path';
import { bootstrapAdmin, requireWayToSignIn } from './auth/bootstrap-admin.ts';
import { createDemoPairingLinks, demoCredentialsFileName, describeDemoAccess, ensureDemoAccess } from './auth/demo-access.ts';
import { createTextLogStream } from './log-format.ts';
import { demoItsmSecretKey } from './itsm/demo-itsm-secret.ts';

/** The process: read config, open and migrate the database, listen, and shut down gracefully. */
async function main(): Promise<void> {
  const config = loadConfig();
  const storage = openStorage(config.database);
  const { db } = storage;
  const { security } = config;
  // Demo credentials live next to the database file, so each data directory has its own.
  const dataDir = path.dirname(config.databasePath);
  // Instances starting together on one PostgreSQL database take turns: one migrates and seeds.
  const { seeded, demoAccess } = await withStartupLock(db, async () => {
    await migrateToLatest(db);
    const seeded = config.seedFile ? await seedIfEmpty(db, config.seedFile) : false;
    // Only right after the demo seed: never into a database someone has used, nor another seed's sites.
    if (seeded && config.seedsDemoHistory) await seedDemoHistory(db, new Date());
    const demoAccess = security.mode === 'demo' ? await ensureDemoAccess(db, dataDir, new Date()) : null;
    if (security.bootstrapAdmin) await bootstrapAdmin(db, security.bootstrapAdmin, new Date());
    return { seeded, demoAccess };
  });
  await requireWayToSignIn(db, security);

  const app = await buildApp({
    db,
    rootDir: config.rootDir,
    metricsToken: config.metricsToken,
    // One adapter per connection, so sites sharing a connection share its breaker and token cache.
    itsmConnections: config.itsmConnections,
    itsmSecretKey: config.itsmSecretKey ?? (security.mode === 'demo' ? demoItsmSecretKey(dataDir) : null),
    logger: { level: config.logLevel, ...(config.logFormat === 'text' ? { stream: createTextLogStream() } : {}) },
    accessLog: config.accessLog,
    security: {
      cookieSecret: security.cookieSecret ?? undefined,
      secureCookies: security.secureCookies,
      trustProxy: security.trustProxy,
      oidc: security.oidc,
      rateLimit: { max: security.rateLimitPerMinute, timeWindowMs: 60_000 },
      retentionDays: security.retentionDays,
    },
    notifications: createNotificationSetup(config.notifications, { demo: security.mode === 'demo', dataDir, publicUrl: security.publicUrl }),
    // Booking confirmations and reminders go through the same SMTP server; without one they are logged.
    ...(config.notifications.smtp ? { sendMail: createSmtpMail(config.notifications.smtp) } : {}),
    ...(security.publicUrl ? { publicUrl: security.publicUrl } : {}),
  });

  let closing = false;
  async function shutdown(signal: string): Promise<void> {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: no new connections, finishing requests in flight');
    // Tell screens to come back in a few seconds rather than hammering a restarting server.
    app.walkup.hub.closeAll(1012, 'server restarting', { type: 'bye', reconnectAfterMs: 3000 });
    await app.close();
    await storage.close();
    process.exit(0);
  }
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  const itsm = app.walkup.itsmAdapters;
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const base = `http://localhost:${port}`;
  const demoLinks = demoAccess ? await createDemoPairingLinks(db, demoAccess.siteId, base, new Date()) : null;
  console.log(
    [
      '',
      `walkup is running${seeded ? ` (demo data seeded into an empty database${config.seedsDemoHistory ? ', with six weeks of past visits' : ''})` : ''}`,
      `  database: ${config.database.engine === 'postgres' ? `PostgreSQL ${redactUrl(config.database.url)}` : config.databasePath}`,
      ...frontEnds.map((name) => `  ${name.padEnd(8)} ${base}/${name}/`),
      `  API docs ${base}/docs`,
      `  ITSM     ${[...itsm.connectionOfSite].map(([site, connection]) => `${site}: ${connection} (${itsm.adapterFor(site).createsTickets ? itsm.adapterFor(site).vendor : 'no tickets; set WALKUP_ITSM_VENDOR'})`).join(', ')}`,
      ...(demoAccess && demoLinks ? describeDemoAccess(demoAccess, demoLinks, path.join(dataDir, demoCredentialsFileName)) : []),
      ...(security.mode === 'production' ? ['  production mode: no demo accounts or devices'] : []),
      '',
    ].join('\n'),
  );
}

/** The URL without its password, for the start-up banner. */
function redactUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
