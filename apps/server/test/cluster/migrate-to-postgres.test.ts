import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateSqliteToPostgres } from '../../../../scripts/migrate-to-postgres/migrate-to-postgres.ts';
import { buildApp } from '../../src/app.ts';
import type { Db } from '../../src/db/connection.ts';
import { openPostgres } from '../../src/db/postgres-connection.ts';
import { createCaller } from '../helpers/auth.ts';
import { databaseUrl, testEngine, testPostgresUrl } from '../helpers/postgres-test-database.ts';
import { createSqliteTestDatabase } from '../helpers/test-database.ts';
import { demo } from '../helpers/test-app.ts';

async function admin(query: string): Promise<void> {
  const client = new pg.Client({ connectionString: testPostgresUrl });
  await client.connect();
  await client.query(query).finally(() => client.end());
}

/** Checks visitors in through a real app on `db`; returns their ticket numbers. */
async function checkInThrough(db: Db, count: number): Promise<string[]> {
  const app = await buildApp({ db, background: false, estimatorThread: false });
  await app.ready();
  const kiosk = await createCaller(app, db, 'kiosk');
  const tickets: string[] = [];
  for (let i = 0; i < count; i++) {
    const reply = await kiosk.inject({ method: 'POST', url: `/api/sites/${demo.site}/visits`, payload: { categoryId: demo.softwareChoice, visitor: { kind: 'guest', name: `Visitor ${i}` } } });
    expect(reply.statusCode).toBe(201);
    tickets.push(reply.json().ticketNumber);
  }
  await app.close();
  return tickets;
}

describe.skipIf(testEngine !== 'postgres')('moving a SQLite deployment to PostgreSQL (scripts/migrate-to-postgres)', () => {
  const name = `wkpg_migrate_${process.pid}`;
  afterEach(async () => admin(`drop database if exists ${name} with (force)`));

  it('copies every table, verifies it, and the PostgreSQL deployment carries on where SQLite stopped', async () => {
    const sqlite = await createSqliteTestDatabase();
    const before = await checkInThrough(sqlite.db, 3);
    const sourceEvents = await sqlite.db.selectFrom('events').select(['id', 'seq']).orderBy('id').execute();
    await sqlite.db.destroy();
    await admin(`create database ${name}`);
    const lines: string[] = [];
    await migrateSqliteToPostgres(sqlite.file, databaseUrl(name), (line) => lines.push(line));
    expect(lines.at(-1)).toMatch(/verified/);
    expect(lines.find((l) => l.includes(' visits '))).toMatch(/\b3 rows/);

    const target = openPostgres(databaseUrl(name), { maxConnections: 4 });
    try {
      expect(await target.selectFrom('events').select(['id', 'seq']).orderBy('id').execute()).toEqual(sourceEvents);
      const after = await checkInThrough(target, 1);
      expect([...before, ...after]).toEqual(['S-001', 'S-002', 'S-003', 'S-004']);
      const seqs = (await target.selectFrom('events').select('seq').where('site_id', '=', demo.site).orderBy('id').execute()).map((r) => r.seq);
      expect(seqs).toEqual([1, 2, 3, 4]);
    } finally {
      await target.destroy();
    }
    // A second run would duplicate everything: it refuses a target that already holds data.
    await expect(migrateSqliteToPostgres(sqlite.file, databaseUrl(name), () => {})).rejects.toThrow(/not empty/);
    await sqlite.close();
  });
});
