import { signal } from '@preact/signals';
import { createVisitorConnection, type VisitorConnectionOptions } from '@walkup/client';
import type { VisitorServerMessage, VisitorTicket, VisitorVisitEnded } from '@walkup/protocol';

/** Why the page cannot show a live ticket: the link is missing, unknown or revoked. */
export type LinkProblem = 'no_token' | 'unknown' | 'revoked';

/** The token of the link: the fragment of `/visitor/ticket#<token>`, which no server ever receives. */
export function tokenFromHash(hash: string): string | null {
  const token = hash.replace(/^#/, '');
  return /^[A-Za-z0-9_-]{16,128}$/.test(token) ? token : null;
}

export type ConnectVisitor = (options: VisitorConnectionOptions) => { close(): void };

/**
 * The live state of one visit as its phone page shows it, fed by the visitor socket only: the
 * server sends the ticket on connect and again whenever anything about it changes.
 */
export function createTicketStore(token: string | null, connect: ConnectVisitor = createVisitorConnection) {
  const ticket = signal<VisitorTicket | null>(null);
  const ended = signal<VisitorVisitEnded | { outcome: 'unknown'; feedbackOpen: false } | null>(null);
  const problem = signal<LinkProblem | null>(token ? null : 'no_token');
  const connected = signal(true);
  let connection: { close(): void } | null = null;

  function onMessage(message: VisitorServerMessage): void {
    if (message.type === 'ticket') ticket.value = message.ticket;
    else if (message.type === 'ended') ended.value = { outcome: message.outcome, feedbackOpen: message.feedbackOpen };
    else if (message.type === 'error') {
      if (message.code === 'visitor_link_unknown') problem.value = 'unknown';
      else if (message.code === 'visitor_link_revoked') problem.value = 'revoked';
      // Opened again after the end: the socket says so without the outcome (no personal history on a bare link).
      else if (message.code === 'visit_ended' && !ended.value) ended.value = { outcome: 'unknown', feedbackOpen: false };
    }
  }

  return {
    token,
    ticket,
    ended,
    problem,
    connected,
    start(): void {
      if (!token || connection) return;
      connection = connect({ token, onMessage, onConnectedChange: (value) => (connected.value = value) });
    },
    stop(): void {
      connection?.close();
      connection = null;
    },
    /** Back in line after a rejoin: the visit is live again, so follow it afresh. */
    restart(): void {
      connection?.close();
      connection = null;
      ended.value = null;
      ticket.value = null;
      this.start();
    },
  };
}

export type TicketStore = ReturnType<typeof createTicketStore>;
