import { describe, expect, it } from 'vitest';
import { PickupDelayModel, ServiceTimeModel, WaitLearner, type SiteEvent } from '../src/index.ts';
import { createRandom } from '../src/estimation/random.ts';

const dayMs = 86_400_000;
const t0 = Date.parse('2025-03-03T09:00:00Z');

describe('ServiceTimeModel', () => {
  it('keeps the configured value until there is history', () => {
    expect(new ServiceTimeModel(() => 420).expectedSeconds('new')).toBeCloseTo(420, 0);
  });

  it('is not dragged by one visit left open for hours', () => {
    const model = new ServiceTimeModel(() => 300);
    for (let i = 0; i < 60; i++) model.record('c', 280 + (i % 5) * 10, t0 + i * 60_000);
    const before = model.expectedSeconds('c', t0 + dayMs);
    model.record('c', 10 * 3600, t0 + 61 * 60_000);
    expect(model.expectedSeconds('c', t0 + dayMs)).toBeLessThan(before * 1.1);
  });

  it('follows recent days and the same time of day', () => {
    const model = new ServiceTimeModel(() => 600);
    for (let i = 0; i < 50; i++) model.record('c', 900, t0 - 40 * dayMs + i * 60_000);
    for (let i = 0; i < 50; i++) model.record('c', 300, t0 - dayMs + i * 60_000);
    expect(model.expectedSeconds('c', t0)).toBeLessThan(400);
    const byHour = new ServiceTimeModel(() => 600);
    for (let d = 1; d <= 5; d++) {
      for (let i = 0; i < 10; i++) byHour.record('c', 200, t0 - d * dayMs + i * 60_000); // mornings
      for (let i = 0; i < 10; i++) byHour.record('c', 800, t0 - d * dayMs + 6 * 3_600_000 + i * 60_000); // afternoons
    }
    expect(byHour.expectedSeconds('c', t0)).toBeLessThan(byHour.expectedSeconds('c', t0 + 6 * 3_600_000) - 200);
  });
});

describe('PickupDelayModel', () => {
  it('learns a 30-second pickup although quicker colleagues hide the slow ones (censoring)', () => {
    const model = new PickupDelayModel();
    const random = createRandom(5);
    const seen: number[] = [];
    for (let i = 0; i < 4000; i++) {
      const delay = -Math.log(1 - random()) * 30;
      const takenByColleague = -Math.log(1 - random()) * 60;
      model.addExposure(0, Math.min(delay, takenByColleague), t0 + i);
      if (delay < takenByColleague) {
        model.addCall(delay, t0 + i);
        seen.push(delay);
      }
    }
    const naive = seen.reduce((a, b) => a + b, 0) / seen.length;
    expect(naive).toBeLessThan(24);
    expect(model.meanFromFree()).toBeGreaterThan(25);
    expect(model.meanFromFree()).toBeLessThan(36);
  });
});

function event(seq: number, atMs: number, type: SiteEvent['type'], visitId: string | null, data: unknown): SiteEvent {
  return { siteId: 's', seq, type, visitId, at: new Date(atMs).toISOString(), data } as SiteEvent;
}

function day(offsetMs: number, serviceSeconds: number, seq0: number): SiteEvent[] {
  const events: SiteEvent[] = [];
  let seq = seq0;
  for (let i = 0; i < 10; i++) {
    const at = t0 + offsetMs + i * 1800_000;
    const id = `v${seq0}-${i}`;
    events.push(event(seq++, at, 'visit.checked_in', id, { queueId: 'q', categoryId: 'c', ticketNumber: id, priority: 0, checkedInAt: new Date(at).toISOString(), visitor: { kind: 'guest' }, note: null }));
    events.push(event(seq++, at + 60_000, 'visit.called', id, { deskId: 'd', technicianId: 't', outOfOrder: false }));
    events.push(event(seq++, at + 60_000 + serviceSeconds * 1000, 'visit.resolved', id, { note: '', technicianId: 't' }));
  }
  return events;
}

describe('WaitLearner', () => {
  it('is causal: what happens later cannot change an estimate made now', () => {
    const past = day(0, 300, 1);
    const nowMs = t0 + dayMs;
    const arrival = event(100, nowMs, 'visit.checked_in', 'x', { queueId: 'q', categoryId: 'c', ticketNumber: 'x', priority: 0, checkedInAt: new Date(nowMs).toISOString(), visitor: { kind: 'guest' }, note: null });
    const a = new WaitLearner();
    const b = new WaitLearner();
    for (const e of [...past, arrival]) {
      a.observe(e);
      b.observe(e);
    }
    const before = a.serviceTimes.expectedSeconds('c', nowMs);
    for (const e of day(dayMs + 3_600_000, 2000, 200)) b.observe(e);
    expect(a.serviceTimes.expectedSeconds('c', nowMs)).toBe(before);
    expect(b.serviceTimes.expectedSeconds('c', nowMs + 2 * 3_600_000)).toBeGreaterThan(before + 300);
  });

  it('expects a technician past a typical break back within a fraction of one, on a desk whose breaks take seconds as on one whose breaks take minutes', () => {
    const returnAfterOverrun = (breakSeconds: number) => {
      const learner = new WaitLearner();
      const presence = (seq: number, atMs: number, status: 'available' | 'break') => event(seq, atMs, 'technician.presence_changed', null, { technicianId: 't', deskId: 'd', status });
      let atMs = t0;
      for (let i = 0; i < 50; i++) {
        learner.observe(presence(2 * i + 1, atMs, 'break'));
        learner.observe(presence(2 * i + 2, atMs + breakSeconds * 1000, 'available'));
        atMs += 10 * breakSeconds * 1000;
      }
      learner.observe(presence(101, atMs, 'break'));
      // Twice a typical break already: expected back soon, in the desk's own time scale.
      const nowMs = atMs + 2 * breakSeconds * 1000;
      return (learner.technicianStates(nowMs)[0]!.returnsAtMs! - nowMs) / 1000 / breakSeconds;
    };
    for (const breakSeconds of [900, 15]) {
      expect(returnAfterOverrun(breakSeconds)).toBeGreaterThan(0);
      expect(returnAfterOverrun(breakSeconds)).toBeLessThan(0.2);
    }
  });

  it('learns service times from the log and uses them for the next visitor', () => {
    const learner = new WaitLearner({ configuredServiceSeconds: () => 1200 });
    for (const e of day(0, 240, 1)) learner.observe(e);
    expect(learner.serviceTimes.expectedSeconds('c')).toBeLessThan(600);
  });
});
