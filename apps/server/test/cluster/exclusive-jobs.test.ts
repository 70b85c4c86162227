import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createExclusiveJobs, type ExclusiveJobs } from '../../src/cluster/exclusive-jobs.ts';
import type { Db } from '../../src/db/connection.ts';
import { openPostgres } from '../../src/db/postgres-connection.ts';
import { testEngine } from '../helpers/postgres-test-database.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.ts';

const quiet = { info: () => {}, warn: () => {} };

/** A job that records whether it runs, as a worker's start/stop would. */
function trackedJob() {
  const state = { running: false, starts: 0, stops: 0 };
  return { state, job: { start: () => void ((state.running = true), state.starts++), stop: () => void ((state.running = false), state.stops++) } };
}

describe.skipIf(testEngine !== 'postgres')('one instance runs each exclusive job (PostgreSQL advisory locks)', () => {
  let database: TestDatabase;
  const opened: Array<{ db: Db; jobs: ExclusiveJobs }> = [];
  beforeEach(async () => {
    database = await createTestDatabase();
  });
  afterEach(async () => {
    for (const { db, jobs } of opened.splice(0)) {
      await jobs.close();
      await db.destroy();
    }
    await database.close();
  });

  function instance() {
    const db = openPostgres(database.file, { maxConnections: 2 });
    const jobs = createExclusiveJobs({ db, logger: quiet, retryMs: 200 });
    opened.push({ db, jobs });
    return jobs;
  }

  it('starts the job on one of three instances only, and on another within seconds once the holder closes', async () => {
    const instances = [instance(), instance(), instance()];
    const tracked = instances.map(() => trackedJob());
    instances.forEach((jobs, i) => jobs.runExclusively('itsm-delivery', tracked[i]!.job));
    await expect.poll(() => tracked.filter((t) => t.state.running).length).toBe(1);
    // Several retry rounds later, still exactly one.
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(tracked.filter((t) => t.state.running).length).toBe(1);

    const holder = tracked.findIndex((t) => t.state.running);
    await instances[holder]!.close();
    expect(tracked[holder]!.state.running).toBe(false);
    await expect.poll(() => tracked.filter((t, i) => i !== holder && t.state.running).length, { timeout: 5000 }).toBe(1);
  });

  it('stops the job where the lock session died, as when its process is killed, and runs it again on one instance', async () => {
    const [first, second] = [instance(), instance()];
    const a = trackedJob();
    const b = trackedJob();
    first.runExclusively('retention', a.job);
    await expect.poll(() => a.state.running).toBe(true);
    second.runExclusively('retention', b.job);
    // The session holding the lock is killed by the server, not closed by the instance.
    await sql`select pg_terminate_backend(pid) from pg_locks where locktype = 'advisory' and granted and pid <> pg_backend_pid() and database = (select oid from pg_database where datname = current_database())`.execute(database.db);
    await expect.poll(() => a.state.stops, { timeout: 5000 }).toBe(1);
    // Whichever instance takes the lock next runs it; never both.
    await expect.poll(() => a.state.starts + b.state.starts, { timeout: 5000 }).toBe(2);
    expect(Number(a.state.running) + Number(b.state.running)).toBe(1);
  });

  it('keeps different jobs independent: each is held once', async () => {
    const [first, second] = [instance(), instance()];
    const jobs = ['itsm-delivery', 'retention', 'report-aggregator'].map((name) => ({ name, a: trackedJob(), b: trackedJob() }));
    for (const { name, a, b } of jobs) {
      first.runExclusively(name, a.job);
      second.runExclusively(name, b.job);
    }
    await expect.poll(() => jobs.every(({ a, b }) => Number(a.state.running) + Number(b.state.running) === 1)).toBe(true);
    expect(first.held().length + second.held().length).toBe(3);
  });
});
