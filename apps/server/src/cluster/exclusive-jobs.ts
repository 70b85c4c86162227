import type pg from 'pg';
import type { Db } from '../db/connection.ts';
import { newPostgresClient, postgresHandleOf } from '../db/postgres-connection.ts';

type Logger = { info: (...args: any[]) => void; warn: (...args: any[]) => void };

/** A background job that must run on one instance at a time (ITSM delivery, retention, a report aggregator...). */
export interface ExclusiveJob {
  start(): void | Promise<void>;
  stop(): void | Promise<void>;
}

export interface ExclusiveJobs {
  /**
   * Runs `job` on exactly one instance sharing the database: on SQLite (one instance) it starts at
   * once; on PostgreSQL the instance holding the session advisory lock named `name` runs it, and when
   * that instance dies its connection closes, the lock is released, and another instance starts the
   * job within `retryMs`.
   */
  runExclusively(name: string, job: ExclusiveJob): void;
  /** Names of the jobs this instance runs now (health, tests). */
  held(): string[];
  close(): Promise<void>;
}

/** How often an instance tries to take the locks it does not hold: the failover time. */
const defaultRetryMs = 1_000;

export function createExclusiveJobs(deps: { db: Db; logger: Logger; retryMs?: number }): ExclusiveJobs {
  const handle = postgresHandleOf(deps.db);
  const jobs = new Map<string, ExclusiveJob>();
  const running = new Set<string>();
  let closed = false;

  async function startJob(name: string): Promise<void> {
    running.add(name);
    await jobs.get(name)!.start();
  }
  async function stopAll(): Promise<void> {
    const names = [...running];
    running.clear();
    await Promise.all(names.map(async (name) => jobs.get(name)!.stop()));
  }

  if (!handle) {
    return {
      runExclusively(name, job) {
        if (jobs.has(name)) throw new Error(`exclusive job '${name}' is already registered`);
        jobs.set(name, job);
        if (!closed) void startJob(name);
      },
      held: () => [...running],
      async close() {
        closed = true;
        await stopAll();
      },
    };
  }

  // One session per instance holds all its locks: if it breaks, every job it held stops here first.
  let client: pg.Client | null = null;
  let timer: NodeJS.Timeout | undefined;
  let started = false;
  let round: Promise<void> = Promise.resolve();

  async function connect(): Promise<pg.Client> {
    const next = newPostgresClient(handle!.url);
    next.on('error', (err) => {
      deps.logger.warn({ err }, 'lost the connection holding the job locks: stopping the jobs it held');
      if (client === next) client = null;
      void next.end().catch(() => {});
      void stopAll();
    });
    await next.connect();
    return next;
  }

  async function tryTakeLocks(): Promise<void> {
    if (closed) return;
    try {
      if (!client) client = await connect();
      const session = client;
      for (const name of jobs.keys()) {
        if (running.has(name)) continue;
        const { rows } = await session.query<{ taken: boolean }>('select pg_try_advisory_lock(hashtext($1)) as taken', [`walkup:${name}`]);
        if (rows[0]?.taken && !closed && client === session) {
          deps.logger.info({ job: name }, 'this instance now runs the job');
          await startJob(name);
        }
      }
      // A held session that went quiet is noticed here: the query fails and the error handler stops the jobs.
      if (running.size > 0) await session.query('select 1');
    } catch (err) {
      deps.logger.warn({ err }, 'could not check the job locks; retrying');
      const broken = client;
      client = null;
      await stopAll();
      await broken?.end().catch(() => {});
    }
  }

  function schedule(): void {
    if (closed) return;
    timer = setTimeout(() => {
      round = tryTakeLocks().finally(schedule);
    }, deps.retryMs ?? defaultRetryMs);
    timer.unref();
  }

  return {
    runExclusively(name, job) {
      if (jobs.has(name)) throw new Error(`exclusive job '${name}' is already registered`);
      jobs.set(name, job);
      if (!started && !closed) {
        started = true;
        round = tryTakeLocks();
        void round.finally(schedule);
      }
    },
    held: () => [...running],
    async close() {
      closed = true;
      clearTimeout(timer);
      await round;
      await stopAll();
      // Ending the session releases its locks: another instance takes the jobs over at its next try.
      await client?.end().catch(() => {});
      client = null;
    },
  };
}
