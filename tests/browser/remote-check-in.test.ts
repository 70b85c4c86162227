import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutgoingMail } from '../../apps/server/src/appointments/index.ts';
import { expectNoSeriousAxeViolations } from './helpers/axe.ts';
import { collectPageErrors, launchChromium } from './helpers/chromium.ts';
import { signInStaff } from './helpers/staff-api.ts';
import { startWalkupServer, type WalkupServer } from './helpers/walkup-server.ts';

/**
 * Remote check-in on a phone: the poster's page, the emailed link, "On the way" while the desk calls
 * nobody, "I'm here", then the call on the same page.
 */
let server: WalkupServer;
let browser: Browser;
let phone: Page;
let consolePage: Page;
let staff: Awaited<ReturnType<typeof signInStaff>>;
const pageErrors: string[] = [];
const mails: OutgoingMail[] = [];

beforeAll(async () => {
  server = await startWalkupServer({ sendMail: async (mail) => void mails.push(mail) });
  browser = await launchChromium();
  consolePage = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  collectPageErrors(consolePage, 'console', pageErrors);
  phone = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'en-US' });
  collectPageErrors(phone, 'phone', pageErrors);
  staff = await signInStaff(server);
  await staff.seat('hq-desk-1');
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('remote check-in in Chromium', () => {
  it('says, under its own heading, that a site with remote check-in off takes check-ins at its kiosk only (EN and FR)', async () => {
    await phone.goto(`${server.baseUrl}/visitor/?checkin=hq`);
    const heading = phone.getByRole('heading', { level: 1 });
    await phone.getByRole('heading', { name: 'Check-in from your phone is not offered at this site' }).waitFor();
    expect(await heading.textContent()).not.toContain('Something went wrong');
    expect(await phone.getByRole('alert').textContent()).toContain('take your ticket at the kiosk');
    await expectNoSeriousAxeViolations(phone, 'remote check-in off');

    const french = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'fr-FR' });
    collectPageErrors(french, 'phone (fr)', pageErrors);
    await french.goto(`${server.baseUrl}/visitor/?checkin=hq`);
    await french.getByRole('heading', { name: 'L’enregistrement depuis votre téléphone n’est pas proposé sur ce site' }).waitFor();
    expect(await french.getByRole('alert').textContent()).toContain('prenez votre ticket à la borne');
    await french.close();
  });

  it('names the other problems a visitor can meet: an unknown site, a link that leads nowhere, no ticket', async () => {
    await phone.goto(`${server.baseUrl}/visitor/?checkin=nowhere`);
    await phone.getByRole('heading', { name: 'We do not know this tech bar' }).waitFor();
    await expectNoSeriousAxeViolations(phone, 'unknown site');
    await phone.goto(`${server.baseUrl}/visitor/?checkin-link=${'x'.repeat(43)}`);
    await phone.getByRole('heading', { name: 'This link is not valid' }).waitFor();
    await phone.goto(`${server.baseUrl}/visitor/ticket`);
    await phone.getByRole('heading', { name: 'No ticket to show' }).waitFor();
    expect(pageErrors).toEqual([]);
  });

  it('is turned on by an admin in the console (only arrived visitors called: the default)', async () => {
    await consolePage.goto(`${server.baseUrl}/console/`);
    await consolePage.getByLabel('Username').fill(server.access.admin.username);
    await consolePage.getByLabel('Password').fill(server.access.admin.password);
    await consolePage.getByRole('button', { name: 'Sign in' }).click();
    await consolePage.getByRole('navigation', { name: 'Console sections' }).getByRole('button', { name: 'Admin', exact: true }).click();
    await consolePage.getByRole('button', { name: 'Privacy', exact: true }).click();
    const form = consolePage.getByRole('region', { name: 'Remote check-in' });
    const remote = form.getByRole('checkbox', { name: /check in from a link or a QR poster/ });
    await expect.poll(() => remote.isEnabled()).toBe(true);
    expect(await form.getByRole('checkbox', { name: /Call only visitors who have arrived/ }).isChecked()).toBe(true);
    const walk = form.getByLabel(/Tell visitors on the way to come over this many minutes before their turn/);
    expect(await walk.inputValue()).toBe('10');
    await expectNoSeriousAxeViolations(consolePage, 'remote check-in settings');
    await remote.check();
    await walk.fill('12');
    await form.getByRole('button', { name: 'Save' }).click();
    await consolePage.getByText('Remote check-in of HQ Tech Bar saved.').waitFor();
    expect(await form.getByTestId('poster-link').getAttribute('href')).toBe('/visitor/?poster=hq');
    const admin = await signInStaff(server, server.access.admin);
    expect(await admin.get('/api/admin/sites/hq/visitor-settings')).toMatchObject({ remoteCheckIn: true, remoteNotifyMinutes: 12 });
  });

  it('prints a poster whose QR code opens the check-in page', async () => {
    await phone.goto(`${server.baseUrl}/visitor/?poster=hq`);
    const qr = phone.getByTestId('poster-qr');
    await qr.waitFor();
    expect(await qr.getAttribute('data-link')).toBe(`${server.baseUrl}/visitor/?checkin=hq`);
    await expectNoSeriousAxeViolations(phone, 'check-in poster');
  });

  it('asks for the reason, a name and an email, then says to check the email', async () => {
    await phone.goto(`${server.baseUrl}/visitor/?checkin=hq`);
    await phone.getByRole('heading', { name: /Join the queue at HQ Tech Bar/ }).waitFor();
    await expectNoSeriousAxeViolations(phone, 'remote check-in page');
    await phone.getByRole('radio', { name: "Won't start" }).check();
    await phone.getByLabel('Your name').fill('Remote Person');
    await phone.getByLabel('Your work email').fill('remote.person@example.com');
    await phone.getByRole('button', { name: 'Email me the confirmation link' }).click();
    await phone.getByTestId('check-email').waitFor();
    expect(await phone.textContent('main')).toContain('remote.person@example.com');
    expect(mails.at(-1)?.to).toBe('remote.person@example.com');
  });

  it('opens the emailed link on the live ticket, "On the way": the desk calls nobody meanwhile', async () => {
    const token = /[?&]checkin-link=([A-Za-z0-9_-]+)/.exec(mails.at(-1)!.text)![1]!;
    await phone.goto(`${server.baseUrl}/visitor/?checkin-link=${token}`);
    await phone.waitForURL(/\/visitor\/ticket#/);
    await phone.getByTestId('on-the-way').waitFor();
    expect(await phone.getByTestId('position').textContent()).toBe('You are next');
    await expectNoSeriousAxeViolations(phone, 'ticket on the way');
    expect(await staff.callNext('hq-desk-1')).toBeNull();
  });

  it('"I\'m here" records the arrival; the next call is this visitor, shown on the phone', async () => {
    await phone.getByRole('button', { name: 'I’m here' }).click();
    await phone.getByTestId('on-the-way').waitFor({ state: 'detached' });
    const called = await staff.callNext('hq-desk-1');
    expect(called).not.toBeNull();
    await phone.getByTestId('called').waitFor();
    expect(await phone.getByTestId('called').textContent()).toContain('Desk 1');
    expect(pageErrors).toEqual([]);
  });

  it('takes a badge scan at the kiosk as the arrival: "Welcome, you’re checked in" with the remote ticket', async () => {
    const asked = await fetch(`${server.baseUrl}/api/sites/hq/remote-check-ins`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ categoryId: 'laptop-slow', name: 'Marie Dupont', email: 'marie.dupont@example.com', language: 'en' }),
    });
    expect(asked.status).toBe(202);
    const token = /[?&]checkin-link=([A-Za-z0-9_-]+)/.exec(mails.at(-1)!.text)![1]!;
    const confirmed = await fetch(`${server.baseUrl}/api/remote-check-ins/confirm`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) });
    const { ticketNumber } = (await confirmed.json()) as { ticketNumber: string };

    // The technician's console lists them, marked "On the way".
    const technician = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    collectPageErrors(technician, 'technician console', pageErrors);
    await technician.goto(`${server.baseUrl}/console/`);
    await technician.getByLabel('Username').fill(server.access.technician.username);
    await technician.getByLabel('Password').fill(server.access.technician.password);
    await technician.getByRole('button', { name: 'Sign in' }).click();
    await technician.getByLabel('Desk').selectOption('hq-desk-1');
    await technician.getByRole('button', { name: 'Open my console' }).click();
    const row = technician.getByTestId('waiting-row').filter({ hasText: ticketNumber });
    await row.getByTestId('on-the-way').waitFor();
    expect(await row.getByTestId('on-the-way').textContent()).toBe('On the way');

    const kiosk = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    collectPageErrors(kiosk, 'kiosk', pageErrors);
    await kiosk.goto(server.deviceUrl('kiosk'));
    await kiosk.getByRole('button', { name: 'Continue as guest' }).waitFor();
    await kiosk.keyboard.type('0004411001');
    await kiosk.keyboard.press('Enter');
    await kiosk.getByText('Hello Marie!').waitFor();
    await kiosk.getByRole('button', { name: 'Laptop', exact: true }).click();
    await kiosk.getByRole('button', { name: "Won't start" }).click();
    await kiosk.getByRole('button', { name: 'Confirm' }).click();
    await kiosk.getByRole('heading', { name: 'Welcome, you’re checked in: your ticket is' }).waitFor();
    expect(await kiosk.getByTestId('ticket-number').textContent()).toBe(ticketNumber);
    // Arrived: the console drops the mark, live.
    await row.getByTestId('on-the-way').waitFor({ state: 'detached' });
    expect(pageErrors).toEqual([]);
  });
});
