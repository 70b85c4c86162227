import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkIn, createTestApp, demo, type TestApp } from '../helpers/test-app.ts';
import { adminCall, configDigest } from './config-helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await checkIn(t.app, demo.hardwareChoice);
});
afterAll(async () => t.close());

const site = `/api/admin/sites/${demo.site}`;
type Method = 'POST' | 'PATCH' | 'PUT';

/** [what, method, url, body, status, the field the message must name] */
const mistakes: Array<[string, Method, string, unknown, number, string]> = [
  ['a time zone that does not exist', 'POST', '/api/admin/sites', { id: 'mars', name: 'Mars', timeZone: 'Mars/Olympus', languages: ['en'], defaultLanguage: 'en' }, 400, 'body/timeZone'],
  ['a default language the site does not offer', 'POST', '/api/admin/sites', { id: 'oslo', name: 'Oslo', timeZone: 'Europe/Oslo', languages: ['en'], defaultLanguage: 'fr' }, 400, 'body/defaultLanguage'],
  ['a site id already taken', 'POST', '/api/admin/sites', { id: 'hq', name: 'HQ again', timeZone: 'Europe/Paris', languages: ['en'], defaultLanguage: 'en' }, 409, 'body/id'],
  ['a queue name missing a site language', 'POST', `${site}/queues`, { id: 'hq-x', prefix: 'X', name: { en: 'Only English' } }, 400, 'body/name/fr'],
  ['a ticket prefix in lower case', 'POST', `${site}/queues`, { id: 'hq-x', prefix: 'x', name: { en: 'X', fr: 'X' } }, 400, 'body/prefix'],
  ['a ticket prefix another queue uses', 'POST', `${site}/queues`, { id: 'hq-x', prefix: 'H', name: { en: 'X', fr: 'X' } }, 409, 'body/prefix'],
  ['a choice without a queue', 'POST', `${site}/categories`, { id: 'c-x', parentId: 'laptop', label: { en: 'X', fr: 'X' }, icon: 'x' }, 400, 'body/queueId'],
  ['a choice sending visitors to an unknown queue', 'POST', `${site}/categories`, { id: 'c-x', parentId: 'laptop', label: { en: 'X', fr: 'X' }, icon: 'x', queueId: 'nowhere' }, 400, 'body/queueId'],
  ['a choice under a choice (three levels)', 'POST', `${site}/categories`, { id: 'c-x', parentId: demo.hardwareChoice, label: { en: 'X', fr: 'X' }, icon: 'x', queueId: 'hq-hardware' }, 400, 'body/parentId'],
  ['a group moved under another group', 'PATCH', `${site}/categories/laptop`, { parentId: 'access' }, 400, 'body/parentId'],
  ['a choice moved under a choice', 'PATCH', `${site}/categories/${demo.hardwareChoice}`, { parentId: demo.softwareChoice }, 400, 'body/parentId'],
  ['a choice moved to a group that does not exist', 'PATCH', `${site}/categories/${demo.hardwareChoice}`, { parentId: 'nowhere' }, 400, 'body/parentId'],
  ['a priority out of range', 'PATCH', `${site}/categories/${demo.hardwareChoice}`, { priority: 12 }, 400, 'body/priority'],
  ['a queue on a top-level group', 'PATCH', `${site}/categories/laptop`, { queueId: 'hq-hardware' }, 400, 'body'],
  ['an order leaving a queue out', 'PUT', `${site}/queue-order`, { queueIds: ['hq-hardware', 'hq-access'] }, 400, 'body/queueIds'],
  ['an hour that does not exist (25:99)', 'PUT', `${site}/opening-hours`, { openingHours: { mon: [['08:00', '25:99']] }, checkInCutoffMinutes: 0 }, 400, 'body/openingHours/mon/0'],
  ['an inverted time range', 'PUT', `${site}/opening-hours`, { openingHours: { tue: [['17:00', '08:00']] }, checkInCutoffMinutes: 0 }, 400, 'body/openingHours/tue/0'],
  ['overlapping ranges', 'PUT', `${site}/opening-hours`, { openingHours: { wed: [['08:00', '12:00'], ['11:00', '17:00']] }, checkInCutoffMinutes: 0 }, 400, 'body/openingHours/wed/1'],
  ['a day that is no weekday', 'PUT', `${site}/opening-hours`, { openingHours: { xyz: [['08:00', '12:00']] }, checkInCutoffMinutes: 0 }, 400, 'body/openingHours/xyz'],
  ['a closure ending before it starts', 'POST', `${site}/closures`, { firstDay: '2026-12-26', lastDay: '2026-12-24', message: { en: 'Holiday', fr: 'Congé' } }, 400, 'body/lastDay'],
  ['a closure on 31 February', 'POST', `${site}/closures`, { firstDay: '2026-02-31', lastDay: '2026-03-01', message: { en: 'Holiday', fr: 'Congé' } }, 400, 'body/firstDay'],
  ['a technician serving an unknown queue', 'POST', `${site}/technicians`, { id: 'tech-x', name: 'X', queueIds: ['hq-hardware', 'nope'] }, 400, 'body/queueIds/1'],
  ['a technician serving no queue', 'POST', `${site}/technicians`, { id: 'tech-x', name: 'X', queueIds: [] }, 400, 'body/queueIds'],
  ['a technician id already taken', 'POST', `${site}/technicians`, { id: 'tech-alex', name: 'Alex again', queueIds: ['hq-hardware'] }, 409, 'body/id'],
  ['a technician e-mail that is no address', 'PATCH', `${site}/technicians/tech-alex`, { email: 'alex at example' }, 400, 'body/email'],
  ['a desk id already taken', 'POST', `${site}/desks`, { id: 'hq-desk-1', name: 'Desk 1 again' }, 409, 'body/id'],
  ['an empty desk name', 'PATCH', `${site}/desks/hq-desk-1`, { name: '' }, 400, 'body/name'],
  ['a site renamed to nothing', 'PATCH', site, { name: '' }, 400, 'body/name'],
  ['site languages without the default one', 'PATCH', site, { languages: ['fr', 'de'] }, 400, 'body/defaultLanguage'],
  ['a site that holds a waiting visitor', 'PATCH', site, { archived: true }, 409, 'visitors waiting'],
  ['a last check-in longer than 4 hours', 'PUT', `${site}/opening-hours`, { openingHours: { mon: [['08:00', '18:00']] }, checkInCutoffMinutes: 300 }, 400, 'body/checkInCutoffMinutes'],
  ['a welcome text missing French', 'PATCH', `${site}/settings`, { welcomeText: { en: 'Welcome' } }, 400, 'body/welcomeText/fr'],
  ['a logo that is not https', 'PATCH', `${site}/settings`, { logoUrl: 'javascript:alert(1)' }, 400, 'body/logoUrl'],
  ['a negative grace period', 'PATCH', `${site}/settings`, { noShowGraceSeconds: -5 }, 400, 'body/noShowGraceSeconds'],
  ['a queue that holds a waiting visitor', 'PATCH', `${site}/queues/hq-hardware`, { archived: true }, 409, 'queue'],
];

describe('configuration mistakes', () => {
  for (const [what, method, url, body, status, field] of mistakes) {
    it(`refuses ${what} with ${status} naming ${field}, changing nothing`, async () => {
      const before = await configDigest(t.database.db);
      const response = await adminCall(t.as.admin, method, url, body);
      expect(response.status).toBe(status);
      expect(response.body).toMatchObject({ statusCode: status, code: expect.any(String) });
      expect(response.body.message).toContain(field);
      expect(await configDigest(t.database.db)).toBe(before);
    });
  }
});
