import { createSign, generateKeyPairSync } from 'node:crypto';
import { HttpResponse, http } from 'msw';
import type { OidcSettings } from '../../src/auth/oidc-client.ts';

/**
 * A single sign-on provider for tests, shaped like Keycloak/Entra ID: discovery document, JWKS, and a
 * token endpoint issuing an RS256-signed ID token for the code it handed out. `nextUser` decides
 * who signs in; the nonce comes from the authorization request, as a real provider would echo it.
 */
export function createOidcProvider(issuer = 'https://idp.example.test/realms/walkup', clientId = 'walkup-console', clientSecret = 'oidc-client-secret') {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = 'test-key-1';
  const codes = new Map<string, { nonce: string; challenge: string }>();
  let nextUser: Record<string, unknown> = { sub: 'user-1', email: 'alex.martin@example.com', name: 'Alex Martin', preferred_username: 'amartin', groups: ['walkup-technicians'] };
  let nextUserInfo: Record<string, unknown> = {};
  const tokenRequests: URLSearchParams[] = [];

  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  function signIdToken(claims: Record<string, unknown>): string {
    const input = `${b64({ alg: 'RS256', typ: 'JWT', kid })}.${b64(claims)}`;
    const signature = createSign('RSA-SHA256').update(input).sign(privateKey).toString('base64url');
    return `${input}.${signature}`;
  }

  const handlers = [
    http.get(`${issuer}/.well-known/openid-configuration`, () =>
      HttpResponse.json({
        issuer,
        authorization_endpoint: `${issuer}/protocol/openid-connect/auth`,
        token_endpoint: `${issuer}/protocol/openid-connect/token`,
        jwks_uri: `${issuer}/protocol/openid-connect/certs`,
        userinfo_endpoint: `${issuer}/protocol/openid-connect/userinfo`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        code_challenge_methods_supported: ['S256'],
        token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
      }),
    ),
    // Claims a provider leaves out of the ID token (Entra ID's defaults) but gives at userinfo.
    http.get(`${issuer}/protocol/openid-connect/userinfo`, ({ request }) =>
      request.headers.get('authorization') === 'Bearer access-token' ? HttpResponse.json({ ...nextUserInfo, sub: nextUser.sub }) : HttpResponse.json({ error: 'invalid_token' }, { status: 401 }),
    ),
    http.get(`${issuer}/protocol/openid-connect/certs`, () => HttpResponse.json({ keys: [{ ...publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' }] })),
    http.post(`${issuer}/protocol/openid-connect/token`, async ({ request }) => {
      const form = new URLSearchParams(await request.text());
      tokenRequests.push(form);
      const grant = codes.get(form.get('code') ?? '');
      if (!grant || form.get('client_id') !== clientId || form.get('client_secret') !== clientSecret || !form.get('code_verifier')) {
        return HttpResponse.json({ error: 'invalid_grant' }, { status: 400 });
      }
      codes.delete(form.get('code')!);
      const now = Math.floor(Date.now() / 1000);
      const idToken = signIdToken({ iss: issuer, aud: clientId, iat: now, exp: now + 300, nonce: grant.nonce, ...nextUser });
      return HttpResponse.json({ access_token: 'access-token', token_type: 'Bearer', expires_in: 300, id_token: idToken });
    }),
  ];

  return {
    issuer,
    clientId,
    clientSecret,
    handlers,
    tokenRequests,
    /** Who signs in next: the ID token's claims, and those only the userinfo endpoint gives. */
    signInAs(user: Record<string, unknown>, userInfo: Record<string, unknown> = {}) {
      nextUser = user;
      nextUserInfo = userInfo;
    },
    /** What the provider does after the user authenticates: a code bound to the request's nonce. */
    authorize(authorizationUrl: string): { code: string; state: string } {
      const url = new URL(authorizationUrl);
      const code = `code-${codes.size + 1}-${Math.random().toString(36).slice(2)}`;
      codes.set(code, { nonce: url.searchParams.get('nonce')!, challenge: url.searchParams.get('code_challenge')! });
      return { code, state: url.searchParams.get('state')! };
    },
  };
}

/** walkup's settings for this provider, as WALKUP_OIDC_* would give them (employee ids in `employee_number`). */
export const oidcSettingsOf = (provider: ReturnType<typeof createOidcProvider>): OidcSettings => ({
  issuer: provider.issuer,
  clientId: provider.clientId,
  clientSecret: provider.clientSecret,
  redirectUrl: 'https://walkup.example.test/api/auth/oidc/callback',
  scopes: 'openid profile email',
  groupsClaim: 'groups',
  adminGroup: 'walkup-admins',
  technicianGroup: 'walkup-technicians',
  employeeIdClaim: 'employee_number',
  label: 'Sign in with Keycloak',
});
