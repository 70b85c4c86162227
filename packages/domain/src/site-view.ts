import type { ItsmSyncState, PresenceStatus, SiteEvent } from './events.ts';
import { publicVisitorLabel, type VisitorIdentity } from './visit.ts';
import type { VisitState } from './visit-state.ts';
import { isActive } from './visit-state.ts';
import { compareForCalling } from './call-policy.ts';
import type { SiteBroadcast } from './broadcast.ts';

/** Text in the languages a site offers, e.g. { en: 'Laptop', fr: 'Ordinateur portable' }. */
export type LocalizedText = Record<string, string>;

/** A wait estimate in seconds: the expected value and a likely range (about the 10th-90th percentile). */
export interface WaitEstimate {
  expectedSeconds: number;
  lowSeconds: number;
  highSeconds: number;
  /**
   * How the screens say it (estimation/consistent-estimates.ts): absent or 'range' = "about 10 min
   * (5-15)"; 'open_range' = the range reaches past an hour, so its top is said as "60+ min";
   * 'at_least' = the expected wait is over an hour: "more than {lowSeconds}", with no false precision.
   */
  form?: WaitEstimateForm;
}

export type WaitEstimateForm = 'range' | 'open_range' | 'at_least';

export interface QueueView {
  id: string;
  prefix: string;
  name: LocalizedText;
}

export interface DeskView {
  id: string;
  name: string;
  technicianId: string | null;
  status: PresenceStatus;
}

export interface ItsmLinkView {
  state: ItsmSyncState;
  ticketNumber: string | null;
  ticketUrl: string | null;
  error: string | null;
}

export interface ActiveVisitView {
  id: string;
  ticketNumber: string;
  queueId: string;
  categoryId: string;
  state: VisitState;
  priority: number;
  checkedInAt: string;
  /** Place in the call order when not the check-in time: a booked visitor (call-policy.ts). */
  callOrderAt?: string | null;
  /** The booked time of a visitor who came for an appointment. */
  appointmentAt?: string | null;
  calledAt: string | null;
  startedAt: string | null;
  deskId: string | null;
  technicianId: string | null;
  callCount: number;
  /** Set while a waiting visitor stepped away: call-next skips them until then; their place is kept. */
  awayUntil?: string | null;
  /** Extra minutes granted so far (the site caps them per visit). */
  awayMinutes?: number;
  /** Checked in from a link or a poster and not arrived yet (call-next may step over them). */
  onTheWay?: boolean;
  /** Full name for staff; "Marie D." or null on public screens, as the site allows. */
  visitorName: string | null;
  /** Staff views only. */
  visitor?: VisitorIdentity;
  note?: string | null;
  itsm?: ItsmLinkView;
}

/** What a screen needs to draw a site live. Public (display) views carry no personal data. */
export interface SiteView {
  siteId: string;
  seq: number;
  queues: QueueView[];
  desks: DeskView[];
  visits: ActiveVisitView[];
  /** The message to everyone waiting, if one was posted (screens hide it once `expiresAt` passed). */
  broadcast?: SiteBroadcast | null;
}

// The server applies every event of every site to its kept views, with queues of a hundred people or
// more: find the one visit, then copy the array once (slice), rather than rebuild it through a callback.
function updateVisit(view: SiteView, id: string, change: (v: ActiveVisitView) => ActiveVisitView): SiteView {
  const index = view.visits.findIndex((v) => v.id === id);
  if (index < 0) return view;
  const visits = view.visits.slice();
  visits[index] = change(visits[index]!);
  return { ...view, visits };
}

function removeVisit(view: SiteView, id: string): SiteView {
  const index = view.visits.findIndex((v) => v.id === id);
  if (index < 0) return view;
  const visits = view.visits.slice();
  visits.splice(index, 1);
  return { ...view, visits };
}

/**
 * Applies one event to a view. Pure, shared by the server (tests, replay) and every front end, so a
 * client that holds a snapshot at seq N plus events N+1.. always equals a fresh snapshot.
 */
export function applyEventToView(view: SiteView, event: SiteEvent): SiteView {
  if (event.seq <= view.seq) return view;
  const next = reduce(view, event);
  return { ...next, seq: event.seq };
}

function reduce(view: SiteView, event: SiteEvent): SiteView {
  const id = event.visitId ?? '';
  switch (event.type) {
    case 'visit.checked_in': {
      const d = event.data;
      const visit: ActiveVisitView = {
        id,
        ticketNumber: d.ticketNumber,
        queueId: d.queueId,
        categoryId: d.categoryId,
        state: 'waiting',
        priority: d.priority,
        checkedInAt: d.checkedInAt,
        ...(d.callOrderAt ? { callOrderAt: d.callOrderAt } : {}),
        ...(d.appointmentAt ? { appointmentAt: d.appointmentAt } : {}),
        ...(d.onTheWay ? { onTheWay: true } : {}),
        calledAt: null,
        startedAt: null,
        deskId: null,
        technicianId: null,
        callCount: 0,
        awayUntil: null,
        awayMinutes: 0,
        visitorName: d.visitor.name ?? null,
        visitor: d.visitor,
        note: d.note,
      };
      // A visit checked in again (a replayed event) replaces the old entry rather than doubling it.
      const visits = removeVisit(view, id).visits.slice();
      visits.push(visit);
      return { ...view, visits };
    }
    case 'visit.called':
      return updateVisit(view, id, (v) => ({
        ...v,
        state: 'called',
        calledAt: event.at,
        deskId: event.data.deskId,
        technicianId: event.data.technicianId,
        callCount: v.callCount + 1,
        awayUntil: null,
      }));
    case 'visit.recalled':
      return updateVisit(view, id, (v) => ({ ...v, calledAt: event.at, callCount: event.data.callCount }));
    case 'visit.started':
      return updateVisit(view, id, (v) => ({ ...v, state: 'in_service', startedAt: event.at }));
    case 'visit.transferred':
      return updateVisit(view, id, (v) => ({
        ...v,
        state: 'waiting',
        queueId: event.data.toQueueId,
        calledAt: null,
        startedAt: null,
        deskId: null,
        technicianId: null,
      }));
    case 'visit.itsm_synced':
      return updateVisit(view, id, (v) => ({ ...v, itsm: { ...event.data } }));
    case 'visit.stepped_away':
      return updateVisit(view, id, (v) => ({ ...v, awayUntil: event.data.awayUntil, awayMinutes: (v.awayMinutes ?? 0) + event.data.minutes }));
    case 'visit.returned':
      return updateVisit(view, id, (v) => ({ ...v, awayUntil: null }));
    case 'visit.arrived':
      return updateVisit(view, id, (v) => ({ ...v, onTheWay: false }));
    // Given after the visit ended: nothing on screen changes.
    case 'visit.feedback_given':
      return view;
    case 'visit.rejoined': {
      const d = event.data;
      const visit: ActiveVisitView = {
        id,
        ticketNumber: d.ticketNumber,
        queueId: d.queueId,
        categoryId: d.categoryId,
        state: 'waiting',
        priority: d.priority,
        checkedInAt: d.checkedInAt,
        calledAt: null,
        startedAt: null,
        deskId: null,
        technicianId: null,
        callCount: d.callCount,
        awayUntil: null,
        awayMinutes: d.awayMinutes,
        visitorName: d.visitor.name ?? null,
        visitor: d.visitor,
        note: d.note,
        itsm: { ...d.itsm },
      };
      const visits = removeVisit(view, id).visits.slice();
      visits.push(visit);
      return { ...view, visits };
    }
    case 'site.broadcast_posted':
      return { ...view, broadcast: { message: event.data.message, postedAt: event.at, expiresAt: event.data.expiresAt } };
    case 'site.broadcast_cleared':
      return { ...view, broadcast: null };
    case 'visit.resolved':
    case 'visit.escalated':
    case 'visit.no_show':
    case 'visit.cancelled':
      return removeVisit(view, id);
    case 'technician.presence_changed': {
      const { technicianId, deskId, status } = event.data;
      const desks = view.desks.map((desk) => {
        if (desk.id === deskId) return { ...desk, technicianId: status === 'off' ? null : technicianId, status };
        // A technician sits at one desk at a time: leaving for another desk frees the old one.
        if (desk.technicianId === technicianId) return { ...desk, technicianId: null, status: 'off' as const };
        return desk;
      });
      return { ...view, desks };
    }
    case 'site.config_changed': {
      // Desks keep whoever sits at them; a desk that is gone takes its presence with it.
      const desks = event.data.desks.map((desk): DeskView => {
        const known = view.desks.find((d) => d.id === desk.id);
        return { id: desk.id, name: desk.name, technicianId: known?.technicianId ?? null, status: known?.status ?? 'off' };
      });
      return { ...view, queues: event.data.queues.map((q) => ({ ...q })), desks };
    }
    case 'appointment.booked':
    case 'appointment.rescheduled':
    case 'appointment.cancelled':
    case 'appointment.no_show':
      // Bookings are not in the queue until the visitor arrives (a visit.checked_in).
      return view;
  }
}

/** Visitors still waiting in a queue, in the order they will be called. */
export function waitingInQueue(view: SiteView, queueId: string): ActiveVisitView[] {
  return view.visits.filter((v) => v.state === 'waiting' && v.queueId === queueId).sort(compareForCalling);
}

/** 1-based position of a waiting visitor within their queue, or null when not waiting. */
export function positionInQueue(view: SiteView, visitId: string): number | null {
  const visit = view.visits.find((v) => v.id === visitId);
  if (!visit || !isActive(visit.state) || visit.state !== 'waiting') return null;
  // Counting who goes first is linear; sorting the queue for it was not (it runs at every check-in).
  let ahead = 0;
  for (const other of view.visits) {
    if (other.state === 'waiting' && other.queueId === visit.queueId && compareForCalling(other, visit) < 0) ahead++;
  }
  return ahead + 1;
}

/**
 * The same view for public screens (wall displays, kiosks): no identities, notes or ITSM details,
 * and at most "Marie D." as a name when the site allows names on displays.
 */
export function publicSiteView(view: SiteView, showNames: boolean): SiteView {
  return {
    ...view,
    visits: view.visits.map(({ visitor, note: _note, itsm: _itsm, ...visit }) => ({
      ...visit,
      visitorName: visitor ? publicVisitorLabel(visitor, showNames) : null,
    })),
  };
}
