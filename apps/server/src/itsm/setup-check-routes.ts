import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { NotFoundError } from '@walkup/domain';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { actorOf } from '../auth/actor.ts';
import { recordAudit } from '../auth/audit.ts';
import type { Db } from '../db/connection.ts';
import { adminOnly } from '../routes/route-roles.ts';
import { errorResponses } from '../routes/schemas.ts';
import type { ItsmDelivery } from './index.ts';
import type { SiteItsmAdapters } from './site-itsm-adapters.ts';

const SetupCheckResult = Type.Object({
  name: Type.String(),
  ok: Type.Boolean(),
  checkedAt: Type.String(),
  checks: Type.Array(Type.Object({ check: Type.String(), ok: Type.Boolean(), message: Type.String() })),
});

/**
 * "Test connection": runs the connection's set-up check now and says, line by line, what is wrong.
 * A pass releases the creates the failing check was holding; either way the health view shows it.
 */
export async function setupCheckRoutes(root: FastifyInstance, deps: { db: Db; delivery: ItsmDelivery; adapters?: SiteItsmAdapters }): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  app.post(
    '/api/admin/itsm/connections/:name/test',
    {
      config: { roles: adminOnly },
      schema: {
        summary: 'Check what the connection needs to create tickets (queues, rights, fields, statuses), in words an admin can act on',
        tags: ['itsm', 'admin'],
        params: Type.Object({ name: Type.String({ minLength: 1, maxLength: 100 }) }),
        response: { 200: SetupCheckResult, ...errorResponses },
      },
    },
    async (request) => {
      const { name } = request.params;
      // A connection stored through another instance is not known here until read again.
      await deps.adapters?.reload();
      const state = await deps.delivery.checkSetup(name);
      if (!state) throw new NotFoundError('itsm_connection', name);
      const actor = actorOf(request);
      await recordAudit(deps.db, {
        at: state.checkedAt,
        actor: actor.label,
        action: 'itsm.connection_tested',
        target: name,
        outcome: state.ok ? 'ok' : 'failed',
        ip: actor.ip,
        detail: { failures: state.checks.filter((c) => !c.ok).map((c) => c.check) },
      });
      return { name, ok: state.ok, checkedAt: state.checkedAt, checks: state.checks };
    },
  );
}
