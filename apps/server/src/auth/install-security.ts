import type { FastifyInstance, FastifyRequest } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import helmet from 'helmet';
import type { Db } from '../db/connection.ts';
import { installAuthorization } from './authorize.ts';
import { principalLabel } from './principal.ts';
import { closeRouteSchemas } from './strict-schemas.ts';

/** request.ip behind a trusted proxy reads the socket, which an injected websocket has not. */
function clientIp(request: FastifyRequest): string {
  try {
    return request.ip;
  } catch {
    return 'unknown';
  }
}

export interface SecurityPluginOptions {
  db: Db;
  now: () => Date;
  /** Signs the short-lived single sign-on cookie. */
  cookieSecret: string;
  /** Requests per minute per device, per signed-in user, and per IP for everyone else; false in tests that flood on purpose. */
  rateLimit: { max: number; timeWindowMs: number } | false;
  /** Behind https: browsers are told to stay on https. */
  https: boolean;
}

/**
 * Cookies, security headers, rate limits and the authorization hooks. Must be registered before any
 * route, because rate limits and schema closing attach to routes as they are added.
 */
export async function installSecurity(app: FastifyInstance, options: SecurityPluginOptions): Promise<void> {
  closeRouteSchemas(app);
  await app.register(fastifyCookie, { secret: options.cookieSecret });
  // Built once: @fastify/helmet built the whole helmet middleware again for every request.
  const securityHeaders = helmet({
    // The three apps load only their own bundled scripts and styles and talk only to this origin.
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        mediaSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(options.https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: options.https ? { maxAge: 31_536_000 } : false,
    // The landing page and kiosks are opened directly; nothing needs cross-origin embedding.
    crossOriginEmbedderPolicy: false,
  });
  // Helmet's middleware sets its headers on the raw response; working them out once and setting them
  // with the reply was measured at 30 check-ins/s and did not lower p99 (docs/benchmarks.md).
  app.addHook('onRequest', (request, reply, done) => {
    securityHeaders(request.raw, reply.raw, (error?: unknown) => done(error as Error | undefined));
  });
  if (options.rateLimit) {
    await app.register(fastifyRateLimit, {
      global: true,
      max: options.rateLimit.max,
      timeWindow: options.rateLimit.timeWindowMs,
      keyGenerator: (request) => principalLabel(request.principal, clientIp(request)),
    });
  }
  installAuthorization(app, { db: options.db, now: options.now });
}
