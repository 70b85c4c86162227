import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ConflictError, NotFoundError } from '@walkup/domain';
import { errorResponses } from '../routes/schemas.ts';
import { adminOnly, siteAdmins } from '../routes/route-roles.ts';
import { canSeeSite } from '../auth/principal.ts';
import { ForbiddenError } from '../auth/auth-errors.ts';
import type { UseCaseDeps } from '../use-cases/deps.ts';
import { idTaken, loadAdminSetup } from './admin-setup.ts';
import { commitConfigChange } from './config-change.ts';
import { requireLanguages, requireTimeZone } from './config-rules.ts';
import { AdminSetup, AdminSite, ConfigId, LanguageCode, SiteParams } from './config-schemas.ts';
import { withSiteConfigTables } from './site-config-schema.ts';

const SiteFields = {
  name: Type.String({ minLength: 1, maxLength: 80 }),
  timeZone: Type.String({ minLength: 1, maxLength: 64 }),
  languages: Type.Array(LanguageCode, { minItems: 1, maxItems: 10 }),
  defaultLanguage: LanguageCode,
};

/** Sites: list (archived too), create, rename, time zone and languages, archive. */
export async function siteAdminRoutes(root: FastifyInstance, deps: UseCaseDeps): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['admin'];

  app.get(
    '/api/admin/sites',
    { config: { roles: siteAdmins }, schema: { summary: 'Every site the caller configures (a site admin: theirs), archived ones included', tags, response: { 200: Type.Array(AdminSite) } } },
    async (request) => {
      const rows = await withSiteConfigTables(deps.db).selectFrom('sites').selectAll().orderBy('name').execute();
      return rows.filter((r) => canSeeSite(request.principal!, r.id)).map((r) => ({ id: r.id, name: r.name, timeZone: r.time_zone, defaultLanguage: r.default_language, languages: JSON.parse(r.languages) as string[], archived: r.archived_at !== null }));
    },
  );

  app.post(
    '/api/admin/sites',
    {
      config: { roles: adminOnly },
      schema: {
        summary: 'Create a site (closed until it has opening hours, queues and categories)',
        tags,
        body: Type.Object({ id: ConfigId, ...SiteFields }, { additionalProperties: false }),
        response: { 201: AdminSetup, ...errorResponses },
      },
    },
    async (request, reply) => {
      const body = request.body;
      requireTimeZone('body/timeZone', body.timeZone);
      requireLanguages('body', body.languages, body.defaultLanguage);
      if (await idTaken(deps.db, 'sites', body.id)) throw new ConflictError('id_taken', `body/id: a site '${body.id}' exists already`);
      await commitConfigChange(deps, request, { siteId: body.id, change: 'site.created', target: body.id, detail: { name: body.name } }, async (trx) => {
        await trx
          .insertInto('sites')
          .values({
            id: body.id,
            name: body.name,
            time_zone: body.timeZone,
            default_language: body.defaultLanguage,
            languages: JSON.stringify(body.languages),
            opening_hours: '{}',
            show_names_on_display: 0,
            no_show_grace_seconds: 120,
            escalation_groups: '[]',
            event_seq: 0,
            itsm_connection: null,
            retention_days: null,
            welcome_text: null,
            logo_url: null,
            check_in_cutoff_minutes: 0,
            archived_at: null,
          })
          .execute();
      });
      return reply.status(201).send(await loadAdminSetup(deps.db, body.id));
    },
  );

  app.get(
    '/api/admin/sites/:siteId/setup',
    { config: { roles: siteAdmins }, schema: { summary: 'A site’s whole configuration as admins edit it', tags, params: SiteParams, response: { 200: AdminSetup, ...errorResponses } } },
    async (request) => loadAdminSetup(deps.db, request.params.siteId),
  );

  app.patch(
    '/api/admin/sites/:siteId',
    {
      config: { roles: siteAdmins },
      schema: {
        summary: 'Rename a site, change its time zone or languages, archive or restore it',
        tags,
        params: SiteParams,
        body: Type.Object(
          { name: Type.Optional(SiteFields.name), timeZone: Type.Optional(SiteFields.timeZone), languages: Type.Optional(SiteFields.languages), defaultLanguage: Type.Optional(LanguageCode), archived: Type.Optional(Type.Boolean()) },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: AdminSetup, ...errorResponses },
      },
    },
    async (request) => {
      const { siteId } = request.params;
      const body = request.body;
      // Closing a whole tech bar for good is the company's call, not its lead's.
      if (body.archived !== undefined && request.principal?.role !== 'admin') throw new ForbiddenError('admins_only', 'only an admin archives or restores a site');
      const current = await loadAdminSetup(deps.db, siteId);
      if (body.timeZone !== undefined) requireTimeZone('body/timeZone', body.timeZone);
      const languages = body.languages ?? current.site.languages;
      requireLanguages('body', languages, body.defaultLanguage ?? current.site.defaultLanguage);
      if (body.archived && current.queues.some((q) => q.waitingCount > 0)) {
        throw new ConflictError('site_has_visitors', `${current.site.name} still has visitors waiting: serve or cancel them before archiving the site`);
      }
      await commitConfigChange(deps, request, { siteId, change: body.archived === undefined ? 'site.changed' : body.archived ? 'site.archived' : 'site.restored', target: siteId, detail: body }, async (trx, at) => {
        const updated = await trx
          .updateTable('sites')
          .set({
            ...(body.name !== undefined ? { name: body.name } : {}),
            ...(body.timeZone !== undefined ? { time_zone: body.timeZone } : {}),
            ...(body.languages !== undefined ? { languages: JSON.stringify(body.languages) } : {}),
            ...(body.defaultLanguage !== undefined ? { default_language: body.defaultLanguage } : {}),
            ...(body.archived !== undefined ? { archived_at: body.archived ? at : null } : {}),
          })
          .where('id', '=', siteId)
          .executeTakeFirst();
        if (updated.numUpdatedRows === 0n) throw new NotFoundError('site', siteId);
      });
      return loadAdminSetup(deps.db, siteId);
    },
  );
}
