import { afterEach, describe, expect, it } from 'vitest';
import { anonymiseVisits } from '../../src/privacy/anonymise.ts';
import { withNotificationTables } from '../../src/notifications/notification-schema.ts';
import { emailThatDiesAfterSending, startNotificationScene, type NotificationScene } from './notification-helpers.ts';

let scene: NotificationScene;
afterEach(async () => scene?.close());

describe('at most once, opt-out, erasure', () => {
  it('a restart between the send and its record does not send again', async () => {
    // The first process hands the mail to the SMTP server, then dies before recording it.
    const dying = emailThatDiesAfterSending();
    scene = await startNotificationScene({ wrapEmail: dying.wrapEmail });
    const first = scene.newWorker();
    const visit = await scene.checkIn('ada@example.org');
    void first.drain();
    await expect.poll(() => scene.mailsTo('ada@example.org').length, { timeout: 10_000 }).toBe(1);

    dying.revive();
    const second = scene.newWorker();
    await second.start();
    await second.drain();
    scene.t.clock.advance(3600);
    await second.drain();
    await second.stop();
    expect(scene.mailsTo('ada@example.org')).toHaveLength(1);
    expect((await scene.rows(visit.id)).find((r) => r.channel === 'email')).toMatchObject({ state: 'failed', last_error: expect.stringContaining('not sent again') });
  });

  it('opt-out is one tap on the phone page, and one tap from the email link', async () => {
    scene = await startNotificationScene();
    const worker = scene.newWorker();
    const phone = await scene.checkIn('phone@example.org', 'Phone Person');
    const tap = await scene.t.app.inject({ method: 'PUT', url: '/api/visitor/notifications/opt-out', headers: { 'x-visit-token': phone.token }, payload: { optedOut: true } });
    expect(tap.json()).toMatchObject({ optedOut: true, email: true });
    await worker.drain();
    expect(scene.mailsTo('phone@example.org')).toHaveLength(0);
    expect(scene.webhook.accepted).toHaveLength(0);

    const bad = await scene.t.app.inject({ method: 'PUT', url: '/api/visitor/notifications/opt-out', headers: { 'x-visit-token': phone.token }, payload: { optedOut: 'yes' } });
    expect(bad.statusCode).toBe(400);

    scene.t.clock.advance(5);
    await scene.checkIn('mail@example.org', 'Mail Person');
    await worker.drain();
    const link = /https:\/\/walkup\.example\.org(\/api\/notifications\/opt-out\/[\w-]+)/.exec(scene.mailsTo('mail@example.org')[0]!.text!)![1]!;
    const page = await scene.t.app.inject({ url: link });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<form method="post"');
    const stop = await scene.t.app.inject({ method: 'POST', url: link });
    expect(stop.body).toContain('Notifications for this visit are stopped');
    const unknown = await scene.t.app.inject({ method: 'POST', url: '/api/notifications/opt-out/AAAAAAAAAAAAAAAAAAAAAAAA' });
    expect(unknown.statusCode).toBe(404);
    const preferences = await withNotificationTables(scene.t.database.db).selectFrom('visit_notification_preferences').select(['opted_out']).orderBy('opted_out').execute();
    expect(preferences.map((p) => p.opted_out)).toEqual([1, 1]);
  });

  it('push subscriptions and notification rows are erased with the person', async () => {
    scene = await startNotificationScene();
    const worker = scene.newWorker();
    const visit = await scene.checkIn('ada@example.org');
    await scene.t.app.inject({ method: 'PUT', url: '/api/visitor/notifications/push', headers: { 'x-visit-token': visit.token }, payload: scene.push.subscription });
    await worker.drain();
    expect((await scene.rows(visit.id)).length).toBeGreaterThan(0);
    const db = scene.t.database.db;
    await db.transaction().execute((trx) => anonymiseVisits(trx, [visit.id], new Date().toISOString()));
    expect(await scene.rows(visit.id)).toEqual([]);
    expect(await withNotificationTables(db).selectFrom('visit_notification_preferences').selectAll().where('visit_id', '=', visit.id).execute()).toEqual([]);
  });
});
