import type { FastifyError, FastifyInstance } from 'fastify';
import { DomainError, type DomainErrorKind } from '@walkup/domain';

const statusOfKind: Record<DomainErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
};

const reasonOfStatus: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 409: 'Conflict', 410: 'Gone', 413: 'Payload Too Large', 415: 'Unsupported Media Type', 429: 'Too Many Requests' };

/**
 * One place maps failures to HTTP. Domain errors and validation errors say what is wrong; anything
 * unexpected becomes a bare 500 with the request id, never a stack trace or SQL.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof DomainError) {
      const statusCode = statusOfKind[error.kind];
      return reply.status(statusCode).send({ statusCode, error: reasonOfStatus[statusCode], code: error.code, message: error.message });
    }
    if (error.validation) {
      const where = error.validationContext ?? 'request';
      const message = `${where}${error.message.startsWith(where) ? error.message.slice(where.length) : ` ${error.message}`}`;
      return reply.status(400).send({ statusCode: 400, error: 'Bad Request', code: 'invalid_request', message });
    }
    const statusCode = error.statusCode ?? 500;
    if (statusCode >= 400 && statusCode < 500) {
      return reply.status(statusCode).send({ statusCode, error: reasonOfStatus[statusCode] ?? 'Client Error', code: (error.code ?? 'client_error').toLowerCase(), message: error.message });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({ statusCode: 500, error: 'Internal Server Error', code: 'internal', message: `something went wrong (request ${request.id})` });
  });
  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send({ statusCode: 404, error: 'Not Found', code: 'route_not_found', message: `no route ${request.method} ${request.url.split('?')[0]}` });
  });
}
