import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf } from '../auth/actor.ts';
import { recordAudit } from '../auth/audit.ts';
import type { AuthDeps } from '../auth/auth-deps.ts';
import { withAuthTables } from '../auth/auth-schema.ts';
import { findSite } from '../queries/sites.ts';
import { Id, errorResponses } from '../routes/schemas.ts';
import { adminOnly } from '../routes/route-roles.ts';

export interface SiteSettingsDeps extends AuthDeps {
  defaultRetentionDays: number;
  /** Live views cache whether names may be shown; they must hear about a change. */
  onShowNamesChanged: (siteId: string, showNames: boolean) => void;
}

const Settings = Type.Object({ siteId: Type.String(), showNamesOnDisplay: Type.Boolean(), retentionDays: Type.Integer() });

async function readSettings(deps: SiteSettingsDeps, siteId: string) {
  const site = await findSite(deps.db, siteId);
  const row = await withAuthTables(deps.db).selectFrom('sites').select('retention_days').where('id', '=', siteId).executeTakeFirstOrThrow();
  return { siteId, showNamesOnDisplay: site.showNamesOnDisplay, retentionDays: row.retention_days ?? deps.defaultRetentionDays };
}

export async function siteSettingsRoutes(root: FastifyInstance, deps: SiteSettingsDeps): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const params = Type.Object({ siteId: Id });

  app.get(
    '/api/admin/sites/:siteId/privacy',
    { config: { roles: adminOnly }, schema: { summary: 'Privacy settings of a site', tags: ['admin'], params, response: { 200: Settings, ...errorResponses } } },
    async (request) => readSettings(deps, request.params.siteId),
  );

  app.put(
    '/api/admin/sites/:siteId/privacy',
    {
      config: { roles: adminOnly },
      schema: {
        summary: 'Names on displays (first name + initial) and the retention period of visitors’ personal data',
        tags: ['admin'],
        params,
        body: Type.Object(
          { showNamesOnDisplay: Type.Optional(Type.Boolean()), retentionDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })) },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: Settings, ...errorResponses },
      },
    },
    async (request) => {
      const { siteId } = request.params;
      await findSite(deps.db, siteId);
      const { showNamesOnDisplay, retentionDays } = request.body;
      await withAuthTables(deps.db)
        .updateTable('sites')
        .set({
          ...(showNamesOnDisplay !== undefined ? { show_names_on_display: showNamesOnDisplay ? 1 : 0 } : {}),
          ...(retentionDays !== undefined ? { retention_days: retentionDays } : {}),
        })
        .where('id', '=', siteId)
        .execute();
      if (showNamesOnDisplay !== undefined) deps.onShowNamesChanged(siteId, showNamesOnDisplay);
      const actor = actorOf(request);
      await recordAudit(deps.db, { at: deps.now().toISOString(), actor: actor.label, action: 'site.privacy_changed', target: siteId, ip: actor.ip, detail: request.body });
      return readSettings(deps, siteId);
    },
  );
}
