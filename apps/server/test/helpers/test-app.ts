import type { FastifyInstance } from 'fastify';
import type { ItsmAdapter } from '@walkup/itsm';
import { buildApp, type AppDeps, type SecurityDeps } from '../../src/app.ts';
import { callerNames, createCaller, type Caller, type CallerName } from './auth.ts';
import { createTestDatabase, type TestDatabase } from './test-database.ts';
import type { NotificationSetup } from '../../src/notifications/index.ts';
import type { Db } from '../../src/db/connection.ts';

/** The WALKUP_ITSM_SECRET_KEY of test apps. */
export const testItsmSecretKey = 'kV3q9Zt2mXw8RbN5pL7cH1dF4gJ6sYaE';

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
  /** Callers signed in or paired as each test account and device, plus `anonymous`. */
  as: Record<CallerName, Caller>;
  database: TestDatabase;
  clock: ReturnType<typeof createClock>;
  close(): Promise<void>;
}

/** The callers of each test app, so the small helpers below can act as the right device or technician. */
const callersOf = new WeakMap<FastifyInstance, Record<CallerName, Caller>>();

export function callersFor(app: FastifyInstance): Record<CallerName, Caller> {
  const callers = callersOf.get(app);
  if (!callers) throw new Error('app was not built by createTestApp');
  return callers;
}

export async function createTestApp(
  options: {
    itsmAdapterFor?: (siteId: string) => ItsmAdapter;
    itsmConnections?: AppDeps['itsmConnections'];
    /** Seals stored ITSM secrets; a fixed test key unless a test asks for none (null). */
    itsmSecretKey?: string | null;
    background?: boolean;
    security?: SecurityDeps;
    estimateIntervalMs?: number;
    estimatorThread?: boolean;
    logger?: AppDeps['logger'];
    accessLog?: boolean;
    sendMail?: AppDeps['sendMail'];
    notifications?: NotificationSetup;
    /** Runs on the seeded database before the app is built, at the test clock's time (as main.ts seeds before listening). */
    beforeBuild?: (db: Db, now: Date) => Promise<unknown>;
  } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const clock = createClock();
  await options.beforeBuild?.(database.db, clock.now());
  const app = await buildApp({
    db: database.db,
    now: clock.now,
    itsmAdapterFor: options.itsmAdapterFor,
    itsmConnections: options.itsmConnections,
    itsmSecretKey: options.itsmSecretKey === undefined ? testItsmSecretKey : options.itsmSecretKey,
    background: options.background ?? false,
    security: options.security,
    // Tests read estimates right after each change; the production throttle has its own test.
    estimateIntervalMs: options.estimateIntervalMs ?? 0,
    // In process unless a test asks for the thread (the estimate tests do): each thread loads the
    // estimator from sources, about half a second of CPU per app on a 2-core machine.
    estimatorThread: options.estimatorThread ?? false,
    logger: options.logger,
    accessLog: options.accessLog,
    sendMail: options.sendMail,
    notifications: options.notifications,
  });
  await app.ready();
  const as = Object.fromEntries(await Promise.all(callerNames.map(async (name) => [name, await createCaller(app, database.db, name)]))) as Record<CallerName, Caller>;
  callersOf.set(app, as);
  return {
    app,
    as,
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

/** Checks in from the demo site's kiosk. */
export async function checkIn(app: FastifyInstance, categoryId: string, visitor: Record<string, string> = { kind: 'guest', name: 'Test Visitor' }) {
  return callersFor(app).kiosk.inject({ method: 'POST', url: `/api/sites/${demo.site}/visits`, payload: { categoryId, visitor } });
}

/** The technician's own account sets their presence (each technician acts only as themselves). */
export async function seatTechnician(app: FastifyInstance, technicianId: string, deskId: string) {
  const response = await callerOfTechnician(app, technicianId).inject({ method: 'PUT', url: `/api/technicians/${technicianId}/presence`, payload: { siteId: demo.site, deskId, status: 'available' } });
  if (response.statusCode !== 200) throw new Error(`seat failed: ${response.body}`);
}

/** The signed-in test account of a demo technician. */
export function callerOfTechnician(app: FastifyInstance, technicianId: string): Caller {
  const callers = callersFor(app);
  if (technicianId === demo.alex) return callers.alex;
  if (technicianId === demo.sam) return callers.sam;
  throw new Error(`no test account for technician ${technicianId}`);
}
