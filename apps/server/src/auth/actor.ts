import type { FastifyRequest } from 'fastify';
import type { Actor } from './auth-deps.ts';
import { principalLabel } from './principal.ts';

export function actorOf(request: FastifyRequest): Actor {
  return { label: principalLabel(request.principal, request.ip), ip: request.ip };
}
