import type { VisitState } from './visit-state.ts';

/** How the visitor identified at the kiosk. Only the fields of the chosen kind are set. */
export interface VisitorIdentity {
  kind: 'badge' | 'email' | 'employee_id' | 'guest';
  badgeId?: string;
  email?: string;
  employeeId?: string;
  /** Display name: looked up from the directory for badge/email, typed by guests. */
  name?: string;
}

/** Priority: a larger number is served first. 0 is the normal level. */
export type Priority = number;

export interface Visit {
  id: string;
  siteId: string;
  queueId: string;
  categoryId: string;
  ticketNumber: string;
  priority: Priority;
  state: VisitState;
  visitor: VisitorIdentity;
  note: string | null;
  /** Original check-in time; kept across transfers so nobody loses their place. */
  checkedInAt: string;
  calledAt: string | null;
  startedAt: string | null;
  endedAt: string | null;
  deskId: string | null;
  technicianId: string | null;
  callCount: number;
}

/** What may be shown on a public wall display: "Marie D." at most, and only when the site allows it. */
export function publicVisitorLabel(visitor: VisitorIdentity, showNames: boolean): string | null {
  if (!showNames || !visitor.name) return null;
  const [first, ...rest] = visitor.name.trim().split(/\s+/);
  const last = rest.at(-1);
  return last ? `${first} ${last[0]!.toUpperCase()}.` : (first ?? null);
}
