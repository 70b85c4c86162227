import { createAdapter } from '@walkup/itsm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp } from '../../apps/server/test/helpers/test-app.ts';
import { describeWithRt, startRt, type RtServer } from './rt-server.ts';

describeWithRt('set-up checks against a real Request Tracker 5', () => {
  let rt: RtServer;
  beforeAll(async () => {
    rt = await startRt();
  }, 120_000);
  afterAll(async () => {
    await rt?.stop();
  });

  const failures = async (queue: string, extra: string[] = [], token?: string) => {
    const adapter = createAdapter({ vendor: 'rt', url: rt.url, token: token ?? rt.token, queue, timeoutMs: 30_000 });
    return (await adapter.checkSetup({ rtQueues: extra })).filter((c) => !c.ok);
  };

  it('passes for a queue set up as walkup needs (exists, create right, visit id field, default statuses)', async () => {
    expect(await failures('Walk-up', ['Walk-up L2'])).toEqual([]);
  }, 120_000);

  it('detects a queue the visit id field is not applied to, and a queue that does not exist', async () => {
    const bad = await failures('Walk-up', ['No-CF', 'Missing queue']);
    expect(bad.map((c) => c.check).sort()).toEqual(['queue Missing queue', 'visit id field in No-CF']);
    expect(bad.find((c) => c.check === 'visit id field in No-CF')!.message).toContain('KioskVisitId is not applied to "No-CF"');
  }, 120_000);

  it('detects a bad token', async () => {
    expect(await failures('Walk-up', [], '1-14-00000000000000000000000000000000')).toEqual([{ check: 'token', ok: false, message: expect.stringContaining('refused the token') }]);
  }, 120_000);

  it('tests a connection created through the admin API: missing field, missing queue and bad token in words, then a pass', async () => {
    const t = await createTestApp();
    try {
      const admin = t.as.admin;
      const test = async () => (await admin.inject({ method: 'POST', url: '/api/admin/itsm/connections/campus-rt/test' })).json() as { ok: boolean; checks: Array<{ check: string; ok: boolean; message: string }> };
      const save = (fields: Record<string, unknown>) => admin.inject({ method: 'PUT', url: '/api/admin/itsm/connections/campus-rt', payload: { vendor: 'rt', url: rt.url, token: '', queue: 'Walk-up', timeoutMs: 30_000, ...fields } });
      const created = await admin.inject({ method: 'POST', url: '/api/admin/itsm/connections', payload: { name: 'campus-rt', vendor: 'rt', url: rt.url, token: rt.token, queue: 'No-CF', timeoutMs: 30_000 } });
      expect(created.statusCode).toBe(201);
      expect(created.body).not.toContain(rt.token);

      const noField = await test();
      expect(noField.ok).toBe(false);
      expect(noField.checks.find((c) => !c.ok)!.message).toContain('KioskVisitId is not applied to "No-CF"');

      expect((await save({ queue: 'Missing queue' })).statusCode).toBe(200);
      expect((await test()).checks.filter((c) => !c.ok).map((c) => c.check)).toEqual(['queue Missing queue']);

      expect((await save({ token: '1-14-00000000000000000000000000000000' })).statusCode).toBe(200);
      expect((await test()).checks).toEqual([{ check: 'token', ok: false, message: expect.stringContaining('refused the token') }]);

      expect((await save({ token: rt.token })).statusCode).toBe(200);
      expect(await test()).toMatchObject({ ok: true });
    } finally {
      await t.close();
    }
  }, 180_000);
});
