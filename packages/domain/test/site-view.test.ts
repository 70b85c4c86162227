import { describe, expect, it } from 'vitest';
import { applyEventToView, positionInQueue, publicVisitorLabel, type SiteEvent, type SiteView } from '../src/index.ts';

const empty: SiteView = {
  siteId: 'hq',
  seq: 0,
  queues: [{ id: 'hw', prefix: 'H', name: { en: 'Hardware' } }],
  desks: [{ id: 'd1', name: 'Desk 1', technicianId: null, status: 'off' }],
  visits: [],
};

function checkedIn(seq: number, id: string, priority = 0): SiteEvent {
  return {
    siteId: 'hq',
    seq,
    type: 'visit.checked_in',
    visitId: id,
    at: `2026-11-23T09:0${seq}:00.000Z`,
    data: { queueId: 'hw', categoryId: 'c', ticketNumber: `H-00${seq}`, priority, checkedInAt: `2026-11-23T09:0${seq}:00.000Z`, visitor: { kind: 'guest', name: 'Ann Lee' }, note: null },
  };
}

describe('site view reducer', () => {
  it('follows a visit from check-in to resolution and ignores replays', () => {
    let view = applyEventToView(empty, checkedIn(1, 'a'));
    view = applyEventToView(view, checkedIn(2, 'b', 1));
    expect(positionInQueue(view, 'b')).toBe(1);
    expect(positionInQueue(view, 'a')).toBe(2);
    view = applyEventToView(view, { siteId: 'hq', seq: 3, type: 'visit.called', visitId: 'b', at: 'x', data: { deskId: 'd1', technicianId: 't', outOfOrder: false } });
    expect(view.visits.find((v) => v.id === 'b')).toMatchObject({ state: 'called', deskId: 'd1', callCount: 1 });
    const replayed = applyEventToView(view, checkedIn(2, 'b', 1));
    expect(replayed).toBe(view);
    view = applyEventToView(view, { siteId: 'hq', seq: 4, type: 'visit.resolved', visitId: 'b', at: 'x', data: { note: 'ok', technicianId: 't' } });
    expect(view.visits.map((v) => v.id)).toEqual(['a']);
    expect(view.seq).toBe(4);
  });

  it('seats a technician at one desk at a time', () => {
    const twoDesks = { ...empty, desks: [...empty.desks, { id: 'd2', name: 'Desk 2', technicianId: null, status: 'off' as const }] };
    let view = applyEventToView(twoDesks, { siteId: 'hq', seq: 1, type: 'technician.presence_changed', visitId: null, at: 'x', data: { technicianId: 't', deskId: 'd1', status: 'available' } });
    view = applyEventToView(view, { siteId: 'hq', seq: 2, type: 'technician.presence_changed', visitId: null, at: 'x', data: { technicianId: 't', deskId: 'd2', status: 'break' } });
    expect(view.desks).toEqual([
      { id: 'd1', name: 'Desk 1', technicianId: null, status: 'off' },
      { id: 'd2', name: 'Desk 2', technicianId: 't', status: 'break' },
    ]);
  });

  it('labels visitors for public screens only when the site allows it', () => {
    expect(publicVisitorLabel({ kind: 'guest', name: 'Marie Claire Dupont' }, true)).toBe('Marie D.');
    expect(publicVisitorLabel({ kind: 'guest', name: 'Marie Claire Dupont' }, false)).toBeNull();
    expect(publicVisitorLabel({ kind: 'guest', name: 'Cher' }, true)).toBe('Cher');
  });
});
