import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type, type Static } from 'typebox';
import { ConflictError, NotFoundError } from '@walkup/domain';
import { errorResponses } from '../routes/schemas.ts';
import { siteAdmins } from '../routes/route-roles.ts';
import type { UseCaseDeps } from '../use-cases/deps.ts';
import { idTaken, loadAdminSetup } from './admin-setup.ts';
import { commitConfigChange } from './config-change.ts';
import { invalidField, requireLocalized } from './config-rules.ts';
import { AdminSetup, ConfigId, ItsmVendorFieldsInput, LocalizedInput, SiteParams, type AdminSetupView } from './config-schemas.ts';
import { requireSameMembers } from './queue-admin-routes.ts';

const ItsmText = Type.Union([Type.String({ minLength: 1, maxLength: 120 }), Type.Null()]);
/** What a leaf (a choice the visitor taps) needs; a group (a tile with choices under it) has none of it. */
const LeafFields = {
  queueId: Type.Optional(ConfigId),
  priority: Type.Optional(Type.Integer({ minimum: 0, maximum: 9 })),
  expectedServiceSeconds: Type.Optional(Type.Integer({ minimum: 30, maximum: 86_400 })),
  itsmCategory: Type.Optional(ItsmText),
  itsmSubcategory: Type.Optional(ItsmText),
  itsmAssignmentGroup: Type.Optional(ItsmText),
  itsmVendorFields: Type.Optional(ItsmVendorFieldsInput),
};
const Icon = Type.String({ pattern: '^[a-z0-9-]{1,40}$' });
const CategoryParams = Type.Object({ siteId: ConfigId, categoryId: ConfigId });
const CreateBody = Type.Object({ id: ConfigId, parentId: Type.Union([ConfigId, Type.Null()]), label: LocalizedInput, icon: Icon, ...LeafFields }, { additionalProperties: false });
const ChangeBody = Type.Object(
  {
    label: Type.Optional(LocalizedInput),
    icon: Type.Optional(Icon),
    archived: Type.Optional(Type.Boolean()),
    /** Moves a choice under another group, at the end of it; groups stay at the top level. */
    parentId: Type.Optional(ConfigId),
    ...LeafFields,
  },
  { additionalProperties: false, minProperties: 1 },
);

type Setup = AdminSetupView;

/** The tree is two levels, as the kiosk shows it: groups at the top, choices (leaves, each with a queue) under them. */
function requirePlacement(setup: Setup, parentId: string | null, body: Partial<Static<typeof CreateBody>>): void {
  if (parentId === null) {
    if (body.queueId !== undefined) throw invalidField('body/queueId', 'belongs to choices: a top-level category groups choices and has no queue');
    return;
  }
  const parent = setup.categories.find((c) => c.id === parentId);
  if (!parent || parent.archived) throw invalidField('body/parentId', `'${parentId}' is not a category in service at this site`);
  if (parent.parentId !== null) throw invalidField('body/parentId', `'${parentId}' is itself a choice: the tree has two levels (groups, then choices)`);
  if (body.queueId === undefined) throw invalidField('body/queueId', 'is required: a choice sends visitors to a queue');
}

/** A choice moves to another group in service; a group never goes under another (two levels). */
function requireNewGroup(setup: Setup, category: Setup['categories'][number], parentId: string): void {
  if (category.parentId === null) throw invalidField('body/parentId', `'${category.id}' is a group: groups stay at the top level, only choices move between them`);
  const group = setup.categories.find((c) => c.id === parentId);
  if (!group || group.archived) throw invalidField('body/parentId', `'${parentId}' is not a group in service at this site`);
  if (group.parentId !== null) throw invalidField('body/parentId', `'${parentId}' is itself a choice: the tree has two levels (groups, then choices)`);
}

function requireQueue(setup: Setup, queueId: string | undefined): void {
  if (queueId === undefined) return;
  const queue = setup.queues.find((q) => q.id === queueId);
  if (!queue || queue.archived) throw invalidField('body/queueId', `'${queueId}' is not a queue in service at this site`);
}

function leafColumns(body: Partial<Pick<Static<typeof ChangeBody>, keyof typeof LeafFields>>) {
  return {
    ...(body.queueId !== undefined ? { queue_id: body.queueId } : {}),
    ...(body.priority !== undefined ? { priority: body.priority } : {}),
    ...(body.expectedServiceSeconds !== undefined ? { expected_service_seconds: body.expectedServiceSeconds } : {}),
    ...(body.itsmCategory !== undefined ? { itsm_category: body.itsmCategory } : {}),
    ...(body.itsmSubcategory !== undefined ? { itsm_subcategory: body.itsmSubcategory } : {}),
    ...(body.itsmAssignmentGroup !== undefined ? { itsm_assignment_group: body.itsmAssignmentGroup } : {}),
    ...(body.itsmVendorFields !== undefined ? { itsm_vendor_fields: JSON.stringify(body.itsmVendorFields) } : {}),
  };
}

/** The category tree: add, rename per language, icon, queue and ITSM fields of a choice, reorder, move a choice to another group, archive. */
export async function categoryAdminRoutes(root: FastifyInstance, deps: UseCaseDeps): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['admin'];

  app.post(
    '/api/admin/sites/:siteId/categories',
    { config: { roles: siteAdmins }, schema: { summary: 'Add a group (parentId null) or a choice under a group', tags, params: SiteParams, body: CreateBody, response: { 201: AdminSetup, ...errorResponses } } },
    async (request, reply) => {
      const { siteId } = request.params;
      const body = request.body;
      const setup = await loadAdminSetup(deps.db, siteId);
      requireLocalized('body/label', body.label, setup.site.languages);
      requirePlacement(setup, body.parentId, body);
      requireQueue(setup, body.queueId);
      if (await idTaken(deps.db, 'categories', body.id)) throw new ConflictError('id_taken', `body/id: a category '${body.id}' exists already`);
      const siblings = setup.categories.filter((c) => c.parentId === body.parentId).length;
      await commitConfigChange(deps, request, { siteId, change: 'category.created', target: body.id, detail: { label: body.label, parentId: body.parentId } }, async (trx) => {
        await trx
          .insertInto('categories')
          .values({
            id: body.id,
            site_id: siteId,
            parent_id: body.parentId,
            label: JSON.stringify(body.label),
            icon: body.icon,
            queue_id: null,
            priority: 0,
            expected_service_seconds: 600,
            itsm_category: null,
            itsm_subcategory: null,
            itsm_assignment_group: null,
            itsm_vendor_fields: null,
            sort_order: siblings,
            archived_at: null,
            ...leafColumns(body),
          })
          .execute();
      });
      return reply.status(201).send(await loadAdminSetup(deps.db, siteId));
    },
  );

  app.patch(
    '/api/admin/sites/:siteId/categories/:categoryId',
    { config: { roles: siteAdmins }, schema: { summary: 'Change a category; archiving a group archives its choices; parentId moves a choice to another group', tags, params: CategoryParams, body: ChangeBody, response: { 200: AdminSetup, ...errorResponses } } },
    async (request) => {
      const { siteId, categoryId } = request.params;
      const body = request.body;
      const setup = await loadAdminSetup(deps.db, siteId);
      const category = setup.categories.find((c) => c.id === categoryId);
      if (!category) throw new NotFoundError('category', categoryId);
      if (body.label) requireLocalized('body/label', body.label, setup.site.languages);
      const leafChange = Object.keys(leafColumns(body)).length > 0;
      if (category.parentId === null && leafChange) throw invalidField('body', 'sets a choice’s fields (queue, priority, service time, ITSM) on a top-level group');
      requireQueue(setup, body.queueId);
      if (body.archived === false && category.parentId !== null && setup.categories.find((c) => c.id === category.parentId)?.archived) {
        throw new ConflictError('parent_archived', `restore the group '${category.parentId}' first`);
      }
      const moving = body.parentId !== undefined && body.parentId !== category.parentId;
      if (moving) requireNewGroup(setup, category, body.parentId!);
      const change = moving ? 'category.moved' : body.archived === undefined ? 'category.changed' : body.archived ? 'category.archived' : 'category.restored';
      await commitConfigChange(deps, request, { siteId, change, target: categoryId, detail: { ...body } }, async (trx, at) => {
        await trx
          .updateTable('categories')
          .set({
            ...(body.label !== undefined ? { label: JSON.stringify(body.label) } : {}),
            ...(body.icon !== undefined ? { icon: body.icon } : {}),
            ...(body.archived !== undefined ? { archived_at: body.archived ? at : null } : {}),
            ...(moving ? { parent_id: body.parentId!, sort_order: setup.categories.filter((c) => c.parentId === body.parentId).length } : {}),
            ...leafColumns(body),
          })
          .where('id', '=', categoryId)
          .where('site_id', '=', siteId)
          .execute();
        if (body.archived) await trx.updateTable('categories').set({ archived_at: at }).where('parent_id', '=', categoryId).where('archived_at', 'is', null).execute();
      });
      return loadAdminSetup(deps.db, siteId);
    },
  );

  app.put(
    '/api/admin/sites/:siteId/category-order',
    {
      config: { roles: siteAdmins },
      schema: {
        summary: 'Order the groups (parentId null) or the choices of one group',
        tags,
        params: SiteParams,
        body: Type.Object({ parentId: Type.Union([ConfigId, Type.Null()]), categoryIds: Type.Array(ConfigId, { minItems: 1, maxItems: 200 }) }, { additionalProperties: false }),
        response: { 200: AdminSetup, ...errorResponses },
      },
    },
    async (request) => {
      const { siteId } = request.params;
      const { parentId, categoryIds } = request.body;
      const setup = await loadAdminSetup(deps.db, siteId);
      if (parentId !== null && !setup.categories.some((c) => c.id === parentId)) throw invalidField('body/parentId', `'${parentId}' is not a category of this site`);
      requireSameMembers('body/categoryIds', categoryIds, setup.categories.filter((c) => c.parentId === parentId).map((c) => c.id));
      await commitConfigChange(deps, request, { siteId, change: 'category.reordered', target: parentId, detail: { categoryIds } }, async (trx) => {
        for (const [index, id] of categoryIds.entries()) await trx.updateTable('categories').set({ sort_order: index }).where('id', '=', id).where('site_id', '=', siteId).execute();
      });
      return loadAdminSetup(deps.db, siteId);
    },
  );
}
