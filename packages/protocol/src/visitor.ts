import type { LocalizedText, NobodyServing, VisitState, WaitEstimate } from '@walkup/domain';

/**
 * What a visitor's own phone page may know about their visit, and nothing about anyone else:
 * no names, no other tickets, only counts (the position) and the desk they are called to.
 */
export interface VisitorTicket {
  siteName: string;
  ticketNumber: string;
  queue: { id: string; name: LocalizedText };
  state: Extract<VisitState, 'waiting' | 'called' | 'in_service'>;
  /** 1-based place in the queue while waiting, else null. */
  position: number | null;
  estimate: WaitEstimate | null;
  /** While waiting in a queue nobody serves now (no technician, or closed): why, and when someone is expected. */
  nobodyServing: NobodyServing | null;
  /** The site's time zone: "expected back at 14:00" is read on the site's clock. */
  timeZone: string;
  /** The desk the visitor is called to (or served at), else null. */
  desk: { id: string; name: string } | null;
  calledAt: string | null;
  /** Until when the visitor stepped away (skipped by call-next, place kept), else null. */
  awayUntil: string | null;
  /** Checked in from a link or a poster and not arrived yet: the page offers "I'm here". */
  onTheWay: boolean;
  /** Extra minutes the visitor may still ask for at this site. */
  stepAwayLeftMinutes: number;
  /** The site's message to everyone waiting ("we are running 15 minutes late"), while it lasts. */
  broadcast: { message: string; expiresAt: string } | null;
}

/** Whether a visit that missed its call (no-show) may still rejoin at the front, and until when. */
export interface VisitorRejoinState {
  open: boolean;
  openUntil: string | null;
}

export interface VisitorStepAwayRequest {
  minutes: number;
}

/** How a visit ended, as its visitor sees it; feedback is open only after a resolution. */
export interface VisitorVisitEnded {
  outcome: 'resolved' | 'escalated' | 'no_show' | 'cancelled';
  feedbackOpen: boolean;
}

export interface VisitorFeedbackState {
  /** True while the visit is resolved, within the feedback window, and no feedback was given yet. */
  open: boolean;
  ticketNumber: string;
}

export interface VisitorFeedbackRequest {
  /** 1 = unhappy, 2 = neutral, 3 = happy. */
  score: 1 | 2 | 3;
  comment?: string;
}

/** The check-in answer's personal link: a path on this server, with the token in the fragment. */
export interface VisitorLinkResponse {
  visitorLink: string;
}

/** The visitor socket (`/api/visitor/live`): the token travels in the first message, never in a URL. */
export interface VisitorClientMessageMap {
  follow: { token: string };
  ping: { at: number };
}

export interface VisitorServerMessageMap {
  ticket: { ticket: VisitorTicket };
  ended: VisitorVisitEnded;
  error: { code: string; message: string };
  pong: { at: number };
}

export type VisitorClientMessage = { [K in keyof VisitorClientMessageMap]: { type: K } & VisitorClientMessageMap[K] }[keyof VisitorClientMessageMap];
export type VisitorServerMessage = { [K in keyof VisitorServerMessageMap]: { type: K } & VisitorServerMessageMap[K] }[keyof VisitorServerMessageMap];
