/**
 * Request and response shapes of the routes beyond the check-in loop (identify, presence, accuracy,
 * sessions, devices, users, audit, privacy, ITSM health), shared by the client and the front ends.
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

/** Circuit breaker of one ITSM connection; `isolated` means an operator switched it off. */
export type ItsmBreakerState = 'closed' | 'open' | 'half_open' | 'isolated';

/** GET /api/itsm/health, one entry per ITSM connection. */
export interface ItsmConnectionHealth {
  name: string;
  vendor: string;
  sites: string[];
  breaker: ItsmBreakerState;
  lastSuccessAt: string | null;
  lastFailureAt: string | null;
  lastError: string | null;
  /** Visits whose ticket is not up to date yet (waiting or retrying). */
  backlog: number;
  deadLetters: number;
  oldestPendingSince: string | null;
}

/** GET /api/itsm/dead-letters: a visit whose ticket the ITSM refused for good (400/403/404/409/422). */
export interface ItsmDeadLetter {
  visitId: string;
  siteId: string;
  ticketNumber: string;
  itsmTicketNumber: string | null;
  itsmTicketUrl: string | null;
  error: string | null;
  attempts: number;
  failedAt: string;
}

export type DeviceRole = 'kiosk' | 'display';

/** POST /api/admin/sites/:siteId/pairing-codes: shown once; only its hash is stored. */
export interface PairingCode {
  code: string;
  siteId: string;
  role: DeviceRole;
  name: string;
  expiresAt: string;
}

/** GET /api/admin/devices */
export interface DeviceView {
  id: string;
  siteId: string;
  role: DeviceRole;
  name: string;
  createdAt: string;
  createdBy: string | null;
  lastSeenAt: string | null;
  revokedAt: string | null;
}

export type AccountRole = 'technician' | 'admin';

/** GET /api/admin/users */
export interface UserAccountView {
  id: string;
  username: string;
  displayName: string;
  role: AccountRole;
  technicianId: string | null;
  sso: boolean;
  disabled: boolean;
  lockedUntil: string | null;
  lastLoginAt: string | null;
}

export interface CreateUserRequest {
  username: string;
  displayName: string;
  password: string;
  role: AccountRole;
  /** Required for technicians: an account acts only as its own technician. */
  technicianId: string | null;
}

export interface ChangeUserRequest {
  role?: AccountRole;
  technicianId?: string | null;
  disabled?: boolean;
  password?: string;
  unlock?: true;
  displayName?: string;
}

/** GET /api/admin/audit, newest first. */
export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  target: string | null;
  outcome: string;
  ip: string | null;
  detail: Record<string, unknown> | null;
}

/** GET/PUT /api/admin/sites/:siteId/privacy */
export interface SitePrivacySettings {
  siteId: string;
  showNamesOnDisplay: boolean;
  retentionDays: number;
}

/** Exactly one way to find a person's visits; `name` is for guests, who typed it at the kiosk. */
export type PersonKey = { email: string } | { badgeId: string } | { employeeId: string } | { name: string };

/** POST /api/admin/privacy/export: everything walkup holds about one person. */
export interface PersonDataExport {
  exportedAt: string;
  visits: Array<Record<string, unknown>>;
  events: unknown[];
}
