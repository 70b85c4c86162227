import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import Fastify from 'fastify';
import pg from 'pg';

/**
 * The baseline of the check-in benchmark: the bare stack with nothing of walkup in it. One Fastify
 * route validates a JSON body and does one insert, then replies: better-sqlite3 with the same
 * durability settings as walkup (WAL, synchronous=FULL, busy_timeout), or with WALKUP_DATABASE_URL
 * one `pg` pool insert (PostgreSQL's own commit fsync). Whatever walkup costs on top is ours.
 * Reads PORT, WALKUP_DB_PATH and WALKUP_DATABASE_URL like the real server, so the same launcher starts both.
 */
const createTable = `create table if not exists visits (
  id text primary key, site_id text not null, category_id text not null, visitor_name text, note text, checked_in_at text not null
)`;

async function openInsert(): Promise<(values: unknown[]) => Promise<unknown> | unknown> {
  const url = process.env.WALKUP_DATABASE_URL;
  if (url) {
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    await pool.query(createTable);
    const text = 'insert into visits (id, site_id, category_id, visitor_name, note, checked_in_at) values ($1, $2, $3, $4, $5, $6)';
    return (values) => pool.query({ name: 'insert-visit', text, values });
  }
  const databasePath = process.env.WALKUP_DB_PATH ?? 'bare.sqlite';
  mkdirSync(path.dirname(databasePath), { recursive: true });
  const sqlite = new SQLite(databasePath);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.exec(createTable);
  const insert = sqlite.prepare('insert into visits (id, site_id, category_id, visitor_name, note, checked_in_at) values (?, ?, ?, ?, ?, ?)');
  return (values) => insert.run(...values);
}
const insert = await openInsert();

const app = Fastify({ logger: false });
app.get('/health', async () => ({ status: 'ok' }));
app.post<{ Params: { siteId: string }; Body: { categoryId: string; visitor: { kind: string; name?: string }; note?: string } }>(
  '/api/sites/:siteId/visits',
  {
    schema: {
      params: { type: 'object', properties: { siteId: { type: 'string' } }, required: ['siteId'] },
      body: {
        type: 'object',
        required: ['categoryId', 'visitor'],
        properties: {
          categoryId: { type: 'string' },
          visitor: { type: 'object', properties: { kind: { type: 'string' }, name: { type: 'string' } }, required: ['kind'] },
          note: { type: 'string' },
        },
      },
    },
  },
  async (request, reply) => {
    const id = randomUUID();
    await insert([id, request.params.siteId, request.body.categoryId, request.body.visitor.name ?? null, request.body.note ?? null, new Date().toISOString()]);
    return reply.status(201).send({ id });
  },
);
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
await app.listen({ port: Number(process.env.PORT ?? 3300), host: '127.0.0.1' });
