import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousAxeViolations } from './helpers/axe.ts';
import { collectPageErrors, launchChromium } from './helpers/chromium.ts';
import { signInStaff } from './helpers/staff-api.ts';
import { startWalkupServer, type WalkupServer } from './helpers/walkup-server.ts';
import { openDeskConsole } from './helpers/console-sign-in.ts';

/**
 * The kiosk's category tree edited from the console's Configuration area. An admin opens a new
 * queue and a new group with a choice sending visitors to it; the kiosk, already open, shows the
 * tile without a reload, a visitor checks in with it, and a technician given that queue calls and
 * serves them. Before that: a refusal shown next to its field, and the kiosk preview.
 */
let server: WalkupServer;
let browser: Browser;
let consolePage: Page;
let kiosk: Page;
const pageErrors: string[] = [];
const eventually = { timeout: 10_000, interval: 100 };

const panel = () => consolePage.getByRole('region', { name: 'Categories on the kiosk' });
const preview = () => consolePage.getByTestId('kiosk-preview');
const rows = () => panel().getByTestId('category-row');
const isFocused = (page: Page, selector: ReturnType<Page['getByLabel']>) => selector.evaluate((element) => element === document.activeElement);

beforeAll(async () => {
  server = await startWalkupServer();
  browser = await launchChromium();
  consolePage = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  kiosk = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
  collectPageErrors(consolePage, 'console', pageErrors);
  collectPageErrors(kiosk, 'kiosk', pageErrors);

  await consolePage.goto(`${server.baseUrl}/console/`);
  await consolePage.getByLabel('Username').fill(server.access.admin.username);
  await consolePage.getByLabel('Password').fill(server.access.admin.password);
  await consolePage.getByRole('button', { name: 'Sign in' }).click();
  await consolePage.getByRole('navigation', { name: 'Console sections' }).getByRole('button', { name: 'Admin', exact: true }).click();
  await consolePage.getByRole('navigation', { name: 'Admin sections' }).getByRole('button', { name: 'Configuration', exact: true }).click();
  await panel().waitFor();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('category tree from the console', () => {
  it('shows the server’s refusal next to the field it names and adds nothing', async () => {
    const before = await rows().count();
    const form = consolePage.getByRole('form', { name: 'Add a category' });
    await form.getByLabel('Identifier', { exact: false }).fill('laptop-dock');
    await form.getByLabel('Place in the tree').selectOption({ label: 'Choice under Laptop' });
    await form.getByLabel('Label on the kiosk (en)').fill('Docking station');
    await form.getByLabel('Queue', { exact: true }).selectOption({ label: 'H · Hardware' });
    await form.getByRole('button', { name: 'Add category' }).click();

    // The site offers French too: the server names the missing label, and the form says so there.
    const french = form.getByLabel('Label on the kiosk (fr)');
    await expect.poll(() => french.getAttribute('aria-invalid'), eventually).toBe('true');
    const error = form.locator(`#${await french.getAttribute('aria-describedby')}`);
    expect(await error.textContent()).toContain('is missing');
    expect(await error.getAttribute('role')).toBe('alert');
    expect(await isFocused(consolePage, french)).toBe(true);
    expect(await rows().count()).toBe(before);
    await expectNoSeriousAxeViolations(consolePage, 'category form showing an error');

    // A choice without a queue: the refusal moves to the queue field.
    await french.fill('Station d’accueil');
    await form.getByLabel('Queue', { exact: true }).selectOption({ label: 'Choose a queue' });
    await form.getByRole('button', { name: 'Add category' }).click();
    const queue = form.getByLabel('Queue', { exact: true });
    await expect.poll(() => queue.getAttribute('aria-invalid'), eventually).toBe('true');
    expect(await form.locator('#category-queueId-error').textContent()).toContain('a choice sends visitors to a queue');
    expect(await french.getAttribute('aria-invalid')).toBeNull();
    expect(await rows().count()).toBe(before);
    expect(pageErrors).toEqual([]);
  });

  it('previews the tiles in the chosen language, and follows a move by keyboard, an archive and a rename', async () => {
    const groups = () => preview().getByTestId('preview-group').allTextContents();
    expect((await groups()).slice(0, 2)).toEqual(['Laptop', 'Account & access']);
    expect(await preview().getByTestId('preview-choice').allTextContents()).toContain("Won't start");

    await consolePage.getByLabel('Preview language').selectOption('fr');
    await expect.poll(() => groups().then((labels) => labels.slice(0, 2)), eventually).toEqual(['Ordinateur portable', 'Compte et accès']);
    await preview().getByRole('button', { name: 'Compte et accès' }).click();
    expect(await preview().getByTestId('preview-choice').allTextContents()).toEqual(['Mot de passe ou compte bloqué', 'MFA ou nouveau téléphone', 'Accès à une appli ou un dossier']);
    // Each tile carries the kiosk's icon for it.
    expect(await preview().getByTestId('preview-choice').first().locator('svg path').count()).toBeGreaterThan(0);
    await expectNoSeriousAxeViolations(consolePage, 'kiosk preview in French');

    // Move a group up with the keyboard: the order is saved, the focus stays, the preview follows.
    await panel().getByRole('button', { name: 'Move Account & access up' }).focus();
    await consolePage.keyboard.press('Enter');
    await expect.poll(() => groups().then((labels) => labels.slice(0, 2)), eventually).toEqual(['Compte et accès', 'Ordinateur portable']);
    expect(await consolePage.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Move Account & access down');

    await panel().getByRole('button', { name: 'Archive Wi-Fi & VPN' }).click();
    await expect.poll(groups, eventually).not.toContain('Wi-Fi et VPN');
    expect(await rows().filter({ hasText: 'VPN' }).first().textContent()).toContain('archived');
    // A choice of an archived group cannot come back alone: the panel says why.
    await panel().getByRole('button', { name: 'Restore VPN' }).click();
    await expect.poll(() => panel().getByRole('alert').filter({ hasText: "restore the group 'network' first" }).count(), eventually).toBe(1);
    expect(await rows().filter({ hasText: 'VPN' }).first().textContent()).toContain('archived');

    // Renaming a choice: the form opens with the keyboard in it, and the preview shows the new label.
    await consolePage.getByLabel('Preview language').selectOption('en');
    await panel().getByRole('button', { name: "Edit Won't start" }).click();
    const form = consolePage.getByRole('form', { name: "Edit Won't start" });
    const english = form.getByLabel('Label on the kiosk (en)');
    expect(await isFocused(consolePage, english)).toBe(true);
    expect(await form.getByLabel('Expected service time (minutes)').inputValue()).toBe('20');
    await english.fill('Will not turn on');
    await form.getByRole('button', { name: 'Save category' }).click();
    await preview().getByRole('button', { name: 'Laptop' }).click();
    await expect.poll(() => preview().getByTestId('preview-choice').allTextContents(), eventually).toContain('Will not turn on');

    // Moving the choice to another group: it goes to the end of that group, in the tree and the preview.
    await panel().getByRole('button', { name: 'Edit Will not turn on' }).click();
    const moveForm = consolePage.getByRole('form', { name: 'Edit Will not turn on' });
    await moveForm.getByLabel('Group (changing it moves the choice to the end of that group)').selectOption({ label: 'Account & access' });
    await moveForm.getByRole('button', { name: 'Save category' }).click();
    await preview().getByRole('button', { name: 'Account & access' }).click();
    await expect.poll(() => preview().getByTestId('preview-choice').allTextContents().then((labels) => labels.at(-1)), eventually).toBe('Will not turn on');
    await preview().getByRole('button', { name: 'Laptop' }).click();
    expect(await preview().getByTestId('preview-choice').allTextContents()).not.toContain('Will not turn on');
    expect(pageErrors).toEqual([]);
  });

  it('adds a category with a new queue: the open kiosk shows it, a visitor checks in, a technician serves them', async () => {
    // A new queue first, in the Queues panel.
    const queueForm = consolePage.getByRole('form', { name: 'Add a queue' });
    await queueForm.getByLabel('Identifier', { exact: false }).fill('hq-loans');
    await queueForm.getByLabel('Ticket prefix (1 to 3 capital letters)').fill('L');
    await queueForm.getByLabel('Name (en)').fill('Loaner laptops');
    await queueForm.getByLabel('Name (fr)').fill('Prêts de portables');
    await queueForm.getByRole('button', { name: 'Add queue' }).click();
    await consolePage.getByRole('region', { name: 'Queues' }).getByTestId('queue-row').filter({ hasText: 'Loaner laptops' }).waitFor();

    // The kiosk is open on its tiles before the tree changes.
    await kiosk.goto(server.deviceUrl('kiosk'));
    await kiosk.getByRole('textbox', { name: /scan your badge/i }).fill('marie.dupont@example.com');
    await kiosk.getByRole('button', { name: 'Continue', exact: true }).click();
    await kiosk.getByText('Hello Marie!').waitFor();
    expect(await kiosk.getByRole('button', { name: 'Loans' }).count()).toBe(0);

    // A group, then a choice in it sending visitors to the new queue.
    const form = consolePage.getByRole('form', { name: 'Add a category' });
    await form.getByLabel('Identifier', { exact: false }).fill('loans');
    await form.getByLabel('Place in the tree').selectOption({ label: 'Top level (a group of choices)' });
    await form.getByLabel('Label on the kiosk (en)').fill('Loans');
    await form.getByLabel('Label on the kiosk (fr)').fill('Prêts');
    await form.getByRole('radio', { name: 'Box' }).check();
    await form.getByRole('button', { name: 'Add category' }).click();
    await rows().filter({ hasText: 'Loans' }).waitFor();

    await panel().getByRole('button', { name: 'Add a choice to Loans' }).click();
    const choiceForm = consolePage.getByRole('form', { name: 'Add a choice to Loans' });
    // The keyboard lands in the form that opened.
    expect(await isFocused(consolePage, choiceForm.getByLabel('Identifier', { exact: false }))).toBe(true);
    await choiceForm.getByLabel('Identifier', { exact: false }).fill('loans-laptop');
    await choiceForm.getByLabel('Label on the kiosk (en)').fill('Borrow a laptop');
    await choiceForm.getByLabel('Label on the kiosk (fr)').fill('Emprunter un portable');
    await choiceForm.getByRole('radio', { name: 'Laptop' }).check();
    await choiceForm.getByLabel('Queue', { exact: true }).selectOption({ label: 'L · Loaner laptops' });
    await choiceForm.getByLabel('Expected service time (minutes)').fill('5');
    await choiceForm.getByLabel('ITSM category').fill('hardware');
    await choiceForm.getByLabel('ITSM subcategory').fill('loan');
    await choiceForm.getByLabel('GLPI category').fill('Hardware > Loans');
    await choiceForm.getByRole('button', { name: 'Add category' }).click();
    await expect.poll(() => rows().filter({ hasText: 'Borrow a laptop' }).textContent(), eventually).toContain('choice, queue Loaner laptops');

    // What the server kept, ITSM fields included.
    const admin = await signInStaff(server, server.access.admin);
    const setup = await (await fetch(`${server.baseUrl}/api/admin/sites/${server.access.siteId}/setup`, { headers: { cookie: await sessionCookie() } })).json();
    expect((setup as { categories: Array<Record<string, unknown>> }).categories.find((c) => c.id === 'loans-laptop')).toMatchObject({
      parentId: 'loans',
      queueId: 'hq-loans',
      expectedServiceSeconds: 300,
      itsmCategory: 'hardware',
      itsmSubcategory: 'loan',
      itsmVendorFields: { glpiCategory: 'Hardware > Loans' },
    });

    // The open kiosk shows the new tile without a reload; a visitor checks in with it.
    await kiosk.getByRole('button', { name: 'Loans' }).click({ timeout: 10_000 });
    await kiosk.getByRole('button', { name: 'Borrow a laptop' }).click();
    await kiosk.getByRole('button', { name: 'Confirm' }).click();
    await expect.poll(() => kiosk.getByTestId('ticket-number').textContent(), eventually).toBe('L-001');

    // No people screen yet: the admin API gives the demo technician the new queue.
    await admin.patch(`/api/admin/sites/${server.access.siteId}/technicians/tech-alex`, { queueIds: ['hq-hardware', 'hq-software', 'hq-loans'] });
    const technicianPage = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    collectPageErrors(technicianPage, 'technician console', pageErrors);
    await openDeskConsole(technicianPage, server, 'hq-desk-3');
    await technicianPage.getByRole('radio', { name: 'Available' }).click();
    await expect.poll(() => technicianPage.getByRole('radio', { name: 'Available' }).getAttribute('aria-checked'), eventually).toBe('true');
    await expect.poll(() => technicianPage.getByTestId('waiting-row').filter({ hasText: 'L-001' }).textContent(), eventually).toContain('Marie Dupont');

    await technicianPage.keyboard.press('n');
    await expect.poll(() => technicianPage.getByTestId('current-ticket').textContent(), eventually).toBe('L-001');
    await technicianPage.keyboard.press('s');
    await expect.poll(() => technicianPage.getByTestId('current-visit').textContent(), eventually).toContain('In service');
    await technicianPage.keyboard.press('r');
    await technicianPage.keyboard.type('Lent laptop LN-12');
    await technicianPage.keyboard.press('Control+Enter');
    await technicianPage.getByText('Nobody at your desk').waitFor();
    expect(pageErrors).toEqual([]);
  });
});

async function sessionCookie(): Promise<string> {
  const cookies = await consolePage.context().cookies(server.baseUrl);
  return cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}
