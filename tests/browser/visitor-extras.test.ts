import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, launchChromium } from './helpers/chromium.ts';
import { signInStaff } from './helpers/staff-api.ts';
import { startWalkupServer, type WalkupServer } from './helpers/walkup-server.ts';

/**
 * The site's message to everyone waiting, on a phone (small touch viewport) and on the wall display,
 * and a visitor who missed their call rejoining from the phone.
 */
let server: WalkupServer;
let browser: Browser;
let phone: Page;
let display: Page;
let staff: Awaited<ReturnType<typeof signInStaff>>;
const pageErrors: string[] = [];
const eventually = { timeout: 10_000, interval: 100 };

beforeAll(async () => {
  server = await startWalkupServer();
  // No waiting two minutes in a browser test before a no-show may be marked.
  await server.db.updateTable('sites').set({ no_show_grace_seconds: 0 }).execute();
  browser = await launchChromium();
  phone = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'en-US' });
  display = await browser.newPage({ viewport: { width: 1920, height: 1080 }, locale: 'en-US' });
  for (const [name, page] of Object.entries({ phone, display })) collectPageErrors(page, name, pageErrors);
  staff = await signInStaff(server);
  await staff.seat('hq-desk-1');
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('broadcast and rejoin in Chromium', () => {
  let visit: { id: string; ticketNumber: string; visitorLink: string };

  it('shows the message to everyone waiting on the phone page and in large type on the wall display', async () => {
    visit = await staff.checkIn('laptop-no-boot', { kind: 'guest', name: 'Phone Visitor' });
    await phone.goto(`${server.baseUrl}${visit.visitorLink}`);
    await expect.poll(() => phone.getByTestId('ticket-number').textContent(), eventually).toBe(visit.ticketNumber);
    await display.goto(server.deviceUrl('display'));
    await expect.poll(() => display.getByRole('heading', { level: 1 }).count(), eventually).toBe(1);

    await staff.post(`/api/sites/${server.access.siteId}/broadcast`, { message: 'We are running 15 minutes late' });
    await expect.poll(() => phone.getByTestId('broadcast').textContent(), eventually).toBe('We are running 15 minutes late');
    await expect.poll(() => display.getByTestId('broadcast').textContent(), eventually).toBe('We are running 15 minutes late');
    // Readable from across the room: at least 32 px letters on a 1080p screen.
    const size = await display.getByTestId('broadcast').locator('p').evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
    expect(size).toBeGreaterThanOrEqual(32);

    await staff.remove(`/api/sites/${server.access.siteId}/broadcast`);
    await expect.poll(() => phone.getByTestId('broadcast').count(), eventually).toBe(0);
    await expect.poll(() => display.getByTestId('broadcast').count(), eventually).toBe(0);
  });

  it('after a missed call, "I’m here now — rejoin" puts the visitor back first in line', async () => {
    const later = await staff.checkIn('laptop-slow', { kind: 'guest', name: 'Later Visitor' });
    expect((await staff.callNext('hq-desk-1')).id).toBe(visit.id);
    await staff.act(visit.id, 'no-show');
    await expect.poll(() => phone.getByTestId('ended').textContent(), eventually).toContain('did not come');

    await phone.getByRole('button', { name: 'I’m here now — rejoin' }).tap();
    await expect.poll(() => phone.getByTestId('position').textContent(), eventually).toBe('You are next');
    expect((await staff.callNext('hq-desk-1')).id).toBe(visit.id);
    await expect.poll(() => phone.getByTestId('called').count(), eventually).toBe(1);
    expect(later.id).not.toBe(visit.id);
    expect(pageErrors).toEqual([]);
  });
});
