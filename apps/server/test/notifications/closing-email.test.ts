import { afterEach, describe, expect, it } from 'vitest';
import { callersFor } from '../helpers/test-app.ts';
import { callNext, checkInWithLink, demo, technicianAction } from '../visitor/visitor-helpers.ts';
import { startNotificationScene, type NotificationScene } from './notification-helpers.ts';

let scene: NotificationScene;
afterEach(async () => scene?.close());
// Three protocol peers per test on a shared machine: more time than the default, so a slow run does not
// leave a timed-out test acting on the next test's scene.
const slow = 90_000;

const feedbackWith = (token: string, payload?: Record<string, unknown>) =>
  scene.t.app.inject({ method: payload ? 'POST' : 'GET', url: '/api/feedback', headers: { 'x-feedback-token': token }, ...(payload ? { payload } : {}) });

/** The tokens of the closing email's three links, in the order unhappy, neutral, happy. */
function linksOf(text: string): { happy: string; unhappy: string; tokens: string[] } {
  const urls = [...text.matchAll(/https:\/\/walkup\.example\.org\/visitor\/feedback\?score=(\d)#([A-Za-z0-9_-]+)/g)];
  const byScore = Object.fromEntries(urls.map((m) => [m[1], m[2]!]));
  return { happy: byScore['3']!, unhappy: byScore['1']!, tokens: urls.map((m) => m[2]!) };
}

async function resolvedVisit(visitor: Record<string, string>) {
  const visit = await checkInWithLink(scene.t.app, demo.hardwareChoice, visitor);
  await callNext(scene.t.app, demo.alex, demo.desk1);
  await technicianAction(scene.t.app, demo.alex, visit.id, 'resolve', { note: 'fixed' });
  return visit;
}

describe('the closing email', () => {
  it('asks "how did it go?" with a link per face; a link records the feedback once, as the event', async () => {
    scene = await startNotificationScene();
    const worker = scene.newWorker();
    const visit = await resolvedVisit({ kind: 'email', email: 'ada@example.org', name: 'Ada Lovelace' });
    await worker.drain();

    const closing = scene.mailsTo('ada@example.org').filter((m) => m.subject?.includes('how did it go'));
    expect(closing.map((m) => m.subject)).toEqual([`Ticket ${visit.ticketNumber}: how did it go?`]);
    const links = linksOf(closing[0]!.text!);
    expect(links.tokens).toHaveLength(3);
    // One token behind the three faces: the score is the visitor's tap, not the link.
    expect(new Set(links.tokens).size).toBe(1);
    expect((await scene.rows(visit.id)).filter((r) => r.kind === 'feedback').map((r) => [r.channel, r.state])).toEqual([['email', 'sent']]);
    // The token is not kept in the delivery record.
    expect(JSON.stringify(await scene.rows(visit.id))).not.toContain(links.happy);

    expect((await feedbackWith(links.happy)).json()).toEqual({ open: true, ticketNumber: visit.ticketNumber });
    const given = await feedbackWith(links.happy, { score: 3, comment: 'quick' });
    expect(given.statusCode).toBe(201);
    const again = await feedbackWith(links.unhappy, { score: 1 });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('feedback_given');
    // The phone page's own link is refused too: one feedback per visit, whatever the way in.
    expect((await scene.t.app.inject({ method: 'POST', url: '/api/visitor/feedback', headers: { 'x-visit-token': visit.token }, payload: { score: 2 } })).statusCode).toBe(409);
    const events = await scene.t.database.db.selectFrom('events').select('data').where('visit_id', '=', visit.id).where('type', '=', 'visit.feedback_given').execute();
    expect(events.map((e) => JSON.parse(e.data))).toEqual([{ score: 3, comment: 'quick', technicianId: demo.alex, categoryId: demo.hardwareChoice }]);
  }, slow);

  it('refuses an expired link (410), an unknown one and a phone link used as a feedback link (404), and changes nothing', async () => {
    scene = await startNotificationScene();
    const worker = scene.newWorker();
    const visit = await resolvedVisit({ kind: 'guest', name: 'Grace Hopper', email: 'grace@example.org' });
    await worker.drain();
    const { happy } = linksOf(scene.mailsTo('grace@example.org').find((m) => m.subject?.includes('how did it go'))!.text!);

    // Foreign tokens: the visit's phone link, a made-up token; and the email token on the phone routes.
    expect((await feedbackWith(visit.token, { score: 3 })).statusCode).toBe(404);
    expect((await feedbackWith('A'.repeat(43), { score: 3 })).json()).toMatchObject({ statusCode: 404, code: 'feedback_link_unknown' });
    expect((await scene.t.app.inject({ method: 'POST', url: '/api/visitor/feedback', headers: { 'x-visit-token': happy }, payload: { score: 3 } })).statusCode).toBe(404);
    expect((await feedbackWith(happy, { score: 4 })).json()).toMatchObject({ statusCode: 400, message: expect.stringContaining('score') });

    scene.t.clock.advance(73 * 3600);
    const late = await feedbackWith(happy, { score: 3 });
    expect(late.statusCode).toBe(410);
    expect(late.json().code).toBe('feedback_link_expired');
    expect(await scene.t.database.db.selectFrom('visit_feedback').select('visit_id').execute()).toEqual([]);
  }, slow);

  it('is not sent to a visitor without an email, nor after feedback was given on the phone meanwhile, nor to one who stopped notifications', async () => {
    scene = await startNotificationScene();
    const worker = scene.newWorker();
    const anonymous = await resolvedVisit({ kind: 'guest', name: 'No Mail' });
    const quick = await resolvedVisit({ kind: 'email', email: 'quick@example.org', name: 'Quick Rater' });
    expect((await scene.t.app.inject({ method: 'POST', url: '/api/visitor/feedback', headers: { 'x-visit-token': quick.token }, payload: { score: 2 } })).statusCode).toBe(201);
    // Stopped notifications on the phone while waiting: no closing email either.
    const quiet = await checkInWithLink(scene.t.app, demo.hardwareChoice, { kind: 'email', email: 'quiet@example.org', name: 'Quiet Visitor' });
    expect((await scene.t.app.inject({ method: 'PUT', url: '/api/visitor/notifications/opt-out', headers: { 'x-visit-token': quiet.token }, payload: { optedOut: true } })).statusCode).toBe(200);
    await callNext(scene.t.app, demo.alex, demo.desk1);
    await technicianAction(scene.t.app, demo.alex, quiet.id, 'resolve', { note: 'fixed' });
    await worker.drain();
    expect(scene.mailsTo('quiet@example.org')).toEqual([]);
    expect((await scene.rows(quiet.id)).filter((r) => r.kind === 'feedback')).toEqual([]);
    expect((await scene.rows(anonymous.id)).filter((r) => r.kind === 'feedback')).toEqual([]);
    expect((await scene.rows(quick.id)).find((r) => r.kind === 'feedback')).toMatchObject({ state: 'cancelled', last_error: 'feedback given or closed' });
    expect(scene.mailsTo('quick@example.org').filter((m) => m.subject?.includes('how did it go'))).toEqual([]);
  }, slow);
});

describe('who is notified, and in which language', () => {
  it('a guest who gave an email gets the notifications at that address', async () => {
    scene = await startNotificationScene();
    const worker = scene.newWorker();
    const guest = await checkInWithLink(scene.t.app, demo.hardwareChoice, { kind: 'guest', name: 'Visiting Auditor', email: 'Auditor@Partner.example' });
    await worker.drain();
    expect(scene.mailsTo('auditor@partner.example').map((m) => m.subject)).toEqual([`Ticket ${guest.ticketNumber}: you are almost up`]);
  }, slow);

  it('speaks the language the visitor used at the kiosk, and the site default otherwise', async () => {
    scene = await startNotificationScene();
    const worker = scene.newWorker();
    const kiosk = callersFor(scene.t.app).kiosk;
    const checkInAs = async (email: string, language?: 'fr' | 'en') => {
      const response = await kiosk.inject({ method: 'POST', url: `/api/sites/${demo.site}/visits`, payload: { categoryId: demo.hardwareChoice, visitor: { kind: 'email', email }, ...(language ? { language } : {}) } });
      expect(response.statusCode).toBe(201);
      return response.json() as { id: string; ticketNumber: string };
    };
    const french = await checkInAs('marie@example.org', 'fr');
    scene.t.clock.advance(5);
    const english = await checkInAs('john@example.org');
    const refused = await kiosk.inject({ method: 'POST', url: `/api/sites/${demo.site}/visits`, payload: { categoryId: demo.hardwareChoice, visitor: { kind: 'guest', name: 'X' }, language: 'de' } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toContain('language');
    await worker.drain();
    expect(scene.mailsTo('marie@example.org').map((m) => [m.subject, m.text?.split('\n')[0]])).toEqual([[`Ticket ${french.ticketNumber} : bientôt à vous`, 'Vous êtes le prochain dans la file (HQ Tech Bar).']]);
    expect(scene.mailsTo('john@example.org').map((m) => m.subject)).toEqual([`Ticket ${english.ticketNumber}: you are almost up`]);

    await callNext(scene.t.app, demo.alex, demo.desk1);
    await worker.drain();
    await technicianAction(scene.t.app, demo.alex, french.id, 'resolve', { note: 'fixed' });
    await worker.drain();
    const texts = scene.mailsTo('marie@example.org').map((m) => m.subject);
    expect(texts).toEqual(expect.arrayContaining([`Ticket ${french.ticketNumber} : c'est à vous`, `Ticket ${french.ticketNumber} : comment cela s'est-il passé ?`]));
    const closing = scene.mailsTo('marie@example.org').find((m) => m.subject?.includes('comment cela'))!.text!;
    expect(closing).toMatch(/^Très bien : https:\/\/walkup\.example\.org\/visitor\/feedback\?score=3#/m);
    expect(closing).toContain('Ces liens restent valables 3 jours, pour un seul avis.');
  }, slow);
});
