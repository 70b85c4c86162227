import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Receives webhook POSTs and keeps those whose HMAC signature checks out; counts the others. */
export async function startWebhookPeer(secret: string) {
  const accepted: Array<Record<string, unknown>> = [];
  let rejected = 0;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(body).digest('hex')}`);
      const given = Buffer.from(String(request.headers['x-walkup-signature'] ?? ''));
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        rejected++;
        response.writeHead(401).end();
        return;
      }
      accepted.push(JSON.parse(body.toString('utf8')) as Record<string, unknown>);
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    accepted,
    rejected: () => rejected,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
