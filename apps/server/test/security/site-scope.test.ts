import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ServerMessage } from '@walkup/protocol';
import { checkIn, createTestApp, demo, seatTechnician, type TestApp } from '../helpers/test-app.ts';
import { connectLive } from '../helpers/live-client.ts';
import { addSecondSite, branch } from '../helpers/second-site.ts';
import type { Caller } from '../helpers/auth.ts';

let t: TestApp;
let branchDevices: { kiosk: Caller; display: Caller };
beforeEach(async () => {
  t = await createTestApp();
  branchDevices = await addSecondSite(t.app, t.database.db);
});
afterEach(async () => t.close());

const visitorMarie = { kind: 'badge', badgeId: '0004411001' };

describe('multi-site scoping', () => {
  it('lists only its own site to a device, every site to an admin', async () => {
    expect((await t.as.kiosk.inject({ url: '/api/sites' })).json().map((s: { id: string }) => s.id)).toEqual([demo.site]);
    expect((await branchDevices.display.inject({ url: '/api/sites' })).json().map((s: { id: string }) => s.id)).toEqual([branch.site]);
    expect((await t.as.admin.inject({ url: '/api/sites' })).json().map((s: { id: string }) => s.id).sort()).toEqual([branch.site, demo.site]);
  });

  it("refuses a kiosk at another site's check-in, config and state, and a visit of another site", async () => {
    const hqVisit = (await checkIn(t.app, demo.hardwareChoice, visitorMarie)).json();
    const tries = [
      await branchDevices.kiosk.inject({ method: 'POST', url: `/api/sites/${demo.site}/visits`, payload: { categoryId: demo.hardwareChoice, visitor: { kind: 'guest', name: 'Spy' } } }),
      await branchDevices.kiosk.inject({ url: `/api/sites/${demo.site}/config` }),
      await branchDevices.display.inject({ url: `/api/sites/${demo.site}/state` }),
      await branchDevices.kiosk.inject({ method: 'POST', url: `/api/sites/${demo.site}/identify`, payload: { badgeId: '0004411001' } }),
      await branchDevices.kiosk.inject({ method: 'POST', url: `/api/visits/${hqVisit.id}/cancel`, payload: {} }),
    ];
    for (const response of tries) {
      expect(response.statusCode).toBe(403);
      expect(response.json().code).toBe('other_site');
      expect(response.body).not.toContain('Marie');
    }
    expect((await t.as.alex.inject({ url: `/api/visits/${hqVisit.id}` })).json().state).toBe('waiting');
  });

  it('lets a site admin configure their own site only, and keeps company-wide administration from them', async () => {
    const siteAdmin = t.as.siteAdmin;
    // Their own site: configured like an admin would.
    expect((await siteAdmin.inject({ url: '/api/admin/sites' })).json().map((s: { id: string }) => s.id)).toEqual([demo.site]);
    const renamed = await siteAdmin.inject({ method: 'PATCH', url: `/api/admin/sites/${demo.site}/queues/hq-hardware`, payload: { name: { en: 'Laptops', fr: 'Portables' } } });
    expect(renamed.statusCode).toBe(200);
    const paired = await siteAdmin.inject({ method: 'POST', url: `/api/admin/sites/${demo.site}/pairing-codes`, payload: { role: 'kiosk', name: 'Lobby kiosk' } });
    expect(paired.statusCode).toBe(201);
    expect((await siteAdmin.inject({ url: `/api/reports/figures?siteId=${demo.site}&from=2026-01-01&to=2026-01-31` })).statusCode).not.toBe(403);

    // Another site: refused by its id, whatever the route; nothing of it is listed.
    const before = await t.as.admin.inject({ url: `/api/admin/sites/${branch.site}/setup` });
    const tries = [
      await siteAdmin.inject({ url: `/api/admin/sites/${branch.site}/setup` }),
      await siteAdmin.inject({ method: 'PATCH', url: `/api/admin/sites/${branch.site}/queues/${branch.queue}`, payload: { name: { en: 'Mine now' } } }),
      await siteAdmin.inject({ method: 'POST', url: `/api/admin/sites/${branch.site}/pairing-codes`, payload: { role: 'kiosk', name: 'Spy kiosk' } }),
      await siteAdmin.inject({ url: `/api/admin/devices?siteId=${branch.site}` }),
    ];
    for (const response of tries) {
      expect(response.statusCode, response.body).toBe(403);
      expect(response.json().code).toBe('other_site');
    }
    expect((await t.as.admin.inject({ url: `/api/admin/sites/${branch.site}/setup` })).json()).toEqual(before.json());
    const devices = (await siteAdmin.inject({ url: '/api/admin/devices' })).json();
    expect(devices.map((d: { siteId: string }) => d.siteId)).not.toContain(branch.site);
    const branchKioskId = (await t.as.admin.inject({ url: `/api/admin/devices?siteId=${branch.site}` })).json()[0].id;
    const revoke = await siteAdmin.inject({ method: 'POST', url: `/api/admin/devices/${branchKioskId}/revoke`, payload: {} });
    expect(revoke.statusCode).toBe(403);
    expect((await branchDevices.kiosk.inject({ url: `/api/sites/${branch.site}/config` })).statusCode).toBe(200);

    // Company-wide: new sites, archiving a site, accounts, ITSM connections, whole-configuration files.
    const companyWide = [
      await siteAdmin.inject({ method: 'POST', url: '/api/admin/sites', payload: { id: 'paris-2', name: 'Paris 2', timeZone: 'Europe/Paris', languages: ['en'], defaultLanguage: 'en' } }),
      await siteAdmin.inject({ method: 'PATCH', url: `/api/admin/sites/${demo.site}`, payload: { archived: true } }),
      await siteAdmin.inject({ url: '/api/admin/users' }),
      await siteAdmin.inject({ url: '/api/admin/itsm/connections' }),
      await siteAdmin.inject({ url: '/api/admin/config/export' }),
    ];
    for (const response of companyWide) expect(response.statusCode, response.body).toBe(403);
    expect((await t.as.admin.inject({ url: '/api/admin/sites' })).json().map((s: { id: string }) => s.id)).not.toContain('paris-2');
  });

  it('gives a site admin account the sites it configures, and refuses one without any', async () => {
    const base = { displayName: 'Lead', password: 'a-long-password-1', technicianId: null, role: 'site_admin' };
    const refused = await t.as.admin.inject({ method: 'POST', url: '/api/admin/users', payload: { ...base, username: 'lead-none' } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'sites_required' });
    const created = await t.as.admin.inject({ method: 'POST', url: '/api/admin/users', payload: { ...base, username: 'lead-branch', siteIds: [branch.site] } });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ role: 'site_admin', siteIds: [branch.site] });
    const admin = await t.as.admin.inject({ method: 'POST', url: '/api/admin/users', payload: { ...base, role: 'admin', username: 'admin-2', siteIds: [branch.site] } });
    expect(admin.statusCode).toBe(400);
    expect(admin.json()).toMatchObject({ code: 'sites_only_for_scoped_roles' });
  });

  it('keeps technicians to the sites of their queues', async () => {
    const branchVisit = (await branchDevices.kiosk.inject({ method: 'POST', url: `/api/sites/${branch.site}/visits`, payload: { categoryId: branch.choice, visitor: { kind: 'guest', name: 'Bob Branch' } } })).json();
    expect((await t.as.alex.inject({ url: `/api/visits/${branchVisit.id}` })).statusCode).toBe(403);
    expect((await t.as.alex.inject({ url: `/api/sites/${branch.site}/state?audience=staff` })).statusCode).toBe(403);
    expect((await t.as.alex.inject({ method: 'POST', url: `/api/desks/${branch.desk}/call-next`, payload: { technicianId: demo.alex } })).statusCode).toBe(403);
    // An admin sees and may act at every site.
    expect((await t.as.admin.inject({ url: `/api/visits/${branchVisit.id}` })).json().visitor.name).toBe('Bob Branch');
  });

  it('lets a technician act only as themselves; an admin may act for anyone', async () => {
    await seatTechnician(t.app, demo.alex, demo.desk1);
    const { id } = (await checkIn(t.app, demo.hardwareChoice)).json();
    const asSam = await t.as.sam.inject({ method: 'POST', url: `/api/desks/${demo.desk1}/call-next`, payload: { technicianId: demo.alex } });
    expect(asSam.statusCode).toBe(403);
    expect(asSam.json().code).toBe('not_yourself');
    expect((await t.as.sam.inject({ method: 'PUT', url: `/api/technicians/${demo.alex}/presence`, payload: { siteId: demo.site, deskId: null, status: 'off' } })).statusCode).toBe(403);
    expect((await t.as.alex.inject({ url: `/api/visits/${id}` })).json().state).toBe('waiting');
    const byAdmin = await t.as.admin.inject({ method: 'POST', url: `/api/desks/${demo.desk1}/call-next`, payload: { technicianId: demo.alex } });
    expect(byAdmin.json()).toMatchObject({ id, state: 'called', technicianId: demo.alex });
  });

  it('never gives names to a display or kiosk, whatever view or audience it asks for', async () => {
    expect((await t.as.display.inject({ url: `/api/sites/${demo.site}/state?audience=staff` })).json().code).toBe('staff_only');
    const display = await connectLive(t.app, t.as.display);
    display.send({ type: 'subscribe', siteId: demo.site, view: 'console' });
    await display.waitFor((m) => m.type === 'snapshot');
    const kiosk = await connectLive(t.app, t.as.kiosk);
    kiosk.send({ type: 'subscribe', siteId: demo.site, view: 'console' });
    await kiosk.waitFor((m) => m.type === 'snapshot');
    await checkIn(t.app, demo.hardwareChoice, visitorMarie);
    const isCheckIn = (m: ServerMessage) => m.type === 'event' && m.event.type === 'visit.checked_in';
    await display.waitFor(isCheckIn);
    await kiosk.waitFor(isCheckIn);
    for (const client of [display, kiosk]) {
      const text = JSON.stringify(client.received);
      expect(text).not.toContain('Marie');
      expect(text).not.toContain('0004411001');
      client.close();
    }
  });

  it("refuses a websocket subscription to another site's live state", async () => {
    const spy = await connectLive(t.app, branchDevices.display);
    spy.send({ type: 'subscribe', siteId: demo.site, view: 'display' });
    expect(await spy.waitFor((m) => m.type === 'error')).toMatchObject({ code: 'other_site' });
    await checkIn(t.app, demo.hardwareChoice);
    spy.send({ type: 'ping', at: 2 });
    await spy.waitFor((m) => m.type === 'pong');
    expect(spy.received.filter((m) => m.type === 'snapshot' || m.type === 'event')).toEqual([]);
    spy.close();
  });
});
