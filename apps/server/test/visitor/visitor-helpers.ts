import type { FastifyInstance } from 'fastify';
import type { VisitorClientMessage, VisitorServerMessage } from '@walkup/protocol';
import { callerOfTechnician, checkIn, demo } from '../helpers/test-app.ts';

/** Checks in and returns the visit with the token of its phone link (the part after '#'). */
export async function checkInWithLink(app: FastifyInstance, categoryId: string, visitor?: Record<string, string>) {
  const response = await checkIn(app, categoryId, visitor);
  if (response.statusCode !== 201) throw new Error(`check-in failed: ${response.body}`);
  const body = response.json() as { id: string; ticketNumber: string; visitorLink: string };
  return { ...body, token: body.visitorLink.split('#')[1]! };
}

export function readTicket(app: FastifyInstance, token: string) {
  return app.inject({ url: '/api/visitor/ticket', headers: { 'x-visit-token': token } });
}

export async function technicianAction(app: FastifyInstance, technicianId: string, visitId: string, action: string, payload: Record<string, unknown> = {}) {
  const response = await callerOfTechnician(app, technicianId).inject({ method: 'POST', url: `/api/visits/${visitId}/${action}`, payload: { technicianId, ...payload } });
  if (response.statusCode !== 200) throw new Error(`${action} failed: ${response.body}`);
  return response.json();
}

export async function callNext(app: FastifyInstance, technicianId: string, deskId: string) {
  const response = await callerOfTechnician(app, technicianId).inject({ method: 'POST', url: `/api/desks/${deskId}/call-next`, payload: { technicianId } });
  if (response.statusCode !== 200) throw new Error(`call-next failed: ${response.statusCode} ${response.body}`);
  return response.json() as { id: string; ticketNumber: string };
}

/** A phone page's socket: collects messages and waits for the ones a test expects. */
export async function followVisit(app: FastifyInstance, token: string | null) {
  const socket = await app.injectWS('/api/visitor/live');
  const received: VisitorServerMessage[] = [];
  let closed: { code: number } | null = null;
  socket.on('message', (data) => received.push(JSON.parse(data.toString())));
  socket.on('close', (code) => (closed = { code }));
  const send = (message: VisitorClientMessage | Record<string, unknown>) => socket.send(JSON.stringify(message));
  if (token) send({ type: 'follow', token });
  return {
    received,
    send,
    closed: () => closed,
    /** The newest message matching, polled until it arrives. */
    async waitFor(predicate: (m: VisitorServerMessage) => boolean, timeoutMs = 3000): Promise<VisitorServerMessage> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = received.findLast(predicate);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no matching message; got ${JSON.stringify(received)}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    close: () => socket.terminate(),
  };
}

export { demo };
