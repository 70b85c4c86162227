import type { Migration } from 'kysely';
import * as initial from './2026-11-21T0900-initial.ts';
import * as itsmDelivery from './2026-11-21T1000-itsm-delivery.ts';
import * as authAccounts from './2026-11-21T1100-auth-accounts.ts';
import * as authPrivacy from './2026-11-21T1100-auth-privacy.ts';
import * as siteItsmConnection from './2026-11-21T1200-site-itsm-connection.ts';

/**
 * Every migration, by its date-prefixed name. Listed statically (not read from the folder at run
 * time) so the server can be bundled; a test checks that no file of this folder is missing here.
 */
export const migrations: Record<string, Migration> = {
  '2026-11-21T0900-initial': initial,
  '2026-11-21T1000-itsm-delivery': itsmDelivery,
  '2026-11-21T1100-auth-accounts': authAccounts,
  '2026-11-21T1100-auth-privacy': authPrivacy,
  '2026-11-21T1200-site-itsm-connection': siteItsmConnection,
};
