import http from 'node:http';
import type net from 'node:net';

/** An ITSM behind the webhook adapter: it records every create per visit and answers lookups by correlation id. */
export async function startWebhookItsm() {
  const tickets = new Map<string, { id: string; creates: number }>();
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://itsm');
    const reply = (status: number, body?: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(body === undefined ? undefined : JSON.stringify(body));
    };
    if (request.method === 'GET') {
      const ticket = tickets.get(url.searchParams.get('correlationId') ?? '');
      return ticket ? reply(200, { id: ticket.id, number: ticket.id }) : reply(404, { error: 'not found' });
    }
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString()) as { type: string; visitId?: string };
      if (body.type === 'ticket.create' && body.visitId) {
        const ticket = tickets.get(body.visitId) ?? { id: `INC${String(tickets.size + 1).padStart(5, '0')}`, creates: 0 };
        ticket.creates++;
        tickets.set(body.visitId, ticket);
        return reply(201, { id: ticket.id, number: ticket.id });
      }
      reply(200, {});
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}/tickets`,
    tickets,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
