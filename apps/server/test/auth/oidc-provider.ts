import { createSign, generateKeyPairSync } from 'node:crypto';
import { HttpResponse, http } from 'msw';

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
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        code_challenge_methods_supported: ['S256'],
        token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
      }),
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
    signInAs(user: Record<string, unknown>) {
      nextUser = user;
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
