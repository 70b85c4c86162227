import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../db/connection.ts';
import { ForbiddenError, UnauthenticatedError } from './auth-errors.ts';
import { noteDeviceSeen, principalOfDeviceToken } from './device-store.ts';
import { roleOf, type Principal } from './principal.ts';
import { checkScope } from './scope.ts';
import { sessionCookieName } from './session-cookie.ts';
import { principalOfSession } from './session-store.ts';
import { sameSecret } from './tokens.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** False on the few routes a stale session cookie must not block (sign-in). */
    csrf?: boolean;
  }
  interface FastifyRequest {
    /** How the principal was found: a cookie needs CSRF protection, a bearer token does not. */
    credentialSource: 'bearer' | 'query' | 'cookie' | null;
    /** A credential was presented but is unknown, expired or revoked. */
    credentialRejected: boolean;
  }
}

const stateChanging = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Paths outside the API that need no role: the built front ends, API docs, the landing page. */
function isOpenPath(url: string): boolean {
  return !url.startsWith('/api') && url !== '/ws';
}

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

/** Devices' "last seen" in the admin list comes from here: every authenticated device request and socket connect. */
async function seenDevice(db: Db, principal: Principal | null, now: Date): Promise<Principal | null> {
  if (principal?.kind === 'device') await noteDeviceSeen(db, principal.deviceId, now);
  return principal;
}

function isUpgrade(request: FastifyRequest): boolean {
  return request.headers.upgrade?.toLowerCase() === 'websocket';
}

async function resolvePrincipal(db: Db, request: FastifyRequest, now: Date): Promise<Principal | null> {
  const authorization = request.headers.authorization;
  if (authorization) {
    request.credentialSource = 'bearer';
    const [scheme, token] = authorization.split(' ');
    return scheme?.toLowerCase() === 'bearer' && token ? seenDevice(db, await principalOfDeviceToken(db, token), now) : null;
  }
  // Browsers cannot set headers on a websocket, so devices put the token in the URL there only.
  const queryToken = (request.query as Record<string, unknown> | undefined)?.token;
  if (isUpgrade(request) && typeof queryToken === 'string') {
    request.credentialSource = 'query';
    return seenDevice(db, await principalOfDeviceToken(db, queryToken), now);
  }
  const sessionToken = request.cookies[sessionCookieName];
  if (sessionToken) {
    request.credentialSource = 'cookie';
    return principalOfSession(db, sessionToken, now);
  }
  return null;
}

/**
 * The one place where roles are enforced: every route declares `config.roles`, the principal is
 * resolved before anything else, and an API route without declared roles is refused to everyone.
 */
export function installAuthorization(app: FastifyInstance, deps: { db: Db; now: () => Date }): void {
  app.decorateRequest('principal', null);
  app.decorateRequest('credentialSource', null);
  app.decorateRequest('credentialRejected', false);

  // onRequest resolves only; the route-level rate limiter runs next and can key on the principal.
  app.addHook('onRequest', async (request) => {
    if (!request.routeOptions.url || isOpenPath(request.routeOptions.url)) return;
    request.principal = await resolvePrincipal(deps.db, request, deps.now());
    request.credentialRejected = request.credentialSource !== null && request.principal === null;
  });

  // Before the body is even parsed: wrong role, missing CSRF token or a foreign page's websocket.
  app.addHook('preParsing', async (request) => {
    const url = request.routeOptions.url;
    if (!url) return;
    const roles = request.routeOptions.config.roles;
    if (!roles) {
      if (isOpenPath(url)) return;
      request.log.error({ url }, 'API route without declared roles refused');
      throw new ForbiddenError('no_roles_declared', 'this route declares no roles and is refused to everyone');
    }
    const principal = request.principal;
    if (!roles.includes(roleOf(principal))) {
      if (!principal) {
        throw request.credentialRejected
          ? new UnauthenticatedError('invalid_credential', 'this device token or session is unknown, expired or revoked; pair or sign in again')
          : new UnauthenticatedError();
      }
      throw new ForbiddenError('role_not_allowed', `a ${principal.role} may not ${request.method} ${url}`);
    }
    if (principal?.kind === 'user' && request.credentialSource === 'cookie') {
      if (stateChanging.has(request.method) && request.routeOptions.config.csrf !== false) {
        const header = request.headers['x-csrf-token'];
        if (typeof header !== 'string' || !sameSecret(header, principal.csrfToken)) {
          throw new ForbiddenError('csrf', 'missing or wrong x-csrf-token header (GET /api/auth/session returns it)');
        }
      }
      // Cookie-authenticated websockets must come from our own pages (cross-site websocket hijacking).
      if (isUpgrade(request) && request.headers.origin && hostOf(request.headers.origin) !== request.headers.host) {
        throw new ForbiddenError('foreign_origin', 'websocket from another origin');
      }
    }
  });

  app.addHook('preHandler', async (request) => checkScope(deps.db, request));
}
