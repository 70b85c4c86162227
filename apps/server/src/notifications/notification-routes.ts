import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf } from '../auth/actor.ts';
import { recordAudit } from '../auth/audit.ts';
import type { Db } from '../db/connection.ts';
import { NotFoundError } from '@walkup/domain';
import { findSite } from '../queries/sites.ts';
import { siteAdmins, anyone } from '../routes/route-roles.ts';
import { ErrorResponse, Id, errorResponses } from '../routes/schemas.ts';
import { resolveActiveVisitorToken, resolveVisitorToken } from '../visitor/visitor-access.ts';
import { VisitorTokenHeaders } from '../visitor/visitor-schemas.ts';
import { ensurePreferences, findNotifyAtPosition, findPreferencesByOptOutToken, savePushSubscription, saveNotifyAtPosition, setOptedOut } from './notification-store.ts';

export interface NotificationRouteDeps {
  db: Db;
  now: () => Date;
  /** Null when web push is not configured (production without VAPID keys). */
  vapidPublicKey: string | null;
  emailEnabled: boolean;
}

const Status = Type.Object({
  optedOut: Type.Boolean(),
  email: Type.Boolean({ description: 'An email will be sent (an address was given and SMTP is configured)' }),
  push: Type.Boolean({ description: 'This visit has a push subscription' }),
  vapidPublicKey: Type.Union([Type.String(), Type.Null()]),
});
const PushSubscription = Type.Object(
  {
    endpoint: Type.String({ format: 'uri', pattern: '^https://', maxLength: 2048 }),
    expirationTime: Type.Optional(Type.Union([Type.Number(), Type.Null()])),
    keys: Type.Object({ p256dh: Type.String({ minLength: 16, maxLength: 200, pattern: '^[A-Za-z0-9_-]+=*$' }), auth: Type.String({ minLength: 8, maxLength: 64, pattern: '^[A-Za-z0-9_-]+=*$' }) }, { additionalProperties: false }),
  },
  { additionalProperties: false },
);
const OptOutToken = Type.Object({ token: Type.String({ minLength: 16, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' }) });

/** The visitor's notification choices (phone page, email link) and the site's "notify at N" setting. */
export async function notificationRoutes(root: FastifyInstance, deps: NotificationRouteDeps): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const visitor = { roles: anyone, csrf: false };

  async function status(visitId: string, siteId: string) {
    const preferences = await ensurePreferences(deps.db, { visitId, siteId }, deps.now().toISOString());
    const visit = await deps.db.selectFrom('visits').select('visitor_email').where('id', '=', visitId).executeTakeFirstOrThrow();
    return { optedOut: preferences.opted_out === 1, email: deps.emailEnabled && Boolean(visit.visitor_email), push: preferences.push_subscription !== null, vapidPublicKey: deps.vapidPublicKey };
  }

  app.get(
    '/api/visitor/notifications',
    { config: visitor, schema: { summary: 'This visit’s notification choices', tags: ['visitor'], headers: VisitorTokenHeaders, response: { 200: Status, ...errorResponses } } },
    async (request) => {
      const link = await resolveVisitorToken(deps.db, request.headers['x-visit-token']);
      return status(link.visitId, link.siteId);
    },
  );

  app.put(
    '/api/visitor/notifications/push',
    {
      config: visitor,
      schema: { summary: '"Notify me": keep this phone’s push subscription for this visit', tags: ['visitor'], headers: VisitorTokenHeaders, body: PushSubscription, response: { 200: Status, ...errorResponses, 410: ErrorResponse } },
    },
    async (request) => {
      const link = await resolveActiveVisitorToken(deps.db, request.headers['x-visit-token']);
      const at = deps.now().toISOString();
      await ensurePreferences(deps.db, link, at);
      const { endpoint, keys } = request.body;
      await savePushSubscription(deps.db, link.visitId, { endpoint, keys }, at);
      // Subscribing is asking for notifications: it undoes an earlier opt-out.
      await setOptedOut(deps.db, link.visitId, false, at);
      return status(link.visitId, link.siteId);
    },
  );

  app.put(
    '/api/visitor/notifications/opt-out',
    {
      config: visitor,
      schema: {
        summary: 'One tap: stop (or resume) every notification of this visit',
        tags: ['visitor'],
        headers: VisitorTokenHeaders,
        body: Type.Object({ optedOut: Type.Boolean() }, { additionalProperties: false }),
        response: { 200: Status, ...errorResponses, 410: ErrorResponse },
      },
    },
    async (request) => {
      const link = await resolveActiveVisitorToken(deps.db, request.headers['x-visit-token']);
      const at = deps.now().toISOString();
      await ensurePreferences(deps.db, link, at);
      await setOptedOut(deps.db, link.visitId, request.body.optedOut, at);
      return status(link.visitId, link.siteId);
    },
  );

  // The link in an email: a GET only shows a button (mail scanners follow links), the tap POSTs.
  app.get(
    '/api/notifications/opt-out/:token',
    { config: visitor, schema: { summary: 'Page of the email’s "stop notifications" link', tags: ['visitor'], params: OptOutToken, produces: ['text/html'], response: { 200: Type.String(), ...errorResponses } } },
    async (request, reply) => {
      if (!(await findPreferencesByOptOutToken(deps.db, request.params.token))) throw new NotFoundError('opt_out_link', 'of this email');
      return reply.type('text/html; charset=utf-8').send(optOutPage(request.params.token, false));
    },
  );

  app.post(
    '/api/notifications/opt-out/:token',
    { config: visitor, schema: { summary: 'One tap from the email: stop this visit’s notifications', tags: ['visitor'], params: OptOutToken, produces: ['text/html'], response: { 200: Type.String(), ...errorResponses } } },
    async (request, reply) => {
      const preferences = await findPreferencesByOptOutToken(deps.db, request.params.token);
      if (!preferences) throw new NotFoundError('opt_out_link', 'of this email');
      await setOptedOut(deps.db, preferences.visit_id, true, deps.now().toISOString());
      return reply.type('text/html; charset=utf-8').send(optOutPage(request.params.token, true));
    },
  );

  const params = Type.Object({ siteId: Id });
  const Settings = Type.Object({ notifyAtPosition: Type.Integer({ minimum: 1, maximum: 50, description: 'Send "you are almost up" at this place in line' }) }, { additionalProperties: false });
  app.get(
    '/api/admin/sites/:siteId/notification-settings',
    { config: { roles: siteAdmins }, schema: { summary: 'When visitors are told they are almost up', tags: ['admin'], params, response: { 200: Settings, ...errorResponses } } },
    async (request) => {
      await findSite(deps.db, request.params.siteId);
      return { notifyAtPosition: await findNotifyAtPosition(deps.db, request.params.siteId) };
    },
  );
  app.put(
    '/api/admin/sites/:siteId/notification-settings',
    { config: { roles: siteAdmins }, schema: { summary: 'Set when visitors are told they are almost up', tags: ['admin'], params, body: Settings, response: { 200: Settings, ...errorResponses } } },
    async (request) => {
      await findSite(deps.db, request.params.siteId);
      const at = deps.now().toISOString();
      await saveNotifyAtPosition(deps.db, request.params.siteId, request.body.notifyAtPosition, at);
      const actor = actorOf(request);
      await recordAudit(deps.db, { at, actor: actor.label, action: 'site.notification_settings_changed', target: request.params.siteId, ip: actor.ip, detail: request.body });
      return { notifyAtPosition: request.body.notifyAtPosition };
    },
  );
}

/** FR + EN, no script: works from any mail client's browser. */
function optOutPage(token: string, done: boolean): string {
  const body = done
    ? '<p lang="en">Notifications for this visit are stopped.</p><p lang="fr">Les notifications de cette visite sont arrêtées.</p>'
    : `<form method="post" action="/api/notifications/opt-out/${token}"><button type="submit"><span lang="en">Stop notifications for this visit</span> / <span lang="fr">Arrêter les notifications de cette visite</span></button></form>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>walkup</title></head><body><main>${body}</main></body></html>`;
}
