import type { Kysely } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { AuthTables } from '../auth/auth-schema.ts';
import type { CategoriesTable, Database, DesksTable, QueuesTable, SitesTable, TechniciansTable, VisitsTable } from '../db/schema.ts';
import type { ItsmTables } from '../itsm/itsm-schema.ts';

/** Row types added by migration 2026-12-01T0600-admin-config, kept beside their users. */
export interface SiteClosuresTable {
  id: string;
  site_id: string;
  first_day: string;
  last_day: string;
  /** JSON LocalizedText. */
  message: string;
  created_at: string;
}

type Archivable = { archived_at: string | null };

export interface SiteConfigTables {
  sites: SitesTable &
    Archivable & {
      itsm_connection: string | null;
      retention_days: number | null;
      /** JSON LocalizedText or null. */
      welcome_text: string | null;
      logo_url: string | null;
      check_in_cutoff_minutes: number;
    };
  queues: QueuesTable & Archivable;
  /** `itsm_vendor_fields`: JSON ItsmVendorFields or null. */
  categories: CategoriesTable & Archivable & { itsm_vendor_fields: string | null };
  desks: DesksTable & Archivable;
  technicians: TechniciansTable & Archivable;
  visits: VisitsTable & { anonymised_at: string | null };
  site_closures: SiteClosuresTable;
}

export type SiteConfigDb = Kysely<Omit<Database, keyof SiteConfigTables> & Omit<AuthTables, 'sites' | 'visits'> & Omit<ItsmTables, 'sites'> & SiteConfigTables>;

/** The same connection, typed with the configuration columns as well (the shared schema file stays the lead's). */
export function withSiteConfigTables(db: Db): SiteConfigDb {
  return db as unknown as SiteConfigDb;
}
