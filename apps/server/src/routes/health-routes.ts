import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { Type } from 'typebox';
import type { Db } from '../db/connection.ts';
import { anyone } from './route-roles.ts';

export async function healthRoutes(app: FastifyInstance, deps: { db: Db }): Promise<void> {
  app.get(
    '/health',
    {
      config: { roles: anyone },
      schema: {
        summary: 'Liveness and database check',
        tags: ['health'],
        response: { 200: Type.Object({ status: Type.Literal('ok'), database: Type.Literal('ok'), time: Type.String() }) },
      },
    },
    async () => {
      await sql`select 1`.execute(deps.db);
      return { status: 'ok' as const, database: 'ok' as const, time: new Date().toISOString() };
    },
  );
}
