import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, launchChromium } from './helpers/chromium.ts';
import { startWalkupServer, type WalkupServer } from './helpers/walkup-server.ts';
import { openDeskConsole } from './helpers/console-sign-in.ts';

/**
 * A visitor name carrying markup must reach every screen as text: no element created from it, no
 * script run. The strict Content-Security-Policy is a second line; this checks the first (rendering).
 */
const hostileName = '<img src=x onerror="window.__xss=1"><b>Eve</b>';

let server: WalkupServer;
let browser: Browser;
const pageErrors: string[] = [];
const eventually = { timeout: 10_000, interval: 100 };

beforeAll(async () => {
  server = await startWalkupServer();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function assertInert(page: Page) {
  expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(await page.locator('b', { hasText: 'Eve' }).count()).toBe(0);
}

describe('visitor names with markup', () => {
  it('are shown as text on the kiosk, the console and the display', async () => {
    const kiosk = await browser.newPage();
    collectPageErrors(kiosk, 'kiosk', pageErrors);
    await kiosk.goto(server.deviceUrl('kiosk'));
    await kiosk.getByRole('button', { name: 'Continue as guest' }).click();
    await kiosk.locator('#guest-name').fill(hostileName);
    await kiosk.keyboard.press('Enter');
    await kiosk.getByText(`Hello ${hostileName}!`).waitFor();
    await assertInert(kiosk);
    await kiosk.getByRole('button', { name: 'Laptop' }).click();
    await kiosk.getByRole('button', { name: "Won't start" }).click();
    await kiosk.getByRole('button', { name: 'Confirm' }).click();
    const ticket = (await kiosk.getByTestId('ticket-number').textContent()) ?? '';
    expect(ticket).toMatch(/^H-\d{3}$/);
    await assertInert(kiosk);

    const consolePage = await browser.newPage();
    collectPageErrors(consolePage, 'console', pageErrors);
    await openDeskConsole(consolePage, server, 'hq-desk-2');
    const row = consolePage.getByTestId('waiting-row').filter({ hasText: ticket });
    await expect.poll(() => row.textContent(), eventually).toContain(hostileName);
    await assertInert(consolePage);

    const display = await browser.newPage();
    collectPageErrors(display, 'display', pageErrors);
    await display.goto(server.deviceUrl('display'));
    await display.getByTestId('queue-card-hq-hardware').waitFor();
    await assertInert(display);
    expect(await display.locator('body').textContent()).not.toContain('Eve');
    expect(pageErrors).toEqual([]);
  });
});
