import { Type, type Static } from 'typebox';
import { InvalidInputError } from '@walkup/domain';
import type { Db } from '../db/connection.ts';
import { loadSiteSetup } from '../queries/sites.ts';
import { findVisitorSettings, saveVisitorSettings } from '../visitor/visitor-settings.ts';
import { VisitorIdentificationSetting } from '../visitor-sso/visitor-sso-schemas.ts';

export const AppointmentSettingsBody = Type.Object(
  {
    enabled: Type.Boolean(),
    bookAheadDays: Type.Integer({ minimum: 0, maximum: 365 }),
    cutoffMinutes: Type.Integer({ minimum: 0, maximum: 10_080 }),
    lateGraceMinutes: Type.Integer({ minimum: 0, maximum: 120 }),
    maxAdvanceMinutes: Type.Integer({ minimum: 0, maximum: 240 }),
    reminderMinutes: Type.Integer({ minimum: 0, maximum: 10_080 }),
    itsmTicketAt: Type.Optional(
      Type.Union([Type.Literal('booking'), Type.Literal('arrival')], {
        description: "When a booking's ITSM ticket is created: when it is confirmed, or when the person arrives (default)",
      }),
    ),
    perHour: Type.Record(Type.String(), Type.Integer({ minimum: 0, maximum: 60 }), { description: 'Appointments each hour offers, by queue id' }),
    // One setting with remote check-in's (site_visitor_settings): shown and saved from both forms.
    visitorIdentification: Type.Optional(VisitorIdentificationSetting),
  },
  { additionalProperties: false },
);
export type AppointmentSettingsBody = Static<typeof AppointmentSettingsBody>;

const defaults = { book_ahead_days: 14, cutoff_minutes: 60, late_grace_seconds: 600, max_advance_seconds: 1800, reminder_minutes: 60, itsm_ticket_at: 'arrival' };

export async function readAppointmentSettings(db: Db, siteId: string): Promise<AppointmentSettingsBody> {
  const setup = await loadSiteSetup(db, siteId);
  const row = (await db.selectFrom('appointment_settings').selectAll().where('site_id', '=', siteId).executeTakeFirst()) ?? null;
  const capacity = await db.selectFrom('appointment_capacity').selectAll().where('queue_id', 'in', setup.queues.length ? setup.queues.map((q) => q.id) : ['']).execute();
  const s = row ?? defaults;
  return {
    enabled: row !== null,
    bookAheadDays: s.book_ahead_days,
    cutoffMinutes: s.cutoff_minutes,
    lateGraceMinutes: Math.round(s.late_grace_seconds / 60),
    maxAdvanceMinutes: Math.round(s.max_advance_seconds / 60),
    reminderMinutes: s.reminder_minutes,
    itsmTicketAt: s.itsm_ticket_at === 'booking' ? 'booking' : 'arrival',
    perHour: Object.fromEntries(setup.queues.map((q) => [q.id, capacity.find((c) => c.queue_id === q.id)?.per_hour ?? 0])),
    visitorIdentification: (await findVisitorSettings(db, siteId)).visitorIdentification,
  };
}

/** Saves the rules in one transaction; a queue of another site is refused, naming it. */
export async function saveAppointmentSettings(db: Db, siteId: string, body: AppointmentSettingsBody, at: string): Promise<AppointmentSettingsBody> {
  const setup = await loadSiteSetup(db, siteId);
  const unknown = Object.keys(body.perHour).filter((queueId) => !setup.queues.some((q) => q.id === queueId));
  if (unknown.length > 0) throw new InvalidInputError('unknown_queue', `perHour.${unknown[0]}: no such queue at ${setup.site.name}`);
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('appointment_settings').where('site_id', '=', siteId).execute();
    if (body.enabled) {
      await trx
        .insertInto('appointment_settings')
        .values({
          site_id: siteId,
          book_ahead_days: body.bookAheadDays,
          cutoff_minutes: body.cutoffMinutes,
          late_grace_seconds: body.lateGraceMinutes * 60,
          max_advance_seconds: body.maxAdvanceMinutes * 60,
          reminder_minutes: body.reminderMinutes,
          itsm_ticket_at: body.itsmTicketAt ?? 'arrival',
        })
        .execute();
    }
    for (const [queueId, perHour] of Object.entries(body.perHour)) {
      await trx.deleteFrom('appointment_capacity').where('queue_id', '=', queueId).execute();
      await trx.insertInto('appointment_capacity').values({ queue_id: queueId, per_hour: perHour }).execute();
    }
    if (body.visitorIdentification) await saveVisitorSettings(trx, siteId, { ...(await findVisitorSettings(trx, siteId)), visitorIdentification: body.visitorIdentification }, at);
  });
  return readAppointmentSettings(db, siteId);
}
