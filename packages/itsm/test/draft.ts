import type { TicketDraft } from '../src/adapter.ts';

export function makeDraft(overrides: Partial<TicketDraft> = {}): TicketDraft {
  return {
    visitId: 'visit-0001',
    siteName: 'Paris HQ',
    walkupTicketNumber: 'A-012',
    caller: { email: 'abel.tuter@example.com', employeeId: 'E1234', badgeId: null, name: 'Abel Tuter' },
    choices: ['Laptop', "Won't start"],
    note: 'Black screen after update',
    priority: 0,
    checkedInAt: '2026-11-21T09:00:00.000Z',
    itsm: { category: 'hardware', subcategory: 'laptop', assignmentGroup: 'Service Desk' },
    ...overrides,
  };
}
