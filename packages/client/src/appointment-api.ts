import { readError } from './api-client.ts';

/** How a visitor page may identify the person: the emailed one-time link, the company's single sign-on, or both. */
export interface IdentificationWays {
  email: boolean;
  sso: boolean;
}

/** The page a visitor signs in from: single sign-on comes back to it, and the sign-in serves it only. */
export type VisitorSsoPurpose = 'check-in' | 'booking';

/** Who the company's single sign-on says the visitor is (GET /api/visitor-sso/identity); not editable. */
export interface VisitorSsoIdentity {
  name: string;
  email: string | null;
  employeeId: string | null;
  expiresAt: string;
}

/** The booking page's view of a site (GET /api/sites/:siteId/booking-options). */
export interface BookingOptions {
  siteId: string;
  name: string;
  timeZone: string;
  defaultLanguage: string;
  languages: string[];
  bookAheadDays: number;
  categories: { id: string; parentId: string | null; label: Record<string, string>; icon: string; bookable: boolean }[];
  identification: IdentificationWays;
}

export interface AppointmentSlot {
  startsAt: string;
  endsAt: string;
  /** Places left; 0 is a full slot (shown, not selectable). */
  free: number;
}

export type AppointmentState = 'booked' | 'arrived' | 'cancelled' | 'no_show' | 'late';

export interface AppointmentView {
  id: string;
  siteId: string;
  queueId: string;
  categoryId: string;
  categoryLabel: Record<string, string>;
  startsAt: string;
  endsAt: string;
  state: AppointmentState;
  visitId: string | null;
  visitor?: { name: string | null; email: string | null; employeeId: string | null };
}

export interface BookedAppointment {
  appointment: AppointmentView;
  manageToken: string;
  checkInCode: string;
  calendarFile: string;
}

export interface BookingRequest {
  categoryId: string;
  startsAt: string;
  name: string;
  email: string;
  language: string;
}

/** Staff booking on behalf of someone: an email or an employee id to find them on the day. */
export interface StaffBookingRequest {
  categoryId: string;
  startsAt: string;
  person: { name: string; email?: string; employeeId?: string };
  language: string;
}

/** What a visitor away from the kiosk may check in for (GET /api/sites/:siteId/remote-check-in). */
export interface RemoteCheckInOptions {
  siteId: string;
  name: string;
  defaultLanguage: string;
  languages: string[];
  categories: { id: string; parentId: string | null; label: Record<string, string>; icon: string; leaf: boolean }[];
  identification: IdentificationWays;
}

export interface RemoteCheckInRequest {
  categoryId: string;
  name: string;
  email: string;
  language: string;
}

/** A site's booking rules (PUT /api/admin/sites/:siteId/appointment-settings). */
export interface AppointmentSettings {
  enabled: boolean;
  bookAheadDays: number;
  cutoffMinutes: number;
  lateGraceMinutes: number;
  maxAdvanceMinutes: number;
  reminderMinutes: number;
  /** When a booking's ITSM ticket is created: when it is confirmed, or when the person arrives. */
  itsmTicketAt?: 'booking' | 'arrival';
  perHour: Record<string, number>;
  /** How visitors identify for self-booking and remote check-in (one site setting, also in the visitor settings). */
  visitorIdentification?: 'email' | 'sso' | 'sso_or_email';
}

/**
 * The anonymous booking and remote check-in API of the phone page: no account; a one-time link proves
 * the email address, and the manage token of the confirmation moves or cancels the booking.
 */
export function createAppointmentApi(options: { baseUrl?: string; fetch?: typeof fetch } = {}) {
  const fetchImpl = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  const baseUrl = options.baseUrl ?? '';

  async function request<T>(method: 'GET' | 'POST' | 'DELETE', url: string, body?: unknown): Promise<T> {
    const response = await fetchImpl(`${baseUrl}/api/${url}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw await readError(response);
    return (response.status === 204 ? null : await response.json()) as T;
  }
  const site = (siteId: string) => `sites/${encodeURIComponent(siteId)}`;

  return {
    bookingOptions: (siteId: string) => request<BookingOptions>('GET', `${site(siteId)}/booking-options`),
    slots: (siteId: string, categoryId: string, from: string, to = from) =>
      request<AppointmentSlot[]>('GET', `${site(siteId)}/appointment-slots?${new URLSearchParams({ categoryId, from, to })}`),
    requestBooking: (siteId: string, body: BookingRequest) => request<{ sentTo: string; expiresAt: string }>('POST', `${site(siteId)}/appointment-requests`, body),
    confirm: (token: string) => request<BookedAppointment>('POST', 'appointments/confirm', { token }),
    byLink: (token: string) => request<AppointmentView>('GET', `appointments/by-link?${new URLSearchParams({ token })}`),
    reschedule: (token: string, startsAt: string) => request<AppointmentView>('POST', 'appointments/by-link/reschedule', { token, startsAt }),
    cancel: (token: string) => request<AppointmentView>('POST', 'appointments/by-link/cancel', { token }),
    remoteCheckInOptions: (siteId: string) => request<RemoteCheckInOptions>('GET', `${site(siteId)}/remote-check-in`),
    requestRemoteCheckIn: (siteId: string, body: RemoteCheckInRequest) => request<{ sentTo: string; expiresAt: string }>('POST', `${site(siteId)}/remote-check-ins`, body),
    confirmRemoteCheckIn: (token: string) => request<{ visitorLink: string; ticketNumber: string }>('POST', 'remote-check-ins/confirm', { token }),
    /** A navigation, not a fetch: the browser goes to the provider and comes back to the page. */
    visitorSsoStartUrl: (siteId: string, purpose: VisitorSsoPurpose) => `${baseUrl}/api/visitor-sso/start?${new URLSearchParams({ siteId, purpose })}`,
    visitorSsoIdentity: (siteId: string, purpose: VisitorSsoPurpose) => request<VisitorSsoIdentity>('GET', `visitor-sso/identity?${new URLSearchParams({ siteId, purpose })}`),
    forgetVisitorSso: () => request<null>('DELETE', 'visitor-sso/identity'),
    checkInWithSso: (body: { siteId: string; categoryId: string; language: string }) => request<{ visitorLink: string; ticketNumber: string }>('POST', 'visitor-sso/check-ins', body),
    bookWithSso: (body: { siteId: string; categoryId: string; startsAt: string; language: string }) => request<BookedAppointment>('POST', 'visitor-sso/bookings', body),
    calendarUrl: (token: string) => `${baseUrl}/api/appointments/by-link/calendar?${new URLSearchParams({ token })}`,
  };
}

export type AppointmentApi = ReturnType<typeof createAppointmentApi>;
