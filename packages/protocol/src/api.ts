import type { LocalizedText, OpeningHours, Priority, VisitorIdentity, VisitState, WaitEstimate } from '@walkup/domain';

/** Roles that may call a route; enforcing them with real credentials is the auth layer's job. */
export type Role = 'kiosk' | 'display' | 'technician' | 'admin';

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
}

export interface CheckInRequest {
  categoryId: string;
  visitor: VisitorIdentity;
  note?: string;
}

export interface CheckInResponse {
  id: string;
  ticketNumber: string;
  queueId: string;
  position: number;
  estimate: WaitEstimate | null;
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
