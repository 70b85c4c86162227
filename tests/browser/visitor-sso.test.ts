import { setupServer } from 'msw/node';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutgoingMail } from '../../apps/server/src/appointments/index.ts';
import { createOidcProvider, oidcSettingsOf } from '../../apps/server/test/auth/oidc-provider.ts';
import { expectNoSeriousAxeViolations } from './helpers/axe.ts';
import { collectPageErrors, launchChromium } from './helpers/chromium.ts';
import { openConsoleAdmin } from './helpers/console-sign-in.ts';
import { startWalkupServer, type WalkupServer } from './helpers/walkup-server.ts';

/**
 * Remote check-in and booking by the company's single sign-on, on a phone. The provider is the tests' mock: the
 * server (in this process) reaches its discovery, keys and token endpoints through msw, and Chromium's
 * visit to its authorization page is answered by a route that does what the provider does once the
 * person has authenticated: redirect to walkup's callback with a code bound to the request's nonce.
 */
const provider = createOidcProvider();
const idp = setupServer(...provider.handlers);
let server: WalkupServer;
let browser: Browser;
let phone: Page;
const pageErrors: string[] = [];
const mails: OutgoingMail[] = [];
let answer: 'authenticate' | 'cancel' = 'authenticate';

beforeAll(async () => {
  // The browser's own requests to walkup pass by; only the server's calls to the provider are answered.
  idp.listen({ onUnhandledRequest: 'bypass' });
  provider.signInAs({ sub: 'visitor-7', email: 'sam.visitor@example.com', name: 'Sam Visitor', employee_number: 'E4242' });
  server = await startWalkupServer({
    sendMail: async (mail) => void mails.push(mail),
    security: { oidc: oidcSettingsOf(provider) },
    prepare: async (db) => {
      await db.insertInto('site_visitor_settings').values({ site_id: 'hq', step_away_limit_minutes: 30, rejoin_grace_minutes: 10, remote_check_in: 1, updated_at: new Date().toISOString() }).execute();
    },
  });
  browser = await launchChromium();
  phone = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'en-US' });
  collectPageErrors(phone, 'phone', pageErrors);
  await phone.route(`${provider.issuer}/**`, async (route) => {
    const { code, state } = provider.authorize(route.request().url());
    const back: Record<string, string> = answer === 'cancel' ? { error: 'access_denied', state } : { code, state };
    await route.fulfill({ status: 302, headers: { location: `${server.baseUrl}/api/auth/oidc/callback?${new URLSearchParams(back)}` } });
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  idp.close();
});

describe('remote check-in by single sign-on in Chromium', () => {
  it('offers the company account beside the email link, and says a cancelled sign-in in words', async () => {
    await phone.goto(`${server.baseUrl}/visitor/?checkin=hq`);
    await phone.getByRole('heading', { name: /Join the queue at HQ Tech Bar/ }).waitFor();
    await phone.getByRole('link', { name: 'Sign in with your company account' }).waitFor();
    await phone.getByRole('heading', { name: 'Or get a link by email' }).waitFor();
    await expectNoSeriousAxeViolations(phone, 'remote check-in page with single sign-on');
    answer = 'cancel';
    await phone.getByRole('link', { name: 'Sign in with your company account' }).click();
    await phone.getByTestId('sso-error').waitFor();
    expect(await phone.getByTestId('sso-error').textContent()).toBe('Sign-in cancelled. You can try again.');
    // Said once: the code leaves the address, so a reload does not say it again.
    expect(new URL(phone.url()).searchParams.get('sso_error')).toBeNull();
    expect(new URL(phone.url()).pathname).toBe('/visitor/');
    await expectNoSeriousAxeViolations(phone, 'cancelled sign-in');
  });

  it('signs in through the provider, shows who (not editable), and takes the place at once: "On the way"', async () => {
    answer = 'authenticate';
    await phone.getByRole('link', { name: 'Sign in with your company account' }).click();
    await phone.getByTestId('sso-identity').waitFor();
    expect(await phone.getByTestId('sso-identity').textContent()).toContain('Signed in as Sam Visitor');
    expect(await phone.getByTestId('sso-identity').textContent()).toContain('sam.visitor@example.com');
    expect(await phone.getByLabel('Your name').count()).toBe(0);
    await expectNoSeriousAxeViolations(phone, 'signed in with the company account');
    await phone.getByRole('radio', { name: "Won't start" }).check();
    await phone.getByRole('button', { name: 'Take my place now' }).click();
    await phone.waitForURL(/\/visitor\/ticket#/);
    await phone.getByTestId('on-the-way').waitFor();
    await expectNoSeriousAxeViolations(phone, 'ticket on the way after single sign-on');
    expect(mails).toEqual([]);
    const visit = await server.db.selectFrom('visits').select(['visitor_name', 'visitor_email', 'on_the_way']).where('visitor_email', '=', 'sam.visitor@example.com').executeTakeFirstOrThrow();
    expect(visit).toEqual({ visitor_name: 'Sam Visitor', visitor_email: 'sam.visitor@example.com', on_the_way: 1 });
    expect(pageErrors).toEqual([]);
  });

  it('books a time the same way: signed in on the booking page, booked at once with its check-in code', async () => {
    await phone.goto(`${server.baseUrl}/visitor/?book=hq`);
    await phone.getByRole('heading', { name: /Book a visit to HQ Tech Bar/ }).waitFor();
    await phone.getByRole('link', { name: 'Sign in with your company account' }).click();
    await phone.getByTestId('sso-identity').waitFor();
    await phone.getByRole('radio', { name: "Won't start" }).check();
    const firstFree = phone.locator('input[name="slot"]:not([disabled])').first();
    await firstFree.waitFor();
    await firstFree.check();
    await expectNoSeriousAxeViolations(phone, 'booking page signed in');
    await phone.getByRole('button', { name: 'Book this time' }).click();
    await phone.getByRole('heading', { name: 'Your appointment is booked' }).waitFor();
    expect(await phone.getByTestId('check-in-code').textContent()).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(new URL(phone.url()).searchParams.get('appointment')).toBeTruthy();
    expect(mails).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('lets an admin keep the company account only (Admin → Privacy): the page then offers no email link', async () => {
    const admin = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    collectPageErrors(admin, 'console', pageErrors);
    await openConsoleAdmin(admin, server, 'Privacy');
    const form = admin.getByRole('region', { name: 'Remote check-in' });
    const identification = form.getByLabel('How visitors identify (remote check-in and booking)');
    await expect.poll(() => identification.inputValue()).toBe('sso_or_email');
    await expectNoSeriousAxeViolations(admin, 'visitor identification setting');
    await identification.selectOption('sso');
    await form.getByRole('button', { name: 'Save' }).click();
    await admin.getByText('Remote check-in of HQ Tech Bar saved.').waitFor();
    // One setting in two forms: saving the appointment rules (choice untouched) keeps it, and shows it.
    const appointments = admin.getByRole('region', { name: 'Appointments' });
    await appointments.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => appointments.getByLabel('How visitors identify (remote check-in and booking)').inputValue()).toBe('sso');
    const stored = await server.db.selectFrom('site_visitor_settings').select('visitor_identification').where('site_id', '=', 'hq').executeTakeFirstOrThrow();
    expect(stored.visitor_identification).toBe('sso');

    await phone.goto(`${server.baseUrl}/visitor/?checkin=hq`);
    await phone.getByRole('link', { name: 'Sign in with your company account' }).waitFor();
    expect(await phone.getByLabel('Your work email').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
