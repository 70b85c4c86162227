import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { openPostgres } from '../../src/db/postgres-connection.ts';
import { callerNames, createCaller, type Caller, type CallerName } from './auth.ts';
import { createTestDatabase, type TestDatabase } from './test-database.ts';
import { testItsmSecretKey } from './test-app.ts';

export interface TestInstance {
  app: FastifyInstance;
  as: Record<CallerName, Caller>;
  close(): Promise<void>;
}

/**
 * Several app instances on one PostgreSQL test database, each with its own connection pool, bus,
 * views and workers, as separate processes would have: what the cross-instance tests drive.
 */
export async function createTestCluster(size: number, options: { background?: boolean } = {}): Promise<{ database: TestDatabase; instances: TestInstance[]; close(): Promise<void> }> {
  const database = await createTestDatabase();
  if (database.engine !== 'postgres') throw new Error('a test cluster needs PostgreSQL (run it in the integration-pg project)');
  const instances: TestInstance[] = [];
  for (let index = 0; index < size; index++) {
    const db = openPostgres(database.file, { maxConnections: 4 });
    const app = await buildApp({ db, background: options.background ?? false, estimateIntervalMs: 0, estimatorThread: false, itsmSecretKey: testItsmSecretKey });
    await app.ready();
    const as = Object.fromEntries(await Promise.all(callerNames.map(async (name) => [name, await createCaller(app, db, name)]))) as Record<CallerName, Caller>;
    instances.push({
      app,
      as,
      async close() {
        await app.close();
        await db.destroy();
      },
    });
  }
  return {
    database,
    instances,
    async close() {
      for (const instance of instances) await instance.close();
      await database.close();
    },
  };
}
