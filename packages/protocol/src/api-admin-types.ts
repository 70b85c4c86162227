/**
 * Request and response shapes of the routes beyond the check-in loop (identify, presence, accuracy,
 * sessions, devices, users, audit, privacy, ITSM health), shared by the client and the front ends.
 */
import type { PresenceStatus } from '@walkup/domain';

/** `identifier`: what the visitor entered, tried as a badge, then an employee id, then an email. */
export type IdentifyRequest = { identifier: string } | { badgeId: string } | { email: string } | { employeeId: string };

/** A yes and a first name: the directory record itself never reaches a kiosk. */
export interface IdentifiedPerson {
  kind: 'badge' | 'employee_id' | 'email';
  displayName: string;
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
      role: AccountRole;
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
  /** Last set-up check (queues, rights, fields): while it is `failing`, creates wait and the failures say why. */
  setup?: { state: 'ok' | 'failing' | 'unchecked'; checkedAt: string | null; failures: string[] };
}

/** GET /api/admin/itsm/connections: a connection as admins see it. Secrets only say that they are set. */
export interface ItsmConnectionView {
  name: string;
  vendor: string;
  /** `stored`: managed in the console; `configured`: environment or WALKUP_ITSM_CONNECTIONS_FILE, read-only. */
  source: 'stored' | 'configured';
  /** The vendor's fields without secrets, as in the connections file (`url`, `queue`, `auth.username`...). */
  settings: Record<string, unknown>;
  /** Secret fields by path (`token`, `auth.password`); values never leave the server. */
  secrets: Record<string, { set: true }>;
  sites: string[];
  updatedAt: string | null;
}

/** Every connection change answers with the whole list again, with the connection of each site. */
export interface ItsmConnectionList {
  connections: ItsmConnectionView[];
  sites: Array<{ id: string; name: string; connection: string }>;
}

/** POST/PUT body: the vendor's fields; a secret left blank on an edit keeps the stored one. */
export type ItsmConnectionFields = { vendor: string } & Record<string, unknown>;

/** POST /api/admin/itsm/connections/:name/test: each check in words an admin can act on. */
export interface ItsmSetupCheckResult {
  name: string;
  ok: boolean;
  checkedAt: string;
  checks: Array<{ check: string; ok: boolean; message: string }>;
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

/**
 * A site admin configures only the sites given to them (queues, categories, desks, technicians, hours,
 * site settings, pairing kiosks) and reads their figures, as a tech bar lead does; accounts, ITSM
 * connections, privacy rules, new sites and whole-configuration import stay with admins.
 */
export type AccountRole = 'technician' | 'manager' | 'site_admin' | 'admin';

/** GET /api/admin/users */
export interface UserAccountView {
  id: string;
  username: string;
  displayName: string;
  role: AccountRole;
  technicianId: string | null;
  /** The sites a manager or site admin sees (empty for other roles: technicians see their queues' sites, admins all). */
  siteIds: string[];
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
  /** Required for managers and site admins: the sites they see. */
  siteIds?: string[];
}

export interface ChangeUserRequest {
  role?: AccountRole;
  technicianId?: string | null;
  disabled?: boolean;
  password?: string;
  unlock?: true;
  displayName?: string;
  siteIds?: string[];
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

/** What visitors away from the kiosk may do at a site (GET/PUT /api/admin/sites/:siteId/visitor-settings). */
export interface SiteVisitorSettings {
  stepAwayLimitMinutes: number;
  rejoinGraceMinutes: number;
  /** Check-in from a link or a QR poster; such visitors are "on the way" until they arrive. */
  remoteCheckIn: boolean;
  /** Call-next steps over visitors on the way (they keep their place). */
  callOnlyArrived: boolean;
  /** Minutes before their estimated turn that visitors on the way are told to come over (1-120). */
  remoteNotifyMinutes: number;
  /** Remote check-in and self-booking: an emailed one-time link, the company's single sign-on, or either. */
  visitorIdentification: 'email' | 'sso' | 'sso_or_email';
  /** Read only: this server has a single sign-on provider ('sso' cannot be chosen without one). */
  readonly ssoConfigured?: boolean;
}

/** Exactly one way to find a person's visits; `name` is for guests, who typed it at the kiosk. */
export type PersonKey = { email: string } | { badgeId: string } | { employeeId: string } | { name: string };

/** POST /api/admin/privacy/export: everything walkup holds about one person. */
export interface PersonDataExport {
  exportedAt: string;
  visits: Array<Record<string, unknown>>;
  events: unknown[];
}
