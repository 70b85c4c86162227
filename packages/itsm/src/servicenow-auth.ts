import type { ServiceNowAuth } from './config.ts';
import { joinUrl, type HttpClient } from './http.ts';

/**
 * Authorization header for ServiceNow: basic for web-service-only accounts, or an OAuth access token
 * (client credentials or password grant) cached until shortly before it expires.
 */
export function createServiceNowAuth(http: HttpClient, instanceUrl: string, auth: ServiceNowAuth, now: () => number) {
  let cached: { header: string; expiresAt: number } | null = null;

  async function fetchToken(): Promise<{ header: string; expiresAt: number }> {
    if (auth.kind === 'basic') throw new Error('unreachable');
    const form = new URLSearchParams({ grant_type: auth.kind === 'oauth_password' ? 'password' : 'client_credentials', client_id: auth.clientId, client_secret: auth.clientSecret });
    if (auth.kind === 'oauth_password') {
      form.set('username', auth.username);
      form.set('password', auth.password);
    }
    const { body } = await http({
      method: 'POST',
      url: joinUrl(instanceUrl, '/oauth_token.do'),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: form,
    });
    const lifetime = Number(body?.expires_in ?? 1800);
    // Renew a minute early so a token never expires between the check and the call.
    return { header: `Bearer ${body.access_token}`, expiresAt: now() + Math.max(0, lifetime - 60) * 1000 };
  }

  return {
    async header(): Promise<string> {
      if (auth.kind === 'basic') return `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`;
      if (!cached || cached.expiresAt <= now()) cached = await fetchToken();
      return cached.header;
    },
    /** Called after a 401: the next header() fetches a fresh token. */
    invalidate(): void {
      cached = null;
    },
  };
}
