import type { PresenceStatus } from '../events.ts';
import type { LocalizedText, SiteView, WaitEstimate } from '../site-view.ts';

export interface BoardQueue {
  queueId: string;
  name: LocalizedText;
  waiting: number;
  /** How long the first-come visitor still waiting has waited, now. */
  longestWaitSeconds: number | null;
  estimate: WaitEstimate | null;
  /** Technicians present and available who serve this queue. */
  availableTechnicians: number;
}

export interface BoardDesk {
  deskId: string;
  name: string;
  technicianId: string | null;
  technicianName: string | null;
  status: PresenceStatus;
  serving: { visitId: string; ticketNumber: string; state: 'called' | 'in_service'; sinceSeconds: number } | null;
}

export type BoardAlert =
  | { kind: 'wait_beyond_target'; queueId: string; visitId: string; ticketNumber: string; waitedSeconds: number; targetSeconds: number }
  | { kind: 'queue_unstaffed'; queueId: string; waiting: number }
  | { kind: 'called_not_arrived'; queueId: string; visitId: string; ticketNumber: string; deskId: string | null; calledSecondsAgo: number };

export interface ManagerBoard {
  siteId: string;
  seq: number;
  at: string;
  targetWaitSeconds: number;
  queues: BoardQueue[];
  desks: BoardDesk[];
  alerts: BoardAlert[];
}

export interface BoardInputs {
  view: SiteView;
  queueEstimates: Record<string, WaitEstimate | null>;
  /** The queues each technician serves. */
  technicianQueues: Record<string, readonly string[]>;
  technicianNames: Record<string, string>;
  targetWaitSeconds: number;
  /** A called visitor not at the desk after this long is flagged (the site's no-show grace). */
  noShowGraceSeconds: number;
  now: Date;
}

const secondsSince = (iso: string, now: Date) => Math.max(0, Math.round((now.getTime() - Date.parse(iso)) / 1000));

/**
 * What a manager watches: each queue, each desk, and what needs them now. Pure, from the same site
 * view the screens keep, so the board and the displays never disagree.
 */
export function buildManagerBoard(input: BoardInputs): ManagerBoard {
  const { view, now } = input;
  const available = new Set(view.desks.filter((d) => d.status === 'available' && d.technicianId).map((d) => d.technicianId!));
  const alerts: BoardAlert[] = [];
  const queues = view.queues.map((queue): BoardQueue => {
    const waiting = view.visits.filter((v) => v.queueId === queue.id && v.state === 'waiting');
    const oldest = waiting.reduce<string | null>((first, v) => (first === null || v.checkedInAt < first ? v.checkedInAt : first), null);
    const availableTechnicians = [...available].filter((t) => input.technicianQueues[t]?.includes(queue.id)).length;
    for (const visit of waiting) {
      const waitedSeconds = secondsSince(visit.checkedInAt, now);
      if (waitedSeconds > input.targetWaitSeconds) alerts.push({ kind: 'wait_beyond_target', queueId: queue.id, visitId: visit.id, ticketNumber: visit.ticketNumber, waitedSeconds, targetSeconds: input.targetWaitSeconds });
    }
    if (waiting.length > 0 && availableTechnicians === 0) alerts.push({ kind: 'queue_unstaffed', queueId: queue.id, waiting: waiting.length });
    return { queueId: queue.id, name: queue.name, waiting: waiting.length, longestWaitSeconds: oldest ? secondsSince(oldest, now) : null, estimate: input.queueEstimates[queue.id] ?? null, availableTechnicians };
  });
  for (const visit of view.visits) {
    if (visit.state !== 'called' || !visit.calledAt) continue;
    const calledSecondsAgo = secondsSince(visit.calledAt, now);
    if (calledSecondsAgo > input.noShowGraceSeconds) alerts.push({ kind: 'called_not_arrived', queueId: visit.queueId, visitId: visit.id, ticketNumber: visit.ticketNumber, deskId: visit.deskId, calledSecondsAgo });
  }
  const desks = view.desks.map((desk): BoardDesk => {
    const visit = view.visits.find((v) => v.deskId === desk.id && (v.state === 'called' || v.state === 'in_service'));
    const since = visit ? (visit.state === 'in_service' ? visit.startedAt : visit.calledAt) : null;
    return {
      deskId: desk.id,
      name: desk.name,
      technicianId: desk.technicianId,
      technicianName: desk.technicianId ? (input.technicianNames[desk.technicianId] ?? desk.technicianId) : null,
      status: desk.status,
      serving: visit && since ? { visitId: visit.id, ticketNumber: visit.ticketNumber, state: visit.state as 'called' | 'in_service', sinceSeconds: secondsSince(since, now) } : null,
    };
  });
  // Longest-waiting first: what the manager should look at first.
  const weight = (a: BoardAlert) => (a.kind === 'wait_beyond_target' ? a.waitedSeconds : a.kind === 'called_not_arrived' ? a.calledSecondsAgo : Number.MAX_SAFE_INTEGER);
  alerts.sort((a, b) => weight(b) - weight(a));
  return { siteId: view.siteId, seq: view.seq, at: now.toISOString(), targetWaitSeconds: input.targetWaitSeconds, queues, desks, alerts };
}
