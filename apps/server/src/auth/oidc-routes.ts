import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { DomainError, NotFoundError } from '@walkup/domain';
import { anyone } from '../routes/route-roles.ts';
import { recordAudit } from './audit.ts';
import type { AuthDeps } from './auth-deps.ts';
import type { OidcTransaction } from './oidc-client.ts';
import { oidcTransactionPath, setOidcTransactionCookie, setSessionCookie } from './session-cookie.ts';
import { createSession } from './session-store.ts';
import { signInWithOidc } from './sign-in-oidc.ts';
import { signInRateLimit } from './auth-routes.ts';
import { finishVisitorSignIn, visitorReturnOf } from '../visitor-sso/visitor-sso-callback.ts';

const transactionCookie = 'walkup_oidc';
/** Where the console lives; errors come back as ?sso_error=<code> for the sign-in screen to explain. */
const consolePath = '/console/';

function readTransaction(raw: unknown): OidcTransaction | null {
  try {
    const value = JSON.parse(String(raw)) as Partial<OidcTransaction>;
    return typeof value.state === 'string' && typeof value.nonce === 'string' && typeof value.verifier === 'string' ? (value as OidcTransaction) : null;
  } catch {
    return null;
  }
}

export async function oidcRoutes(root: FastifyInstance, deps: AuthDeps): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const ssoRateLimit = { ...signInRateLimit, max: 30, keyGenerator: (request: { ip: string }) => request.ip };

  app.get(
    '/api/auth/oidc/start',
    { config: { roles: anyone, rateLimit: ssoRateLimit }, schema: { summary: 'Redirects to the single sign-on provider', tags: ['auth'] } },
    async (request, reply) => {
      if (!deps.oidc) throw new NotFoundError('sso provider', 'oidc');
      const { url, transaction } = await deps.oidc.startSignIn();
      setOidcTransactionCookie(request, reply, transactionCookie, transaction, deps.secureCookies);
      return reply.redirect(url);
    },
  );

  app.get(
    '/api/auth/oidc/callback',
    {
      config: { roles: anyone, rateLimit: ssoRateLimit },
      schema: {
        summary: 'Where the provider sends the browser back; signs in and redirects to the console',
        tags: ['auth'],
        // Providers add their own parameters (session_state, iss...): accept them, bounded.
        querystring: Type.Record(Type.String({ maxLength: 64 }), Type.String({ maxLength: 4096 }), { additionalProperties: true, maxProperties: 20 }),
      },
    },
    async (request, reply) => {
      if (!deps.oidc) throw new NotFoundError('sso provider', 'oidc');
      const cookie = request.cookies[transactionCookie];
      const unsigned = cookie ? request.unsignCookie(cookie) : null;
      const transaction = unsigned?.valid ? readTransaction(unsigned.value) : null;
      // A visitor's sign-in (remote check-in, booking) comes back here too, and never signs staff in.
      const visitor = visitorReturnOf(request, request.query.state, transaction?.state ?? null);
      if (visitor) return finishVisitorSignIn(deps, request as typeof request & { query: Record<string, string> }, reply, visitor);
      reply.clearCookie(transactionCookie, { path: oidcTransactionPath });
      const fail = (code: string) => reply.redirect(`${consolePath}?sso_error=${code}`);
      if (!transaction) return fail('expired');
      if (typeof request.query.error === 'string') return fail('provider_refused');
      const callbackUrl = new URL(deps.oidc.settings.redirectUrl);
      callbackUrl.search = new URLSearchParams(request.query as Record<string, string>).toString();
      let identity;
      try {
        identity = await deps.oidc.finishSignIn(callbackUrl, transaction);
      } catch (error) {
        request.log.warn({ err: error }, 'single sign-on callback rejected');
        await recordAudit(deps.db, { at: deps.now().toISOString(), actor: `ip:${request.ip}`, action: 'sign_in.oidc', outcome: 'failed', ip: request.ip, detail: { reason: 'callback_rejected' } });
        return fail('rejected');
      }
      try {
        const user = await signInWithOidc(deps, identity, deps.oidc.settings, request.ip);
        const { token, expiresAt } = await createSession(deps.db, user.id, 'oidc', deps.now());
        setSessionCookie(request, reply, token, expiresAt, deps.secureCookies);
        return reply.redirect(consolePath);
      } catch (error) {
        if (error instanceof DomainError) return fail(error.code);
        throw error;
      }
    },
  );
}
