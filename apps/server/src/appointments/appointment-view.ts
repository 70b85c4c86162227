import type { LocalizedText } from '@walkup/domain';
import type { AppointmentRow } from '../db/schema.ts';

export type AppointmentState = 'booked' | 'arrived' | 'cancelled' | 'no_show' | 'late';

/** A booking as the API shows it; personal data only for staff and for the person holding the link. */
export interface AppointmentView {
  id: string;
  siteId: string;
  queueId: string;
  categoryId: string;
  categoryLabel: LocalizedText;
  startsAt: string;
  endsAt: string;
  state: AppointmentState;
  visitId: string | null;
  visitor?: { name: string | null; email: string | null; employeeId: string | null };
}

export function toAppointmentView(row: AppointmentRow, categoryLabel: LocalizedText, withVisitor: boolean): AppointmentView {
  return {
    id: row.id,
    siteId: row.site_id,
    queueId: row.queue_id,
    categoryId: row.category_id,
    categoryLabel,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    state: row.state as AppointmentState,
    visitId: row.visit_id,
    ...(withVisitor ? { visitor: { name: row.visitor_name, email: row.visitor_email, employeeId: row.visitor_employee_id } } : {}),
  };
}
