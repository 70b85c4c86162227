import { expect } from 'vitest';
import { appendEvent } from '../../src/queries/events.ts';
import { checkIn, demo, seatTechnician, type TestApp } from '../helpers/test-app.ts';

/**
 * A small morning at the demo site (Monday 23 Nov 2026, 10:00 in Paris): three visitors; the first
 * waits 5 min and is served for 10 min (happy feedback), the second waits 15 min and does not come,
 * the third (a queue Alex does not serve) cancels.
 */
export async function playVisitDay(t: TestApp) {
  const act = (url: string, payload: object) => t.as.alex.inject({ method: 'POST', url, payload: { technicianId: demo.alex, ...payload } });
  await seatTechnician(t.app, demo.alex, demo.desk1);
  const first = (await checkIn(t.app, demo.hardwareChoice, { kind: 'badge', badgeId: '0004411001' })).json();
  t.clock.advance(60);
  const second = (await checkIn(t.app, demo.hardwareChoice, { kind: 'guest', name: 'Walter Late' })).json();
  t.clock.advance(60);
  const third = (await checkIn(t.app, demo.passwordChoice, { kind: 'guest', name: 'Cora Leaves' })).json();
  t.clock.set('2026-11-23T09:05:00Z');
  expect((await act(`/api/desks/${demo.desk1}/call-next`, {})).json().id).toBe(first.id);
  t.clock.advance(60);
  await act(`/api/visits/${first.id}/start`, {});
  t.clock.set('2026-11-23T09:16:00Z');
  expect((await act(`/api/visits/${first.id}/resolve`, { note: 'fixed' })).statusCode).toBe(200);
  expect((await act(`/api/desks/${demo.desk1}/call-next`, {})).json().id).toBe(second.id);
  t.clock.set('2026-11-23T09:30:00Z');
  expect((await act(`/api/visits/${second.id}/no-show`, {})).statusCode).toBe(200);
  t.clock.advance(60);
  // The visitor left; a kiosk may only cancel a ticket it has just printed, so staff record it.
  expect((await t.as.alex.inject({ method: 'POST', url: `/api/visits/${third.id}/cancel`, payload: {} })).statusCode).toBe(200);
  // Feedback is issue 16's to record; the log entry is what reports read.
  await t.database.db.transaction().execute((trx) =>
    appendEvent(trx, { siteId: demo.site, type: 'visit.feedback_given', visitId: first.id, at: '2026-11-23T09:32:00.000Z', data: { score: 3, comment: null, technicianId: demo.alex, categoryId: demo.hardwareChoice } }),
  );
  return { first: first.id as string, second: second.id as string, third: third.id as string };
}
