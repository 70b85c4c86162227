import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, demo, type TestApp } from './helpers/test-app.ts';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => t.close());

const identify = (body: Record<string, string>, caller = t.as.kiosk) =>
  caller.inject({ method: 'POST', url: `/api/sites/${demo.site}/identify`, payload: body });

describe('kiosk identification', () => {
  it('answers a yes and a first name, never the directory record', async () => {
    const response = await identify({ identifier: '0004411001' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ kind: 'badge', displayName: 'Marie' });
    for (const secret of ['Dupont', 'marie.dupont@example.com', 'E1001']) expect(response.body).not.toContain(secret);
    // The older one-field form answers the same way.
    expect((await identify({ employeeId: 'E1001' })).json()).toEqual({ kind: 'employee_id', displayName: 'Marie' });
  });

  it('finds a typed employee id or email in the same field a badge is scanned into', async () => {
    expect((await identify({ identifier: 'E1002' })).json()).toEqual({ kind: 'employee_id', displayName: 'John' });
    expect((await identify({ identifier: ' John.Smith@Example.com ' })).json()).toEqual({ kind: 'email', displayName: 'John' });
  });

  it('says plainly that an unknown identifier is unknown', async () => {
    const response = await identify({ identifier: '0004499999' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'person_not_found', message: 'nobody in the directory has that badge, employee id or email' });
  });

  it('slows down a device that keeps trying unknown badges, and only that device', async () => {
    for (let badge = 1; badge <= 5; badge++) expect((await identify({ identifier: `00044990${badge}` })).statusCode).toBe(404);
    const refused = await identify({ identifier: '0004411002' });
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBe('2');
    expect(refused.json()).toMatchObject({ code: 'too_many_unknown_identifiers', message: expect.stringContaining('try again in 2 s') });
    // Staff at the desk are not held up by a kiosk being probed.
    expect((await identify({ identifier: '0004411002' }, t.as.alex)).statusCode).toBe(200);

    t.clock.advance(2);
    expect((await identify({ identifier: '0004411002' })).json().displayName).toBe('John');
    // Each further miss doubles the wait: walking badge numbers gets slower and slower.
    expect((await identify({ identifier: '000449906' })).statusCode).toBe(404);
    expect((await identify({ identifier: '0004411002' })).headers['retry-after']).toBe('4');
    t.clock.advance(4);
    expect((await identify({ identifier: '000449907' })).statusCode).toBe(404);
    expect((await identify({ identifier: '0004411002' })).headers['retry-after']).toBe('8');

    // Misses are forgotten after ten minutes.
    t.clock.advance(10 * 60);
    expect((await identify({ identifier: '0004411002' })).statusCode).toBe(200);
  });

  it('checks in by what was entered: the server fills the name for the console, the kiosk never saw it', async () => {
    const checkIn = await t.as.kiosk.inject({
      method: 'POST',
      url: `/api/sites/${demo.site}/visits`,
      payload: { categoryId: demo.hardwareChoice, visitor: { kind: 'employee_id', employeeId: 'E1003' } },
    });
    expect(checkIn.statusCode).toBe(201);
    expect(checkIn.body).not.toContain('Benali');
    const visit = (await t.as.alex.inject({ url: `/api/visits/${checkIn.json().id}` })).json();
    expect(visit.visitor).toMatchObject({ name: 'Aïcha Benali', employeeId: 'E1003' });
  });
});
