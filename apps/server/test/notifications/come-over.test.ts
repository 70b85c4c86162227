import type { SiteView } from '@walkup/domain';
import type { EstimatesPayload } from '@walkup/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { RetryableSendError, type NotificationChannel } from '../../src/notifications/notification-channel.ts';
import { demo } from '../visitor/visitor-helpers.ts';
import { emailThatDiesAfterSending, startNotificationScene, type NotificationScene } from './notification-helpers.ts';

/**
 * Visitors on the way (remote check-in) are told to walk over early enough: when their estimated wait
 * falls to the site's walking time, or when they reach the "almost up" place, whichever comes first;
 * once per visit, never once they arrived, never after the end, and never twice across a restart.
 */
let scene: NotificationScene;
afterEach(async () => scene?.close());

/** Estimates a test sets by hand: the one for the remote visitor, minutes from now. */
function fakeEstimates() {
  const expectedMinutes = new Map<string, number>();
  return {
    expectedMinutes,
    estimatesFor: async (view: SiteView): Promise<EstimatesPayload> => ({
      seq: view.seq,
      queues: {},
      open: true,
      visits: Object.fromEntries([...expectedMinutes].map(([id, minutes]) => [id, { expectedSeconds: minutes * 60, lowSeconds: minutes * 30, highSeconds: minutes * 90 }])),
    }),
  };
}

async function turnOnRemoteCheckIn(settings: Record<string, unknown> = {}) {
  const response = await scene.t.as.admin.inject({ method: 'PUT', url: `/api/admin/sites/${demo.site}/visitor-settings`, payload: { stepAwayLimitMinutes: 30, remoteCheckIn: true, ...settings } });
  expect(response.statusCode, response.body).toBe(200);
}

/** Four walk-ins ahead (places 1-4: the "almost up" place is 3), then someone checking in from their phone. */
async function remoteVisitorFifthInLine(email = 'remote@example.org') {
  // Only once per scene (a second remote visitor joins behind the same walk-ins); time moves so the order is plain.
  const walkInsThere = await scene.t.database.db.selectFrom('visits').select('id').where('visitor_email', '=', 'walkin1@example.org').executeTakeFirst();
  if (!walkInsThere) {
    for (const n of [1, 2, 3, 4]) {
      await scene.checkIn(`walkin${n}@example.org`, `Walk-in ${n}`);
      scene.t.clock.advance(5);
    }
  }
  scene.t.clock.advance(5);
  const asked = await scene.t.app.inject({ method: 'POST', url: `/api/sites/${demo.site}/remote-check-ins`, payload: { categoryId: demo.hardwareChoice, name: 'Remote Person', email, language: 'en' } });
  expect(asked.statusCode, asked.body).toBe(202);
  const opened = await scene.t.app.inject({ method: 'POST', url: '/api/remote-check-ins/confirm', payload: { token: scene.outbox.tokenFrom(email, 'checkin-link') } });
  expect(opened.statusCode, opened.body).toBe(201);
  const token = (opened.json().visitorLink as string).split('#')[1]!;
  return { id: await visitIdOf(email), token };
}

const visitIdOf = async (email: string) => (await scene.t.database.db.selectFrom('visits').select('id').where('visitor_email', '=', email).executeTakeFirstOrThrow()).id;
/** Staff cancel a walk-in (they left): everyone behind moves up. */
async function walkInLeaves(n: number) {
  const response = await scene.t.as.admin.inject({ method: 'POST', url: `/api/visits/${await visitIdOf(`walkin${n}@example.org`)}/cancel`, payload: { reason: 'left' } });
  expect(response.statusCode, response.body).toBe(200);
}

const comeOverRows = async (visitId: string) => (await scene.rows(visitId)).filter((r) => r.kind === 'come_over');
const comeOverWebhooks = () => scene.webhook.accepted.filter((body) => body.kind === 'come_over');

describe('"time to come over" for visitors on the way', () => {
  it('takes its walking time from the admin (10 minutes by default, 1 to 120), refusing anything else and changing nothing', async () => {
    scene = await startNotificationScene();
    const url = `/api/admin/sites/${demo.site}/visitor-settings`;
    expect((await scene.t.as.admin.inject({ url })).json()).toMatchObject({ remoteNotifyMinutes: 10 });
    for (const remoteNotifyMinutes of [0, 121, 2.5, 'ten']) {
      const refused = await scene.t.as.admin.inject({ method: 'PUT', url, payload: { stepAwayLimitMinutes: 30, remoteNotifyMinutes } });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().message).toContain('remoteNotifyMinutes');
    }
    expect((await scene.t.as.admin.inject({ url })).json()).toMatchObject({ remoteNotifyMinutes: 10 });
    await turnOnRemoteCheckIn({ remoteNotifyMinutes: 15 });
    expect((await scene.t.as.admin.inject({ url })).json()).toMatchObject({ remoteNotifyMinutes: 15, remoteCheckIn: true });
    // A change that leaves it out keeps it.
    await turnOnRemoteCheckIn();
    expect((await scene.t.as.admin.inject({ url })).json()).toMatchObject({ remoteNotifyMinutes: 15 });
    const technician = await scene.t.as.alex.inject({ method: 'PUT', url, payload: { stepAwayLimitMinutes: 30, remoteNotifyMinutes: 5 } });
    expect(technician.statusCode).toBe(403);
  });

  it('is sent once, by every channel, when the estimate falls to the walking time, before their place is "almost up"', async () => {
    scene = await startNotificationScene();
    await turnOnRemoteCheckIn({ remoteNotifyMinutes: 12 });
    const estimates = fakeEstimates();
    const worker = scene.newWorker({ estimatesFor: estimates.estimatesFor });
    const remote = await remoteVisitorFifthInLine();
    await scene.t.app.inject({ method: 'PUT', url: '/api/visitor/notifications/push', headers: { 'x-visit-token': remote.token }, payload: scene.push.subscription });

    estimates.expectedMinutes.set(remote.id, 25);
    await worker.drain();
    expect(await comeOverRows(remote.id)).toEqual([]);
    expect(scene.mailsTo('remote@example.org')).toHaveLength(0);

    // No event at all: time passing shrinks the estimate, and the worker looks again.
    estimates.expectedMinutes.set(remote.id, 11);
    scene.t.clock.advance(60);
    await worker.drain();
    const rows = await comeOverRows(remote.id);
    expect(rows.map((r) => [r.channel, r.state])).toEqual([['email', 'sent'], ['push', 'sent'], ['webhook', 'sent']]);
    const mail = scene.mailsTo('remote@example.org');
    expect(mail).toHaveLength(1);
    expect(mail[0]!.subject).toContain('time to come over');
    expect(mail[0]!.text).toContain('in about 11 min');
    expect(scene.push.delivered.map((p) => p.title)).toEqual([expect.stringContaining('time to come over')]);
    expect(comeOverWebhooks()).toHaveLength(1);

    // Further down, then at the "almost up" place: nothing more for this visit.
    estimates.expectedMinutes.set(remote.id, 4);
    await walkInLeaves(4);
    await worker.drain();
    expect(scene.mailsTo('remote@example.org')).toHaveLength(1);
    expect((await scene.rows(remote.id)).filter((r) => r.kind === 'almost_up')).toEqual([]);
    // The walk-ins at places 1-3 were told "almost up", never "come over".
    const walkInKinds = (await scene.rows(await visitIdOf('walkin1@example.org'))).map((r) => r.kind);
    expect(walkInKinds).not.toContain('come_over');
    expect(walkInKinds).toContain('almost_up');
  });

  it('comes at the "almost up" place when the estimate is still long (the real estimator by default)', async () => {
    scene = await startNotificationScene();
    await turnOnRemoteCheckIn({ remoteNotifyMinutes: 1 });
    const worker = scene.newWorker();
    const remote = await remoteVisitorFifthInLine();
    await worker.drain();
    expect(await comeOverRows(remote.id)).toEqual([]);
    // Two walk-ins ahead leave: the remote visitor is third, the site's "almost up" place.
    for (const n of [1, 2]) await walkInLeaves(n);
    await worker.drain();
    expect((await comeOverRows(remote.id)).map((r) => r.state)).toEqual(['sent', 'sent']);
    expect(scene.mailsTo('remote@example.org')[0]!.text).toMatch(/Your turn is (in about \d+ min|soon \(you are number 3 in line\))/);
  });

  it('is not sent through this path once the visitor arrived: they get "almost up" at their place instead', async () => {
    scene = await startNotificationScene();
    await turnOnRemoteCheckIn();
    const estimates = fakeEstimates();
    const worker = scene.newWorker({ estimatesFor: estimates.estimatesFor });
    const remote = await remoteVisitorFifthInLine();
    estimates.expectedMinutes.set(remote.id, 30);
    await worker.drain();
    expect((await scene.t.app.inject({ method: 'POST', url: '/api/visitor/arrived', headers: { 'x-visit-token': remote.token } })).statusCode).toBe(200);
    estimates.expectedMinutes.set(remote.id, 2);
    scene.t.clock.advance(60);
    await worker.drain();
    expect(await comeOverRows(remote.id)).toEqual([]);
    expect(comeOverWebhooks()).toHaveLength(0);
    for (const n of [1, 2]) await walkInLeaves(n);
    await worker.drain();
    expect((await scene.rows(remote.id)).map((r) => [r.kind, r.state])).toEqual([['almost_up', 'sent'], ['almost_up', 'sent']]);
    expect(scene.mailsTo('remote@example.org')[0]!.subject).toContain('almost up');
  });

  it('a "come over" decided but not yet out when the visitor arrives, or the visit ends, is never sent', async () => {
    // The mail server refuses for a while: the decisions wait for their retry.
    let refusing = true;
    const wrapEmail = (email: NotificationChannel): NotificationChannel => ({
      ...email,
      async send(target, message) {
        if (refusing) throw new RetryableSendError('421 try again later');
        await email.send(target, message);
      },
    });
    scene = await startNotificationScene({ wrapEmail });
    await turnOnRemoteCheckIn();
    const estimates = fakeEstimates();
    const worker = scene.newWorker({ estimatesFor: estimates.estimatesFor });
    const arrives = await remoteVisitorFifthInLine('arrives@example.org');
    const leaves = await remoteVisitorFifthInLine('leaves@example.org');
    estimates.expectedMinutes.set(arrives.id, 3);
    estimates.expectedMinutes.set(leaves.id, 5);
    await worker.drain();
    expect((await comeOverRows(arrives.id)).find((r) => r.channel === 'email')?.state).toBe('retrying');
    expect((await comeOverRows(leaves.id)).find((r) => r.channel === 'email')?.state).toBe('retrying');

    await scene.t.app.inject({ method: 'POST', url: '/api/visitor/arrived', headers: { 'x-visit-token': arrives.token } });
    await scene.t.app.inject({ method: 'POST', url: '/api/visitor/cancel', headers: { 'x-visit-token': leaves.token } });
    refusing = false;
    scene.t.clock.advance(3600);
    await worker.drain();
    expect(scene.mailsTo('arrives@example.org')).toHaveLength(0);
    expect(scene.mailsTo('leaves@example.org')).toHaveLength(0);
    expect((await comeOverRows(arrives.id)).find((r) => r.channel === 'email')).toMatchObject({ state: 'cancelled', last_error: 'arrived before it was sent' });
    expect((await comeOverRows(leaves.id)).find((r) => r.channel === 'email')).toMatchObject({ state: 'cancelled', last_error: 'visit ended' });
    // Nor is anything new decided for either as time passes (the webhook, which did not refuse, went out before).
    const before = [...(await comeOverRows(arrives.id)), ...(await comeOverRows(leaves.id))];
    estimates.expectedMinutes.set(leaves.id, 1);
    estimates.expectedMinutes.set(arrives.id, 1);
    scene.t.clock.advance(60);
    await worker.drain();
    expect([...(await comeOverRows(arrives.id)), ...(await comeOverRows(leaves.id))]).toEqual(before);
    expect(scene.mailsTo('arrives@example.org')).toHaveLength(0);
  });

  it('survives a restart without sending twice: one sent before, none decided or sent again after', async () => {
    // The first process hands the mail over, then dies before recording it.
    const dying = emailThatDiesAfterSending((message) => message.kind === 'come_over');
    scene = await startNotificationScene({ wrapEmail: dying.wrapEmail });
    await turnOnRemoteCheckIn();
    const estimates = fakeEstimates();
    const first = scene.newWorker({ estimatesFor: estimates.estimatesFor });
    const remote = await remoteVisitorFifthInLine();
    await first.drain();
    estimates.expectedMinutes.set(remote.id, 8);
    void first.drain();
    await expect.poll(() => scene.mailsTo('remote@example.org').length, { timeout: 10_000 }).toBe(1);

    dying.revive();
    const second = scene.newWorker({ estimatesFor: estimates.estimatesFor });
    await second.start();
    await second.drain();
    estimates.expectedMinutes.set(remote.id, 2);
    scene.t.clock.advance(3600);
    await second.drain();
    await second.stop();
    expect(scene.mailsTo('remote@example.org')).toHaveLength(1);
    const rows = await comeOverRows(remote.id);
    expect(rows).toHaveLength(2);
    expect(rows.find((r) => r.channel === 'email')).toMatchObject({ state: 'failed', last_error: expect.stringContaining('not sent again') });
    expect(comeOverWebhooks()).toHaveLength(1);
  });
});
