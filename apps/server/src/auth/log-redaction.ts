import type { FastifyRequest } from 'fastify';

/** Device tokens ride in websocket URLs (?token=), which request logs would otherwise keep. */
export function redactUrl(url: string): string {
  return url.replace(/([?&](?:token|pair|code)=)[^&]*/gi, '$1[redacted]');
}

export const requestSerializer = (request: FastifyRequest) => ({
  method: request.method,
  url: redactUrl(request.url),
  host: request.host,
  remoteAddress: request.ip,
});
