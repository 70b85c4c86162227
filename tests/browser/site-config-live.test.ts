import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, launchChromium } from './helpers/chromium.ts';
import { startWalkupServer, type WalkupServer } from './helpers/walkup-server.ts';

/**
 * Live site configuration from the console's Configuration area. An admin closes the site for a holiday from the console's Configuration area: the kiosk and the
 * wall display, already open, switch to the closed screen with the holiday's message, without a
 * reload; removing the closure opens them again. The kiosk's welcome text changes the same way.
 */
let server: WalkupServer;
let browser: Browser;
let consolePage: Page;
let kiosk: Page;
let display: Page;
const pageErrors: string[] = [];
const eventually = { timeout: 10_000, interval: 100 };

// The demo site is open all day, every day; a closure from yesterday to tomorrow covers "today"
// in any time zone.
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  server = await startWalkupServer();
  browser = await launchChromium();
  consolePage = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  kiosk = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
  display = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  collectPageErrors(consolePage, 'console', pageErrors);
  collectPageErrors(kiosk, 'kiosk', pageErrors);
  collectPageErrors(display, 'display', pageErrors);

  await kiosk.goto(server.deviceUrl('kiosk'));
  await kiosk.getByRole('button', { name: 'Continue as guest' }).waitFor();
  await display.goto(server.deviceUrl('display'));
  await display.getByTestId('queue-card-hq-hardware').waitFor();

  await consolePage.goto(`${server.baseUrl}/console/`);
  await consolePage.getByLabel('Username').fill(server.access.admin.username);
  await consolePage.getByLabel('Password').fill(server.access.admin.password);
  await consolePage.getByRole('button', { name: 'Sign in' }).click();
  await consolePage.getByRole('navigation', { name: 'Console sections' }).getByRole('button', { name: 'Admin', exact: true }).click();
  await consolePage.getByRole('navigation', { name: 'Admin sections' }).getByRole('button', { name: 'Configuration', exact: true }).click();
  await consolePage.getByRole('heading', { name: 'Holidays and closures' }).waitFor();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('holidays and closures from the console', () => {
  it('shows the server’s validation error next to the field it names, and saves nothing', async () => {
    await consolePage.getByLabel('First day').fill(day(1));
    await consolePage.getByLabel('Last day (included)').fill(day(-1));
    await consolePage.getByLabel('Message shown on kiosks and displays (en)').fill('Closed');
    await consolePage.getByLabel('Message shown on kiosks and displays (fr)').fill('Fermé');
    await consolePage.getByRole('button', { name: 'Add closure' }).click();

    const lastDay = consolePage.getByLabel('Last day (included)');
    await expect.poll(() => lastDay.getAttribute('aria-invalid'), eventually).toBe('true');
    const errorId = await lastDay.getAttribute('aria-describedby');
    expect(await consolePage.locator(`#${errorId}`).textContent()).toContain(`comes before the first day ${day(1)}`);
    expect(await consolePage.locator(`#${errorId}`).getAttribute('role')).toBe('alert');
    // The keyboard is taken to the field to correct.
    expect(await lastDay.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await consolePage.getByText('No holidays or closures planned.').count()).toBe(1);
    expect(await kiosk.getByRole('button', { name: 'Continue as guest' }).count()).toBe(1);
  });

  it('closes the kiosk and the display with the holiday message, and opens them again when removed', async () => {
    await consolePage.getByLabel('First day').fill(day(-1));
    await consolePage.getByLabel('Last day (included)').fill(day(1));
    await consolePage.getByLabel('Message shown on kiosks and displays (en)').fill('Closed for the company holiday, back on Monday.');
    await consolePage.getByLabel('Message shown on kiosks and displays (fr)').fill('Fermé pour le jour férié de l’entreprise, retour lundi.');
    await consolePage.getByRole('button', { name: 'Add closure' }).click();

    const row = consolePage.getByRole('row').filter({ hasText: 'Closed for the company holiday' });
    await expect.poll(() => row.count(), eventually).toBe(1);
    expect(await consolePage.getByLabel('Last day (included)').getAttribute('aria-invalid')).toBeNull();

    await kiosk.getByRole('heading', { name: 'The IT desk is closed' }).waitFor({ timeout: 10_000 });
    expect(await kiosk.getByText('Closed for the company holiday, back on Monday.').isVisible()).toBe(true);
    expect(await kiosk.getByRole('button', { name: 'Continue as guest' }).count()).toBe(0);
    await display.getByRole('heading', { name: 'The IT desk is closed' }).waitFor({ timeout: 10_000 });
    expect(await display.getByText('Closed for the company holiday, back on Monday.').isVisible()).toBe(true);

    await row.getByRole('button', { name: `Remove the closure from ${day(-1)} to ${day(1)}` }).click();
    await kiosk.getByRole('button', { name: 'Continue as guest' }).waitFor({ timeout: 10_000 });
    await display.getByTestId('queue-card-hq-hardware').waitFor({ timeout: 10_000 });
    expect(pageErrors).toEqual([]);
  });
});

describe('kiosk settings from the console', () => {
  it('refuses a logo address that is not https next to its field, then puts the new welcome text on the open kiosk', async () => {
    await consolePage.getByLabel('Kiosk welcome text (en)').fill('Welcome to the HQ Tech Bar!');
    await consolePage.getByLabel('Kiosk welcome text (fr)').fill('Bienvenue au Tech Bar du siège !');
    const logo = consolePage.getByLabel('Logo address (https://… or /…)');
    await logo.fill('javascript:alert(1)');
    await consolePage.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => logo.getAttribute('aria-invalid'), eventually).toBe('true');
    expect(await consolePage.locator('#settings-logoUrl-error').textContent()).toContain('must match pattern');
    expect(await logo.evaluate((element) => element === document.activeElement)).toBe(true);
    // Nothing was saved: the kiosk still greets with the built-in text.
    expect(await kiosk.getByRole('heading', { name: /scan your badge/i }).count()).toBe(1);

    await logo.fill('');
    await consolePage.getByRole('button', { name: 'Save settings' }).click();
    await kiosk.getByRole('heading', { name: 'Welcome to the HQ Tech Bar!' }).waitFor({ timeout: 10_000 });
    expect(await logo.getAttribute('aria-invalid')).toBeNull();
    expect(pageErrors).toEqual([]);
  });
});

describe('queues from the console', () => {
  const queuesPanel = () => consolePage.getByRole('region', { name: 'Queues' });

  it('refuses a prefix already in use next to its field, then adds the queue', async () => {
    const form = consolePage.getByRole('form', { name: 'Add a queue' });
    await form.getByLabel('Identifier', { exact: false }).fill('hq-loans');
    await form.getByLabel('Ticket prefix (1 to 3 capital letters)').fill('h');
    await form.getByLabel('Name (en)').fill('Loaner laptops');
    await form.getByLabel('Name (fr)').fill('Prêts de portables');
    await form.getByRole('button', { name: 'Add queue' }).click();
    const prefix = form.getByLabel('Ticket prefix (1 to 3 capital letters)');
    await expect.poll(() => prefix.getAttribute('aria-invalid'), eventually).toBe('true');
    expect(await form.locator('#queue-prefix-error').textContent()).toContain('H-001');
    expect(await queuesPanel().getByTestId('queue-row').count()).toBe(3);

    await prefix.fill('L');
    await form.getByRole('button', { name: 'Add queue' }).click();
    await expect.poll(() => queuesPanel().getByTestId('queue-row').count(), eventually).toBe(4);
    expect(await queuesPanel().getByTestId('queue-row').last().textContent()).toContain('Loaner laptops');
  });

  it('shows why a queue categories still use cannot be archived, and a rename reaches the open display', async () => {
    await queuesPanel().getByRole('button', { name: 'Archive Hardware' }).click();
    await expect.poll(() => queuesPanel().getByRole('alert').textContent(), eventually).toContain('send visitors to this queue');
    expect(await queuesPanel().getByTestId('queue-row').filter({ hasText: 'Hardware' }).textContent()).toContain('in use');

    await queuesPanel().getByRole('button', { name: 'Edit Software' }).click();
    const form = consolePage.getByRole('form', { name: 'Edit queue Software' });
    // The keyboard lands in the form that opened.
    expect(await form.getByLabel('Ticket prefix (1 to 3 capital letters)').evaluate((element) => element === document.activeElement)).toBe(true);
    await form.getByLabel('Name (en)').fill('Software & apps');
    await form.getByRole('button', { name: 'Save queue' }).click();
    await expect.poll(() => display.getByTestId('queue-card-hq-software').textContent(), eventually).toContain('Software & apps');

    // Move up by keyboard: the order is saved and the focus stays on the moved queue's button.
    await queuesPanel().getByRole('button', { name: 'Move Software & apps up' }).focus();
    await consolePage.keyboard.press('Enter');
    await expect.poll(() => queuesPanel().getByTestId('queue-row').nth(1).textContent(), eventually).toContain('Software & apps');
    expect(await consolePage.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Move Software & apps up');
    expect(pageErrors).toEqual([]);
  });
});

describe('configuration file from the console', () => {
  it('lists each mistake of an uploaded file by its path and changes nothing, then checks and applies a good file', async () => {
    const exported = (await (await fetch(`${server.baseUrl}/api/admin/config/export`, { headers: { cookie: await sessionCookie() } })).json()) as {
      sites: Array<{ openingHours: Record<string, string[][]>; name: string }>;
    };
    const broken = structuredClone(exported);
    broken.sites[0]!.openingHours.mon = [['25:99', '18:00']];
    const input = consolePage.getByLabel('Configuration file to import');
    await input.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
    await consolePage.getByRole('button', { name: 'Check the file' }).click();
    const mistakes = consolePage.getByTestId('config-file-mistakes');
    await expect.poll(() => mistakes.textContent(), eventually).toContain('/sites/0/openingHours/mon/0');
    expect(await consolePage.getByRole('button', { name: 'Apply the file' }).count()).toBe(0);

    const renamed = structuredClone(exported);
    renamed.sites[0]!.name = 'Tech Bar Lyon';
    await input.setInputFiles({ name: 'good.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(renamed)) });
    await consolePage.getByRole('button', { name: 'Check the file' }).click();
    await expect.poll(() => consolePage.getByTestId('config-file-outcome').textContent(), eventually).toContain('The file is valid');
    await consolePage.getByRole('button', { name: 'Apply the file' }).click();
    await expect.poll(() => consolePage.getByTestId('config-file-outcome').textContent(), eventually).toContain('imported');
    await display.getByRole('heading', { name: 'Tech Bar Lyon' }).waitFor({ timeout: 10_000 });
    expect(pageErrors).toEqual([]);
  });
});

async function sessionCookie(): Promise<string> {
  const cookies = await consolePage.context().cookies(server.baseUrl);
  return cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}
