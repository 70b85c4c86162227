import { setupServer } from 'msw/node';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServiceNowMock } from '../msw/servicenow.ts';
import { collectPageErrors, launchChromium } from './helpers/chromium.ts';
import { serviceNowAdapterFor, startWalkupServer, type WalkupServer } from './helpers/walkup-server.ts';

/**
 * The admin and ITSM screens of the console, through real screens: an admin pairs a new wall display
 * with a one-time code and revokes it again, and a ticket ServiceNow refused shows up as a dead
 * letter that a Retry clears once ServiceNow accepts it.
 */
const serviceNow = createServiceNowMock();
const msw = setupServer(...serviceNow.handlers);

let server: WalkupServer;
let browser: Browser;
let consolePage: Page;
const pageErrors: string[] = [];
const eventually = { timeout: 10_000, interval: 100 };

beforeAll(async () => {
  // Only the server's outgoing ITSM calls are intercepted; the browser talks to it over real sockets.
  msw.listen({ onUnhandledRequest: 'error' });
  const adapter = serviceNowAdapterFor(serviceNow);
  server = await startWalkupServer({ itsmAdapterFor: () => adapter });
  browser = await launchChromium();
  consolePage = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  collectPageErrors(consolePage, 'console', pageErrors);

  await consolePage.goto(`${server.baseUrl}/console/`);
  await consolePage.getByLabel('Username').fill(server.access.admin.username);
  await consolePage.getByLabel('Password').fill(server.access.admin.password);
  await consolePage.getByRole('button', { name: 'Sign in' }).click();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  msw.close();
});

const tab = (name: string) => consolePage.getByRole('navigation', { name: 'Console sections' }).getByRole('button', { name, exact: true });

describe('console admin and ITSM screens in Chromium', () => {
  it('pairs a display with a one-time code, and revoking it takes the display offline', async () => {
    await tab('Admin').click();
    await consolePage.getByLabel('Kind of device').selectOption('display');
    await consolePage.getByLabel('Name (where it stands)').fill('Lobby screen 2');
    await consolePage.getByRole('button', { name: 'Create pairing code' }).click();
    const code = (await consolePage.getByTestId('pairing-code').textContent()) ?? '';
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    expect(await consolePage.getByTestId('pairing-url').textContent()).toBe(`${server.baseUrl}/display/`);

    // A brand-new browser context: no stored token, so the display asks to be paired.
    const display = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    collectPageErrors(display, 'display', pageErrors);
    await display.goto(`${server.baseUrl}/display/`);
    await display.getByLabel('Pairing code').fill(code);
    await display.getByRole('button', { name: 'Pair' }).click();
    const hardwareCard = display.getByTestId('queue-card-hq-hardware');
    await expect.poll(() => hardwareCard.getByTestId('queue-waiting-count').textContent(), eventually).toBe('0 waiting');
    expect(await display.getByRole('heading', { name: 'HQ Tech Bar' }).count()).toBe(1);

    // The code was for one device only.
    const again = await browser.newPage();
    await again.goto(`${server.baseUrl}/display/`);
    await again.getByLabel('Pairing code').fill(code);
    await again.getByRole('button', { name: 'Pair' }).click();
    await expect.poll(() => again.getByRole('alert').textContent(), eventually).toMatch(/unknown, expired or already used/);
    await again.close();

    const row = consolePage.getByTestId('device-row').filter({ hasText: 'Lobby screen 2' });
    await consolePage.getByRole('button', { name: 'Refresh' }).click();
    await expect.poll(() => row.textContent(), eventually).toContain('active');
    await row.getByRole('button', { name: 'Revoke Lobby screen 2' }).click();
    await row.getByRole('button', { name: 'Yes, revoke' }).click();
    await expect.poll(() => row.textContent(), eventually).toContain('revoked');
    expect(await row.getByRole('button', { name: /Revoke/ }).count()).toBe(0);

    // The server closed its websocket (4401): the display forgets its token at once and asks for a
    // new pairing code instead of showing the queue, without anyone touching it.
    await display.getByRole('heading', { name: 'Pair this display' }).waitFor({ timeout: 10_000 });
    expect(await display.getByTestId('queue-card-hq-hardware').count()).toBe(0);

    // The audit log records both actions.
    await consolePage.getByRole('button', { name: 'Audit log', exact: true }).click();
    const actions = consolePage.getByTestId('audit-row').locator('code');
    await expect.poll(() => actions.allTextContents(), eventually).toEqual(expect.arrayContaining(['device.pairing_code_created', 'device.paired', 'device.revoked']));
    await display.close();
  });

  it('shows a ticket ServiceNow refused as a dead letter, and Retry clears it once ServiceNow accepts', async () => {
    // ServiceNow rejects the incident for good (a mandatory field its business rules want, say).
    serviceNow.faults.always({ kind: 'status', status: 422, body: { error: { message: 'Data Policy Exception', detail: 'Business service is mandatory' }, status: 'failure' } });
    const checkIn = await server.app.inject({
      method: 'POST',
      url: `/api/sites/${server.access.siteId}/visits`,
      headers: { authorization: `Bearer ${server.access.kioskToken}` },
      payload: { categoryId: 'laptop-no-boot', visitor: { kind: 'guest', name: 'Dana Guest' } },
    });
    expect(checkIn.statusCode).toBe(201);
    const visit = checkIn.json() as { id: string; ticketNumber: string };

    // Technicians notice from any tab: the header badge says tickets are being refused.
    const badge = consolePage.getByTestId('itsm-badge');
    await expect.poll(() => badge.textContent(), { timeout: 25_000, interval: 200 }).toBe('1 ticket(s) refused by the ITSM');
    await badge.click();
    expect(await tab('ITSM').getAttribute('aria-current')).toBe('page');

    const connection = consolePage.getByTestId('itsm-connection');
    await expect.poll(() => connection.getByTestId('itsm-dead-letter-count').textContent(), eventually).toBe('1');
    expect(await connection.getByTestId('itsm-breaker').textContent()).toContain('Closed');
    expect(await connection.textContent()).toContain('Data Policy Exception');

    const row = consolePage.getByTestId('dead-letter-row').filter({ hasText: visit.ticketNumber });
    await expect.poll(() => row.textContent(), eventually).toContain('answered 422');
    expect(await row.textContent()).toContain('not created');
    // Nothing was created, so there is no update to skip: only a plain Retry is offered.
    expect(await row.getByRole('button', { name: /skipping/ }).count()).toBe(0);
    expect(serviceNow.byCorrelation(visit.id)).toHaveLength(0);

    serviceNow.faults.clear();
    await row.getByRole('button', { name: `Retry ${visit.ticketNumber}` }).click();
    await expect.poll(() => row.count(), eventually).toBe(0);
    await consolePage.getByTestId('dead-letters-empty').waitFor();

    // It went through this time: one incident, and the health view and the badge calm down.
    await expect.poll(() => serviceNow.byCorrelation(visit.id).length, { timeout: 15_000 }).toBe(1);
    await expect.poll(() => connection.getByTestId('itsm-dead-letter-count').textContent(), { timeout: 15_000 }).toBe('0');
    expect(await badge.count()).toBe(0);
    // Health refreshes every 10 s: the success is on screen by the next refresh at the latest.
    await expect.poll(() => connection.getByTestId('itsm-last-success').textContent(), { timeout: 15_000, interval: 200 }).toMatch(/ago|now/);
    expect(await row.count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
