import { createAppointmentApi } from '@walkup/client';

/** One client for the appointment pages; same origin as the page. */
export const appointmentApi = createAppointmentApi();

/** Every failure in words: the server's own message, or the network's. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
