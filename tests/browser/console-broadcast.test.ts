import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../apps/server/src/auth/create-account.ts';
import { replaceAccountSites } from '../../apps/server/src/auth/account-sites.ts';
import { expectNoSeriousAxeViolations } from './helpers/axe.ts';
import { useBrowserSession } from './helpers/browser-session.ts';
import { collectPageErrors } from './helpers/chromium.ts';

/**
 * The console's side of visitors away from the kiosk: who stepped away and until when, a new phone
 * link handed over as a QR code, and the message to everyone waiting.
 */
const session = useBrowserSession();
let consolePage: Page;
const pageErrors: string[] = [];
const eventually = { timeout: 10_000, interval: 100 };

beforeAll(async () => {
  consolePage = await session.browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'en-US' });
  collectPageErrors(consolePage, 'console', pageErrors);
  await consolePage.goto(`${session.server.baseUrl}/console/`);
  await consolePage.getByLabel('Username').fill(session.server.access.technician.username);
  await consolePage.getByLabel('Password').fill(session.server.access.technician.password);
  await consolePage.getByRole('button', { name: 'Sign in' }).click();
  await consolePage.getByRole('button', { name: 'Open my console' }).waitFor();
  await consolePage.waitForFunction(() => (document.getElementById('setup-technician') as HTMLSelectElement | null)?.value === 'tech-alex');
  await consolePage.getByLabel('Desk').selectOption('hq-desk-1');
  await consolePage.getByRole('button', { name: 'Open my console' }).click();
  await consolePage.getByText('Nobody at your desk.').waitFor();
});

async function checkInWithLink(name: string) {
  const response = await session.server.app.inject({
    method: 'POST',
    url: `/api/sites/${session.server.access.siteId}/visits`,
    headers: { authorization: `Bearer ${session.server.access.kioskToken}` },
    payload: { categoryId: 'laptop-no-boot', visitor: { kind: 'guest', name } },
  });
  const visit = response.json() as { id: string; ticketNumber: string; visitorLink: string };
  return { ...visit, token: visit.visitorLink.split('#')[1]! };
}

const ticketStatus = async (token: string) => (await session.server.app.inject({ url: '/api/visitor/ticket', headers: { 'x-visit-token': token } })).statusCode;

describe('console: away, new phone link, broadcast', () => {
  it('shows "away until" for a visitor who asked for more time, and hands over a new phone link as a QR code', async () => {
    const visit = await checkInWithLink('Coffee Break');
    const stepped = await session.server.app.inject({ method: 'POST', url: '/api/visitor/step-away', headers: { 'x-visit-token': visit.token }, payload: { minutes: 10 } });
    expect(stepped.statusCode).toBe(200);
    const row = consolePage.getByTestId('waiting-row').filter({ hasText: visit.ticketNumber });
    await expect.poll(() => row.getByTestId('away-badge').textContent(), eventually).toMatch(/^Away until \d{2}:\d{2}$/);

    await row.getByRole('button', { name: `New phone link for ${visit.ticketNumber}` }).click();
    const panel = consolePage.getByTestId('phone-link');
    await panel.getByRole('heading', { name: `New phone link for ${visit.ticketNumber}` }).waitFor();
    const shown = (await panel.locator('code').textContent()) ?? '';
    expect(await panel.getByTestId('phone-link-qr').getAttribute('data-link')).toBe(shown);
    const newToken = new URL(shown).hash.slice(1);
    expect(newToken).not.toBe(visit.token);
    // The old link stopped working; the one handed over opens the ticket.
    expect(await ticketStatus(visit.token)).toBe(404);
    expect(await ticketStatus(newToken)).toBe(200);
    await expectNoSeriousAxeViolations(consolePage, 'console with away badge and new phone link');
    await panel.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => consolePage.getByTestId('phone-link').count(), eventually).toBe(0);

    await session.server.app.inject({ method: 'POST', url: '/api/visitor/back', headers: { 'x-visit-token': newToken } });
    await expect.poll(() => row.getByTestId('away-badge').count(), eventually).toBe(0);
  });

  it('posts a message to everyone waiting for the time chosen, shows it, and clears it', async () => {
    const form = consolePage.getByRole('region', { name: 'Message to everyone waiting' });
    await form.getByLabel('Message (at most 200 characters)').fill('  We are running 15 minutes late ');
    await form.getByLabel('Shown for').selectOption('30');
    await form.getByRole('button', { name: 'Post' }).click();
    await expect.poll(() => form.getByTestId('broadcast-current').textContent(), eventually).toBe('Shown now: “We are running 15 minutes late”');
    const stored = await session.server.db.selectFrom('site_broadcasts').selectAll().executeTakeFirstOrThrow();
    expect(stored.message).toBe('We are running 15 minutes late');
    expect(Date.parse(stored.expires_at) - Date.parse(stored.posted_at)).toBe(30 * 60_000);
    await expectNoSeriousAxeViolations(consolePage, 'console with a broadcast');

    await form.getByRole('button', { name: 'Clear' }).click();
    await expect.poll(() => form.getByTestId('broadcast-current').count(), eventually).toBe(0);
    expect(await session.server.db.selectFrom('site_broadcasts').selectAll().execute()).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('lets a manager post and clear the message from the manager tab, in French', async () => {
    const manager = { username: 'morgan', password: 'morgan-password-1' };
    const id = await createAccount(session.server.db, { ...manager, displayName: 'Morgan Lead', role: 'manager', technicianId: null }, new Date().toISOString());
    await replaceAccountSites(session.server.db, id, [session.server.access.siteId]);
    const managerPage = await session.browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'fr-FR' });
    collectPageErrors(managerPage, 'manager', pageErrors);
    await managerPage.goto(`${session.server.baseUrl}/console/`);
    await managerPage.getByLabel('Username').fill(manager.username);
    await managerPage.getByLabel('Password').fill(manager.password);
    await managerPage.getByRole('button', { name: 'Sign in' }).click();
    await managerPage.getByRole('region', { name: 'Message to everyone waiting' }).waitFor();
    await managerPage.getByRole('button', { name: 'Français' }).click();
    const form = managerPage.getByRole('region', { name: 'Message à toutes les personnes en attente' });
    await form.getByLabel('Message (200 caractères au plus)').fill('Fermeture exceptionnelle à 16 h');
    await expectNoSeriousAxeViolations(managerPage, 'manager broadcast form (fr)');
    await form.getByRole('button', { name: 'Publier' }).click();
    await expect.poll(async () => (await session.server.db.selectFrom('site_broadcasts').select('message').execute()).map((r) => r.message), eventually).toEqual(['Fermeture exceptionnelle à 16 h']);
    await form.getByRole('button', { name: 'Effacer' }).click();
    await expect.poll(() => session.server.db.selectFrom('site_broadcasts').selectAll().execute(), eventually).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
