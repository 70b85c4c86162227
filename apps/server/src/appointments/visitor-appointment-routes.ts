import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { loadSiteSetup } from '../queries/sites.ts';
import { ErrorResponse, Id, Localized, errorResponses } from '../routes/schemas.ts';
import { anyone } from '../routes/route-roles.ts';
import { findAppointmentSettings, findQueueCapacity } from './appointment-queries.ts';
import { listFreeSlots, requireAppointmentByToken, viewAppointment } from './appointment-read.ts';
import { AppointmentView, BookedAppointment, Email, IsoInstant, Language, PersonName, Slot, SlotQuery } from './appointment-schemas.ts';
import { calendarFileOf, type NoticeDeps } from './appointment-notices.ts';
import { confirmBooking, requestBooking } from './booking-requests.ts';
import type { AppointmentDeps, BookedAppointment as BookedAppointmentResult } from './book-appointment.ts';
import { cancelAppointment, rescheduleAppointment } from './change-appointment.ts';
import { ConflictError } from '@walkup/domain';
import { findIdentificationWays, type SsoAvailability } from '../visitor-sso/visitor-identification.ts';
import { IdentificationWays } from '../visitor-sso/visitor-sso-schemas.ts';

const SiteParams = Type.Object({ siteId: Id });
const Token = Type.String({ minLength: 20, maxLength: 100 });
// Anonymous routes: a person books from a link or a poster without an account. Limits per IP keep
// them from being used to flood mailboxes or to scrape the calendar.
const perIp = (max: number) => ({ max, timeWindow: 60_000, keyGenerator: (request: { ip: string }) => request.ip });

export type AppointmentRouteDeps = AppointmentDeps & NoticeDeps & SsoAvailability;

/** A new booking as the visitor's page shows it: with its calendar file, to add it at once. */
export async function withCalendarFile(deps: AppointmentRouteDeps, booked: BookedAppointmentResult) {
  const setup = await loadSiteSetup(deps.db, booked.appointment.siteId);
  const row = await requireAppointmentByToken(deps, booked.manageToken);
  return { ...booked, calendarFile: calendarFileOf(setup, row, deps.links.manage(booked.manageToken), 0) };
}

export async function visitorAppointmentRoutes(root: FastifyInstance, deps: AppointmentRouteDeps): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/sites/:siteId/booking-options',
    {
      config: { roles: anyone, rateLimit: perIp(60) },
      schema: {
        summary: 'What can be booked at a site: its reasons (the category tree) and their appointment length',
        tags: ['appointments'],
        params: SiteParams,
        response: {
          200: Type.Object({
            siteId: Type.String(),
            name: Type.String(),
            timeZone: Type.String(),
            defaultLanguage: Type.String(),
            languages: Type.Array(Type.String()),
            bookAheadDays: Type.Integer(),
            categories: Type.Array(Type.Object({ id: Type.String(), parentId: Type.Union([Type.String(), Type.Null()]), label: Localized, icon: Type.String(), bookable: Type.Boolean() })),
            identification: IdentificationWays,
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const setup = await loadSiteSetup(deps.db, request.params.siteId);
      const settings = await findAppointmentSettings(deps.db, setup.site.id);
      if (!settings) throw new ConflictError('appointments_off', `${setup.site.name} does not take appointments`);
      const bookableQueues = new Set<string>();
      for (const queue of setup.queues) if ((await findQueueCapacity(deps.db, queue.id)) > 0) bookableQueues.add(queue.id);
      return {
        siteId: setup.site.id,
        name: setup.site.name,
        timeZone: setup.site.timeZone,
        defaultLanguage: setup.site.defaultLanguage,
        languages: setup.site.languages,
        bookAheadDays: settings.book_ahead_days,
        categories: setup.categories.map((c) => ({ id: c.id, parentId: c.parentId, label: c.label, icon: c.icon, bookable: c.queueId !== null && bookableQueues.has(c.queueId) })),
        identification: await findIdentificationWays(deps.db, deps, setup.site.id),
      };
    },
  );

  app.get(
    '/api/sites/:siteId/appointment-slots',
    {
      config: { roles: anyone, rateLimit: perIp(60) },
      schema: {
        summary: 'Appointment slots of one reason between two local dates, with the places left',
        tags: ['appointments'],
        params: SiteParams,
        querystring: SlotQuery,
        response: { 200: Type.Array(Slot), ...errorResponses },
      },
    },
    async (request) => listFreeSlots(deps, request.params.siteId, request.query.categoryId, request.query.from, request.query.to),
  );

  app.post(
    '/api/sites/:siteId/appointment-requests',
    {
      config: { roles: anyone, csrf: false, rateLimit: perIp(5) },
      schema: {
        summary: 'Ask for a slot: a one-time link is emailed, and opening it books the slot',
        tags: ['appointments'],
        params: SiteParams,
        body: Type.Object({ categoryId: Id, startsAt: IsoInstant, name: PersonName, email: Email, language: Language }, { additionalProperties: false }),
        response: { 202: Type.Object({ sentTo: Type.String(), expiresAt: Type.String() }), ...errorResponses },
      },
    },
    async (request, reply) => reply.status(202).send(await requestBooking(deps, { siteId: request.params.siteId, ...request.body })),
  );

  app.post(
    '/api/appointments/confirm',
    {
      config: { roles: anyone, csrf: false, rateLimit: perIp(20) },
      schema: {
        summary: 'Book the slot of an emailed one-time link',
        tags: ['appointments'],
        body: Type.Object({ token: Token }, { additionalProperties: false }),
        response: { 201: BookedAppointment, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await withCalendarFile(deps, await confirmBooking(deps, request.body.token))),
  );

  app.get(
    '/api/appointments/by-link',
    {
      config: { roles: anyone, rateLimit: perIp(60) },
      schema: {
        summary: 'The booking of a manage link (the confirmation email)',
        tags: ['appointments'],
        querystring: Type.Object({ token: Token }, { additionalProperties: false }),
        response: { 200: AppointmentView, 404: ErrorResponse },
      },
    },
    async (request) => viewAppointment(deps, await requireAppointmentByToken(deps, request.query.token), true),
  );

  app.get(
    '/api/appointments/by-link/calendar',
    {
      config: { roles: anyone, rateLimit: perIp(60) },
      schema: { summary: 'The booking as an iCalendar file', tags: ['appointments'], querystring: Type.Object({ token: Token }, { additionalProperties: false }) },
    },
    async (request, reply) => {
      const row = await requireAppointmentByToken(deps, request.query.token);
      const setup = await loadSiteSetup(deps.db, row.site_id);
      const sequence = Math.max(0, Math.round((Date.parse(row.updated_at) - Date.parse(row.created_at)) / 1000));
      return reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', 'attachment; filename="appointment.ics"')
        .send(calendarFileOf(setup, row, deps.links.manage(request.query.token), sequence));
    },
  );

  app.post(
    '/api/appointments/by-link/reschedule',
    {
      config: { roles: anyone, csrf: false, rateLimit: perIp(20) },
      schema: {
        summary: 'Move the booking of a manage link to another free time',
        tags: ['appointments'],
        body: Type.Object({ token: Token, startsAt: IsoInstant }, { additionalProperties: false }),
        response: { 200: AppointmentView, ...errorResponses },
      },
    },
    async (request) => rescheduleAppointment(deps, (await requireAppointmentByToken(deps, request.body.token)).id, request.body.startsAt),
  );

  app.post(
    '/api/appointments/by-link/cancel',
    {
      config: { roles: anyone, csrf: false, rateLimit: perIp(20) },
      schema: {
        summary: 'Cancel the booking of a manage link',
        tags: ['appointments'],
        body: Type.Object({ token: Token }, { additionalProperties: false }),
        response: { 200: AppointmentView, ...errorResponses },
      },
    },
    async (request) => cancelAppointment(deps, (await requireAppointmentByToken(deps, request.body.token)).id, 'visitor'),
  );
}
