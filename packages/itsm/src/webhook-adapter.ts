import { createHmac } from 'node:crypto';
import type { FetchLike, ItsmAdapter, TicketRef } from './adapter.ts';
import type { WebhookConfig } from './config.ts';
import { createHttpClient } from './http.ts';

/** HMAC-SHA256 over `${timestamp}.${body}`: the receiver rejects stale timestamps to stop replays. */
export function signWebhook(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * Signed JSON POSTs for any other tool. The receiver answers a create with `{ id, number?, url? }`
 * and must treat `Idempotency-Key` as the dedupe key; lookups are a GET with `?correlationId=`
 * answering `{ id, number?, url? }` or 404.
 */
export function createWebhookAdapter(config: WebhookConfig, fetchImpl: FetchLike = fetch, now = Date.now): ItsmAdapter {
  const http = createHttpClient({ vendor: 'webhook', fetchImpl, timeoutMs: config.timeoutMs ?? 10_000, secrets: [config.secret] });
  const toRef = (body: any, fallbackId: string): TicketRef => ({
    remoteId: String(body?.id ?? fallbackId),
    number: String(body?.number ?? body?.id ?? fallbackId),
    url: body?.url ?? null,
  });

  async function send(payload: Record<string, unknown>, idempotencyKey: string) {
    const body = JSON.stringify(payload);
    const timestamp = String(Math.floor(now() / 1000));
    return http({
      method: 'POST',
      url: config.url,
      headers: {
        'Content-Type': 'application/json',
        'X-Walkup-Timestamp': timestamp,
        'X-Walkup-Signature': signWebhook(config.secret, timestamp, body),
        'Idempotency-Key': idempotencyKey,
      },
      body,
    });
  }

  const adapter: ItsmAdapter = {
    vendor: 'webhook',
    connectionName: config.name ?? 'webhook',
    createsTickets: true,
    async createTicket(draft) {
      const { body } = await send({ type: 'ticket.create', visitId: draft.visitId, ticket: draft }, `create:${draft.visitId}`);
      return toRef(body, draft.visitId);
    },
    async updateTicket(ticket, update) {
      await send({ type: 'ticket.update', ticketId: ticket.remoteId, update }, `update:${ticket.remoteId}:${update.kind}:${update.at}`);
    },
    async findByCorrelationId(visitId) {
      const url = new URL(config.url);
      url.searchParams.set('correlationId', visitId);
      const timestamp = String(Math.floor(now() / 1000));
      const { status, body } = await http({
        method: 'GET',
        url: url.toString(),
        headers: { 'X-Walkup-Timestamp': timestamp, 'X-Walkup-Signature': signWebhook(config.secret, timestamp, url.search) },
        accept: [404, 405],
      });
      return status === 200 && body?.id ? toRef(body, visitId) : null;
    },
    async checkSetup() {
      // A signed lookup of a visit id that cannot exist: any answer but 401/403 or a failure means the receiver is there.
      try {
        await adapter.findByCorrelationId('walkup-setup-check');
        return [{ check: 'reachable', ok: true, message: `The webhook receiver at ${config.url} answers.` }];
      } catch (error) {
        const status = (error as { status?: number | null }).status;
        const message =
          status === 401 || status === 403
            ? `The webhook receiver at ${config.url} refused the signature (${status}): make sure it uses the same secret as this connection.`
            : `The webhook receiver at ${config.url} does not answer: ${(error as Error).message}. Check the URL and that the receiver is running.`;
        return [{ check: 'reachable', ok: false, message }];
      }
    },
    async health() {
      return { ok: true, detail: 'webhook (health is the last delivery)' };
    },
  };
  return adapter;
}
