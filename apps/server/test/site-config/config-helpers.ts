import type { Db } from '../../src/db/connection.ts';
import { digestTables } from '../helpers/database-digest.ts';
import type { Caller } from '../helpers/auth.ts';

/** Every configuration table and the event log, hashed: a refused change must leave it as it was. */
export async function configDigest(db: Db): Promise<string> {
  return digestTables(db, ['sites', 'queues', 'categories', 'desks', 'technicians', 'technician_queues', 'site_closures', 'events', 'visits']);
}

/** Calls an admin route and returns status and JSON body. */
export async function adminCall(admin: Caller, method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: unknown) {
  const response = await admin.inject({ method, url, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
  return { status: response.statusCode, body: response.json() };
}
