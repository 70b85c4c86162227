import type { ItsmAdapter } from './adapter.ts';

/** The embedded default: walkup works on its own, with no ITSM behind it. */
export function createNoopAdapter(): ItsmAdapter {
  return {
    vendor: 'none',
    createsTickets: false,
    async createTicket(draft) {
      return { remoteId: draft.visitId, number: draft.walkupTicketNumber, url: null };
    },
    async updateTicket() {},
    async findByCorrelationId() {
      return null;
    },
    async checkSetup() {
      return [{ check: 'connection', ok: true, message: 'No ITSM is configured: walkup creates no tickets, so there is nothing to check.' }];
    },
    async health() {
      return { ok: true, detail: 'no ITSM configured' };
    },
  };
}
