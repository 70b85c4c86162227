import type { FastifyInstance } from 'fastify';
import type { Db } from '../../src/db/connection.ts';
import { createDeviceWithToken } from '../../src/auth/demo-access.ts';
import { callerWithHeaders, type Caller } from './auth.ts';

/** A second site with its own queue, desk, technician and kiosk: for "nothing of A visible from B". */
export const branch = { site: 'branch', queue: 'br-hardware', choice: 'br-laptop', desk: 'br-desk-1', technician: 'tech-bo' } as const;

export async function addSecondSite(app: FastifyInstance, db: Db): Promise<{ kiosk: Caller; display: Caller }> {
  const allWeek = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [['00:00', '23:59']]]));
  await db
    .insertInto('sites')
    .values({
      id: branch.site,
      name: 'Branch office',
      time_zone: 'Europe/Paris',
      default_language: 'en',
      languages: '["en"]',
      opening_hours: JSON.stringify(allWeek),
      show_names_on_display: 0,
      no_show_grace_seconds: 120,
      escalation_groups: '[]',
      event_seq: 0,
    })
    .execute();
  await db.insertInto('queues').values({ id: branch.queue, site_id: branch.site, prefix: 'B', name: '{"en":"Branch"}', sort_order: 0, itsm_assignment_group: null }).execute();
  const category = { site_id: branch.site, icon: 'laptop', priority: 0, expected_service_seconds: 600, itsm_category: null, itsm_subcategory: null, itsm_assignment_group: null, sort_order: 0 };
  await db.insertInto('categories').values({ ...category, id: 'br-root', parent_id: null, label: '{"en":"Laptop"}', queue_id: null }).execute();
  await db.insertInto('categories').values({ ...category, id: branch.choice, parent_id: 'br-root', label: '{"en":"Laptop broken"}', queue_id: branch.queue }).execute();
  await db.insertInto('desks').values({ id: branch.desk, site_id: branch.site, name: 'Branch desk', sort_order: 0 }).execute();
  await db.insertInto('technicians').values({ id: branch.technician, name: 'Bo Branch', email: 'bo@example.com' }).execute();
  await db.insertInto('technician_queues').values({ technician_id: branch.technician, queue_id: branch.queue }).execute();
  const at = '2026-01-01T00:00:00.000Z';
  const kioskToken = 'branch-kiosk-token-0123456789abcdef';
  const displayToken = 'branch-display-token-0123456789abcdef';
  await createDeviceWithToken(db, { siteId: branch.site, role: 'kiosk', name: 'Branch kiosk', token: kioskToken }, at);
  await createDeviceWithToken(db, { siteId: branch.site, role: 'display', name: 'Branch display', token: displayToken }, at);
  return {
    kiosk: callerWithHeaders(app, 'kiosk', { authorization: `Bearer ${kioskToken}` }, `/ws?token=${kioskToken}`),
    display: callerWithHeaders(app, 'display', { authorization: `Bearer ${displayToken}` }, `/ws?token=${displayToken}`),
  };
}
