import type { Kysely, Selectable } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { Database, SitesTable } from '../db/schema.ts';

/** Row types of the ITSM tables (migration 2026-11-21T1000-itsm-delivery), kept beside their only user. */
export type DeliveryState = 'pending' | 'retrying' | 'failed' | 'synced';

export interface ItsmDeliveriesTable {
  visit_id: string;
  site_id: string;
  target_event_id: number;
  delivered_event_id: number;
  state: DeliveryState;
  attempts: number;
  next_attempt_at: string;
  create_sent_at: string | null;
  last_error: string | null;
  updated_at: string;
}

export interface ItsmConnectionStatusTable {
  name: string;
  vendor: string;
  last_success_at: string | null;
  last_failure_at: string | null;
  last_error: string | null;
}

/** Migration 2026-12-01T1000-itsm-stored-connections: connections admins manage in the console. */
export interface ItsmStoredConnectionsTable {
  name: string;
  vendor: string;
  /** JSON: the vendor's fields without secrets. */
  settings: string;
  /** The secret fields, encrypted (connection-secrets.ts); null when the vendor has none. */
  secrets: string | null;
  /** JSON list of the secret fields set (paths such as `auth.password`), never their values. */
  secret_fields: string;
  created_at: string;
  updated_at: string;
}

/** Migration 2026-12-01T1000-appointment-tickets: the ticket of a booking, before its visit exists. */
export interface AppointmentTicketsTable {
  appointment_id: string;
  /** Reserved at booking; the visit takes this id at arrival (the ticket's correlation id). */
  visit_id: string;
  site_id: string;
  remote_id: string | null;
  ticket_number: string | null;
  ticket_url: string | null;
  told: string | null;
  create_sent_at: string | null;
  due_at: string | null;
  attempts: number;
  last_error: string | null;
}

export interface ItsmTables {
  itsm_deliveries: ItsmDeliveriesTable;
  appointment_tickets: AppointmentTicketsTable;
  itsm_connection_status: ItsmConnectionStatusTable;
  itsm_stored_connections: ItsmStoredConnectionsTable;
  /** Migration 2026-11-21T1200-site-itsm-connection: the site's connection name, null for `default`. */
  sites: SitesTable & { itsm_connection: string | null };
}

export type ItsmDb = Kysely<Database & ItsmTables>;
export type DeliveryRow = Selectable<ItsmDeliveriesTable>;
export type AppointmentTicketRow = Selectable<AppointmentTicketsTable>;

/** The same connection, typed with the ITSM tables as well (the shared schema file stays the lead's). */
export function withItsmTables(db: Db): ItsmDb {
  return db as unknown as ItsmDb;
}

export function asDb(db: ItsmDb): Db {
  return db as unknown as Db;
}
