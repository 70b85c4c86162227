import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ConflictError, NotFoundError } from '@walkup/domain';
import { errorResponses } from '../routes/schemas.ts';
import { siteAdmins } from '../routes/route-roles.ts';
import type { UseCaseDeps } from '../use-cases/deps.ts';
import { idTaken, loadAdminSetup } from './admin-setup.ts';
import { commitConfigChange } from './config-change.ts';
import { invalidField } from './config-rules.ts';
import { AdminSetup, ConfigId, SiteParams, type AdminSetupView } from './config-schemas.ts';
import type { SiteConfigDb } from './site-config-schema.ts';

const Name = Type.String({ minLength: 1, maxLength: 80 });
const Email = Type.Union([Type.String({ format: 'email', maxLength: 254 }), Type.Null()]);
const QueueIds = Type.Array(ConfigId, { minItems: 1, maxItems: 50, uniqueItems: true, description: 'the queues (skills) the technician serves at this site' });

function requireQueues(setup: AdminSetupView, queueIds: readonly string[]): void {
  for (const [index, id] of queueIds.entries()) {
    const queue = setup.queues.find((q) => q.id === id);
    if (!queue || queue.archived) throw invalidField(`body/queueIds/${index}`, `'${id}' is not a queue in service at this site`);
  }
}

/** Replaces the technician's queues at this site; their queues at other sites stay. */
async function setSiteQueues(trx: SiteConfigDb, setup: AdminSetupView, technicianId: string, queueIds: readonly string[]): Promise<void> {
  const siteQueueIds = setup.queues.map((q) => q.id);
  await trx.deleteFrom('technician_queues').where('technician_id', '=', technicianId).where('queue_id', 'in', siteQueueIds).execute();
  for (const queueId of queueIds) await trx.insertInto('technician_queues').values({ technician_id: technicianId, queue_id: queueId }).execute();
}

/** Desks, technicians and the queues each one serves. Accounts link to technicians in the account routes. */
export async function peopleAdminRoutes(root: FastifyInstance, deps: UseCaseDeps): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['admin'];
  const DeskParams = Type.Object({ siteId: ConfigId, deskId: ConfigId });
  const TechnicianParams = Type.Object({ siteId: ConfigId, technicianId: ConfigId });

  app.post(
    '/api/admin/sites/:siteId/desks',
    {
      config: { roles: siteAdmins },
      schema: { summary: 'Add a desk', tags, params: SiteParams, body: Type.Object({ id: ConfigId, name: Name }, { additionalProperties: false }), response: { 201: AdminSetup, ...errorResponses } },
    },
    async (request, reply) => {
      const { siteId } = request.params;
      const setup = await loadAdminSetup(deps.db, siteId);
      if (await idTaken(deps.db, 'desks', request.body.id)) throw new ConflictError('id_taken', `body/id: a desk '${request.body.id}' exists already`);
      await commitConfigChange(deps, request, { siteId, change: 'desk.created', target: request.body.id, detail: request.body }, async (trx) => {
        await trx.insertInto('desks').values({ id: request.body.id, site_id: siteId, name: request.body.name, sort_order: setup.desks.length, archived_at: null }).execute();
      });
      return reply.status(201).send(await loadAdminSetup(deps.db, siteId));
    },
  );

  app.patch(
    '/api/admin/sites/:siteId/desks/:deskId',
    {
      config: { roles: siteAdmins },
      schema: {
        summary: 'Rename a desk, archive or restore it (not while someone is served there)',
        tags,
        params: DeskParams,
        body: Type.Object({ name: Type.Optional(Name), archived: Type.Optional(Type.Boolean()) }, { additionalProperties: false, minProperties: 1 }),
        response: { 200: AdminSetup, ...errorResponses },
      },
    },
    async (request) => {
      const { siteId, deskId } = request.params;
      const setup = await loadAdminSetup(deps.db, siteId);
      if (!setup.desks.some((d) => d.id === deskId)) throw new NotFoundError('desk', deskId);
      const { name, archived } = request.body;
      const change = archived === undefined ? 'desk.changed' : archived ? 'desk.archived' : 'desk.restored';
      await commitConfigChange(deps, request, { siteId, change, target: deskId, detail: request.body }, async (trx, at) => {
        if (archived) {
          const busy = await trx.selectFrom('visits').select('ticket_number').where('desk_id', '=', deskId).where('state', 'in', ['called', 'in_service']).executeTakeFirst();
          if (busy) throw new ConflictError('desk_in_use', `ticket ${busy.ticket_number} is being served at this desk: finish it before archiving the desk`);
          await trx.deleteFrom('technician_presence').where('desk_id', '=', deskId).execute();
        }
        await trx
          .updateTable('desks')
          .set({ ...(name !== undefined ? { name } : {}), ...(archived !== undefined ? { archived_at: archived ? at : null } : {}) })
          .where('id', '=', deskId)
          .execute();
      });
      return loadAdminSetup(deps.db, siteId);
    },
  );

  app.post(
    '/api/admin/sites/:siteId/technicians',
    {
      config: { roles: siteAdmins },
      schema: {
        summary: 'Add a technician serving some of the site’s queues',
        tags,
        params: SiteParams,
        body: Type.Object({ id: ConfigId, name: Name, email: Type.Optional(Email), queueIds: QueueIds }, { additionalProperties: false }),
        response: { 201: AdminSetup, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { siteId } = request.params;
      const body = request.body;
      const setup = await loadAdminSetup(deps.db, siteId);
      requireQueues(setup, body.queueIds);
      if (await idTaken(deps.db, 'technicians', body.id)) throw new ConflictError('id_taken', `body/id: a technician '${body.id}' exists already`);
      await commitConfigChange(deps, request, { siteId, change: 'technician.created', target: body.id, detail: { name: body.name, queueIds: body.queueIds } }, async (trx) => {
        await trx.insertInto('technicians').values({ id: body.id, name: body.name, email: body.email ?? null, archived_at: null }).execute();
        await setSiteQueues(trx, setup, body.id, body.queueIds);
      });
      return reply.status(201).send(await loadAdminSetup(deps.db, siteId));
    },
  );

  app.patch(
    '/api/admin/sites/:siteId/technicians/:technicianId',
    {
      config: { roles: siteAdmins },
      schema: {
        summary: 'Rename a technician, change the queues they serve here, archive or restore them',
        tags,
        params: TechnicianParams,
        body: Type.Object({ name: Type.Optional(Name), email: Type.Optional(Email), queueIds: Type.Optional(QueueIds), archived: Type.Optional(Type.Boolean()) }, { additionalProperties: false, minProperties: 1 }),
        response: { 200: AdminSetup, ...errorResponses },
      },
    },
    async (request) => {
      const { siteId, technicianId } = request.params;
      const body = request.body;
      const setup = await loadAdminSetup(deps.db, siteId);
      if (!setup.technicians.some((t) => t.id === technicianId)) throw new NotFoundError('technician', technicianId);
      if (body.queueIds) requireQueues(setup, body.queueIds);
      const change = body.archived === undefined ? 'technician.changed' : body.archived ? 'technician.archived' : 'technician.restored';
      await commitConfigChange(deps, request, { siteId, change, target: technicianId, detail: { name: body.name, queueIds: body.queueIds, archived: body.archived } }, async (trx, at) => {
        if (body.archived) {
          const busy = await trx.selectFrom('visits').select('ticket_number').where('technician_id', '=', technicianId).where('state', 'in', ['called', 'in_service']).executeTakeFirst();
          if (busy) throw new ConflictError('technician_busy', `this technician is serving ticket ${busy.ticket_number}: finish it before archiving them`);
        }
        const columns = {
          ...(body.name !== undefined ? { name: body.name } : {}),
          ...(body.email !== undefined ? { email: body.email } : {}),
          ...(body.archived !== undefined ? { archived_at: body.archived ? at : null } : {}),
        };
        if (Object.keys(columns).length > 0) await trx.updateTable('technicians').set(columns).where('id', '=', technicianId).execute();
        if (body.queueIds) await setSiteQueues(trx, setup, technicianId, body.queueIds);
      });
      return loadAdminSetup(deps.db, siteId);
    },
  );
}
