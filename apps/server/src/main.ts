import { createAdapter } from '@walkup/itsm';
import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { openDatabase } from './db/connection.ts';
import { migrateToLatest } from './db/migrate.ts';
import { seedIfEmpty } from './db/seed.ts';
import { frontEnds } from './static-apps.ts';

/** The process: read config, open and migrate the database, listen, and shut down gracefully. */
async function main(): Promise<void> {
  const config = loadConfig();
  const { db, sqlite } = openDatabase(config.databasePath);
  await migrateToLatest(db);
  const seeded = config.seedFile ? await seedIfEmpty(db, config.seedFile) : false;

  const itsmAdapter = createAdapter(config.itsm);
  const app = await buildApp({
    db,
    rootDir: config.rootDir,
    itsmAdapterFor: () => itsmAdapter,
    logger: { level: config.logLevel },
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
      '',
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
