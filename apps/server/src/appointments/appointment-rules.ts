import { ConflictError, InvalidInputError, NotFoundError, type DateRange, type SlotRules } from '@walkup/domain';
import type { Db } from '../db/connection.ts';
import type { AppointmentSettingsTable } from '../db/schema.ts';
import { loadSiteSetup, type CategorySettings, type SiteSetup } from '../queries/sites.ts';
import { findAppointmentSettings, findQueueCapacity } from './appointment-queries.ts';

export interface BookingContext {
  setup: SiteSetup;
  settings: AppointmentSettingsTable;
  category: CategorySettings;
  queueId: string;
  rules: SlotRules;
  /** Technicians able to serve the queue: appointments at one time never outnumber them. */
  technicianCount: number;
}

/** Holidays and one-off closures of a site, when the deployment keeps them (admin configuration). */
export type ClosuresOf = (db: Db, siteId: string) => Promise<DateRange[]>;

export const noClosures: ClosuresOf = async () => [];

/** Everything booking one category at a site depends on, or a 4xx saying why it cannot be booked. */
export async function loadBookingContext(db: Db, siteId: string, categoryId: string, closuresOf: ClosuresOf): Promise<BookingContext> {
  const setup = await loadSiteSetup(db, siteId);
  const settings = await findAppointmentSettings(db, siteId);
  if (!settings) throw new ConflictError('appointments_off', `${setup.site.name} does not take appointments`);
  const category = setup.categories.find((c) => c.id === categoryId);
  if (!category) throw new NotFoundError('category', categoryId);
  if (!category.queueId) throw new InvalidInputError('category_not_leaf', `category '${category.id}' has sub-choices; pick one of them`);
  const perHour = await findQueueCapacity(db, category.queueId);
  if (perHour <= 0) throw new ConflictError('appointments_off', `appointments are not offered for '${category.label[setup.site.defaultLanguage] ?? category.id}'`);
  const lengthRow = await db.selectFrom('categories').select('appointment_minutes').where('id', '=', category.id).executeTakeFirstOrThrow();
  const slotMinutes = lengthRow.appointment_minutes ?? Math.max(5, Math.ceil(category.expectedServiceSeconds / 60));
  return {
    setup,
    settings,
    category,
    queueId: category.queueId,
    technicianCount: setup.technicians.filter((t) => t.queueIds.includes(category.queueId!)).length,
    rules: {
      timeZone: setup.site.timeZone,
      openingHours: setup.site.openingHours,
      closures: await closuresOf(db, siteId),
      perHour,
      slotMinutes,
      bookAheadDays: settings.book_ahead_days,
      cutoffMinutes: settings.cutoff_minutes,
    },
  };
}
