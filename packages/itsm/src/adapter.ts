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
  /** Set when the ticket is made at booking, before the visit: the booked start. */
  appointmentAt?: string;
  /** walkup's category id of the visit, for per-category settings such as RT's Priority. */
  categoryId?: string;
  itsm: {
    category: string | null;
    subcategory: string | null;
    assignmentGroup: string | null;
    /** Per-vendor fields of the category (admin-edited): RT queue, JSM request type id, GLPI category id. */
    vendorFields?: { rtQueue?: string; jsmRequestType?: string; glpiCategory?: string };
  };
}

/** Vendor fields the site's categories map to, checked along with the connection's own settings. */
export interface MappedVendorFields {
  rtQueues?: string[];
  jsmRequestTypes?: string[];
  glpiCategories?: string[];
}

/** One line of a connection's set-up check, in words an admin can act on. */
export interface SetupCheck {
  check: string;
  ok: boolean;
  message: string;
}

export type TicketUpdate =
  | { kind: 'called'; at: string; deskName: string; technicianName: string; technicianId?: string | null }
  | { kind: 'started'; at: string; deskName: string; technicianName: string; technicianId?: string | null }
  | { kind: 'transferred'; at: string; queueName: string; assignmentGroup: string | null; reason: string | null }
  | { kind: 'escalated'; at: string; assignmentGroup: string; note: string | null }
  | { kind: 'resolved'; at: string; note: string; technicianName: string | null; technicianId?: string | null }
  | { kind: 'no_show'; at: string }
  | { kind: 'cancelled'; at: string; reason: string | null }
  /** A booking whose ticket was made at booking moved to another time (a note in every ITSM). */
  | { kind: 'rescheduled'; at: string; startsAt: string };

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
  /**
   * Checks what creates need before any is sent (queues, rights, fields, request types, categories).
   * A failing line blocks creates for the connection, because a create into a half-set-up ITSM may
   * not be found again by visit id and would be duplicated on retry.
   */
  checkSetup(mapped?: MappedVendorFields): Promise<SetupCheck[]>;
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

/**
 * A create that made a ticket the adapter could not verify (RT dropped the visit id field): the
 * ticket exists but can never be found again by visit id. The worker records it on the visit and
 * dead-letters the visit, so no retry ever sends a second create for it.
 */
export class ItsmUnverifiedTicketError extends ItsmError {
  constructor(
    message: string,
    readonly ticket: TicketRef,
  ) {
    super(message, true, null, null, false);
    this.name = 'ItsmUnverifiedTicketError';
  }
}
