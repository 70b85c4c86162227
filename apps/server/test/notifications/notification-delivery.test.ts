import { afterEach, describe, expect, it } from 'vitest';
import { callNext, demo } from '../visitor/visitor-helpers.ts';
import { startNotificationScene, type NotificationScene } from './notification-helpers.ts';

let scene: NotificationScene;
afterEach(async () => scene?.close());

describe('notifications over real protocol peers', () => {
  it('"called, go to desk X" reaches the SMTP server, the push service (VAPID checked, payload decrypted) and the signed webhook', async () => {
    scene = await startNotificationScene();
    const worker = scene.newWorker();
    const visit = await scene.checkIn('ada@example.org');
    const subscribe = await scene.t.app.inject({ method: 'PUT', url: '/api/visitor/notifications/push', headers: { 'x-visit-token': visit.token }, payload: scene.push.subscription });
    expect(subscribe.json()).toMatchObject({ optedOut: false, email: true, push: true });

    await callNext(scene.t.app, demo.alex, demo.desk1);
    await worker.drain();

    const called = scene.mailsTo('ada@example.org').filter((m) => m.subject?.includes('your turn'));
    expect(called).toHaveLength(1);
    expect(called[0]!.subject).toBe(`Ticket ${visit.ticketNumber}: it's your turn`);
    expect(called[0]!.text).toMatch(/Please go to desk .+\./);
    expect(called[0]!.text).toContain('https://walkup.example.org/api/notifications/opt-out/');
    expect(scene.push.refused).toEqual([]);
    expect(scene.push.delivered).toContainEqual(expect.objectContaining({ title: `Ticket ${visit.ticketNumber}: it's your turn` }));
    const hook = scene.webhook.accepted.find((h) => h.kind === 'called');
    expect(hook).toMatchObject({ ticketNumber: visit.ticketNumber, desk: expect.any(String) });
    expect(scene.webhook.rejected()).toBe(0);
    // A public channel: no name, no address.
    expect(JSON.stringify(scene.webhook.accepted)).not.toMatch(/Ada|Lovelace|ada@example/);

    const rows = await scene.rows(visit.id);
    expect(rows.filter((r) => r.kind === 'called').map((r) => [r.channel, r.state])).toEqual([
      ['email', 'sent'],
      ['push', 'sent'],
      ['webhook', 'sent'],
    ]);
  });

  it('"you are Nth in line" goes once to those within the site setting, and to the next one as people are called', async () => {
    scene = await startNotificationScene();
    const worker = scene.newWorker();
    const put = await scene.t.as.admin.inject({ method: 'PUT', url: `/api/admin/sites/${demo.site}/notification-settings`, payload: { notifyAtPosition: 2 } });
    expect(put.json()).toEqual({ notifyAtPosition: 2 });
    await scene.checkIn('first@example.org');
    scene.t.clock.advance(5);
    await scene.checkIn('second@example.org');
    scene.t.clock.advance(5);
    await scene.checkIn('third@example.org');
    await worker.drain();
    expect(scene.mailsTo('first@example.org').map((m) => m.subject)).toEqual([expect.stringMatching(/almost up/)]);
    expect(scene.mailsTo('second@example.org')[0]!.text).toContain('You are number 2 in line');
    expect(scene.mailsTo('third@example.org')).toHaveLength(0);

    await callNext(scene.t.app, demo.alex, demo.desk1);
    await worker.drain();
    await worker.drain();
    expect(scene.mailsTo('third@example.org').map((m) => m.text)).toEqual([expect.stringContaining('You are number 2 in line')]);
    // Second moved to first place: no second "almost up".
    expect(scene.mailsTo('second@example.org')).toHaveLength(1);
  });

  it('a stopped mail server delays the email, never loses it: sent once it is back, with backoff', async () => {
    scene = await startNotificationScene();
    const worker = scene.newWorker();
    await scene.smtp.stop();
    const visit = await scene.checkIn('ada@example.org');
    await worker.drain();
    expect((await scene.rows(visit.id)).find((r) => r.channel === 'email')).toMatchObject({ state: 'retrying', attempts: 1 });
    await scene.smtp.restart();
    await worker.drain();
    expect(scene.smtp.received).toHaveLength(0); // not due yet: backoff
    scene.t.clock.advance(2);
    await worker.drain();
    expect(scene.mailsTo('ada@example.org').map((m) => m.subject)).toEqual([`Ticket ${visit.ticketNumber}: you are almost up`]);
    expect((await scene.rows(visit.id)).find((r) => r.channel === 'email')).toMatchObject({ state: 'sent', attempts: 2 });
  });

  it('nothing is sent after the visit ended, even what was waiting for a retry', async () => {
    scene = await startNotificationScene();
    const worker = scene.newWorker();
    await scene.smtp.stop();
    const visit = await scene.checkIn('ada@example.org');
    await worker.drain();
    const cancel = await scene.t.app.inject({ method: 'POST', url: '/api/visitor/cancel', headers: { 'x-visit-token': visit.token } });
    expect(cancel.statusCode).toBe(200);
    await scene.smtp.restart();
    scene.t.clock.advance(60);
    await worker.drain();
    expect(scene.smtp.received).toHaveLength(0);
    expect((await scene.rows(visit.id)).map((r) => [r.channel, r.state])).toEqual([
      ['email', 'cancelled'],
      ['webhook', 'sent'],
    ]);
  });

  it('an "almost up" still waiting for a retry is dropped once the visitor is called; the call is sent', async () => {
    scene = await startNotificationScene();
    const worker = scene.newWorker();
    await scene.smtp.stop();
    const visit = await scene.checkIn('ada@example.org');
    await worker.drain();
    await callNext(scene.t.app, demo.alex, demo.desk1);
    await scene.smtp.restart();
    scene.t.clock.advance(60);
    await worker.drain();
    expect(scene.mailsTo('ada@example.org').map((m) => m.subject)).toEqual([`Ticket ${visit.ticketNumber}: it's your turn`]);
    expect((await scene.rows(visit.id)).filter((r) => r.channel === 'email').map((r) => [r.kind, r.state, r.last_error])).toEqual([
      ['almost_up', 'cancelled', 'already called'],
      ['called', 'sent', null],
    ]);
  });
});
