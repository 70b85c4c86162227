import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorResponse } from '../routes/schemas.ts';
import { anyone, everyone, signedInPeople } from '../routes/route-roles.ts';
import { recordAudit } from './audit.ts';
import type { AuthDeps } from './auth-deps.ts';
import { principalLabel } from './principal.ts';
import { clearSessionCookie, setSessionCookie } from './session-cookie.ts';
import { createSession, deleteSession, principalOfSession } from './session-store.ts';
import { SessionView, toSessionView } from './session-view.ts';
import { signInWithPassword } from './sign-in.ts';

/** Sign-in attempts per IP and minute, on top of the per-account lockout. */
export const signInRateLimit = { max: 10, timeWindow: 60_000 };

export async function authRoutes(root: FastifyInstance, deps: AuthDeps): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/auth/providers',
    {
      config: { roles: anyone },
      schema: {
        summary: 'How technicians can sign in: local password, and single sign-on when configured',
        tags: ['auth'],
        response: { 200: Type.Object({ password: Type.Boolean(), oidc: Type.Union([Type.Object({ label: Type.String(), startUrl: Type.String() }), Type.Null()]) }) },
      },
    },
    async () => ({ password: true, oidc: deps.oidc ? { label: deps.oidc.settings.label, startUrl: '/api/auth/oidc/start' } : null }),
  );

  app.post(
    '/api/auth/login',
    {
      config: { roles: anyone, csrf: false, rateLimit: { ...signInRateLimit, keyGenerator: (request) => request.ip } },
      schema: {
        summary: 'Sign in with a local account: sets the session cookie and returns the CSRF token',
        tags: ['auth'],
        body: Type.Object(
          { username: Type.String({ minLength: 1, maxLength: 100 }), password: Type.String({ minLength: 1, maxLength: 200 }) },
          { additionalProperties: false },
        ),
        response: { 200: SessionView, 400: ErrorResponse, 401: ErrorResponse },
      },
    },
    async (request, reply) => {
      const user = await signInWithPassword(deps, { ...request.body, ip: request.ip });
      const { token, expiresAt } = await createSession(deps.db, user.id, 'password', deps.now());
      setSessionCookie(request, reply, token, expiresAt, deps.secureCookies);
      return toSessionView((await principalOfSession(deps.db, token, deps.now()))!);
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { roles: signedInPeople },
      schema: { summary: 'Sign out: ends the session and its live connections', tags: ['auth'], response: { 204: Type.Null() } },
    },
    async (request, reply) => {
      const principal = request.principal!;
      if (principal.kind === 'user') {
        await deleteSession(deps.db, principal.sessionHash);
        deps.connections.closeSession(principal.sessionHash);
        await recordAudit(deps.db, { at: deps.now().toISOString(), actor: principalLabel(principal, request.ip), action: 'sign_out', ip: request.ip });
      }
      clearSessionCookie(request, reply, deps.secureCookies);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/auth/session',
    {
      config: { roles: everyone },
      schema: { summary: 'Who am I: the signed-in user (with the CSRF token) or the paired device', tags: ['auth'], response: { 200: SessionView, 401: ErrorResponse } },
    },
    async (request) => toSessionView(request.principal!),
  );
}
