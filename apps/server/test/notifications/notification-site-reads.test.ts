import type { SiteView } from '@walkup/domain';
import { afterEach, describe, expect, it } from 'vitest';
import { cursorName } from '../../src/notifications/decide-notifications.ts';
import { withNotificationTables } from '../../src/notifications/notification-schema.ts';
import { readCursor } from '../../src/queries/events.ts';
import { callNext, demo, technicianAction } from '../visitor/visitor-helpers.ts';
import { startNotificationScene, type NotificationScene } from './notification-helpers.ts';

/**
 * What a pass reads to decide: the site's live view when it is as new as the events read (the
 * database otherwise), and nothing at all about sites when no channel could carry a notification.
 */
const scenes: NotificationScene[] = [];
afterEach(async () => {
  await Promise.all(scenes.splice(0).map((scene) => scene.close()));
});
async function newScene() {
  const scene = await startNotificationScene();
  scenes.push(scene);
  return scene;
}

/** Check-ins, a call, a staff cancel and a resolution, with a pass after each step; every decision made, in order. */
async function decisionsOf(scene: NotificationScene, worker: { drain(): Promise<void> }) {
  const put = await scene.t.as.admin.inject({ method: 'PUT', url: `/api/admin/sites/${demo.site}/notification-settings`, payload: { notifyAtPosition: 2 } });
  expect(put.statusCode, put.body).toBe(200);
  const visits = [];
  for (const n of [1, 2, 3, 4]) {
    visits.push(await scene.checkIn(`visitor${n}@example.org`, `Visitor ${n}`));
    scene.t.clock.advance(5);
  }
  await worker.drain();
  const first = await callNext(scene.t.app, demo.alex, demo.desk1);
  await worker.drain();
  const cancel = await scene.t.as.admin.inject({ method: 'POST', url: `/api/visits/${visits[2]!.id}/cancel`, payload: { reason: 'left' } });
  expect(cancel.statusCode, cancel.body).toBe(200);
  await worker.drain();
  await technicianAction(scene.t.app, demo.alex, first.id, 'start');
  await technicianAction(scene.t.app, demo.alex, first.id, 'resolve', { note: 'fixed' });
  await worker.drain();
  const rows = await withNotificationTables(scene.t.database.db).selectFrom('notification_deliveries').select(['created_at', 'kind', 'channel', 'payload']).execute();
  const decisions = rows.map((row) => {
    const { ticketNumber, position, deskName } = JSON.parse(row.payload) as { ticketNumber: string; position: number | null; deskName: string | null };
    return { at: row.created_at, ticketNumber, kind: row.kind, channel: row.channel, position, deskName };
  });
  // Rows of one pass share their time: ordered by what they say, as PostgreSQL returns ties in any order.
  const key = (d: (typeof decisions)[number]) => [d.at, d.kind, d.ticketNumber, d.channel].join(' ');
  return decisions.sort((a, b) => key(a).localeCompare(key(b)));
}

describe('what a notification pass reads', () => {
  it('decides from the live views exactly as from the database', async () => {
    const live = await newScene();
    // Counts the live views found as new as the log: those the passes decided from.
    let upToDate = 0;
    const views = {
      async view(siteId: string) {
        const view = await live.t.app.walkup.views.view(siteId);
        const site = await live.t.database.db.selectFrom('sites').select('event_seq').where('id', '=', siteId).executeTakeFirstOrThrow();
        if (view.seq >= site.event_seq) upToDate++;
        return view;
      },
    };
    const fromLive = await decisionsOf(live, live.newWorker({ views }));
    const database = await newScene();
    const fromDatabase = await decisionsOf(database, database.newWorker({ views: undefined }));

    expect(upToDate).toBeGreaterThan(0);
    expect(fromLive).toEqual(fromDatabase);
    // The scenario decides something of every kind, so the comparison means something.
    expect(new Set(fromLive.map((d) => d.kind))).toEqual(new Set(['almost_up', 'called', 'feedback']));
  });

  it('reads the view from the database when the live one trails even the first event the pass read', async () => {
    const scene = await newScene();
    // This instance's views as they were before the call and the last check-in, as if their bus
    // messages had not arrived yet (another instance's commits on PostgreSQL, or a publish pending).
    let trailing: SiteView | null = null;
    const worker = scene.newWorker({ views: { view: async (siteId) => trailing ?? scene.t.app.walkup.views.view(siteId) } });
    await scene.checkIn('first@example.org');
    scene.t.clock.advance(5);
    await scene.checkIn('second@example.org');
    await worker.drain();
    trailing = await scene.t.app.walkup.views.view(demo.site);

    await callNext(scene.t.app, demo.alex, demo.desk1);
    scene.t.clock.advance(5);
    await scene.checkIn('third@example.org');
    await worker.drain();

    // Decided from the trailing view, the first would still be waiting and the third not in line.
    expect(scene.mailsTo('first@example.org').map((m) => m.subject)).toEqual([expect.stringMatching(/almost up/), expect.stringMatching(/your turn/)]);
    expect(scene.mailsTo('third@example.org').map((m) => m.text)).toEqual([expect.stringContaining('You are number 2 in line')]);
  });

  it('decides the events the live view reached and leaves the later ones to the next pass', async () => {
    const scene = await newScene();
    let trailing: SiteView | null = null;
    const worker = scene.newWorker({ views: { view: async (siteId) => trailing ?? scene.t.app.walkup.views.view(siteId) } });
    await scene.checkIn('first@example.org');
    await worker.drain();
    await callNext(scene.t.app, demo.alex, demo.desk1);
    // The call reached this instance's view; the next check-in's bus message has not yet.
    trailing = await scene.t.app.walkup.views.view(demo.site);
    const second = await scene.checkIn('second@example.org');
    await worker.drain();

    expect(scene.mailsTo('first@example.org').map((m) => m.subject)).toEqual([expect.stringMatching(/almost up/), expect.stringMatching(/your turn/)]);
    expect(await scene.rows(second.id)).toEqual([]);
    const checkedIn = await scene.t.database.db.selectFrom('events').select('id').where('visit_id', '=', second.id).executeTakeFirstOrThrow();
    expect(await readCursor(scene.t.database.db, cursorName)).toBeLessThan(checkedIn.id);

    trailing = null;
    await worker.drain();
    expect(scene.mailsTo('second@example.org').map((m) => m.text)).toEqual([expect.stringContaining('You are next in line')]);
  });

  it('without any channel, decides nothing and reads no visitor, yet still cancels what was queued for a visit that ended', async () => {
    const scene = await newScene();
    // Queued while the channels were configured: the mail server is down, so the email waits for a retry.
    await scene.smtp.stop();
    const leaving = await scene.checkIn('leaving@example.org');
    await scene.newWorker().drain();
    expect((await scene.rows(leaving.id)).find((r) => r.channel === 'email')).toMatchObject({ state: 'retrying' });

    // Restarted without channels: the visitor leaves, two others come.
    const worker = scene.newWorker({ channels: [] });
    const cancel = await scene.t.app.inject({ method: 'POST', url: '/api/visitor/cancel', headers: { 'x-visit-token': leaving.token } });
    expect(cancel.statusCode, cancel.body).toBe(200);
    const others = [await scene.checkIn('next@example.org'), await scene.checkIn('after@example.org')];
    await worker.drain();

    expect((await scene.rows(leaving.id)).find((r) => r.channel === 'email')).toMatchObject({ state: 'cancelled', last_error: 'visit ended' });
    const preferences = await withNotificationTables(scene.t.database.db).selectFrom('visit_notification_preferences').select('visit_id').execute();
    expect(preferences.map((p) => p.visit_id)).toEqual([leaving.id]);
    for (const visit of others) expect(await scene.rows(visit.id)).toEqual([]);
    const lastEvent = await scene.t.database.db.selectFrom('events').select((eb) => eb.fn.max('id').as('id')).executeTakeFirstOrThrow();
    expect(await readCursor(scene.t.database.db, cursorName)).toBe(Number(lastEvent.id));
  });

  it('does not look up, again at every pass, a visitor near the front whom no channel reaches; a push subscription later counts', async () => {
    const scene = await newScene();
    const worker = scene.newWorker({ channels: scene.channels.filter((channel) => channel.name !== 'webhook') });
    const guest = await scene.checkIn(null, 'No Address');
    await worker.drain();
    expect(await scene.rows(guest.id)).toEqual([]);
    const preferences = withNotificationTables(scene.t.database.db).selectFrom('visit_notification_preferences').select('visit_id');
    expect(await preferences.execute()).toEqual([]);

    const subscribe = await scene.t.app.inject({ method: 'PUT', url: '/api/visitor/notifications/push', headers: { 'x-visit-token': guest.token }, payload: scene.push.subscription });
    expect(subscribe.statusCode, subscribe.body).toBe(200);
    await scene.checkIn('behind@example.org');
    await worker.drain();
    expect((await scene.rows(guest.id)).map((r) => [r.kind, r.channel, r.state])).toEqual([['almost_up', 'push', 'sent']]);
  });
});
