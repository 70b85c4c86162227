import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkIn, createTestApp, demo, type TestApp } from '../helpers/test-app.ts';
import { connectLive } from '../helpers/live-client.ts';
import { adminCall } from './config-helpers.ts';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => t.close());

const site = `/api/admin/sites/${demo.site}`;
const tabletQueue = { id: 'hq-tablets', prefix: 'T', name: { en: 'Tablets', fr: 'Tablettes' } };
const tabletChoice = { id: 'tablet-broken', parentId: 'laptop', label: { en: 'Broken tablet', fr: 'Tablette cassée' }, icon: 'tablet', queueId: 'hq-tablets', priority: 2, expectedServiceSeconds: 900, itsmVendorFields: { rtQueue: 'Tablets' } };

describe('live configuration', () => {
  it('adds a queue and a choice that kiosks offer at once, screens hear about, and visitors check in with', async () => {
    const kioskLive = await connectLive(t.app, t.as.kiosk);
    kioskLive.send({ type: 'subscribe', siteId: demo.site, view: 'kiosk' });
    await kioskLive.waitFor((m) => m.type === 'snapshot');

    expect((await adminCall(t.as.admin, 'POST', `${site}/queues`, tabletQueue)).status).toBe(201);
    const created = await adminCall(t.as.admin, 'POST', `${site}/categories`, tabletChoice);
    expect(created.status).toBe(201);
    expect(created.body.categories.find((c: { id: string }) => c.id === 'tablet-broken')).toMatchObject({ queueId: 'hq-tablets', priority: 2, itsmVendorFields: { rtQueue: 'Tablets' } });

    // The kiosk hears of the change (with the new queue, so its view needs no refetch) without a reload.
    const event = await kioskLive.waitFor((m) => m.type === 'event' && m.event.type === 'site.config_changed' && m.event.data.change === 'category.created');
    expect(event.type === 'event' && event.event.type === 'site.config_changed' && event.event.data.queues.map((q) => q.id)).toContain('hq-tablets');
    // Public screens are not told who made the change.
    expect(event.type === 'event' && event.event.type === 'site.config_changed' && event.event.data.by).toBe('');
    kioskLive.close();

    const config = (await t.as.kiosk.inject({ url: `/api/sites/${demo.site}/config` })).json();
    expect(config.categories).toContainEqual({ id: 'tablet-broken', parentId: 'laptop', label: tabletChoice.label, icon: 'tablet', queueId: 'hq-tablets' });
    const ticket = await checkIn(t.app, 'tablet-broken');
    expect(ticket.statusCode).toBe(201);
    expect(ticket.json()).toMatchObject({ ticketNumber: 'T-001', queueId: 'hq-tablets' });

    const audit = (await t.as.admin.inject({ url: '/api/admin/audit' })).json();
    const entries = Array.isArray(audit) ? audit : audit.entries;
    expect(entries.map((e: { action: string; actor: string }) => `${e.actor} ${e.action}`)).toEqual(expect.arrayContaining(['user:admin config.queue.created', 'user:admin config.category.created']));
  });

  it('keeps the labels a visit was checked in with after the category is renamed and archived', async () => {
    const { id } = (await checkIn(t.app, demo.softwareChoice)).json();
    const before = (await t.as.alex.inject({ url: `/api/visits/${id}` })).json();
    const renamed = await adminCall(t.as.admin, 'PATCH', `${site}/categories/${demo.softwareChoice}`, { label: { en: 'New software', fr: 'Nouveau logiciel' } });
    expect(renamed.status).toBe(200);
    expect((await adminCall(t.as.admin, 'PATCH', `${site}/categories/${demo.softwareChoice}`, { archived: true })).status).toBe(200);

    const after = (await t.as.alex.inject({ url: `/api/visits/${id}` })).json();
    expect(after.categoryLabel).toEqual(before.categoryLabel);
    expect(after.categoryLabel.en).not.toBe('New software');
    expect(after.queueName).toEqual({ en: expect.any(String), fr: expect.any(String) });
    // Archived: no longer offered, and a check-in with it is refused.
    const config = (await t.as.kiosk.inject({ url: `/api/sites/${demo.site}/config` })).json();
    expect(config.categories.map((c: { id: string }) => c.id)).not.toContain(demo.softwareChoice);
    expect((await checkIn(t.app, demo.softwareChoice)).statusCode).toBe(404);
    // Still in the admin's list, flagged, so it can be restored.
    const setup = (await adminCall(t.as.admin, 'GET', `${site}/setup`)).body;
    expect(setup.categories.find((c: { id: string }) => c.id === demo.softwareChoice)).toMatchObject({ archived: true, label: { en: 'New software' } });
  });

  it('moves a choice to the end of another group: the kiosk shows it there, the audit says so', async () => {
    const setup = (await adminCall(t.as.admin, 'GET', `${site}/setup`)).body;
    type Row = { id: string; parentId: string | null; archived: boolean };
    const from = setup.categories.find((c: Row) => c.id === demo.hardwareChoice).parentId;
    const to = setup.categories.find((c: Row) => c.parentId === null && c.id !== from && !c.archived).id;
    const moved = await adminCall(t.as.admin, 'PATCH', `${site}/categories/${demo.hardwareChoice}`, { parentId: to });
    expect(moved.status).toBe(200);
    const choicesOf = (categories: Row[], group: string) => categories.filter((c) => c.parentId === group).map((c) => c.id);
    expect(choicesOf(moved.body.categories, to).at(-1)).toBe(demo.hardwareChoice);
    expect(choicesOf(moved.body.categories, from)).not.toContain(demo.hardwareChoice);
    const kiosk = (await t.as.kiosk.inject({ url: `/api/sites/${demo.site}/config` })).json();
    expect(kiosk.categories.find((c: { id: string }) => c.id === demo.hardwareChoice)).toMatchObject({ parentId: to });
    expect((await checkIn(t.app, demo.hardwareChoice)).statusCode).toBe(201);
    const audit = (await t.as.admin.inject({ url: '/api/admin/audit' })).json();
    const entries = Array.isArray(audit) ? audit : audit.entries;
    expect(entries.map((e: { action: string }) => e.action)).toContain('config.category.moved');
  });

  it('refuses to archive a queue while visitors wait in it, and says why', async () => {
    await checkIn(t.app, demo.passwordChoice);
    const queueId = 'hq-access';
    // Categories still pointing at the queue are archived first, so only the waiting visitor is in the way.
    const setup = (await adminCall(t.as.admin, 'GET', `${site}/setup`)).body;
    for (const c of setup.categories.filter((c: { queueId: string | null }) => c.queueId === queueId)) {
      await adminCall(t.as.admin, 'PATCH', `${site}/categories/${c.id}`, { archived: true });
    }
    const refused = await adminCall(t.as.admin, 'PATCH', `${site}/queues/${queueId}`, { archived: true });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'queue_has_visitors' });
    expect(refused.body.message).toMatch(/1 visitor\(s\) still wait/);
    const state = (await t.as.display.inject({ url: `/api/sites/${demo.site}/state` })).json();
    expect(state.queues.map((q: { id: string }) => q.id)).toContain(queueId);
  });

  it('closes the site for a holiday: kiosks get the message, check-in is refused in words, displays show closed; removing it reopens', async () => {
    const display = await connectLive(t.app, t.as.display);
    display.send({ type: 'subscribe', siteId: demo.site, view: 'display' });
    await display.waitFor((m) => m.type === 'snapshot');

    const closed = await adminCall(t.as.admin, 'POST', `${site}/closures`, { firstDay: '2026-11-23', lastDay: '2026-11-24', message: { en: 'Closed for the staff day', fr: 'Fermé pour la journée du personnel' } });
    expect(closed.status).toBe(201);
    const config = (await t.as.kiosk.inject({ url: `/api/sites/${demo.site}/config` })).json();
    expect(config).toMatchObject({ open: false, acceptsCheckIn: false, closedMessage: { en: 'Closed for the staff day' } });
    const refused = await checkIn(t.app, demo.hardwareChoice);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toContain('Closed for the staff day');
    await display.waitFor((m) => m.type === 'estimates' && m.open === false);

    const closureId = closed.body.site.closures[0].id;
    expect((await adminCall(t.as.admin, 'DELETE', `${site}/closures/${closureId}`)).status).toBe(200);
    expect((await checkIn(t.app, demo.hardwareChoice)).statusCode).toBe(201);
    display.close();
  });

  it('stops check-in before closing time with the cutoff, while the site stays open', async () => {
    // 09:00 UTC on a Monday is 10:00 in Paris; the site closes at 10:30.
    const hours = { mon: [['08:00', '10:30']] };
    expect((await adminCall(t.as.admin, 'PUT', `${site}/opening-hours`, { openingHours: hours, checkInCutoffMinutes: 15 })).status).toBe(200);
    expect((await checkIn(t.app, demo.hardwareChoice)).statusCode).toBe(201);
    t.clock.advance(20 * 60);
    const refused = await checkIn(t.app, demo.hardwareChoice);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'check_in_closed' });
    expect(refused.json().message).toMatch(/15 minutes before closing/);
    expect((await t.as.kiosk.inject({ url: `/api/sites/${demo.site}/config` })).json()).toMatchObject({ open: true, acceptsCheckIn: false });
  });

  it('adds a desk and a technician serving chosen queues, renames the site; live views follow', async () => {
    expect((await adminCall(t.as.admin, 'POST', `${site}/desks`, { id: 'hq-desk-9', name: 'Desk 9' })).status).toBe(201);
    const technician = await adminCall(t.as.admin, 'POST', `${site}/technicians`, { id: 'tech-kim', name: 'Kim Lee', email: 'kim@example.com', queueIds: ['hq-hardware'] });
    expect(technician.status).toBe(201);
    expect(technician.body.technicians).toContainEqual({ id: 'tech-kim', name: 'Kim Lee', email: 'kim@example.com', queueIds: ['hq-hardware'], archived: false });
    const changed = await adminCall(t.as.admin, 'PATCH', `${site}/technicians/tech-kim`, { queueIds: ['hq-access', 'hq-software'] });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body.technicians.find((x: { id: string }) => x.id === 'tech-kim').queueIds.sort()).toEqual(['hq-access', 'hq-software']);
    expect((await adminCall(t.as.admin, 'PATCH', site, { name: 'Head office tech bar' })).status).toBe(200);

    const state = (await t.as.display.inject({ url: `/api/sites/${demo.site}/state` })).json();
    expect(state.view.desks.map((d: { id: string }) => d.id)).toContain('hq-desk-9');
    const config = (await t.as.alex.inject({ url: `/api/sites/${demo.site}/config` })).json();
    expect(config.name).toBe('Head office tech bar');
    expect(config.technicians.find((x: { id: string }) => x.id === 'tech-kim').queueIds.sort()).toEqual(['hq-access', 'hq-software']);
  });

  it('creates a new site and orders the queues', async () => {
    const created = await adminCall(t.as.admin, 'POST', '/api/admin/sites', { id: 'lyon', name: 'Lyon', timeZone: 'Europe/Paris', languages: ['fr', 'en'], defaultLanguage: 'fr' });
    expect(created.status).toBe(201);
    expect(created.body.site).toMatchObject({ id: 'lyon', archived: false, openingHours: {} });
    expect((await adminCall(t.as.admin, 'GET', '/api/admin/sites')).body.map((s: { id: string }) => s.id)).toContain('lyon');
    const order = ['hq-software', 'hq-hardware', 'hq-access'];
    expect((await adminCall(t.as.admin, 'PUT', `${site}/queue-order`, { queueIds: order })).body.queues.map((q: { id: string }) => q.id)).toEqual(order);
    expect((await t.as.kiosk.inject({ url: `/api/sites/${demo.site}/config` })).json().queues.map((q: { id: string }) => q.id)).toEqual(order);
  });
});
