import type { Db } from '../db/connection.ts';
import type { SeedFile } from '../db/seed-schema.ts';

type SeedSite = SeedFile['sites'][number];

/** The optional `appointments` block of a seeded site: booking on, with its rules and places per hour. */
export async function seedAppointments(trx: Db, site: SeedSite): Promise<void> {
  const settings = site.appointments;
  if (!settings) return;
  const unknown = Object.keys(settings.perHour).find((queueId) => !site.queues.some((q) => q.id === queueId));
  if (unknown) throw new Error(`seed site ${site.id}: appointments.perHour.${unknown} is not one of its queues`);
  await trx
    .insertInto('appointment_settings')
    .values({
      site_id: site.id,
      book_ahead_days: settings.bookAheadDays ?? 14,
      cutoff_minutes: settings.cutoffMinutes ?? 60,
      late_grace_seconds: (settings.lateGraceMinutes ?? 10) * 60,
      max_advance_seconds: (settings.maxAdvanceMinutes ?? 30) * 60,
      reminder_minutes: settings.reminderMinutes ?? 60,
      itsm_ticket_at: 'arrival',
    })
    .execute();
  for (const [queueId, perHour] of Object.entries(settings.perHour)) {
    await trx.insertInto('appointment_capacity').values({ queue_id: queueId, per_hour: perHour }).execute();
  }
}
