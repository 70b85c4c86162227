import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, seatTechnician, type TestApp } from '../helpers/test-app.ts';
import { callNext, checkInWithLink, demo, technicianAction } from './visitor-helpers.ts';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
  await seatTechnician(t.app, demo.alex, demo.desk1);
});
afterEach(async () => t.close());

const lookup = (identifier: string) => t.as.kiosk.inject({ method: 'POST', url: `/api/sites/${demo.site}/feedback-lookup`, payload: { identifier } });
const giveWith = (token: string, payload: Record<string, unknown>) => t.app.inject({ method: 'POST', url: '/api/feedback', headers: { 'x-feedback-token': token }, payload });

async function resolvedVisit(visitor: Record<string, string>) {
  const visit = await checkInWithLink(t.app, demo.hardwareChoice, visitor);
  await callNext(t.app, demo.alex, demo.desk1);
  await technicianAction(t.app, demo.alex, visit.id, 'resolve', { note: 'fixed' });
  return visit;
}

describe('"How did it go?" at the kiosk', () => {
  it('finds the badge holder’s visit resolved today, takes one feedback with the short-lived token, then has nothing left to rate', async () => {
    const visit = await resolvedVisit({ kind: 'badge', badgeId: '0004411001' });
    // Scanned on the way out: the badge, or the same person's email or employee id.
    const found = await lookup('E1001');
    expect(found.statusCode).toBe(200);
    expect(found.json()).toEqual({ ticketNumber: visit.ticketNumber, feedbackToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });
    const token = found.json().feedbackToken as string;

    expect((await giveWith(token, { score: 1, comment: 'took long' })).statusCode).toBe(201);
    const events = await t.database.db.selectFrom('events').select('data').where('visit_id', '=', visit.id).where('type', '=', 'visit.feedback_given').execute();
    expect(events.map((e) => JSON.parse(e.data))).toEqual([{ score: 1, comment: 'took long', technicianId: demo.alex, categoryId: demo.hardwareChoice }]);
    expect((await giveWith(token, { score: 3 })).statusCode).toBe(409);
    const again = await lookup('0004411001');
    expect(again.statusCode).toBe(404);
    expect(again.json()).toMatchObject({ code: 'no_visit_to_rate', message: expect.stringContaining('8 hours') });
  });

  it('finds a guest by the email they gave, not a visit still waiting, nor one resolved long ago; the token lasts minutes', async () => {
    const guest = await resolvedVisit({ kind: 'guest', name: 'Auditor', email: 'Auditor@Partner.example' });
    await checkInWithLink(t.app, demo.softwareChoice, { kind: 'guest', name: 'Still Waiting', email: 'wait@partner.example' });
    expect((await lookup('wait@partner.example')).statusCode).toBe(404);
    const found = await lookup('AUDITOR@partner.example');
    expect(found.json().ticketNumber).toBe(guest.ticketNumber);
    t.clock.advance(11 * 60);
    expect((await giveWith(found.json().feedbackToken, { score: 3 })).statusCode).toBe(410);
    t.clock.advance(8 * 3600);
    expect((await lookup('auditor@partner.example')).statusCode).toBe(404);
    expect(await t.database.db.selectFrom('visit_feedback').select('visit_id').execute()).toEqual([]);
  });

  it('is for kiosks only, of their own site, and refuses bad input by naming the field', async () => {
    await resolvedVisit({ kind: 'badge', badgeId: '0004411002' });
    expect((await t.as.alex.inject({ method: 'POST', url: `/api/sites/${demo.site}/feedback-lookup`, payload: { identifier: '0004411002' } })).statusCode).toBe(403);
    expect((await t.as.anonymous.inject({ method: 'POST', url: `/api/sites/${demo.site}/feedback-lookup`, payload: { identifier: '0004411002' } })).statusCode).toBe(401);
    const empty = await t.as.kiosk.inject({ method: 'POST', url: `/api/sites/${demo.site}/feedback-lookup`, payload: { identifier: '' } });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().message).toContain('identifier');
    const badHeader = await t.app.inject({ method: 'POST', url: '/api/feedback', headers: { 'x-feedback-token': 'short' }, payload: { score: 3 } });
    expect(badHeader.statusCode).toBe(400);
    expect(badHeader.json().message).toContain('x-feedback-token');
    expect(await t.database.db.selectFrom('feedback_links').select('token_hash').execute()).toEqual([]);
  });

  it('slows a kiosk down after repeated lookups that find nothing', async () => {
    for (let i = 0; i < 5; i++) expect((await lookup(`nobody-${i}@example.org`)).statusCode).toBe(404);
    const limited = await lookup('nobody-6@example.org');
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBeDefined();
  });
});
