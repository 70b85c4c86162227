/**
 * Request and response shapes the front ends use that @walkup/protocol does not define (yet).
 * Kept apart so they can move into the protocol package without touching callers.
 */
import type { PresenceStatus } from '@walkup/domain';

export type IdentifyRequest = { badgeId: string } | { email: string } | { employeeId: string };

export interface IdentifiedPerson {
  name: string;
  email: string | null;
  employeeId: string | null;
  badgeId: string | null;
}

export interface PresenceRequest {
  siteId: string;
  deskId: string | null;
  status: PresenceStatus;
}

export interface WaitAccuracyPoint {
  visitId: string;
  ticketNumber: string;
  checkedInAt: string;
  /** Null when no technician was on duty at check-in, so no estimate was given. */
  estimatedSeconds: number | null;
  lowSeconds: number | null;
  highSeconds: number | null;
  /** Null while the visitor is still waiting. */
  actualSeconds: number | null;
}

/** GET /api/auth/session: a signed-in console user (with the CSRF token) or a paired device. */
export type SessionView =
  | {
      kind: 'user';
      username: string;
      displayName: string;
      role: 'technician' | 'admin';
      technicianId: string | null;
      siteIds: string[] | 'all';
      csrfToken: string;
    }
  | { kind: 'device'; deviceId: string; name: string; role: 'kiosk' | 'display'; siteId: string };

export interface PairDeviceResponse {
  token: string;
  deviceId: string;
  siteId: string;
  role: 'kiosk' | 'display';
  name: string;
}
