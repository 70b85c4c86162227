import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import Fastify from 'fastify';

/**
 * The baseline of the check-in benchmark: the bare stack with nothing of walkup in it. One Fastify
 * route validates a JSON body and does one better-sqlite3 insert with the same durability settings
 * as walkup (WAL, synchronous=FULL, busy_timeout), then replies. Whatever walkup costs on top is ours.
 * Reads PORT and WALKUP_DB_PATH like the real server, so the same launcher starts both.
 */
const databasePath = process.env.WALKUP_DB_PATH ?? 'bare.sqlite';
mkdirSync(path.dirname(databasePath), { recursive: true });
const sqlite = new SQLite(databasePath);
sqlite.pragma('journal_mode = WAL');
sqlite.pragma('synchronous = FULL');
sqlite.pragma('busy_timeout = 5000');
sqlite.exec(`create table if not exists visits (
  id text primary key, site_id text not null, category_id text not null, visitor_name text, note text, checked_in_at text not null
)`);
const insert = sqlite.prepare('insert into visits (id, site_id, category_id, visitor_name, note, checked_in_at) values (?, ?, ?, ?, ?, ?)');

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
    insert.run(id, request.params.siteId, request.body.categoryId, request.body.visitor.name ?? null, request.body.note ?? null, new Date().toISOString());
    return reply.status(201).send({ id });
  },
);
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
await app.listen({ port: Number(process.env.PORT ?? 3300), host: '127.0.0.1' });
