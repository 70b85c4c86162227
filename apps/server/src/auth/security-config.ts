import type { OidcSettings } from './oidc-client.ts';
import { secretGenerationHint, weakSecretReason } from './secret-strength.ts';

type Env = Record<string, string | undefined>;

export interface SecurityConfig {
  /** demo: creates demo accounts and paired devices on an empty database; production: none, and real secrets. */
  mode: 'demo' | 'production';
  cookieSecret: string | null;
  publicUrl: string | null;
  secureCookies: boolean;
  trustProxy: boolean;
  retentionDays: number;
  rateLimitPerMinute: number;
  /** Production's first admin, created only while no account exists. */
  bootstrapAdmin: { username: string; password: string } | null;
  oidc: OidcSettings | null;
}

/** Values that appear in examples and tutorials: never accepted as secrets in production. */
const knownDefaults = new Set(['change-me', 'changeme', 'secret', 'password', 'walkup', 'demo', 'admin', 'example', 'test', 'insecure']);

/**
 * Reads the security settings from the environment that config.ts hands over, and refuses a
 * production start with missing or default secrets. Errors name keys, never values.
 */
export function parseSecurityConfig(env: Env): SecurityConfig {
  const opt = (key: string) => env[key]?.trim() || undefined;
  const mode = (opt('WALKUP_MODE') ?? 'demo').toLowerCase();
  if (mode !== 'demo' && mode !== 'production') throw new Error(`invalid configuration: WALKUP_MODE must be demo or production`);
  const production = mode === 'production';
  const integer = (key: string, fallback: number, min: number, max: number) => {
    const raw = opt(key);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) throw new Error(`invalid configuration: ${key} must be an integer from ${min} to ${max}`);
    return value;
  };
  const publicUrl = opt('WALKUP_PUBLIC_URL') ?? null;
  const problems: string[] = [];
  const cookieSecret = opt('WALKUP_COOKIE_SECRET') ?? null;
  const cookieSecretProblem = production ? weakSecretReason(cookieSecret) : null;
  if (cookieSecretProblem) problems.push(`WALKUP_COOKIE_SECRET (${cookieSecretProblem}: ${secretGenerationHint})`);

  let oidc: OidcSettings | null = null;
  const issuer = opt('WALKUP_OIDC_ISSUER');
  if (issuer) {
    const clientId = opt('WALKUP_OIDC_CLIENT_ID');
    const clientSecret = opt('WALKUP_OIDC_CLIENT_SECRET');
    const redirectUrl = opt('WALKUP_OIDC_REDIRECT_URL') ?? (publicUrl ? `${publicUrl.replace(/\/$/, '')}/api/auth/oidc/callback` : undefined);
    if (!clientId) problems.push('WALKUP_OIDC_CLIENT_ID');
    if (!clientSecret || (production && knownDefaults.has(clientSecret.toLowerCase()))) problems.push('WALKUP_OIDC_CLIENT_SECRET');
    if (!redirectUrl) problems.push('WALKUP_OIDC_REDIRECT_URL (or WALKUP_PUBLIC_URL)');
    if (production && !issuer.startsWith('https://')) problems.push('WALKUP_OIDC_ISSUER (https in production)');
    oidc = {
      issuer,
      clientId: clientId ?? '',
      clientSecret: clientSecret ?? '',
      redirectUrl: redirectUrl ?? '',
      scopes: opt('WALKUP_OIDC_SCOPES') ?? 'openid profile email',
      groupsClaim: opt('WALKUP_OIDC_GROUPS_CLAIM') ?? 'groups',
      adminGroup: opt('WALKUP_OIDC_ADMIN_GROUP') ?? null,
      technicianGroup: opt('WALKUP_OIDC_TECHNICIAN_GROUP') ?? null,
      employeeIdClaim: opt('WALKUP_OIDC_EMPLOYEE_ID_CLAIM') ?? null,
      label: opt('WALKUP_OIDC_LABEL') ?? 'Sign in with SSO',
      allowInsecureIssuer: !production && issuer.startsWith('http://'),
    };
  }
  const adminUsername = opt('WALKUP_ADMIN_USERNAME');
  const adminPassword = opt('WALKUP_ADMIN_PASSWORD');
  if (production && adminPassword && (adminPassword.length < 12 || knownDefaults.has(adminPassword.toLowerCase()))) problems.push('WALKUP_ADMIN_PASSWORD (12 characters or more, not a default)');
  if (problems.length) throw new Error(`refusing to start${production ? ' in production mode' : ''}: set ${problems.join(', ')}`);

  return {
    mode,
    cookieSecret,
    publicUrl,
    secureCookies: publicUrl?.startsWith('https://') ?? false,
    trustProxy: opt('WALKUP_TRUST_PROXY') === 'true',
    retentionDays: integer('WALKUP_RETENTION_DAYS', 30, 1, 3650),
    rateLimitPerMinute: integer('WALKUP_RATE_LIMIT_PER_MINUTE', 600, 10, 100_000),
    bootstrapAdmin: adminUsername && adminPassword ? { username: adminUsername, password: adminPassword } : null,
    oidc,
  };
}
