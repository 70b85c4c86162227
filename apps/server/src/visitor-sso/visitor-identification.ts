import { ConflictError, InvalidInputError } from '@walkup/domain';
import type { Db } from '../db/connection.ts';
import { findVisitorSettings, type VisitorIdentification } from '../visitor/visitor-settings.ts';

/** Whether this server has a single sign-on provider (WALKUP_OIDC_*), which visitors may then use too. */
export interface SsoAvailability {
  ssoConfigured: boolean;
}

/** The ways a visitor page offers; `sso_or_email` falls back to email alone where no provider is configured. */
export interface IdentificationWays {
  email: boolean;
  sso: boolean;
}

/**
 * An `sso` site on a server that lost its provider offers neither: the admin chose to keep strangers
 * out, and an email link would let them in. Such visitors are told to use the kiosk.
 */
export function identificationWays(setting: VisitorIdentification, ssoConfigured: boolean): IdentificationWays {
  return { email: setting !== 'sso', sso: ssoConfigured && setting !== 'email' };
}

export async function findIdentificationWays(db: Db, availability: SsoAvailability, siteId: string): Promise<IdentificationWays> {
  return identificationWays((await findVisitorSettings(db, siteId)).visitorIdentification, availability.ssoConfigured);
}

/** `sso` alone cannot be chosen without a provider: nobody could identify any more. */
export function requireIdentificationPossible(setting: VisitorIdentification | undefined, availability: SsoAvailability): void {
  if (setting === 'sso' && !availability.ssoConfigured) {
    throw new InvalidInputError('sso_not_configured', "visitorIdentification 'sso' needs single sign-on, which this server has not configured (WALKUP_OIDC_ISSUER); choose 'email' or 'sso_or_email'");
  }
}

export async function requireEmailIdentification(db: Db, availability: SsoAvailability, siteId: string, siteName: string): Promise<void> {
  if (!(await findIdentificationWays(db, availability, siteId)).email) {
    throw new ConflictError('email_identification_off', `${siteName} identifies visitors by their company account only: use "Sign in with your company account"`);
  }
}

export async function requireSsoIdentification(db: Db, availability: SsoAvailability, siteId: string, siteName: string): Promise<void> {
  if (!(await findIdentificationWays(db, availability, siteId)).sso) {
    throw new ConflictError('sso_identification_off', `${siteName} does not identify visitors by their company account${availability.ssoConfigured ? '' : ' (no single sign-on is configured)'}`);
  }
}
