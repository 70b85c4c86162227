import { createHmac, timingSafeEqual } from 'node:crypto';
import { HttpResponse, http } from 'msw';
import { createFaults, withFaults } from './faults.ts';

/** A receiver for walkup's signed webhooks that checks signatures and stale timestamps, and dedupes. */
export function createWebhookMock(options: { url?: string; secret?: string; maxSkewSeconds?: number; now?: () => number } = {}) {
  const url = options.url ?? 'https://hooks.acme.test/walkup';
  const secret = options.secret ?? 'whsec_5f0c9a1e7b';
  const now = options.now ?? Date.now;
  const received: Array<{ type: string; body: any; idempotencyKey: string | null }> = [];
  const tickets = new Map<string, { id: string; visitId: string }>();
  const seenKeys = new Map<string, unknown>();
  const faults = createFaults();

  function verify(request: Request, signed: string): Response | null {
    const timestamp = request.headers.get('x-walkup-timestamp') ?? '';
    const signature = request.headers.get('x-walkup-signature') ?? '';
    if (Math.abs(now() / 1000 - Number(timestamp)) > (options.maxSkewSeconds ?? 300)) return HttpResponse.json({ error: 'stale timestamp' }, { status: 401 });
    const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(`${timestamp}.${signed}`).digest('hex')}`);
    if (expected.length !== signature.length || !timingSafeEqual(expected, Buffer.from(signature))) return HttpResponse.json({ error: 'bad signature' }, { status: 401 });
    return null;
  }

  const handlers = [
    http.post(url, ({ request }) =>
      withFaults(faults, async () => {
        const text = await request.text();
        const rejected = verify(request, text);
        if (rejected) return rejected;
        const body = JSON.parse(text);
        const key = request.headers.get('idempotency-key');
        if (key && seenKeys.has(key)) return HttpResponse.json(seenKeys.get(key) as any);
        received.push({ type: body.type, body, idempotencyKey: key });
        let answer: unknown = { ok: true };
        if (body.type === 'ticket.create') {
          const id = `EXT-${tickets.size + 1}`;
          tickets.set(id, { id, visitId: body.visitId });
          answer = { id, number: id, url: `https://tool.acme.test/tickets/${id}` };
        }
        if (key) seenKeys.set(key, answer);
        return HttpResponse.json(answer as any, { status: body.type === 'ticket.create' ? 201 : 200 });
      }),
    ),
    http.get(url, ({ request }) =>
      withFaults(faults, () => {
        const rejected = verify(request, new URL(request.url).search);
        if (rejected) return rejected;
        const visitId = new URL(request.url).searchParams.get('correlationId');
        const ticket = [...tickets.values()].find((t) => t.visitId === visitId);
        return ticket ? HttpResponse.json({ id: ticket.id, number: ticket.id }) : HttpResponse.json({ error: 'not found' }, { status: 404 });
      }),
    ),
  ];
  return { url, secret, handlers, received, tickets, faults };
}
