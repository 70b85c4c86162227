import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousAxeViolations } from './helpers/axe.ts';
import { collectPageErrors, launchChromium } from './helpers/chromium.ts';
import { signInStaff } from './helpers/staff-api.ts';
import { startWalkupServer, type WalkupServer } from './helpers/walkup-server.ts';

/**
 * A tech bar lead with a site admin account: the console gives them their site's figures and
 * configuration, and leaves out what belongs to the whole company (accounts, ITSM connections,
 * privacy rules, new sites, configuration files), which the server refuses them anyway.
 */
let server: WalkupServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
const eventually = { timeout: 10_000, interval: 100 };
const lead = { username: 'robin', password: 'tech-bar-lead-password-1' };

beforeAll(async () => {
  server = await startWalkupServer();
  const admin = await signInStaff(server, server.access.admin);
  await admin.post('/api/admin/users', { ...lead, displayName: 'Robin (tech bar lead)', role: 'site_admin', technicianId: null, siteIds: [server.access.siteId] });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  collectPageErrors(page, 'console', pageErrors);
  await page.goto(`${server.baseUrl}/console/`);
  await page.getByLabel('Username').fill(lead.username);
  await page.getByLabel('Password').fill(lead.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const tabs = () => page.getByRole('navigation', { name: 'Console sections' }).getByRole('button');

describe('a site admin in the console', () => {
  it('lands on the figures, with Admin beside them and no desk', async () => {
    await expect.poll(() => tabs().allTextContents(), eventually).toEqual(['Manager', 'Admin']);
    expect(await tabs().filter({ hasText: 'Manager' }).getAttribute('aria-current')).toBe('page');
    expect(pageErrors).toEqual([]);
  });

  it('configures their site without the company-wide parts', async () => {
    await tabs().filter({ hasText: 'Admin' }).click();
    const sections = page.getByRole('navigation', { name: 'Admin sections' }).getByRole('button');
    await expect.poll(() => sections.allTextContents(), eventually).toEqual(['Configuration', 'Devices']);
    await page.getByRole('region', { name: 'Categories on the kiosk' }).waitFor();

    // Their one site, editable but not archivable; no form to add a site, no configuration file.
    const siteRows = page.getByTestId('site-row');
    expect(await siteRows.count()).toBe(1);
    expect(await siteRows.getByRole('button', { name: /archive/i }).count()).toBe(0);
    expect(await page.getByRole('form', { name: /add a site/i }).count()).toBe(0);
    expect(await page.getByText(/configuration file/i).count()).toBe(0);
    // Technicians without the account column: accounts are the company's.
    expect(await page.getByRole('columnheader', { name: /account/i }).count()).toBe(0);

    // A change goes through like an admin's.
    const queues = page.getByRole('region', { name: 'Queues' });
    await queues.getByRole('button', { name: /Edit Hardware/ }).click();
    const form = page.getByRole('form', { name: 'Edit queue Hardware' });
    await form.getByLabel('Name (en)').fill('Laptops and hardware');
    await form.getByRole('button', { name: /save/i }).click();
    await expect.poll(() => queues.getByTestId('queue-row').allTextContents().then((rows) => rows.join(' ')), eventually).toContain('Laptops and hardware');
    await expectNoSeriousAxeViolations(page, 'site admin configuration');
    expect(pageErrors).toEqual([]);
  });
});
