import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createWebhookMock } from '../../../tests/msw/webhook.ts';
import { createWebhookAdapter } from '../src/webhook-adapter.ts';
import { makeDraft } from './draft.ts';

const server = setupServer();
let mock = createWebhookMock();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  mock = createWebhookMock();
});
afterAll(() => server.close());

describe('generic webhook adapter', () => {
  it('sends signed, timestamped JSON the receiver accepts, and looks tickets up', async () => {
    server.use(...mock.handlers);
    const adapter = createWebhookAdapter({ vendor: 'webhook', url: mock.url, secret: mock.secret });
    expect(await adapter.findByCorrelationId('visit-0001')).toBeNull();
    const ref = await adapter.createTicket(makeDraft());
    expect(ref).toEqual({ remoteId: 'EXT-1', number: 'EXT-1', url: 'https://tool.acme.test/tickets/EXT-1' });
    await adapter.updateTicket(ref, { kind: 'resolved', at: '2026-11-21T10:00:00Z', note: 'ok', technicianName: null });
    expect(mock.received.map((r) => [r.type, r.idempotencyKey])).toEqual([
      ['ticket.create', 'create:visit-0001'],
      ['ticket.update', 'update:EXT-1:resolved:2026-11-21T10:00:00Z'],
    ]);
    expect(await adapter.findByCorrelationId('visit-0001')).toMatchObject({ remoteId: 'EXT-1' });
  });

  it('is rejected with a wrong secret or a replayed (stale) timestamp', async () => {
    server.use(...mock.handlers);
    const wrong = createWebhookAdapter({ vendor: 'webhook', url: mock.url, secret: 'not-the-secret' });
    expect(await wrong.createTicket(makeDraft()).catch((e) => e)).toMatchObject({ status: 401 });
    const stale = createWebhookAdapter({ vendor: 'webhook', url: mock.url, secret: mock.secret }, fetch, () => Date.now() - 3_600_000);
    const error = await stale.createTicket(makeDraft()).catch((e) => e);
    expect(error).toMatchObject({ status: 401 });
    expect(error.message).not.toContain(mock.secret);
    expect(mock.received).toHaveLength(0);
  });
});
