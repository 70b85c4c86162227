import { isAppointmentNoShow, localDateOf, type DateRange } from '@walkup/domain';
import { loadSiteSetup } from '../queries/sites.ts';
import { commitChange } from '../use-cases/commit-change.ts';
import { findAppointmentSettings, listAppointmentsBetween, listOverdueBookings, updateAppointmentIfState } from './appointment-queries.ts';
import { sendBookingReminder, sendClosureCancellation, type NoticeDeps } from './appointment-notices.ts';
import { cancelAppointment } from './change-appointment.ts';
import type { AppointmentDeps } from './book-appointment.ts';
import type { SsoAvailability } from '../visitor-sso/visitor-identification.ts';

export type AppointmentJobDeps = AppointmentDeps & NoticeDeps & SsoAvailability & { log: { warn: (obj: object, msg: string) => void } };

/** Bookings nobody came for by the end of the grace become appointment no-shows (an event each). */
export async function markAppointmentNoShows(deps: AppointmentJobDeps, siteId: string): Promise<number> {
  const settings = await findAppointmentSettings(deps.db, siteId);
  if (!settings) return 0;
  const now = deps.now();
  const overdue = await listOverdueBookings(deps.db, siteId, now.toISOString());
  let marked = 0;
  for (const row of overdue) {
    if (!isAppointmentNoShow(row.starts_at, now, { lateGraceSeconds: settings.late_grace_seconds })) continue;
    const changed = await commitChange(deps, async (trx, append, at) => {
      // The person may have checked in a moment ago: only a booking still waiting for them changes.
      if (!(await updateAppointmentIfState(trx, row.id, 'booked', { state: 'no_show', place: null, updated_at: at }))) return false;
      await append({ siteId, type: 'appointment.no_show', visitId: null, data: { appointmentId: row.id } });
      return true;
    });
    if (changed) marked++;
  }
  return marked;
}

/** One reminder per booking, the site's chosen time before it; a failed send is tried again next run. */
export async function sendDueReminders(deps: AppointmentJobDeps, siteId: string): Promise<number> {
  const settings = await findAppointmentSettings(deps.db, siteId);
  if (!settings) return 0;
  const now = deps.now();
  const due = await listAppointmentsBetween(deps.db, siteId, now.toISOString(), new Date(now.getTime() + settings.reminder_minutes * 60_000).toISOString());
  const setup = await loadSiteSetup(deps.db, siteId);
  let sent = 0;
  for (const row of due) {
    if (row.state !== 'booked' || row.reminder_sent_at || !row.visitor_email) continue;
    try {
      await sendBookingReminder(deps, setup, row);
      await deps.db.updateTable('appointments').set({ reminder_sent_at: now.toISOString() }).where('id', '=', row.id).execute();
      sent++;
    } catch (err) {
      deps.log.warn({ err, appointmentId: row.id }, 'appointment reminder not sent; tried again at the next run');
    }
  }
  return sent;
}

/** One-time links nobody opened hold a name and an email: they go once expired. */
export async function purgeExpiredRequests(deps: AppointmentJobDeps): Promise<void> {
  await deps.db.deleteFrom('appointment_requests').where('expires_at', '<', deps.now().toISOString()).execute();
  // Remote check-in links too: a name and an email are not kept for a link nobody opened.
  await deps.db.deleteFrom('remote_check_in_requests').where('expires_at', '<', deps.now().toISOString()).execute();
  // And visitors' single sign-on identities, used or not, once their ten minutes are over.
  await deps.db.deleteFrom('visitor_sso_identities').where('expires_at', '<', deps.now().toISOString()).execute();
}

/**
 * A holiday or closure added over booked days cancels those bookings and tells each person. Called
 * by the admin change that adds the closure, after it committed.
 */
export async function cancelBookingsForClosure(deps: AppointmentJobDeps, siteId: string, closure: DateRange): Promise<number> {
  const setup = await loadSiteSetup(deps.db, siteId);
  const now = deps.now();
  const upcoming = await listAppointmentsBetween(deps.db, siteId, now.toISOString(), new Date(now.getTime() + 400 * 86_400_000).toISOString());
  let cancelled = 0;
  for (const row of upcoming) {
    const date = localDateOf(new Date(row.starts_at), setup.site.timeZone);
    if (row.state !== 'booked' || date < closure.from || date > closure.to) continue;
    await cancelAppointment(deps, row.id, 'closure');
    cancelled++;
    try {
      await sendClosureCancellation(deps, setup, { ...row, state: 'cancelled' });
    } catch (err) {
      deps.log.warn({ err, appointmentId: row.id }, 'closure notice not sent');
    }
  }
  return cancelled;
}
