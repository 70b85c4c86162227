import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ConflictError, NotFoundError, serviceDay } from '@walkup/domain';
import { ForbiddenError } from '../auth/auth-errors.ts';
import { canSeeSite } from '../auth/principal.ts';
import { normalisePairingCode } from '../auth/tokens.ts';
import { findSite, loadSiteSetup } from '../queries/sites.ts';
import { ErrorResponse, Id, Uuid, WaitEstimate, errorResponses } from '../routes/schemas.ts';
import { siteAdmins, kioskAndStaff, staff } from '../routes/route-roles.ts';
import { checkInVisitor } from '../use-cases/check-in.ts';
import { findAppointment, findAppointmentByCheckInCode } from './appointment-queries.ts';
import { listDayAppointments } from './appointment-read.ts';
import { AppointmentView, BookedAppointment, Email, IsoInstant, Language, LocalDateString, PersonName } from './appointment-schemas.ts';
import { calendarFileOf, sendBookingConfirmation } from './appointment-notices.ts';
import { readAppointmentSettings, saveAppointmentSettings, AppointmentSettingsBody } from './appointment-settings.ts';
import { bookAppointment } from './book-appointment.ts';
import { cancelAppointment, rescheduleAppointment } from './change-appointment.ts';
import type { AppointmentRouteDeps } from './visitor-appointment-routes.ts';
import { requireIdentificationPossible } from '../visitor-sso/visitor-identification.ts';

const SiteParams = Type.Object({ siteId: Id });
const AppointmentParams = Type.Object({ appointmentId: Uuid });

/** How far around the booked time the kiosk accepts the code: earlier or later is another day's booking. */
const codeWindowBeforeMs = 2 * 3600_000;
const codeWindowAfterMs = 4 * 3600_000;

async function requireVisibleAppointment(deps: AppointmentRouteDeps, request: FastifyRequest, appointmentId: string) {
  const row = await findAppointment(deps.db, appointmentId);
  if (!row) throw new NotFoundError('appointment', appointmentId);
  if (!canSeeSite(request.principal!, row.site_id)) throw new ForbiddenError('other_site', 'this account may not change an appointment of another site');
  return row;
}

export async function staffAppointmentRoutes(root: FastifyInstance, deps: AppointmentRouteDeps): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  app.post(
    '/api/sites/:siteId/appointments',
    {
      config: { roles: staff },
      schema: {
        summary: 'Book on behalf of someone (a technician or manager at the desk or on the phone)',
        tags: ['appointments'],
        params: SiteParams,
        body: Type.Object(
          {
            categoryId: Id,
            startsAt: IsoInstant,
            person: Type.Object({ name: PersonName, email: Type.Optional(Email), employeeId: Type.Optional(Type.String({ minLength: 1, maxLength: 32, pattern: '^[A-Za-z0-9_-]+$' })) }, { additionalProperties: false }),
            language: Language,
          },
          { additionalProperties: false },
        ),
        response: { 201: BookedAppointment, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { siteId } = request.params;
      const booked = await bookAppointment(deps, { siteId, ...request.body, bookedBy: `user:${request.principal!.kind === 'user' ? request.principal!.username : 'device'}` });
      const setup = await loadSiteSetup(deps.db, siteId);
      const row = (await findAppointment(deps.db, booked.appointment.id))!;
      // The booking stands even if the mail server is down; the console shows the code and link.
      await sendBookingConfirmation(deps, setup, row, booked.manageToken).catch((err) => request.log.warn({ err }, 'booking confirmation not sent'));
      return reply.status(201).send({ ...booked, calendarFile: calendarFileOf(setup, row, deps.links.manage(booked.manageToken), 0) });
    },
  );

  app.get(
    '/api/sites/:siteId/appointments',
    {
      config: { roles: staff },
      schema: {
        summary: "A day's appointments (default today): who is expected when, who has arrived",
        tags: ['appointments'],
        params: SiteParams,
        querystring: Type.Object({ day: Type.Optional(LocalDateString) }, { additionalProperties: false }),
        response: { 200: Type.Array(AppointmentView), ...errorResponses },
      },
    },
    async (request) => {
      const site = await findSite(deps.db, request.params.siteId);
      return listDayAppointments(deps, site.id, request.query.day ?? serviceDay(deps.now(), site.timeZone));
    },
  );

  app.post(
    '/api/appointments/:appointmentId/reschedule',
    {
      config: { roles: staff },
      schema: { summary: 'Move a booking', tags: ['appointments'], params: AppointmentParams, body: Type.Object({ startsAt: IsoInstant }, { additionalProperties: false }), response: { 200: AppointmentView, ...errorResponses, 403: ErrorResponse } },
    },
    async (request) => rescheduleAppointment(deps, (await requireVisibleAppointment(deps, request, request.params.appointmentId)).id, request.body.startsAt),
  );

  app.post(
    '/api/appointments/:appointmentId/cancel',
    {
      config: { roles: staff },
      schema: { summary: 'Cancel a booking', tags: ['appointments'], params: AppointmentParams, response: { 200: AppointmentView, ...errorResponses, 403: ErrorResponse } },
    },
    async (request) => cancelAppointment(deps, (await requireVisibleAppointment(deps, request, request.params.appointmentId)).id, 'staff'),
  );

  app.post(
    '/api/sites/:siteId/appointments/check-in',
    {
      config: { roles: kioskAndStaff },
      schema: {
        summary: 'Check in with the code (or QR) of a booking confirmation',
        tags: ['kiosk'],
        params: SiteParams,
        body: Type.Object({ code: Type.String({ minLength: 8, maxLength: 12 }) }, { additionalProperties: false }),
        response: {
          201: Type.Object({
            id: Type.String(),
            ticketNumber: Type.String(),
            queueId: Type.String(),
            position: Type.Integer(),
            estimate: WaitEstimate,
            appointment: Type.Optional(Type.Object({ startsAt: Type.String(), kept: Type.Boolean() })),
          }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const { siteId } = request.params;
      const row = await findAppointmentByCheckInCode(deps.db, normalisePairingCode(request.body.code));
      if (!row || row.site_id !== siteId) throw new NotFoundError('appointment', 'with this code at this site');
      if (row.state !== 'booked') throw new ConflictError('appointment_not_booked', `this appointment is already ${row.state.replace('_', ' ')}`);
      const start = Date.parse(row.starts_at);
      const now = deps.now().getTime();
      if (now < start - codeWindowBeforeMs || now > start + codeWindowAfterMs) {
        throw new ConflictError('not_today', `this appointment is at ${row.starts_at}; check in at most two hours before it`);
      }
      const visitor = row.visitor_email
        ? { kind: 'email' as const, email: row.visitor_email, name: row.visitor_name ?? undefined }
        : { kind: 'employee_id' as const, employeeId: row.visitor_employee_id!, name: row.visitor_name ?? undefined };
      const principal = request.principal!;
      const kioskDeviceId = principal.kind === 'device' ? principal.deviceId : undefined;
      return reply.status(201).send(await checkInVisitor(deps, { siteId, categoryId: row.category_id, visitor, appointment: row, kioskDeviceId }));
    },
  );

  app.get(
    '/api/admin/sites/:siteId/appointment-settings',
    {
      config: { roles: siteAdmins },
      schema: { summary: 'Booking rules of a site and appointments per hour of each queue', tags: ['admin'], params: SiteParams, response: { 200: AppointmentSettingsBody, ...errorResponses } },
    },
    async (request) => readAppointmentSettings(deps.db, request.params.siteId),
  );

  app.put(
    '/api/admin/sites/:siteId/appointment-settings',
    {
      config: { roles: siteAdmins },
      schema: { summary: 'Turn booking on or off and set its rules', tags: ['admin'], params: SiteParams, body: AppointmentSettingsBody, response: { 200: AppointmentSettingsBody, ...errorResponses } },
    },
    async (request) => {
      requireIdentificationPossible(request.body.visitorIdentification, deps);
      return saveAppointmentSettings(deps.db, request.params.siteId, request.body, deps.now().toISOString());
    },
  );
}
