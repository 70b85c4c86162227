import type { BoardAlert, ManagerBoard } from '@walkup/domain';
import type { ServerMessage } from '@walkup/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkIn, createTestApp, demo, seatTechnician, type TestApp } from '../helpers/test-app.ts';
import { connectLive } from '../helpers/live-client.ts';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => t.close());

const board = async (): Promise<ManagerBoard> => (await t.as.manager.inject({ url: `/api/manager/board?siteId=${demo.site}` })).json().boards[0];
const kinds = (alerts: BoardAlert[]) => alerts.map((a) => `${a.kind}:${'ticketNumber' in a ? a.ticketNumber : a.queueId}`);

describe('manager live board', () => {
  it('shows queues and desks, and raises each alert when it becomes true', async () => {
    await seatTechnician(t.app, demo.alex, demo.desk1);
    await checkIn(t.app, demo.hardwareChoice);
    let now = await board();
    expect(now.queues.find((q) => q.queueId === 'hq-hardware')).toMatchObject({ waiting: 1, longestWaitSeconds: 0, availableTechnicians: 1 });
    expect(now.alerts).toEqual([]);

    t.clock.advance(11 * 60);
    now = await board();
    expect(now.queues.find((q) => q.queueId === 'hq-hardware')!.longestWaitSeconds).toBe(660);
    expect(now.alerts).toEqual([{ kind: 'wait_beyond_target', queueId: 'hq-hardware', visitId: expect.any(String), ticketNumber: 'H-001', waitedSeconds: 660, targetSeconds: 600 }]);

    // Nobody present serves the access queue (Sam is not at a desk).
    await checkIn(t.app, demo.passwordChoice, { kind: 'guest', name: 'Pat' });
    expect(kinds((await board()).alerts)).toEqual(['queue_unstaffed:hq-access', 'wait_beyond_target:H-001']);

    await t.as.alex.inject({ method: 'POST', url: `/api/desks/${demo.desk1}/call-next`, payload: { technicianId: demo.alex } });
    t.clock.advance(3 * 60);
    now = await board();
    expect(now.desks.find((d) => d.deskId === demo.desk1)).toMatchObject({ technicianId: demo.alex, status: 'available', serving: { ticketNumber: 'H-001', state: 'called', sinceSeconds: 180 } });
    expect(kinds(now.alerts)).toEqual(['queue_unstaffed:hq-access', 'called_not_arrived:H-001']);
  });

  it("uses the site's own target once a manager sets it", async () => {
    await seatTechnician(t.app, demo.alex, demo.desk1);
    await checkIn(t.app, demo.hardwareChoice);
    t.clock.advance(6 * 60);
    expect((await board()).alerts).toEqual([]);
    const set = await t.as.manager.inject({ method: 'PUT', url: `/api/manager/sites/${demo.site}/target`, payload: { targetWaitMinutes: 5 } });
    expect(set.json()).toEqual({ siteId: demo.site, targetWaitSeconds: 300 });
    expect(kinds((await board()).alerts)).toEqual(['wait_beyond_target:H-001']);
    const bad = await t.as.manager.inject({ method: 'PUT', url: `/api/manager/sites/${demo.site}/target`, payload: { targetWaitMinutes: 0 } });
    expect(bad.statusCode).toBe(400);
    const report = await t.as.manager.inject({ url: `/api/reports/figures?from=2026-11-23&to=2026-11-23&siteId=${demo.site}` });
    expect(report.json().targetWaitSeconds).toBe(300);
  });

  it('pushes boards on the manager channel after changes and as time passes; technicians may not watch', async () => {
    await seatTechnician(t.app, demo.alex, demo.desk1);
    const live = await connectLive(t.app, t.as.manager);
    live.send({ type: 'watch_board' });
    const isBoard = (m: ServerMessage): m is Extract<ServerMessage, { type: 'board' }> => m.type === 'board';
    await live.waitFor((m) => isBoard(m) && m.boards[0]!.siteId === demo.site);
    await checkIn(t.app, demo.hardwareChoice);
    await live.waitFor((m) => isBoard(m) && m.boards[0]!.queues.some((q) => q.waiting === 1));
    t.clock.advance(11 * 60);
    await t.app.walkup.boards.refresh();
    await live.waitFor((m) => isBoard(m) && m.boards[0]!.alerts.some((a) => a.kind === 'wait_beyond_target'));
    live.close();

    const technician = await connectLive(t.app, t.as.alex);
    technician.send({ type: 'watch_board' });
    expect(await technician.waitFor((m) => m.type === 'error')).toMatchObject({ code: 'role_not_allowed' });
    technician.close();
  });
});
