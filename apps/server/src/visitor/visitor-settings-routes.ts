import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf } from '../auth/actor.ts';
import { recordAudit } from '../auth/audit.ts';
import type { Db } from '../db/connection.ts';
import { findSite } from '../queries/sites.ts';
import { siteAdmins } from '../routes/route-roles.ts';
import { Id, errorResponses } from '../routes/schemas.ts';
import { requireIdentificationPossible, type SsoAvailability } from '../visitor-sso/visitor-identification.ts';
import { VisitorIdentificationSetting } from '../visitor-sso/visitor-sso-schemas.ts';
import { findVisitorSettings, saveVisitorSettings } from './visitor-settings.ts';

const fields = {
  stepAwayLimitMinutes: Type.Integer({ minimum: 0, maximum: 240 }),
  rejoinGraceMinutes: Type.Integer({ minimum: 0, maximum: 120 }),
  remoteCheckIn: Type.Boolean({ description: 'Visitors may check in from a link or a QR poster, and are "on the way" until they arrive' }),
  callOnlyArrived: Type.Boolean({ description: 'Call-next steps over visitors on the way (they keep their place); false calls them wherever they are' }),
  remoteNotifyMinutes: Type.Integer({ minimum: 1, maximum: 120, description: 'Visitors on the way are told to come over when their estimated wait falls to this many minutes (their walk), or at the "almost up" place if sooner' }),
  visitorIdentification: VisitorIdentificationSetting,
};
const Settings = Type.Object(
  { ...fields, ssoConfigured: Type.Boolean({ description: 'This server has a single sign-on provider (read only)' }) },
  { additionalProperties: false },
);
// Older clients send only the step-away limit: the other settings then stay as they were.
const SettingsChange = Type.Object(
  {
    stepAwayLimitMinutes: fields.stepAwayLimitMinutes,
    rejoinGraceMinutes: Type.Optional(fields.rejoinGraceMinutes),
    remoteCheckIn: Type.Optional(fields.remoteCheckIn),
    callOnlyArrived: Type.Optional(fields.callOnlyArrived),
    remoteNotifyMinutes: Type.Optional(fields.remoteNotifyMinutes),
    visitorIdentification: Type.Optional(fields.visitorIdentification),
    // What GET answered may be sent back as it is: the read-only flag is ignored.
    ssoConfigured: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

/** Admins set what visitors away from the kiosk may do at each site. */
export async function visitorSettingsRoutes(root: FastifyInstance, deps: { db: Db; now: () => Date } & SsoAvailability): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const params = Type.Object({ siteId: Id });
  const read = async (siteId: string) => ({ ...(await findVisitorSettings(deps.db, siteId)), ssoConfigured: deps.ssoConfigured });

  app.get(
    '/api/admin/sites/:siteId/visitor-settings',
    { config: { roles: siteAdmins }, schema: { summary: 'What visitors away from the kiosk may do at a site', tags: ['admin'], params, response: { 200: Settings, ...errorResponses } } },
    async (request) => {
      await findSite(deps.db, request.params.siteId);
      return read(request.params.siteId);
    },
  );

  app.put(
    '/api/admin/sites/:siteId/visitor-settings',
    {
      config: { roles: siteAdmins },
      schema: {
        summary:
          'Extra time a visitor may ask for per visit ("I need 10 more minutes"), minutes to rejoin after a missed call (0 turns either off), remote check-in, whether only arrived visitors are called, how many minutes before their turn visitors on the way are told to come over, and how visitors identify (email link, company account or either)',
        tags: ['admin'],
        params,
        body: SettingsChange,
        response: { 200: Settings, ...errorResponses },
      },
    },
    async (request) => {
      const { siteId } = request.params;
      await findSite(deps.db, siteId);
      requireIdentificationPossible(request.body.visitorIdentification, deps);
      const at = deps.now().toISOString();
      const current = await findVisitorSettings(deps.db, siteId);
      const { ssoConfigured: _readOnly, ...change } = request.body;
      await saveVisitorSettings(deps.db, siteId, { ...current, ...change }, at);
      const actor = actorOf(request);
      await recordAudit(deps.db, { at, actor: actor.label, action: 'site.visitor_settings_changed', target: siteId, ip: actor.ip, detail: change });
      return read(siteId);
    },
  );
}
