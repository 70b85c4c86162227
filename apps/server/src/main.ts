import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { openDatabase } from './db/connection.ts';
import { migrateToLatest } from './db/migrate.ts';
import { seedIfEmpty } from './db/seed.ts';
import { createSiteItsmAdapters } from './itsm/index.ts';
import { frontEnds } from './static-apps.ts';
import path from 'node:path';
import { bootstrapAdmin } from './auth/bootstrap-admin.ts';
import { demoCredentialsFileName, describeDemoAccess, ensureDemoAccess } from './auth/demo-access.ts';

/** The process: read config, open and migrate the database, listen, and shut down gracefully. */
async function main(): Promise<void> {
  const config = loadConfig();
  const { db, sqlite } = openDatabase(config.databasePath);
  await migrateToLatest(db);
  const seeded = config.seedFile ? await seedIfEmpty(db, config.seedFile) : false;
  const { security } = config;
  // Demo credentials live next to the database file, so each data directory has its own.
  const dataDir = path.dirname(config.databasePath);
  const demoAccess = security.mode === 'demo' ? await ensureDemoAccess(db, dataDir, new Date()) : null;
  if (security.bootstrapAdmin) await bootstrapAdmin(db, security.bootstrapAdmin, new Date());

  // One adapter per connection, so sites sharing a connection share its breaker and token cache.
  const itsm = await createSiteItsmAdapters(db, config.itsmConnections);
  const app = await buildApp({
    db,
    rootDir: config.rootDir,
    itsmAdapterFor: itsm.adapterFor,
    logger: { level: config.logLevel },
    security: {
      cookieSecret: security.cookieSecret ?? undefined,
      secureCookies: security.secureCookies,
      trustProxy: security.trustProxy,
      oidc: security.oidc,
      rateLimit: { max: security.rateLimitPerMinute, timeWindowMs: 60_000 },
      retentionDays: security.retentionDays,
    },
  });

  let closing = false;
  async function shutdown(signal: string): Promise<void> {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: no new connections, finishing requests in flight');
    // Tell screens to come back in a few seconds rather than hammering a restarting server.
    app.walkup.hub.closeAll(1012, 'server restarting', { type: 'bye', reconnectAfterMs: 3000 });
    await app.close();
    await db.destroy();
    if (sqlite.open) sqlite.close();
    process.exit(0);
  }
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const base = `http://localhost:${port}`;
  console.log(
    [
      '',
      `walkup is running${seeded ? ' (demo data seeded into an empty database)' : ''}`,
      `  database: ${config.databasePath}`,
      ...frontEnds.map((name) => `  ${name.padEnd(8)} ${base}/${name}/`),
      `  API docs ${base}/docs`,
      `  ITSM     ${[...itsm.connectionOfSite].map(([site, connection]) => `${site}: ${connection} (${itsm.adapterFor(site).createsTickets ? itsm.adapterFor(site).vendor : 'no tickets; set WALKUP_ITSM_VENDOR'})`).join(', ')}`,
      ...(demoAccess ? describeDemoAccess(demoAccess, base, path.join(dataDir, demoCredentialsFileName)) : []),
      ...(security.mode === 'production' ? ['  production mode: no demo accounts or devices'] : []),
      '',
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
