import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readSeedFile } from '../../src/db/seed.ts';
import { demoSeedFile } from '../helpers/test-database.ts';
import { checkIn, createTestApp, demo, type TestApp } from '../helpers/test-app.ts';
import { adminCall, configDigest } from './config-helpers.ts';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => t.close());

async function exported() {
  const response = await adminCall(t.as.admin, 'GET', '/api/admin/config/export');
  expect(response.status).toBe(200);
  return response.body;
}

describe('configuration file', () => {
  it('exports in the seed format, and importing the export changes no configuration', async () => {
    const file = await exported();
    expect(file.sites[0]).toMatchObject({ id: demo.site, timeZone: 'Europe/Paris', languages: ['en', 'fr'] });
    expect(file.sites[0].categories[0].children[0]).toMatchObject({ id: 'laptop-no-boot', queue: 'hq-hardware' });
    expect(() => readSeedFileFrom(file)).not.toThrow();
    const imported = await adminCall(t.as.admin, 'POST', '/api/admin/config/import', file);
    expect(imported).toMatchObject({ status: 200, body: { sites: [demo.site], applied: true } });
    expect(await exported()).toEqual(file);
  });

  it('applies an edited file: renamed queue, removed choice archived (not deleted), a holiday; screens hear it', async () => {
    const { id: oldVisit } = (await checkIn(t.app, demo.softwareChoice)).json();
    await adminCall(t.as.alex, 'POST', `/api/visits/${oldVisit}/cancel`, {});
    const file = await exported();
    const hq = file.sites[0];
    hq.queues.find((q: { id: string }) => q.id === 'hq-hardware').name = { en: 'Devices', fr: 'Appareils' };
    for (const group of hq.categories) group.children = group.children.filter((c: { id: string }) => c.id !== demo.softwareChoice);
    hq.categories = hq.categories.filter((g: { children: unknown[] }) => g.children.length > 0);
    hq.closures = [{ firstDay: '2026-11-23', lastDay: '2026-11-23', message: { en: 'Team day', fr: 'Journée d’équipe' } }];

    expect((await adminCall(t.as.admin, 'POST', '/api/admin/config/import', file)).status).toBe(200);
    const config = (await t.as.kiosk.inject({ url: `/api/sites/${demo.site}/config` })).json();
    expect(config.queues.find((q: { id: string }) => q.id === 'hq-hardware').name.en).toBe('Devices');
    expect(config.categories.map((c: { id: string }) => c.id)).not.toContain(demo.softwareChoice);
    expect(config.closedMessage).toEqual({ en: 'Team day', fr: 'Journée d’équipe' });
    const setup = (await adminCall(t.as.admin, 'GET', `/api/admin/sites/${demo.site}/setup`)).body;
    expect(setup.categories.find((c: { id: string }) => c.id === demo.softwareChoice)).toMatchObject({ archived: true });
    // The old visit still reads as it was.
    expect((await t.as.alex.inject({ url: `/api/visits/${oldVisit}` })).json().categoryId).toBe(demo.softwareChoice);
    const events = await t.database.db.selectFrom('events').select(['type', 'data']).where('type', '=', 'site.config_changed').execute();
    expect(events.map((e) => JSON.parse(e.data).change)).toEqual(['configuration.imported']);
  });

  it('lists every mistake with its path and changes nothing (25:99, an inverted range, an unknown queue)', async () => {
    const file = await exported();
    const hq = file.sites[0];
    hq.openingHours.mon = [['08:00', '25:99']];
    let response = await adminCall(t.as.admin, 'POST', '/api/admin/config/import', file);
    expect(response.status).toBe(400);
    expect(response.body.mistakes).toEqual([expect.stringContaining('/sites/0/openingHours/mon/0/1')]);

    hq.openingHours.mon = [['17:00', '08:00']];
    hq.categories[0].children[0].queue = 'hq-nowhere';
    hq.timeZone = 'Europe/Atlantis';
    const before = await configDigest(t.database.db);
    response = await adminCall(t.as.admin, 'POST', '/api/admin/config/import', file);
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('invalid_configuration');
    expect(response.body.mistakes).toEqual([
      expect.stringContaining('/sites/0/timeZone'),
      expect.stringContaining('/sites/0/openingHours/mon/0'),
      expect.stringContaining("/sites/0/categories/0/children/0/queue 'hq-nowhere'"),
    ]);
    expect(await configDigest(t.database.db)).toBe(before);
  });

  it('checks without applying on dryRun, and refuses ids owned by another site', async () => {
    const file = await exported();
    file.sites.push({ ...file.sites[0], id: 'lyon', name: 'Lyon', queues: [{ id: 'hq-hardware', prefix: 'L', name: { en: 'L', fr: 'L' } }], categories: [], desks: [], technicians: [] });
    const before = await configDigest(t.database.db);
    const refused = await adminCall(t.as.admin, 'POST', '/api/admin/config/import', file);
    expect(refused.status).toBe(400);
    expect(refused.body.mistakes.join('\n')).toMatch(/\/sites\/1\/queues\/0\/id 'hq-hardware' is used already at \/sites\/0\/queues\/0\/id/);
    file.sites[1].queues[0].id = 'lyon-main';
    const checked = await adminCall(t.as.admin, 'POST', '/api/admin/config/import?dryRun=true', file);
    expect(checked).toMatchObject({ status: 200, body: { sites: [demo.site, 'lyon'], applied: false } });
    expect(await configDigest(t.database.db)).toBe(before);
  });

  it('makes the seed file reader refuse an impossible hour, naming where', () => {
    const seed = JSON.parse(JSON.stringify(readSeedFile(demoSeedFile)));
    seed.sites[0].openingHours.tue = [['09:00', '08:00']];
    expect(() => readSeedFileFrom(seed)).toThrow(/\/sites\/0\/openingHours\/tue\/0 '09:00-08:00' is not a time range/);
  });
});

function readSeedFileFrom(content: unknown) {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'walkup-seed-')), 'seed.json');
  writeFileSync(file, JSON.stringify(content));
  return readSeedFile(file);
}
