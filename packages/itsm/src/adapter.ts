/**
 * The one interface every ITSM sits behind (ServiceNow, Jira Service Management, GLPI, Request
 * Tracker, webhook, no-op). The delivery worker only ever talks to this interface; one file per vendor
 * implements it, each taking an injectable `fetch` so tests can intercept with msw.
 */

/** A ticket as the ITSM knows it. `remoteId` is what the API needs, `number` what people read. */
export interface TicketRef {
  remoteId: string;
  number: string;
  url: string | null;
}

/** Everything an ITSM ticket is built from, derived from the visit and its kiosk choices. */
export interface TicketDraft {
  /** walkup's visit id: the correlation id that makes creation idempotent. */
  visitId: string;
  siteName: string;
  walkupTicketNumber: string;
  caller: { email: string | null; employeeId: string | null; badgeId: string | null; name: string | null };
  /** Labels of the kiosk choices, e.g. ["Laptop", "Won't start"]. */
  choices: string[];
  note: string | null;
  priority: number;
  checkedInAt: string;
  itsm: { category: string | null; subcategory: string | null; assignmentGroup: string | null };
}

export type TicketUpdate =
  | { kind: 'called'; at: string; deskName: string; technicianName: string }
  | { kind: 'started'; at: string; deskName: string; technicianName: string }
  | { kind: 'transferred'; at: string; queueName: string; assignmentGroup: string | null; reason: string | null }
  | { kind: 'escalated'; at: string; assignmentGroup: string; note: string | null }
  | { kind: 'resolved'; at: string; note: string; technicianName: string | null }
  | { kind: 'no_show'; at: string }
  | { kind: 'cancelled'; at: string; reason: string | null };

export interface HealthReport {
  ok: boolean;
  detail: string;
}

export interface ItsmAdapter {
  /** Vendor name for logs and health views, e.g. "servicenow". */
  readonly vendor: string;
  /** Name of the connection in health views (one breaker per connection); defaults to the vendor. */
  readonly connectionName?: string;
  /** Whether tickets are really created (false for the no-op adapter). */
  readonly createsTickets: boolean;
  createTicket(draft: TicketDraft): Promise<TicketRef>;
  updateTicket(ticket: TicketRef, update: TicketUpdate): Promise<void>;
  /** Finds the ticket created for a visit, so a retry after an unknown outcome adopts it instead of duplicating. */
  findByCorrelationId(visitId: string): Promise<TicketRef | null>;
  health(): Promise<HealthReport>;
  /** Releases server-side sessions (GLPI's killSession) at shutdown. */
  close?(): Promise<void>;
}

/**
 * Raised by adapters for failures the worker must classify: `permanent` ones (400, 403, 404, 422)
 * go to the dead-letter state; the others are retried with backoff.
 */
export class ItsmError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
    readonly status: number | null = null,
    /** Seconds the ITSM asked us to wait (Retry-After / rate-limit reset), when it said. */
    readonly retryAfterSeconds: number | null = null,
    /** True when the request certainly had no effect (connection refused, 401, 429, 503), so a retry needs no lookup first. */
    readonly notApplied: boolean = false,
  ) {
    super(message);
    this.name = 'ItsmError';
  }
}

export type FetchLike = typeof fetch;
