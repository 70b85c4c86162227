import type { Db } from '../db/connection.ts';
import type { LiveConnections } from './live-connections.ts';
import type { OidcClient } from './oidc-client.ts';

/** What the auth, admin and privacy use cases receive. */
export interface AuthDeps {
  db: Db;
  now: () => Date;
  connections: LiveConnections;
  oidc: OidcClient | null;
  /** Mark cookies Secure even when the request looks like plain http (TLS ends at a proxy not trusted). */
  secureCookies: boolean;
}

/** Who did something and from where, for the audit log. */
export interface Actor {
  label: string;
  ip: string;
}
