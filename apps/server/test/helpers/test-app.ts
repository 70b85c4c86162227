import type { FastifyInstance } from 'fastify';
import type { ItsmAdapter } from '@walkup/itsm';
import { buildApp } from '../../src/app.ts';
import { createTestDatabase, type TestDatabase } from './test-database.ts';

/** A controllable clock: tests move time forward instead of sleeping. */
export function createClock(start = '2026-11-23T09:00:00.000Z') {
  let current = Date.parse(start);
  return {
    now: () => new Date(current),
    advance(seconds: number) {
      current += seconds * 1000;
    },
    set(iso: string) {
      current = Date.parse(iso);
    },
  };
}

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  clock: ReturnType<typeof createClock>;
  close(): Promise<void>;
}

export async function createTestApp(options: { itsmAdapterFor?: (siteId: string) => ItsmAdapter; background?: boolean } = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const clock = createClock();
  const app = await buildApp({ db: database.db, now: clock.now, itsmAdapterFor: options.itsmAdapterFor, background: options.background ?? false });
  await app.ready();
  return {
    app,
    database,
    clock,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/** The demo site's ids, used across tests. */
export const demo = {
  site: 'hq',
  desk1: 'hq-desk-1',
  desk2: 'hq-desk-2',
  alex: 'tech-alex', // serves hardware + software
  sam: 'tech-sam', // serves access + software
  hardwareChoice: 'laptop-no-boot',
  passwordChoice: 'access-password', // priority 1, access queue
  softwareChoice: 'software-install',
} as const;

export async function checkIn(app: FastifyInstance, categoryId: string, visitor: Record<string, string> = { kind: 'guest', name: 'Test Visitor' }) {
  return app.inject({ method: 'POST', url: `/api/sites/${demo.site}/visits`, payload: { categoryId, visitor } });
}

export async function seatTechnician(app: FastifyInstance, technicianId: string, deskId: string) {
  const response = await app.inject({ method: 'PUT', url: `/api/technicians/${technicianId}/presence`, payload: { siteId: demo.site, deskId, status: 'available' } });
  if (response.statusCode !== 200) throw new Error(`seat failed: ${response.body}`);
}
