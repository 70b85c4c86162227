import type { LocalizedText, OpeningHours, Priority, VisitorIdentity, VisitState, WaitEstimate } from '@walkup/domain';

/** Roles that may call a route; enforcing them with real credentials is the auth layer's job. */
export type Role = 'kiosk' | 'display' | 'technician' | 'manager' | 'site_admin' | 'admin';

export interface SiteSummary {
  id: string;
  name: string;
  timeZone: string;
  defaultLanguage: string;
  languages: string[];
}

export interface CategoryNode {
  id: string;
  parentId: string | null;
  label: LocalizedText;
  icon: string;
  /** Set on leaf choices only. */
  queueId: string | null;
}

export interface SiteConfig extends SiteSummary {
  open: boolean;
  showNamesOnDisplay: boolean;
  noShowGraceSeconds: number;
  queues: Array<{ id: string; prefix: string; name: LocalizedText }>;
  categories: CategoryNode[];
  desks: Array<{ id: string; name: string }>;
  technicians: Array<{ id: string; name: string; queueIds: string[] }>;
  escalationGroups: string[];
  openingHours: OpeningHours;
  /** false when closed or past the last check-in before closing (as of when the config was read). */
  acceptsCheckIn: boolean;
  /** The message of today's holiday or closure, if any. */
  closedMessage: LocalizedText | null;
  /** Minutes before closing after which the kiosk takes no more check-ins. */
  checkInCutoffMinutes: number;
  /** The kiosk's welcome text, shown on its start screen; null keeps the built-in greeting. */
  welcomeText: LocalizedText | null;
  /** An https:// or site-relative image shown on the kiosk's start screen. */
  logoUrl: string | null;
}

export interface CheckInRequest {
  categoryId: string;
  visitor: VisitorIdentity;
  note?: string;
  /** The language the visitor used at the kiosk: their notifications speak it. */
  language?: 'en' | 'fr';
}

export interface CheckInResponse {
  id: string;
  ticketNumber: string;
  queueId: string;
  position: number;
  estimate: WaitEstimate | null;
  /** Path of the visitor's own phone page (the ticket screen's QR code), token in the fragment. */
  visitorLink?: string;
  /** The booking this visitor came for, and whether it was kept (false: too late, served as a walk-in). */
  appointment?: { startsAt: string; kept: boolean };
  /** True when a visitor on the way (remote check-in) identified at the kiosk: their own ticket, now arrived. */
  arrived?: boolean;
}

export interface VisitResponse {
  id: string;
  siteId: string;
  ticketNumber: string;
  queueId: string;
  categoryId: string;
  state: VisitState;
  priority: Priority;
  visitor: VisitorIdentity;
  note: string | null;
  checkedInAt: string;
  calledAt: string | null;
  startedAt: string | null;
  endedAt: string | null;
  deskId: string | null;
  technicianId: string | null;
  callCount: number;
}

export interface ApiError {
  statusCode: number;
  error: string;
  code: string;
  message: string;
}
