import { readFileSync } from 'node:fs';
import { localSlotOf } from '@walkup/domain';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../apps/server/src/auth/create-account.ts';
import { replaceAccountSites } from '../../apps/server/src/auth/account-sites.ts';
import { collectPageErrors, launchChromium } from './helpers/chromium.ts';
import { startWalkupServer, type WalkupServer } from './helpers/walkup-server.ts';
import { signInToConsole } from './helpers/console-sign-in.ts';

/**
 * A manager's console in Chromium, on a server whose clock the test moves: the board raises an alert
 * once a visitor has waited beyond the site's target, and the visits CSV of the day lists exactly
 * the visits checked in that day.
 */
// Near the real time: the browser drops a session cookie whose expiry lies in its own past.
let current = Date.now();
const now = () => new Date(current);
const today = localSlotOf('Europe/Paris', now()).day;
let server: WalkupServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
const eventually = { timeout: 15_000, interval: 200 };
const manager = { username: 'morgan', password: 'morgan-password-1' };

async function checkIn(categoryId: string, name: string): Promise<string> {
  const response = await fetch(`${server.baseUrl}/api/sites/hq/visits`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.access.kioskToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ categoryId, visitor: { kind: 'guest', name } }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { ticketNumber: string }).ticketNumber;
}

beforeAll(async () => {
  server = await startWalkupServer({ now });
  const id = await createAccount(server.db, { ...manager, displayName: 'Morgan Lead', role: 'manager', technicianId: null }, now().toISOString());
  await replaceAccountSites(server.db, id, ['hq']);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, acceptDownloads: true });
  collectPageErrors(page, 'console', pageErrors);
  await signInToConsole(page, server, manager);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('manager console in Chromium', () => {
  it('shows the live board and raises an alert when a visitor waits beyond the target', async () => {
    await expect.poll(() => page.getByRole('heading', { name: 'Live board' }).count(), eventually).toBe(1);
    const board = page.getByTestId('site-board');
    await expect.poll(() => board.textContent(), eventually).toContain('Nothing needs you right now.');
    const first = await checkIn('laptop-no-boot', 'Ada Waiting');
    await expect.poll(() => board.getByRole('row', { name: /Hardware/ }).textContent(), eventually).toMatch(/Hardware1/);
    current += 11 * 60_000;
    // No page reload: the board is pushed over the websocket as time passes.
    await expect.poll(() => page.getByTestId('board-alert').allTextContents(), eventually).toContainEqual(`${first} has waited 11 min in Hardware (target 10 min)`);
    expect(pageErrors).toEqual([]);
  });

  it('downloads a CSV of the visits of the day', async () => {
    const second = await checkIn('software-install', 'Bea Later');
    await page.getByLabel('From', { exact: true }).fill(today);
    await page.getByLabel('To', { exact: true }).fill(today);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-visits').click()]);
    const lines = readFileSync((await download.path())!, 'utf8').trim().split('\r\n');
    expect(lines[0]!.split(',').slice(0, 4)).toEqual(['ticket', 'site', 'day', 'queue']);
    // A manager gets no names.
    expect(lines[0]).not.toContain('visitorName');
    const rows = lines.slice(1).map((line) => line.split(','));
    const visits = await server.db.selectFrom('visits').select(['ticket_number', 'state']).orderBy('checked_in_at').execute();
    expect(rows.map((r) => [r[0], r[2], r[11]])).toEqual(visits.map((v) => [v.ticket_number, today, 'open']));
    expect(rows.map((r) => r[0])).toEqual(['H-001', second]);
    expect(lines.join('\n')).not.toMatch(/Ada|Bea/);

    await page.getByRole('button', { name: 'Show' }).click();
    await expect.poll(() => page.getByTestId('figures-table').count(), eventually).toBe(0);
    await expect.poll(() => page.getByText('No visits in this range.').count(), eventually).toBe(1);
    expect(pageErrors).toEqual([]);
  });
});
