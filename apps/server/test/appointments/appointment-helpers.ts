import type { OutgoingMail } from '../../src/appointments/index.ts';
import { demo, type TestApp } from '../helpers/test-app.ts';

/** Collects what the app would email, as a real mail server would receive it. */
export function createOutbox() {
  const sent: OutgoingMail[] = [];
  return {
    sent,
    sendMail: async (mail: OutgoingMail) => {
      sent.push(mail);
    },
    /** The first link of a message to `to` whose URL has `param`. */
    tokenFrom(to: string, param: string): string {
      for (const mail of sent.filter((m) => m.to === to).reverse()) {
        const match = new RegExp(`[?&]${param}=([A-Za-z0-9_-]+)`).exec(mail.text);
        if (match) return match[1]!;
      }
      throw new Error(`no ${param} link mailed to ${to}`);
    },
  };
}

/** The demo seed takes appointments already; a test states every queue's places so the seed's never leak in. */
export async function enableAppointments(t: TestApp, perHour: Record<string, number>, overrides: Record<string, unknown> = {}) {
  perHour = { 'hq-hardware': 0, 'hq-access': 0, 'hq-software': 0, ...perHour };
  const response = await t.as.admin.inject({
    method: 'PUT',
    url: `/api/admin/sites/${demo.site}/appointment-settings`,
    payload: { enabled: true, bookAheadDays: 14, cutoffMinutes: 60, lateGraceMinutes: 10, maxAdvanceMinutes: 30, reminderMinutes: 60, perHour, ...overrides },
  });
  if (response.statusCode !== 200) throw new Error(`settings refused: ${response.body}`);
}

export async function bookAs(t: TestApp, startsAt: string, person: Record<string, string>, categoryId: string = demo.hardwareChoice) {
  return t.as.alex.inject({ method: 'POST', url: `/api/sites/${demo.site}/appointments`, payload: { categoryId, startsAt, person, language: 'en' } });
}
