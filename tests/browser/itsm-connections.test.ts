import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { expectNoSeriousAxeViolations } from './helpers/axe.ts';
import { collectPageErrors, launchChromium } from './helpers/chromium.ts';
import { startWalkupServer, type WalkupServer } from './helpers/walkup-server.ts';

/**
 * An admin adds an ITSM connection in the console and tests it. The ITSM is a real HTTP stand-in
 * (no msw): a webhook receiver that refuses every signature, as one set up with another secret does.
 */
let receiver: Server;
let receiverUrl: string;
let server: WalkupServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
const secret = 'whsec-7Hq2pLx9Vb4Nc8Rz3Kd6Wm1Tf5Yg0Sa';
const eventually = { timeout: 10_000, interval: 100 };
const received: string[] = [];

beforeAll(async () => {
  receiver = createServer((request, response) => {
    received.push(`${request.method} ${request.url}`);
    response.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"bad signature"}');
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/walkup`;
  server = await startWalkupServer({ itsmSecretKey: 'Zr7pQ2xK9mB4vN8cL1dT6wH3yF5gJ0sA' });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  collectPageErrors(page, 'console', pageErrors);
  await page.goto(`${server.baseUrl}/console/`);
  await page.getByLabel('Username').fill(server.access.admin.username);
  await page.getByLabel('Password').fill(server.access.admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await new Promise((resolve) => receiver?.close(resolve));
});

it('adds a webhook connection, keeps its secret write-only, and Test says in words that the receiver refuses it', async () => {
  await page.getByRole('navigation', { name: 'Console sections' }).getByRole('button', { name: 'Admin', exact: true }).click();
  await page.getByRole('navigation', { name: 'Admin sections' }).getByRole('button', { name: 'ITSM connections' }).click();
  await page.getByRole('button', { name: 'Add a connection' }).click();
  const form = page.getByTestId('itsm-connection-form');
  await form.getByLabel('Name').fill('helpdesk-hook');
  await form.getByLabel('Vendor').selectOption('webhook');
  await form.getByLabel('Address (URL)').fill('not a url');
  await form.getByLabel('Signing secret').fill(secret);
  await form.getByRole('button', { name: 'Save' }).click();
  // The server names the field; the form puts the words under it.
  await expect.poll(() => form.getByRole('alert').textContent(), eventually).toContain('http(s) address');
  await form.getByLabel('Address (URL)').fill(receiverUrl);
  await form.getByRole('button', { name: 'Save' }).click();

  const row = page.getByTestId('itsm-connection-row').filter({ hasText: 'helpdesk-hook' });
  await expect.poll(() => row.textContent(), eventually).toContain('Webhook');
  await row.getByRole('button', { name: 'Test helpdesk-hook' }).click();
  const result = row.getByTestId('itsm-test-result');
  await expect.poll(() => result.textContent(), eventually).toContain('refused the signature (401): make sure it uses the same secret');
  expect(received.length).toBeGreaterThan(0);

  // Editing shows the secret as set, never its value; the page holds it nowhere.
  await row.getByRole('button', { name: 'Edit helpdesk-hook' }).click();
  const secretField = page.getByTestId('itsm-connection-form').getByLabel('Signing secret');
  expect(await secretField.inputValue()).toBe('');
  expect(await page.getByTestId('itsm-connection-form').textContent()).toContain('set — leave blank to keep');
  expect(await page.content()).not.toContain(secret);
  await expectNoSeriousAxeViolations(page, 'console ITSM connections');

  // The site's tickets go there from now on: the ITSM tab says why they wait.
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByLabel('ITSM connection of HQ Tech Bar').selectOption('helpdesk-hook');
  await expect.poll(() => row.textContent(), eventually).toContain('HQ Tech Bar');
  await page.getByRole('navigation', { name: 'Console sections' }).getByRole('button', { name: 'ITSM', exact: true }).click();
  await expect.poll(() => page.getByTestId('itsm-setup-failing').textContent(), { timeout: 15_000, interval: 200 }).toContain('refused the signature (401)');
  await expectNoSeriousAxeViolations(page, 'console ITSM health with a failing set-up check');

  // In French too.
  await page.getByRole('navigation', { name: 'Console sections' }).getByRole('button', { name: 'Admin', exact: true }).click();
  await page.getByRole('navigation', { name: 'Admin sections' }).getByRole('button', { name: 'ITSM connections' }).click();
  await row.getByRole('button', { name: 'Edit helpdesk-hook' }).click();
  await page.getByRole('button', { name: 'Français' }).click();
  await expect.poll(() => page.getByTestId('itsm-connection-form').textContent(), eventually).toContain('défini — laisser vide pour le garder');
  expect(pageErrors).toEqual([]);
});
