import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { NotFoundError } from '@walkup/domain';
import { errorResponses } from '../routes/schemas.ts';
import { siteAdmins } from '../routes/route-roles.ts';
import type { UseCaseDeps } from '../use-cases/deps.ts';
import { loadAdminSetup } from './admin-setup.ts';
import { commitConfigChange } from './config-change.ts';
import { invalidField, requireDate, requireLocalized, requireOpeningHours } from './config-rules.ts';
import { AdminSetup, ConfigId, Day, GroupName, LongLocalizedInput, OpeningHoursInput, SiteParams } from './config-schemas.ts';

export interface SettingsDeps extends UseCaseDeps {
  /** Live views cache whether names may be shown; they must hear about a change. */
  onShowNamesChanged: (siteId: string, showNames: boolean) => void;
}

/** Opening hours, the last check-in, holidays and closures, and the site's settings. */
export async function hoursAdminRoutes(root: FastifyInstance, deps: SettingsDeps): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['admin'];

  app.put(
    '/api/admin/sites/:siteId/opening-hours',
    {
      config: { roles: siteAdmins },
      schema: {
        summary: 'Opening hours per weekday (sun..sat, local HH:MM ranges) and the last check-in before closing',
        tags,
        params: SiteParams,
        body: Type.Object({ openingHours: OpeningHoursInput, checkInCutoffMinutes: Type.Integer({ minimum: 0, maximum: 240 }) }, { additionalProperties: false }),
        response: { 200: AdminSetup, ...errorResponses },
      },
    },
    async (request) => {
      const { siteId } = request.params;
      await loadAdminSetup(deps.db, siteId);
      const hours = requireOpeningHours('body/openingHours', request.body.openingHours);
      await commitConfigChange(deps, request, { siteId, change: 'hours.changed', target: null, detail: request.body }, async (trx) => {
        await trx.updateTable('sites').set({ opening_hours: JSON.stringify(hours), check_in_cutoff_minutes: request.body.checkInCutoffMinutes }).where('id', '=', siteId).execute();
      });
      return loadAdminSetup(deps.db, siteId);
    },
  );

  app.post(
    '/api/admin/sites/:siteId/closures',
    {
      config: { roles: siteAdmins },
      schema: {
        summary: 'Close the site for a holiday or a one-off closure (local dates, both included) with a message for kiosks and displays',
        tags,
        params: SiteParams,
        body: Type.Object({ firstDay: Day, lastDay: Day, message: LongLocalizedInput }, { additionalProperties: false }),
        response: { 201: AdminSetup, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { siteId } = request.params;
      const { firstDay, lastDay, message } = request.body;
      const setup = await loadAdminSetup(deps.db, siteId);
      requireDate('body/firstDay', firstDay);
      requireDate('body/lastDay', lastDay);
      if (lastDay < firstDay) throw invalidField('body/lastDay', `${lastDay} comes before the first day ${firstDay}`);
      requireLocalized('body/message', message, setup.site.languages);
      const id = randomUUID();
      await commitConfigChange(deps, request, { siteId, change: 'closure.added', target: id, detail: { firstDay, lastDay } }, async (trx, at) => {
        await trx.insertInto('site_closures').values({ id, site_id: siteId, first_day: firstDay, last_day: lastDay, message: JSON.stringify(message), created_at: at }).execute();
      });
      return reply.status(201).send(await loadAdminSetup(deps.db, siteId));
    },
  );

  app.delete(
    '/api/admin/sites/:siteId/closures/:closureId',
    {
      config: { roles: siteAdmins },
      schema: { summary: 'Remove a closure (the site opens on its weekly hours again)', tags, params: Type.Object({ siteId: ConfigId, closureId: Type.String({ format: 'uuid' }) }), response: { 200: AdminSetup, ...errorResponses } },
    },
    async (request) => {
      const { siteId, closureId } = request.params;
      await commitConfigChange(deps, request, { siteId, change: 'closure.removed', target: closureId }, async (trx) => {
        const removed = await trx.deleteFrom('site_closures').where('id', '=', closureId).where('site_id', '=', siteId).executeTakeFirst();
        if (removed.numDeletedRows === 0n) throw new NotFoundError('closure', closureId);
      });
      return loadAdminSetup(deps.db, siteId);
    },
  );

  app.patch(
    '/api/admin/sites/:siteId/settings',
    {
      config: { roles: siteAdmins },
      schema: {
        summary: 'No-show grace period, escalation groups, names on displays, retention, the kiosk’s welcome text and logo',
        tags,
        params: SiteParams,
        body: Type.Object(
          {
            noShowGraceSeconds: Type.Optional(Type.Integer({ minimum: 0, maximum: 3600 })),
            escalationGroups: Type.Optional(Type.Array(GroupName, { maxItems: 50, uniqueItems: true })),
            showNamesOnDisplay: Type.Optional(Type.Boolean()),
            retentionDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })),
            welcomeText: Type.Optional(Type.Union([LongLocalizedInput, Type.Null()])),
            logoUrl: Type.Optional(Type.Union([Type.String({ maxLength: 500, pattern: '^(https://|/)[^\\s<>"]*$' }), Type.Null()])),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: AdminSetup, ...errorResponses },
      },
    },
    async (request) => {
      const { siteId } = request.params;
      const body = request.body;
      const setup = await loadAdminSetup(deps.db, siteId);
      if (body.welcomeText) requireLocalized('body/welcomeText', body.welcomeText, setup.site.languages);
      await commitConfigChange(deps, request, { siteId, change: 'settings.changed', target: null, detail: body }, async (trx) => {
        await trx
          .updateTable('sites')
          .set({
            ...(body.noShowGraceSeconds !== undefined ? { no_show_grace_seconds: body.noShowGraceSeconds } : {}),
            ...(body.escalationGroups !== undefined ? { escalation_groups: JSON.stringify(body.escalationGroups) } : {}),
            ...(body.showNamesOnDisplay !== undefined ? { show_names_on_display: body.showNamesOnDisplay ? 1 : 0 } : {}),
            ...(body.retentionDays !== undefined ? { retention_days: body.retentionDays } : {}),
            ...(body.welcomeText !== undefined ? { welcome_text: body.welcomeText === null ? null : JSON.stringify(body.welcomeText) } : {}),
            ...(body.logoUrl !== undefined ? { logo_url: body.logoUrl } : {}),
          })
          .where('id', '=', siteId)
          .execute();
      });
      if (body.showNamesOnDisplay !== undefined) deps.onShowNamesChanged(siteId, body.showNamesOnDisplay);
      return loadAdminSetup(deps.db, siteId);
    },
  );
}
