import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createFeedbackLink } from '../../apps/server/src/visitor/feedback-links.ts';
import { expectNoSeriousAxeViolations } from './helpers/axe.ts';
import { useBrowserSession } from './helpers/browser-session.ts';
import { collectPageErrors } from './helpers/chromium.ts';
import { signInStaff } from './helpers/staff-api.ts';

/**
 * Feedback away from the phone page: a visitor passing the kiosk on the way out, and the closing
 * email's link opening the phone page's feedback view.
 */
const session = useBrowserSession();
let kiosk: Page;
let phone: Page;
let staff: Awaited<ReturnType<typeof signInStaff>>;
const pageErrors: string[] = [];
const eventually = { timeout: 10_000, interval: 100 };

beforeAll(async () => {
  kiosk = await session.browser.newPage({ viewport: { width: 1080, height: 1920 }, hasTouch: true });
  phone = await session.browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'en-US' });
  collectPageErrors(kiosk, 'kiosk', pageErrors);
  collectPageErrors(phone, 'phone', pageErrors);
  staff = await signInStaff(session.server);
  await staff.seat('hq-desk-1');
});

/** A visit checked in, called and resolved by the demo technician. */
async function resolvedVisit(visitor: Record<string, string>) {
  const visit = await staff.checkIn('laptop-no-boot', visitor);
  expect((await staff.callNext('hq-desk-1')).id).toBe(visit.id);
  await staff.act(visit.id, 'resolve', { note: 'fixed' });
  return visit;
}

async function feedbackEventsOf(visitId: string) {
  const rows = await session.server.db.selectFrom('events').select('data').where('visit_id', '=', visitId).where('type', '=', 'visit.feedback_given').execute();
  return rows.map((row) => JSON.parse(row.data) as { score: number; comment: string | null });
}

describe('"How did it go?" at the kiosk', () => {
  it('finds the visit of the badge scanned on the way out and takes one tap, in French, axe-clean', async () => {
    const visit = await resolvedVisit({ kind: 'badge', badgeId: '0004411002' });
    await kiosk.goto(session.server.deviceUrl('kiosk'));
    await kiosk.getByRole('button', { name: 'Français' }).click();
    await kiosk.getByRole('button', { name: 'Déjà aidé ? Dites-nous comment cela s’est passé' }).click();
    await kiosk.getByRole('heading', { name: 'Comment s’est passée votre visite ?' }).waitFor();
    await expectNoSeriousAxeViolations(kiosk, 'kiosk rate, identify (fr)');
    // A badge reader types into the focused field and presses Enter.
    await expect.poll(() => kiosk.evaluate(() => document.activeElement?.id)).toBe('rate-identify-input');
    await kiosk.keyboard.type('0004411002');
    await kiosk.keyboard.press('Enter');

    await kiosk.getByRole('heading', { name: `Ticket ${visit.ticketNumber} : comment cela s’est-il passé ?` }).waitFor();
    await expectNoSeriousAxeViolations(kiosk, 'kiosk rate, faces (fr)');
    await kiosk.getByLabel('Un commentaire ? (facultatif)').fill('Rapide, merci');
    await kiosk.getByRole('button', { name: 'Très bien' }).tap();
    await expect.poll(() => kiosk.getByTestId('rated').textContent(), eventually).toBe('Merci pour votre avis !');
    await expectNoSeriousAxeViolations(kiosk, 'kiosk rated (fr)');
    expect(await feedbackEventsOf(visit.id)).toEqual([expect.objectContaining({ score: 3, comment: 'Rapide, merci' })]);
  });

  it('says so, in English, when the person has nothing left to rate', async () => {
    await kiosk.goto(session.server.deviceUrl('kiosk'));
    await kiosk.getByRole('button', { name: 'English' }).click();
    await kiosk.getByRole('button', { name: 'Been helped already? Tell us how it went' }).click();
    await expectNoSeriousAxeViolations(kiosk, 'kiosk rate, identify (en)');
    await kiosk.getByLabel('Scan your badge, or type the email or employee ID you checked in with').fill('john.smith@example.com');
    await kiosk.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => kiosk.getByRole('alert').textContent(), eventually).toBe('We found no visit of yours resolved today that is waiting for feedback.');
    await kiosk.getByRole('button', { name: 'Back' }).click();
    await kiosk.getByRole('button', { name: 'Continue as guest' }).waitFor();
    expect(pageErrors).toEqual([]);
  });
});

describe('what the kiosk gives the notifications', () => {
  it('takes a guest’s optional email and the language the visitor chose with the check-in, axe-clean', async () => {
    await kiosk.goto(session.server.deviceUrl('kiosk'));
    await kiosk.getByRole('button', { name: 'Français' }).click();
    await kiosk.getByRole('button', { name: 'Continuer en tant qu’invité' }).click();
    await kiosk.getByLabel('Votre prénom', { exact: true }).fill('Invitée');
    await kiosk.getByLabel('Votre e-mail (facultatif : nous vous prévenons quand votre tour approche)').fill('Invitee@Partner.example');
    await expectNoSeriousAxeViolations(kiosk, 'kiosk guest with email (fr)');
    await kiosk.getByRole('button', { name: 'Continuer' }).click();
    await kiosk.getByRole('button', { name: 'Ordinateur portable', exact: true }).click();
    await kiosk.getByRole('button', { name: 'Ne démarre pas' }).click();
    await kiosk.getByRole('button', { name: 'Confirmer' }).click();
    await expect.poll(() => kiosk.getByTestId('ticket-number').textContent(), eventually).toMatch(/^H-\d{3}$/);
    const ticketNumber = await kiosk.getByTestId('ticket-number').textContent();
    const visit = await session.server.db.selectFrom('visits').select(['id', 'visitor_kind', 'visitor_email', 'visitor_language']).where('ticket_number', '=', ticketNumber!).executeTakeFirstOrThrow();
    expect(visit).toEqual({ id: expect.any(String), visitor_kind: 'guest', visitor_email: 'invitee@partner.example', visitor_language: 'fr' });
    await staff.post(`/api/visits/${visit.id}/cancel`, { reason: 'test done' });
  });
});

describe('the closing email’s link on a phone', () => {
  it('opens the feedback view with the face tapped in the email marked and focused; one more tap sends it', async () => {
    const visit = await resolvedVisit({ kind: 'guest', name: 'Mail Reader', email: 'reader@example.org' });
    const at = new Date().toISOString();
    const token = await createFeedbackLink(session.server.db, { visitId: visit.id, siteId: session.server.access.siteId, purpose: 'email', at, expiresAt: new Date(Date.now() + 3_600_000).toISOString() });
    await phone.goto(`${session.server.baseUrl}/visitor/feedback?score=1#${token}`);
    await phone.getByRole('heading', { name: 'How did it go?' }).waitFor();
    await expect.poll(() => phone.evaluate(() => document.activeElement?.textContent)).toBe('Not good');
    await expectNoSeriousAxeViolations(phone, 'phone feedback link');
    // Nothing is recorded by opening the link (mail scanners follow links).
    expect(await feedbackEventsOf(visit.id)).toEqual([]);
    await phone.getByRole('button', { name: 'Not good' }).tap();
    await expect.poll(() => phone.getByTestId('feedback-thanks').textContent(), eventually).toBe('Thank you for your feedback!');
    expect(await feedbackEventsOf(visit.id)).toEqual([expect.objectContaining({ score: 1, comment: null })]);

    // Opened again: it says the link takes no more feedback.
    await phone.reload();
    await phone.getByText('This link can take no feedback any more').waitFor();
    await expectNoSeriousAxeViolations(phone, 'phone feedback link, used');
    expect(pageErrors).toEqual([]);
  });
});
