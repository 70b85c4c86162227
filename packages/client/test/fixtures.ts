import type { SiteEvent, SiteView } from '@walkup/domain';
import type { EstimatesPayload, ServerMessage } from '@walkup/protocol';

export function siteView(seq: number): SiteView {
  return {
    siteId: 'hq',
    seq,
    queues: [{ id: 'hardware', prefix: 'H', name: { en: 'Hardware' } }],
    desks: [{ id: 'desk-1', name: 'Desk 1', technicianId: 'tech-1', status: 'available' }],
    visits: [],
  };
}

export function estimates(seq: number, open = true): EstimatesPayload {
  return { seq, queues: { hardware: { expectedSeconds: 600, lowSeconds: 300, highSeconds: 900 } }, visits: {}, open };
}

export function snapshot(seq: number): ServerMessage {
  return { type: 'snapshot', view: siteView(seq), estimates: estimates(seq) };
}

export function checkedIn(seq: number, visitId: string, ticketNumber = `H-${String(seq).padStart(3, '0')}`): ServerMessage {
  const event: SiteEvent = {
    siteId: 'hq',
    seq,
    type: 'visit.checked_in',
    visitId,
    at: '2026-03-02T09:00:00.000Z',
    data: {
      queueId: 'hardware',
      categoryId: 'laptop-broken',
      ticketNumber,
      priority: 0,
      checkedInAt: '2026-03-02T09:00:00.000Z',
      visitor: { kind: 'guest', name: 'Marie' },
      note: null,
    },
  };
  return { type: 'event', event };
}
