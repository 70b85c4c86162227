import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ConflictError, NotFoundError } from '@walkup/domain';
import { errorResponses } from '../routes/schemas.ts';
import { siteAdmins } from '../routes/route-roles.ts';
import type { UseCaseDeps } from '../use-cases/deps.ts';
import { idTaken, loadAdminSetup } from './admin-setup.ts';
import { commitConfigChange } from './config-change.ts';
import { invalidField, requireLocalized } from './config-rules.ts';
import { AdminSetup, ConfigId, LocalizedInput, SiteParams } from './config-schemas.ts';

const Prefix = Type.String({ pattern: '^[A-Z]{1,3}$', description: 'ticket prefix, 1 to 3 capital letters' });
const AssignmentGroup = Type.Union([Type.String({ minLength: 1, maxLength: 120 }), Type.Null()]);
const QueueParams = Type.Object({ siteId: ConfigId, queueId: ConfigId });

/** Queues: create, rename per language, ticket prefix, order, archive (never while visitors wait in it). */
export async function queueAdminRoutes(root: FastifyInstance, deps: UseCaseDeps): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['admin'];

  app.post(
    '/api/admin/sites/:siteId/queues',
    {
      config: { roles: siteAdmins },
      schema: {
        summary: 'Add a queue',
        tags,
        params: SiteParams,
        body: Type.Object({ id: ConfigId, prefix: Prefix, name: LocalizedInput, itsmAssignmentGroup: Type.Optional(AssignmentGroup) }, { additionalProperties: false }),
        response: { 201: AdminSetup, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { siteId } = request.params;
      const body = request.body;
      const setup = await loadAdminSetup(deps.db, siteId);
      requireLocalized('body/name', body.name, setup.site.languages);
      if (await idTaken(deps.db, 'queues', body.id)) throw new ConflictError('id_taken', `body/id: a queue '${body.id}' exists already`);
      if (setup.queues.some((q) => q.prefix === body.prefix && !q.archived)) throw new ConflictError('prefix_taken', `body/prefix: queue tickets ${body.prefix}-001... are already another queue's`);
      await commitConfigChange(deps, request, { siteId, change: 'queue.created', target: body.id, detail: body }, async (trx) => {
        await trx
          .insertInto('queues')
          .values({ id: body.id, site_id: siteId, prefix: body.prefix, name: JSON.stringify(body.name), sort_order: setup.queues.length, itsm_assignment_group: body.itsmAssignmentGroup ?? null, archived_at: null })
          .execute();
      });
      return reply.status(201).send(await loadAdminSetup(deps.db, siteId));
    },
  );

  app.patch(
    '/api/admin/sites/:siteId/queues/:queueId',
    {
      config: { roles: siteAdmins },
      schema: {
        summary: 'Rename a queue, change its ticket prefix or ITSM group, archive or restore it',
        tags,
        params: QueueParams,
        body: Type.Object(
          { prefix: Type.Optional(Prefix), name: Type.Optional(LocalizedInput), itsmAssignmentGroup: Type.Optional(AssignmentGroup), archived: Type.Optional(Type.Boolean()) },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: AdminSetup, ...errorResponses },
      },
    },
    async (request) => {
      const { siteId, queueId } = request.params;
      const body = request.body;
      const setup = await loadAdminSetup(deps.db, siteId);
      const queue = setup.queues.find((q) => q.id === queueId);
      if (!queue) throw new NotFoundError('queue', queueId);
      if (body.name) requireLocalized('body/name', body.name, setup.site.languages);
      if (body.prefix && setup.queues.some((q) => q.id !== queueId && q.prefix === body.prefix && !q.archived)) {
        throw new ConflictError('prefix_taken', `body/prefix: queue tickets ${body.prefix}-001... are already another queue's`);
      }
      if (body.archived) {
        if (queue.waitingCount > 0) {
          throw new ConflictError('queue_has_visitors', `${queue.waitingCount} visitor(s) still wait in this queue: call, transfer or cancel them before archiving it`);
        }
        const users = setup.categories.filter((c) => c.queueId === queueId && !c.archived).map((c) => c.id);
        if (users.length > 0) throw new ConflictError('queue_in_use', `categories ${users.join(', ')} send visitors to this queue: point them at another queue or archive them first`);
      }
      const change = body.archived === undefined ? 'queue.changed' : body.archived ? 'queue.archived' : 'queue.restored';
      await commitConfigChange(deps, request, { siteId, change, target: queueId, detail: body }, async (trx, at) => {
        // Checked again inside the transaction: a visitor may have checked in since the read above.
        if (body.archived) {
          const active = await trx.selectFrom('visits').select('id').where('queue_id', '=', queueId).where('state', 'in', ['waiting', 'called', 'in_service']).executeTakeFirst();
          if (active) throw new ConflictError('queue_has_visitors', 'visitors are still in this queue: call, transfer or cancel them before archiving it');
        }
        await trx
          .updateTable('queues')
          .set({
            ...(body.prefix !== undefined ? { prefix: body.prefix } : {}),
            ...(body.name !== undefined ? { name: JSON.stringify(body.name) } : {}),
            ...(body.itsmAssignmentGroup !== undefined ? { itsm_assignment_group: body.itsmAssignmentGroup } : {}),
            ...(body.archived !== undefined ? { archived_at: body.archived ? at : null } : {}),
          })
          .where('id', '=', queueId)
          .where('site_id', '=', siteId)
          .execute();
      });
      return loadAdminSetup(deps.db, siteId);
    },
  );

  app.put(
    '/api/admin/sites/:siteId/queue-order',
    {
      config: { roles: siteAdmins },
      schema: {
        summary: 'Order the site’s queues (every queue id, once, in the new order)',
        tags,
        params: SiteParams,
        body: Type.Object({ queueIds: Type.Array(ConfigId, { minItems: 1, maxItems: 200 }) }, { additionalProperties: false }),
        response: { 200: AdminSetup, ...errorResponses },
      },
    },
    async (request) => {
      const { siteId } = request.params;
      const { queueIds } = request.body;
      const setup = await loadAdminSetup(deps.db, siteId);
      requireSameMembers('body/queueIds', queueIds, setup.queues.map((q) => q.id));
      await commitConfigChange(deps, request, { siteId, change: 'queue.reordered', target: null, detail: { queueIds } }, async (trx) => {
        for (const [index, id] of queueIds.entries()) await trx.updateTable('queues').set({ sort_order: index }).where('id', '=', id).where('site_id', '=', siteId).execute();
      });
      return loadAdminSetup(deps.db, siteId);
    },
  );
}

/** A new order must name each existing item exactly once. */
export function requireSameMembers(path: string, given: readonly string[], existing: readonly string[]): void {
  const missing = existing.filter((id) => !given.includes(id));
  const unknown = given.filter((id) => !existing.includes(id));
  if (new Set(given).size !== given.length) throw invalidField(path, 'names an item twice');
  if (unknown.length) throw invalidField(path, `names unknown items: ${unknown.join(', ')}`);
  if (missing.length) throw invalidField(path, `leaves out ${missing.join(', ')}: list every item once`);
}
