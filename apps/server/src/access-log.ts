import type { FastifyInstance } from 'fastify';
import { redactUrl } from './auth/log-redaction.ts';

/**
 * One line per answered request ("GET /api/sites/hq/state 200 3 ms"), only when WALKUP_ACCESS_LOG
 * is on: a screen's every request at info level buried the lines that matter (1,286 lines for 35
 * minutes of one person). Fastify's own two lines per request are always off (app.ts).
 */
export function installAccessLog(app: FastifyInstance): void {
  app.addHook('onResponse', async (request, reply) => {
    const ms = Math.round(reply.elapsedTime);
    request.log.info(
      { statusCode: reply.statusCode, ms, ip: request.ip },
      `${request.method} ${redactUrl(request.url)} ${reply.statusCode} ${ms} ms`,
    );
  });
}
