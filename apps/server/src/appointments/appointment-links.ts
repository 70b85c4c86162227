/** Addresses of the visitor pages that booking and remote check-in messages link to, under the public URL. */
export interface AppointmentLinks {
  booking(siteId: string): string;
  manage(token: string): string;
  confirm(token: string): string;
  /** The remote check-in page of a site (the QR poster's target). */
  checkIn(siteId: string): string;
  /** The one-time link that confirms a remote check-in. */
  confirmCheckIn(token: string): string;
}

export function appointmentLinks(publicUrl: string): AppointmentLinks {
  const base = `${publicUrl.replace(/\/+$/, '')}/visitor/`;
  return {
    booking: (siteId) => `${base}?book=${encodeURIComponent(siteId)}`,
    manage: (token) => `${base}?appointment=${encodeURIComponent(token)}`,
    confirm: (token) => `${base}?confirm=${encodeURIComponent(token)}`,
    checkIn: (siteId) => `${base}?checkin=${encodeURIComponent(siteId)}`,
    confirmCheckIn: (token) => `${base}?checkin-link=${encodeURIComponent(token)}`,
  };
}
