import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, seatTechnician, type TestApp } from '../helpers/test-app.ts';
import { connectLive } from '../helpers/live-client.ts';
import { anonymiseVisits } from '../../src/privacy/anonymise.ts';
import { callNext, checkInWithLink, demo, technicianAction } from './visitor-helpers.ts';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
  await seatTechnician(t.app, demo.alex, demo.desk1);
});
afterEach(async () => t.close());

const feedback = (token: string, payload?: Record<string, unknown>) =>
  t.app.inject({ method: payload ? 'POST' : 'GET', url: '/api/visitor/feedback', headers: { 'x-visit-token': token }, ...(payload ? { payload } : {}) });

describe('feedback after a visit', () => {
  it('records one tap as the event, linked to visit, technician and category; a second one is a 409', async () => {
    const visit = await checkInWithLink(t.app, demo.hardwareChoice);
    expect((await feedback(visit.token)).json()).toEqual({ open: false, ticketNumber: 'H-001' });
    const early = await feedback(visit.token, { score: 3 });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'feedback_closed', message: 'feedback opens once the visit is resolved' });

    await callNext(t.app, demo.alex, demo.desk1);
    await technicianAction(t.app, demo.alex, visit.id, 'resolve', { note: 'fixed' });
    expect((await feedback(visit.token)).json()).toEqual({ open: true, ticketNumber: 'H-001' });
    const display = await connectLive(t.app, t.as.display);
    display.send({ type: 'subscribe', siteId: demo.site, view: 'display' });
    await display.waitFor((m) => m.type === 'snapshot');

    const given = await feedback(visit.token, { score: 3, comment: '  Quick and friendly, thanks Alex  ' });
    expect(given.statusCode).toBe(201);
    const events = await t.database.db.selectFrom('events').select(['type', 'data']).where('visit_id', '=', visit.id).where('type', '=', 'visit.feedback_given').execute();
    expect(events).toHaveLength(1);
    expect(JSON.parse(events[0]!.data)).toEqual({ score: 3, comment: 'Quick and friendly, thanks Alex', technicianId: demo.alex, categoryId: demo.hardwareChoice });
    // Public screens hear of it without the visitor's words.
    const onDisplay = await display.waitFor((m) => m.type === 'event' && m.event.type === 'visit.feedback_given');
    expect(JSON.stringify(onDisplay)).not.toContain('friendly');

    const again = await feedback(visit.token, { score: 1 });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('feedback_given');
    expect((await feedback(visit.token)).json().open).toBe(false);
    expect(await t.database.db.selectFrom('events').select('id').where('type', '=', 'visit.feedback_given').execute()).toHaveLength(1);

    // The retention rule takes the visitor's words away with the rest of their personal data.
    await anonymiseVisits(t.database.db, [visit.id], '2026-12-30T00:00:00.000Z');
    const kept = await t.database.db.selectFrom('events').select('data').where('visit_id', '=', visit.id).where('type', '=', 'visit.feedback_given').executeTakeFirstOrThrow();
    expect(JSON.parse(kept.data)).toEqual({ score: 3, comment: null, technicianId: demo.alex, categoryId: demo.hardwareChoice });
  });

  it('takes no feedback for a cancelled visit, nor days after', async () => {
    const cancelled = await checkInWithLink(t.app, demo.hardwareChoice, { kind: 'guest', name: 'A' });
    await t.app.inject({ method: 'POST', url: '/api/visitor/cancel', headers: { 'x-visit-token': cancelled.token } });
    expect((await feedback(cancelled.token, { score: 2 })).statusCode).toBe(409);

    const late = await checkInWithLink(t.app, demo.hardwareChoice, { kind: 'guest', name: 'B' });
    await callNext(t.app, demo.alex, demo.desk1);
    await technicianAction(t.app, demo.alex, late.id, 'resolve', { note: 'fixed' });
    t.clock.advance(73 * 3600);
    const closed = await feedback(late.token, { score: 2 });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().message).toContain('72 hours');
  });

  it('refuses a bad score with a 400 naming it, and changes nothing', async () => {
    const visit = await checkInWithLink(t.app, demo.hardwareChoice);
    await callNext(t.app, demo.alex, demo.desk1);
    await technicianAction(t.app, demo.alex, visit.id, 'resolve', { note: 'fixed' });
    const bad = await feedback(visit.token, { score: 5 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('score');
    expect((await feedback(visit.token)).json().open).toBe(true);
  });
});
