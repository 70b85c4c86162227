import type { FastifyInstance } from 'fastify';
import { listSites } from '../queries/sites.ts';
import { appointmentLinks } from './appointment-links.ts';
import { markAppointmentNoShows, purgeExpiredRequests, sendDueReminders, type AppointmentJobDeps } from './appointment-jobs.ts';
import type { SendMail } from './appointment-mail.ts';
import { noClosures, type ClosuresOf } from './appointment-rules.ts';
import { staffAppointmentRoutes } from './staff-appointment-routes.ts';
import { visitorAppointmentRoutes } from './visitor-appointment-routes.ts';
import type { UseCaseDeps } from '../use-cases/deps.ts';

export type { SendMail, OutgoingMail } from './appointment-mail.ts';

/** How often no-shows, reminders and expired links are looked at: bookings are minutes apart. */
const jobIntervalMs = 60_000;

export interface AppointmentSettingsDeps {
  sendMail: SendMail;
  publicUrl: string;
  closuresOf?: ClosuresOf;
  /** A single sign-on provider is configured: visitors may identify with it where the site allows. */
  ssoConfigured?: boolean;
}

export function appointmentDeps(useCases: UseCaseDeps, settings: AppointmentSettingsDeps, log: AppointmentJobDeps['log']): AppointmentJobDeps {
  return { ...useCases, closuresOf: settings.closuresOf ?? noClosures, sendMail: settings.sendMail, links: appointmentLinks(settings.publicUrl), ssoConfigured: settings.ssoConfigured ?? false, log };
}

export async function appointmentRoutes(app: FastifyInstance, deps: AppointmentJobDeps): Promise<void> {
  await visitorAppointmentRoutes(app, deps);
  await staffAppointmentRoutes(app, deps);
}

/** One pass of the appointment jobs over every site. */
export async function runAppointmentJobs(deps: AppointmentJobDeps): Promise<void> {
  for (const site of await listSites(deps.db)) {
    await markAppointmentNoShows(deps, site.id);
    await sendDueReminders(deps, site.id);
  }
  await purgeExpiredRequests(deps);
}

export function startAppointmentJobs(app: FastifyInstance, deps: AppointmentJobDeps): void {
  let timer: NodeJS.Timeout | undefined;
  app.addHook('onReady', async () => {
    const run = () => void runAppointmentJobs(deps).catch((err) => app.log.warn({ err }, 'appointment jobs failed; tried again in a minute'));
    timer = setInterval(run, jobIntervalMs);
    timer.unref();
  });
  app.addHook('onClose', async () => clearInterval(timer));
}

/** Without SMTP, messages go to the log: a demo shows what would be sent, and links still work. */
export function logMail(log: { info: (obj: object, msg: string) => void }): SendMail {
  return async (mail) => log.info({ to: mail.to, subject: mail.subject, text: mail.text }, 'email (no SMTP configured: logged, not sent)');
}
