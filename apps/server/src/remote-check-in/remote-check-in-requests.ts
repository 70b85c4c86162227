import { ConflictError, InvalidInputError, NotFoundError } from '@walkup/domain';
import type { AppointmentLinks } from '../appointments/appointment-links.ts';
import type { SendMail } from '../appointments/appointment-mail.ts';
import { hashToken, randomToken } from '../auth/tokens.ts';
import { checkInVisitor, refuseUnlessTakingVisitors, rejectDuplicate, requireLeafCategory } from '../use-cases/check-in.ts';
import type { UseCaseDeps } from '../use-cases/deps.ts';
import { findVisitorSettings } from '../visitor/visitor-settings.ts';
import { requireEmailIdentification, type SsoAvailability } from '../visitor-sso/visitor-identification.ts';
import { remoteCheckInMessages } from './remote-check-in-mail.ts';

/** Short: the link is meant for someone on their way now, not for keeping a place for later. */
const requestLifetimeMs = 15 * 60_000;

export type RemoteCheckInDeps = UseCaseDeps & SsoAvailability & { sendMail: SendMail; links: AppointmentLinks };

export interface RemoteCheckInRequest {
  siteId: string;
  categoryId: string;
  name: string;
  email: string;
  language: string;
}

/** A site that has not turned remote check-in on answers as if there were nothing to see. */
export async function requireRemoteCheckIn(deps: UseCaseDeps, siteId: string) {
  const setup = await deps.setups.get(deps.db, siteId);
  if (!(await findVisitorSettings(deps.db, siteId)).remoteCheckIn) {
    throw new ConflictError('remote_check_in_off', `${setup.site.name} takes check-ins at its kiosk only`);
  }
  return setup;
}

/**
 * Step one of a remote check-in: everything a kiosk would refuse is refused now (closed site, a
 * category with sub-choices, a person already in the queue), then a one-time link goes to the email
 * given. Nothing is queued until the link is opened: that is how the address is proven.
 */
export async function requestRemoteCheckIn(deps: RemoteCheckInDeps, request: RemoteCheckInRequest): Promise<{ sentTo: string; expiresAt: string }> {
  const setup = await requireRemoteCheckIn(deps, request.siteId);
  await requireEmailIdentification(deps.db, deps, request.siteId, setup.site.name);
  const { category } = requireLeafCategory(setup, request.categoryId);
  if (!setup.site.languages.includes(request.language)) {
    throw new InvalidInputError('language_unsupported', `language '${request.language}' is not offered at this site (${setup.site.languages.join(', ')})`);
  }
  const name = request.name.trim();
  if (!name) throw new InvalidInputError('name_missing', 'name must not be blank');
  refuseUnlessTakingVisitors(setup.site, deps.now());
  const email = request.email.trim().toLowerCase();
  await rejectDuplicate(deps.db, request.siteId, { kind: 'email', email });
  const token = randomToken();
  const expiresAt = new Date(deps.now().getTime() + requestLifetimeMs).toISOString();
  await deps.db
    .insertInto('remote_check_in_requests')
    .values({ token_hash: hashToken(token), site_id: request.siteId, category_id: category.id, visitor_name: name, visitor_email: email, language: request.language, expires_at: expiresAt, used_at: null })
    .execute();
  const texts = remoteCheckInMessages(request.language);
  const facts = { siteName: setup.site.name, reason: category.label[request.language] ?? category.id, link: deps.links.confirmCheckIn(token) };
  await deps.sendMail({ to: email, subject: texts.subject(facts), text: texts.text(facts) });
  return { sentTo: email, expiresAt };
}

/**
 * Opening the link checks the person in, on the way, once. The link is claimed with a compare-and-set
 * before the check-in, so two openings at once make one visit; a check-in refused at this point
 * (the site closed meanwhile, the person took a ticket at the kiosk) gives the link back.
 */
export async function confirmRemoteCheckIn(deps: RemoteCheckInDeps, token: string): Promise<{ visitorLink: string; ticketNumber: string }> {
  const tokenHash = hashToken(token);
  const request = await deps.db.selectFrom('remote_check_in_requests').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
  if (!request) throw new NotFoundError('check_in_request', 'this link');
  if (request.used_at) throw new ConflictError('link_used', 'this link was already used: your ticket is on the page it opened, or ask at the kiosk');
  const now = deps.now().toISOString();
  if (request.expires_at < now) throw new ConflictError('link_expired', 'this link has expired; check in again');
  const claimed = await deps.db.updateTable('remote_check_in_requests').set({ used_at: now }).where('token_hash', '=', tokenHash).where('used_at', 'is', null).executeTakeFirst();
  if (Number(claimed.numUpdatedRows) !== 1) throw new ConflictError('link_used', 'this link was already used: your ticket is on the page it opened, or ask at the kiosk');
  try {
    await requireRemoteCheckIn(deps, request.site_id);
    const result = await checkInVisitor(deps, {
      siteId: request.site_id,
      categoryId: request.category_id,
      visitor: { kind: 'email', email: request.visitor_email, name: request.visitor_name },
      onTheWay: true,
      // Notifications follow the language the visitor asked in, as for a kiosk check-in.
      ...(request.language === 'en' || request.language === 'fr' ? { language: request.language } : {}),
    });
    return { visitorLink: result.visitorLink, ticketNumber: result.ticketNumber };
  } catch (error) {
    await deps.db.updateTable('remote_check_in_requests').set({ used_at: null }).where('token_hash', '=', tokenHash).execute();
    throw error;
  }
}
