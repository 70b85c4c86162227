import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, launchChromium } from './helpers/chromium.ts';
import { signInStaff } from './helpers/staff-api.ts';
import { startWalkupServer, type WalkupServer } from './helpers/walkup-server.ts';
import { openDeskConsole } from './helpers/console-sign-in.ts';

/**
 * Wait estimates as a visitor and the waiting room read them: told before confirming that nobody
 * serves their request, then a sensible estimate with a range once a technician is on duty, and a
 * display whose queue figure is worded as a newcomer's wait (so "0 waiting" next to a wait is not a
 * contradiction, and never a long one while nobody is ahead and a technician is free).
 */
let server: WalkupServer;
let browser: Browser;
let kiosk: Page;
let display: Page;
let consolePage: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  server = await startWalkupServer();
  browser = await launchChromium();
  kiosk = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
  display = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  consolePage = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  for (const [name, page] of Object.entries({ kiosk, display, console: consolePage })) collectPageErrors(page, name, pageErrors);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const eventually = { timeout: 10_000, interval: 100 };
const hardwareCard = () => display.getByTestId('queue-card-hq-hardware');
const minutesIn = (text: string) => (/less than 1 min/.test(text) ? 0 : Number(/about (\d+) min/.exec(text)?.[1] ?? Number.NaN));

describe('wait estimates on the screens', () => {
  it('the kiosk says nobody serves the request before the visitor confirms, and so does the display', async () => {
    await display.goto(server.deviceUrl('display'));
    // Nobody on duty for any queue: said once for the site, not on each card.
    await expect.poll(() => display.getByTestId('site-nobody-serving').textContent(), eventually).toBe(
      'No technician for this right now; we will call you when someone is available',
    );
    expect(await display.getByTestId('queue-nobody-serving').count()).toBe(0);

    await kiosk.goto(server.deviceUrl('kiosk'));
    await kiosk.getByRole('textbox', { name: /scan your badge/i }).fill('marie.dupont@example.com');
    await kiosk.getByRole('button', { name: 'Continue', exact: true }).click();
    await kiosk.getByRole('button', { name: 'Laptop' }).click();
    await kiosk.getByRole('button', { name: "Won't start" }).click();
    await expect.poll(() => kiosk.getByTestId('confirm-nobody-serving').textContent(), eventually).toContain('No technician for this right now');

    // Joining anyway: the ticket says what will happen instead of "no estimate yet".
    await kiosk.getByRole('button', { name: 'Confirm' }).click();
    await expect.poll(() => kiosk.locator('.ticket').textContent(), eventually).toContain('we will call you when someone is available');
    await kiosk.getByRole('button', { name: 'Done' }).click();
  });

  it('once a technician is on duty, the confirm screen shows a sensible estimate and range, and the ticket keeps it', async () => {
    await openDeskConsole(consolePage, server, 'hq-desk-3');
    // Before Alex is available, Marie waits where nobody serves: the console alerts whoever opens it.
    await expect.poll(() => consolePage.getByTestId('stranded-alert').textContent(), eventually).toMatch(/H · .*: 1 waiting \(H-\d{3}\)\. No technician for this right now/);
    await consolePage.getByRole('radio', { name: 'Available' }).click();
    await expect.poll(() => consolePage.getByTestId('stranded-alert').count(), eventually).toBe(0);

    // A second visitor picks the same request: no warning now, an estimate with its range.
    await kiosk.getByRole('textbox', { name: /scan your badge/i }).fill('john.smith@example.com');
    await kiosk.getByRole('button', { name: 'Continue', exact: true }).click();
    await kiosk.getByRole('button', { name: 'Laptop' }).click();
    await kiosk.getByRole('button', { name: "Won't start" }).click();
    await expect.poll(() => kiosk.getByTestId('confirm-nobody-serving').count(), eventually).toBe(0);
    const wait = kiosk.locator('.confirm-wait');
    await expect.poll(() => wait.textContent(), eventually).toMatch(/^Current wait: (less than 1 min|about \d+ min \(\d+–\d+\+?\))$/);
    // A free technician and one person ahead (a 20-minute request): not an hour.
    expect(minutesIn((await wait.textContent()) ?? '')).toBeLessThanOrEqual(60);
    await expect.poll(() => hardwareCard().getByTestId('queue-nobody-serving').count(), eventually).toBe(0);

    await kiosk.getByRole('button', { name: 'Confirm' }).click();
    const ticket = (await kiosk.getByTestId('ticket-number').textContent()) ?? '';
    expect(ticket).toMatch(/^H-\d{3}$/);
    await expect.poll(() => hardwareCard().getByTestId('queue-waiting-count').textContent(), eventually).toBe('2 waiting');
  });

  it('with nobody waiting, the display words its figure as a newcomer’s wait, the rest of the current service', async () => {
    await consolePage.keyboard.press('n');
    await expect.poll(() => hardwareCard().getByTestId('queue-waiting-count').textContent(), eventually).toBe('1 waiting');
    await consolePage.keyboard.press('s');
    await consolePage.keyboard.press('r');
    await consolePage.keyboard.type('Fixed');
    await consolePage.keyboard.press('Control+Enter');
    await consolePage.getByText('Nobody at your desk').waitFor();
    await consolePage.keyboard.press('n');
    await expect.poll(() => hardwareCard().getByTestId('queue-waiting-count').textContent(), eventually).toBe('0 waiting');
    // Alex serves a 20-minute request: a newcomer would wait for it, and the display says who that figure is for.
    const joinWait = hardwareCard().getByTestId('queue-join-wait');
    await expect.poll(() => joinWait.textContent(), eventually).toMatch(/^If you join now: about \d+ min/);
    expect(minutesIn((await joinWait.textContent()) ?? '')).toBeLessThanOrEqual(60);
    expect(pageErrors).toEqual([]);
  });

  it('keeps every queue on the wall screen when a site has many, those nobody serves included', async () => {
    const admin = await signInStaff(server, server.access.admin);
    const names = ['Printers', 'Phones', 'Loaners', 'Wi-Fi'];
    for (const [index, name] of names.entries()) {
      await admin.post(`/api/admin/sites/${server.access.siteId}/queues`, { id: `hq-extra-${index}`, prefix: ['P', 'T', 'L', 'W'][index], name: { en: name, fr: name } });
    }
    await display.goto(server.deviceUrl('display'));
    const cards = display.locator('[data-testid^="queue-card-"]');
    await expect.poll(() => cards.count(), eventually).toBe(7);
    // Nobody has the new queues' skills: their cards say so (the tallest cards), or the site's line
    // does when nobody is on duty at all (this test alone).
    const saysNobody = async () => (await display.getByTestId('queue-card-hq-extra-3').getByTestId('queue-nobody-serving').count()) + (await display.getByTestId('site-nobody-serving').count());
    await expect.poll(saysNobody, eventually).toBe(1);
    for (let index = 0; index < 7; index++) {
      const box = (await cards.nth(index).boundingBox())!;
      expect(box.y + box.height, `card ${index + 1} of 7`).toBeLessThanOrEqual(1080);
    }
    // Still readable from across the room: the count is at least 32 px high (2 cm on a 55" 1080p screen).
    const countSize = await cards.last().getByTestId('queue-waiting-count').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(countSize).toBeGreaterThanOrEqual(32);
    expect(pageErrors).toEqual([]);
  });
});
