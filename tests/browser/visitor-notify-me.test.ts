import type { Browser, Page } from 'playwright-core';
import webpush from 'web-push';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, launchChromium } from './helpers/chromium.ts';
import { signInStaff } from './helpers/staff-api.ts';
import { startWalkupServer, type WalkupServer } from './helpers/walkup-server.ts';

/**
 * "Notify me" on a phone: the page subscribes through its service worker and the Push API, the
 * subscription reaches the server, and one tap stops every notification of the visit.
 *
 * Headless Chromium has no push service to register with, so the browser's `PushManager.subscribe`
 * answers with a subscription of a made-up push service; everything else (the service worker, the
 * page, the API, the database) is real.
 */
const fakeSubscription = {
  endpoint: 'https://push.example.test/send/phone-1',
  keys: { p256dh: `B${'A'.repeat(86)}`, auth: 'AAAAAAAAAAAAAAAAAAAAAA' },
};

let server: WalkupServer;
let browser: Browser;
let phone: Page;
let staff: Awaited<ReturnType<typeof signInStaff>>;
const pageErrors: string[] = [];
const eventually = { timeout: 10_000, interval: 100 };

beforeAll(async () => {
  const vapid = webpush.generateVAPIDKeys();
  server = await startWalkupServer({ notifications: { channels: [], vapidPublicKey: vapid.publicKey, publicUrl: null } });
  browser = await launchChromium();
  phone = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'en-US' });
  collectPageErrors(phone, 'phone', pageErrors);
  await phone.addInitScript((subscription) => {
    const asked: unknown[] = [];
    (window as unknown as { pushAsked: unknown[] }).pushAsked = asked;
    PushManager.prototype.subscribe = async function (options?: PushSubscriptionOptionsInit) {
      asked.push({ userVisibleOnly: options?.userVisibleOnly, keyBytes: (options?.applicationServerKey as Uint8Array | undefined)?.byteLength });
      return { endpoint: subscription.endpoint, toJSON: () => subscription } as unknown as PushSubscription;
    };
  }, fakeSubscription);
  staff = await signInStaff(server);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const preferencesOf = (visitId: string) =>
  server.db.selectFrom('visit_notification_preferences' as never).selectAll().where('visit_id' as never, '=', visitId as never).executeTakeFirst() as Promise<{ opted_out: number; push_subscription: string | null } | undefined>;

describe('"Notify me" on the phone page in Chromium', () => {
  it('subscribes this phone to push, the server keeps the subscription, and one tap stops notifications', async () => {
    const visit = await staff.checkIn('laptop-no-boot', { kind: 'guest', name: 'Phone Visitor' });
    await phone.goto(`${server.baseUrl}${visit.visitorLink}`);
    await expect.poll(() => phone.getByTestId('ticket-number').textContent(), eventually).toBe(visit.ticketNumber);
    await expect.poll(() => phone.getByTestId('notify-state').textContent(), eventually).toBe('Get a notification on this phone when you are almost up and when you are called.');

    await phone.getByRole('button', { name: 'Notify me on this phone' }).tap();
    await expect.poll(() => phone.getByTestId('notify-state').textContent(), eventually).toBe('This phone will be notified when you are almost up and when you are called.');
    // The page asked for visible notifications with the server's 65-byte VAPID key.
    expect(await phone.evaluate(() => (window as unknown as { pushAsked: unknown[] }).pushAsked)).toEqual([{ userVisibleOnly: true, keyBytes: 65 }]);
    const subscribed = await preferencesOf(visit.id);
    expect(subscribed?.opted_out).toBe(0);
    expect(JSON.parse(subscribed!.push_subscription!)).toEqual(fakeSubscription);

    await phone.getByRole('button', { name: 'Stop notifications' }).tap();
    await expect.poll(() => phone.getByTestId('notify-state').textContent(), eventually).toBe('Notifications are stopped for this visit.');
    expect((await preferencesOf(visit.id))?.opted_out).toBe(1);
    await expect.poll(() => phone.getByRole('button', { name: 'Turn notifications back on' }).count(), eventually).toBe(1);
    expect(pageErrors).toEqual([]);
  });
});
