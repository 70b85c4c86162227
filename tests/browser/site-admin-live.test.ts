import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousAxeViolations } from './helpers/axe.ts';
import { collectPageErrors, launchChromium } from './helpers/chromium.ts';
import { signInStaff } from './helpers/staff-api.ts';
import { startWalkupServer, type WalkupServer } from './helpers/walkup-server.ts';

/**
 * Running a new tech bar from the console alone: an admin creates a site, its queue, a desk and a
 * technician linked to an account, and its opening hours with a last check-in; the technician signs
 * in and opens the new desk; the site's kiosk shows closed outside the hours, in the site's time zone.
 */
let server: WalkupServer;
let browser: Browser;
let admin: Page;
const pageErrors: string[] = [];
const eventually = { timeout: 10_000, interval: 100 };
// The server's clock: Wednesday 2 December 2026, 18:30 in Tokyo (09:30 UTC, no daylight saving there).
const clock = { at: Date.parse('2026-12-02T09:30:00Z') };
const technicianAccount = { username: 'kenji.sato', password: 'Counter-1-at-Shibuya!' };

async function asAdmin(method: 'GET' | 'POST', url: string, payload?: object) {
  const login = await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: server.access.admin });
  const cookie = [login.headers['set-cookie'] ?? []].flat().find((c) => c.startsWith('walkup_session='))!.split(';')[0]!;
  return server.app.inject({ method, url, headers: { cookie, 'x-csrf-token': login.json().csrfToken }, ...(payload ? { payload } : {}) });
}

const tokyoSetup = async () => (await asAdmin('GET', '/api/admin/sites/tokyo/setup')).json() as { site: { openingHours: object; checkInCutoffMinutes: number } };

beforeAll(async () => {
  server = await startWalkupServer({ now: () => new Date(clock.at) });
  browser = await launchChromium();
  // An account that exists before its technician does: a technician account starts linked to Alex.
  const created = await asAdmin('POST', '/api/admin/users', { ...technicianAccount, displayName: 'Kenji Sato', role: 'technician', technicianId: 'tech-alex' });
  expect(created.statusCode).toBe(201);

  admin = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  collectPageErrors(admin, 'console', pageErrors);
  await admin.goto(`${server.baseUrl}/console/`);
  await admin.getByLabel('Username').fill(server.access.admin.username);
  await admin.getByLabel('Password').fill(server.access.admin.password);
  await admin.getByRole('button', { name: 'Sign in' }).click();
  await admin.getByRole('navigation', { name: 'Console sections' }).getByRole('button', { name: 'Admin', exact: true }).click();
  await admin.getByRole('navigation', { name: 'Admin sections' }).getByRole('button', { name: 'Configuration', exact: true }).click();
  await admin.getByRole('heading', { name: 'Sites' }).waitFor();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a new tech bar from the console', () => {
  it('creates the site, which the site selector offers at once', async () => {
    const form = admin.getByRole('form', { name: 'Add a site' });
    await form.getByLabel('Identifier', { exact: false }).fill('tokyo');
    await form.getByLabel('Name', { exact: true }).fill('Tech Bar Tokyo');
    await form.getByLabel('Time zone', { exact: false }).fill('Asia/Tokio');
    await form.getByRole('checkbox', { name: 'fr' }).check();
    await form.getByRole('button', { name: 'Add site' }).click();
    // A misspelt zone is refused next to its field.
    const zone = form.getByLabel('Time zone', { exact: false });
    await expect.poll(() => zone.getAttribute('aria-invalid'), eventually).toBe('true');
    expect(await admin.locator(`#${await zone.getAttribute('aria-describedby')}`).textContent()).toContain("'Asia/Tokio' is not a time zone");
    expect((await asAdmin('GET', '/api/admin/sites/tokyo/setup')).statusCode).toBe(404);

    await zone.fill('Asia/Tokyo');
    await form.getByRole('button', { name: 'Add site' }).click();
    await expect.poll(() => admin.getByLabel('Site', { exact: true }).inputValue(), eventually).toBe('tokyo');
    expect(await admin.getByLabel('Site', { exact: true }).locator('option', { hasText: 'Tech Bar Tokyo' }).count()).toBe(1);
    expect(await admin.getByTestId('site-row').filter({ hasText: 'Tech Bar Tokyo' }).textContent()).toContain('Asia/Tokyo');
  });

  it('adds a queue, a desk and a technician serving the queue, linked to an account', async () => {
    const queueForm = admin.getByRole('form', { name: 'Add a queue' });
    await queueForm.getByLabel('Identifier', { exact: false }).fill('tokyo-help');
    await queueForm.getByLabel('Ticket prefix (1 to 3 capital letters)').fill('T');
    await queueForm.getByLabel('Name (en)').fill('Help');
    await queueForm.getByLabel('Name (fr)').fill('Aide');
    await queueForm.getByRole('button', { name: 'Add queue' }).click();
    await expect.poll(() => admin.getByTestId('queue-row').count(), eventually).toBe(1);

    const deskForm = admin.getByRole('form', { name: 'Add a desk' });
    await deskForm.getByLabel('Identifier', { exact: false }).fill('tokyo-desk-1');
    await deskForm.getByLabel('Name', { exact: true }).fill('Counter 1');
    await deskForm.getByRole('button', { name: 'Add desk' }).click();
    await expect.poll(() => admin.getByTestId('desk-row').count(), eventually).toBe(1);

    const technicianForm = admin.getByRole('form', { name: 'Add a technician' });
    await technicianForm.getByLabel('Identifier', { exact: false }).fill('tech-kenji');
    await technicianForm.getByLabel('Name', { exact: true }).fill('Kenji Sato');
    // No queue ticked: refused next to the queues, and nothing is created.
    await technicianForm.getByRole('button', { name: 'Add technician' }).click();
    await expect.poll(() => technicianForm.getByRole('checkbox', { name: 'Help' }).getAttribute('aria-invalid'), eventually).toBe('true');
    expect(await technicianForm.getByRole('group', { name: 'Queues served (skills)' }).getByRole('alert').textContent()).toContain('fewer than 1');
    expect(await admin.getByTestId('technician-row').count()).toBe(0);

    await technicianForm.getByRole('checkbox', { name: 'Help' }).check();
    await technicianForm.getByLabel('Account that signs in as this technician').selectOption({ label: 'kenji.sato (Kenji Sato)' });
    await technicianForm.getByRole('button', { name: 'Add technician' }).click();
    const row = admin.getByTestId('technician-row').filter({ hasText: 'Kenji Sato' });
    await expect.poll(() => row.textContent(), eventually).toContain('kenji.sato');
    expect(await row.textContent()).toContain('Help');
    expect(pageErrors).toEqual([]);
  });

  it('refuses opening hours that end before they start next to the range, saving nothing, then saves the week', async () => {
    // By keyboard: the new range's first input takes the focus.
    await admin.getByRole('button', { name: 'Add hours on Wednesday' }).focus();
    await admin.keyboard.press('Enter');
    const opens = admin.getByLabel('Opens (Wednesday, hours 1)');
    await expect.poll(() => opens.evaluate((element) => element === document.activeElement), eventually).toBe(true);
    await opens.fill('17:00');
    await admin.getByLabel('Closes (Wednesday, hours 1)').fill('09:00');
    await admin.getByRole('button', { name: 'Save opening hours' }).click();
    await expect.poll(() => opens.getAttribute('aria-invalid'), eventually).toBe('true');
    const error = admin.locator(`#${await opens.getAttribute('aria-describedby')}`);
    expect(await error.textContent()).toContain("'17:00-09:00' is not a time range");
    expect(await error.getAttribute('role')).toBe('alert');
    expect(await opens.evaluate((element) => element === document.activeElement)).toBe(true);
    expect((await tokyoSetup()).site.openingHours).toEqual({});
    await expectNoSeriousAxeViolations(admin, 'configuration with an opening hours error');

    await opens.fill('09:00');
    await admin.getByLabel('Closes (Wednesday, hours 1)').fill('12:00');
    await admin.getByRole('button', { name: 'Add hours on Wednesday' }).click();
    await admin.getByLabel('Opens (Wednesday, hours 2)').fill('13:00');
    await admin.getByLabel('Closes (Wednesday, hours 2)').fill('18:00');
    await admin.getByLabel('Last check-in (minutes before each closing time)').fill('30');
    await admin.getByRole('button', { name: 'Save opening hours' }).click();
    await expect.poll(async () => (await tokyoSetup()).site, eventually).toMatchObject({ openingHours: { wed: [['09:00', '12:00'], ['13:00', '18:00']] }, checkInCutoffMinutes: 30 });
    expect(await opens.getAttribute('aria-invalid')).toBeNull();
  });

  it('shows the kiosk closed at 18:30 in Tokyo, and open once the hours run later', async () => {
    const code = await asAdmin('POST', '/api/admin/sites/tokyo/pairing-codes', { role: 'kiosk', name: 'Tokyo kiosk' });
    const kiosk = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    collectPageErrors(kiosk, 'kiosk', pageErrors);
    await kiosk.goto(`${server.baseUrl}/kiosk/?pair=${code.json().code}`);
    await kiosk.getByRole('heading', { name: 'The IT desk is closed' }).waitFor({ timeout: 10_000 });
    expect(await kiosk.locator('.closed-hours').textContent()).toContain('09:00–12:00, 13:00–18:00');

    await admin.getByLabel('Closes (Wednesday, hours 2)').fill('20:00');
    await admin.getByRole('button', { name: 'Save opening hours' }).click();
    await kiosk.getByRole('button', { name: 'Continue as guest' }).waitFor({ timeout: 10_000 });
    expect(await kiosk.getByRole('heading', { name: 'The IT desk is closed' }).count()).toBe(0);
    await kiosk.close();
    expect(pageErrors).toEqual([]);
  });

  it('lets the linked technician sign in and open the new desk', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    const technician = await context.newPage();
    collectPageErrors(technician, 'technician console', pageErrors);
    await technician.goto(`${server.baseUrl}/console/`);
    await technician.getByLabel('Username').fill(technicianAccount.username);
    await technician.getByLabel('Password').fill(technicianAccount.password);
    await technician.getByRole('button', { name: 'Sign in' }).click();
    // The account is Kenji's now: the console offers only his site and picks him.
    await expect.poll(() => technician.getByLabel('Technician').inputValue(), eventually).toBe('tech-kenji');
    expect(await technician.getByLabel('Site', { exact: true }).inputValue()).toBe('tokyo');
    await technician.getByLabel('Desk').selectOption('tokyo-desk-1');
    await technician.getByRole('button', { name: 'Open my console' }).click();
    await technician.getByRole('radio', { name: 'Available' }).click();
    await expect.poll(() => technician.getByRole('radio', { name: 'Available' }).getAttribute('aria-checked'), eventually).toBe('true');
    await context.close();
    expect(pageErrors).toEqual([]);
  });
});

describe('in French', () => {
  it('names the panels, the days and the fields in French', async () => {
    await admin.getByRole('button', { name: 'Français' }).click();
    await admin.getByRole('heading', { name: 'Horaires d’ouverture' }).waitFor();
    for (const heading of ['Sites', 'Guichets', 'Techniciens']) expect(await admin.getByRole('heading', { name: heading, exact: true }).count()).toBe(1);
    expect(await admin.getByLabel('Ouverture (mercredi, plage 2)').inputValue()).toBe('13:00');
    expect(await admin.getByRole('button', { name: 'Ajouter une plage le lundi' }).count()).toBe(1);
    expect(await admin.getByRole('form', { name: 'Ajouter un technicien' }).getByRole('group', { name: 'Files servies (compétences)' }).count()).toBe(1);
    await expectNoSeriousAxeViolations(admin, 'configuration in French');
    await admin.getByRole('button', { name: 'English' }).click();
    await admin.getByRole('heading', { name: 'Opening hours' }).waitFor();
  });
});

describe('archiving from the console', () => {
  it('shows why a site with visitors waiting cannot be archived', async () => {
    const staff = await signInStaff(server);
    await staff.checkIn('laptop-no-boot', { kind: 'guest', name: 'Marie Dupont' });
    await admin.getByRole('button', { name: 'Archive HQ Tech Bar' }).click();
    const panel = admin.getByRole('region', { name: 'Sites' });
    await expect.poll(() => panel.getByRole('alert').textContent(), eventually).toContain('still has visitors waiting');
    expect(await panel.getByTestId('site-row').filter({ hasText: 'HQ Tech Bar' }).textContent()).toContain('in use');
    expect(pageErrors).toEqual([]);
  });

  it('renames and archives a desk', async () => {
    const panel = admin.getByRole('region', { name: 'Desks' });
    await panel.getByRole('button', { name: 'Edit Counter 1' }).click();
    const form = admin.getByRole('form', { name: 'Rename desk Counter 1' });
    expect(await form.getByLabel('Name', { exact: true }).evaluate((element) => element === document.activeElement)).toBe(true);
    await form.getByLabel('Name', { exact: true }).fill('Counter A');
    await form.getByRole('button', { name: 'Save desk' }).click();
    await expect.poll(() => panel.getByTestId('desk-row').textContent(), eventually).toContain('Counter A');
    await panel.getByRole('button', { name: 'Archive Counter A' }).click();
    await expect.poll(() => panel.getByTestId('desk-row').textContent(), eventually).toContain('archived');
    expect(pageErrors).toEqual([]);
  });
});
