import * as client from 'openid-client';

/** Single sign-on settings; one OpenID Connect provider (Entra ID, Keycloak, Google...) per server. */
export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Where the provider sends the browser back: https://<host>/api/auth/oidc/callback. */
  redirectUrl: string;
  scopes: string;
  /** Claim holding the user's groups (Entra ID: `groups` with object ids; Keycloak: `groups` with paths). */
  groupsClaim: string;
  /** Members of this group are admins. */
  adminGroup: string | null;
  /** When set, only members of this group may sign in as technicians; otherwise any known technician may. */
  technicianGroup: string | null;
  /** Claim holding a person's employee id (visitors signing in to check in or book); none by default. */
  employeeIdClaim?: string | null;
  /** Button text on the console's sign-in screen. */
  label: string;
  /** Plain-http issuer, for a local test provider only. */
  allowInsecureIssuer?: boolean;
}

/** What the browser carries between the redirect to the provider and the callback (signed cookie). */
export interface OidcTransaction {
  state: string;
  nonce: string;
  verifier: string;
}

export interface OidcIdentity {
  subject: string;
  username: string;
  displayName: string;
  email: string | null;
  /** From `employeeIdClaim`, when configured and present. */
  employeeId: string | null;
  groups: string[];
}

/**
 * The authorization code flow with PKCE, state and nonce, through openid-client (which validates the
 * ID token: issuer, audience, expiry, nonce, signature). Discovery happens on first use and is
 * retried after a failure, so a provider outage at boot does not need a restart.
 */
export function createOidcClient(settings: OidcSettings, fetchImpl?: typeof fetch) {
  let configuration: Promise<client.Configuration> | null = null;

  function discover(): Promise<client.Configuration> {
    configuration ??= client
      .discovery(new URL(settings.issuer), settings.clientId, undefined, client.ClientSecretPost(settings.clientSecret), {
        execute: settings.allowInsecureIssuer ? [client.allowInsecureRequests] : [],
        ...(fetchImpl ? { [client.customFetch]: (url: string, options: client.CustomFetchOptions) => fetchImpl(url, options as RequestInit) } : {}),
      })
      .catch((error: unknown) => {
        configuration = null;
        throw error;
      });
    return configuration;
  }

  return {
    settings,
    /** `statePrefix` lets the callback tell a visitor's sign-in from staff's even once its cookie is gone. */
    async startSignIn(statePrefix = ''): Promise<{ url: string; transaction: OidcTransaction }> {
      const config = await discover();
      const transaction: OidcTransaction = { state: `${statePrefix}${client.randomState()}`, nonce: client.randomNonce(), verifier: client.randomPKCECodeVerifier() };
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: settings.redirectUrl,
        scope: settings.scopes,
        state: transaction.state,
        nonce: transaction.nonce,
        code_challenge: await client.calculatePKCECodeChallenge(transaction.verifier),
        code_challenge_method: 'S256',
      });
      return { url: url.href, transaction };
    },
    /** Exchanges the code from the callback URL; throws on any mismatch (state, nonce, signature...). */
    async finishSignIn(callbackUrl: URL, transaction: OidcTransaction): Promise<OidcIdentity> {
      const config = await discover();
      const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
        expectedState: transaction.state,
        expectedNonce: transaction.nonce,
        pkceCodeVerifier: transaction.verifier,
        idTokenExpected: true,
      });
      const claims = tokens.claims() as Record<string, unknown> | undefined;
      if (!claims) throw new Error('the provider returned no ID token');
      // Some providers (Entra ID with default claims) leave the e-mail or name out of the ID token:
      // the userinfo endpoint, bound to the same subject, fills what is missing.
      const wanted = ['email', 'name', ...(settings.employeeIdClaim ? [settings.employeeIdClaim] : [])];
      if (wanted.some((claim) => claims[claim] === undefined) && config.serverMetadata().userinfo_endpoint) {
        const userInfo = await client.fetchUserInfo(config, tokens.access_token, String(claims.sub));
        return identityFromClaims({ ...(userInfo as Record<string, unknown>), ...claims }, settings);
      }
      return identityFromClaims(claims, settings);
    },
  };
}

export type OidcClient = ReturnType<typeof createOidcClient>;

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value.trim().slice(0, 200) : null);

/** Reads the few claims walkup needs; group values are compared as given by the provider. */
export function identityFromClaims(claims: Record<string, unknown>, settings: Pick<OidcSettings, 'issuer' | 'groupsClaim' | 'employeeIdClaim'>): OidcIdentity {
  const sub = text(claims.sub);
  if (!sub) throw new Error('ID token without a subject');
  const rawGroups = claims[settings.groupsClaim];
  const groups = (Array.isArray(rawGroups) ? rawGroups : typeof rawGroups === 'string' ? [rawGroups] : []).filter((g): g is string => typeof g === 'string');
  const email = text(claims.email)?.toLowerCase() ?? null;
  const username = text(claims.preferred_username) ?? email ?? sub;
  const rawEmployeeId = settings.employeeIdClaim ? claims[settings.employeeIdClaim] : undefined;
  const employeeId = text(typeof rawEmployeeId === 'number' ? String(rawEmployeeId) : rawEmployeeId);
  return { subject: `${settings.issuer}#${sub}`, username: username.toLowerCase(), displayName: text(claims.name) ?? username, email, employeeId, groups };
}

/** Admin group first; then the technician group when one is configured; null means no access. */
export function roleFromGroups(groups: readonly string[], settings: Pick<OidcSettings, 'adminGroup' | 'technicianGroup'>): 'admin' | 'technician' | null {
  if (settings.adminGroup && groups.includes(settings.adminGroup)) return 'admin';
  if (settings.technicianGroup) return groups.includes(settings.technicianGroup) ? 'technician' : null;
  return 'technician';
}
