import path from 'node:path';
import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';
import type { ItsmConnections } from '@walkup/itsm';
import { parseItsmConnections } from './itsm/itsm-connections.ts';
import { secretGenerationHint, weakSecretReason } from './auth/secret-strength.ts';
import { parseSecurityConfig, type SecurityConfig } from './auth/security-config.ts';
import { parseDatabaseUrl, type DatabaseTarget } from './db/storage.ts';
import { parseNotificationConfig, type NotificationConfig } from './notifications/notification-config.ts';

/**
 * The one place that reads process.env. Everything else receives the parsed, typed config.
 */
/** walkup's own demo site; only it gets a past (another seed file is someone's real configuration). */
const demoSeedFile = 'db/seed/demo-site.json';

const EnvSchema = Type.Object({
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3000 }),
  HOST: Type.String({ default: '0.0.0.0' }),
  WALKUP_DB_PATH: Type.String({ default: 'data/walkup.sqlite' }),
  WALKUP_SEED_FILE: Type.String({ default: demoSeedFile }),
  WALKUP_SEED_DEMO: Type.Boolean({ default: true }),
  /** Bearer token Prometheus sends to GET /metrics; unset, there is no /metrics route. */
  WALKUP_METRICS_TOKEN: Type.Optional(Type.String({ minLength: 16 })),
  WALKUP_LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)),
    { default: 'info' },
  ),
  WALKUP_LOG_FORMAT: Type.Union([Type.Literal('text'), Type.Literal('json')], { default: 'text' }),
  WALKUP_ACCESS_LOG: Type.Boolean({ default: false }),
});

export type EnvConfig = Static<typeof EnvSchema>;

export interface AppConfig {
  port: number;
  host: string;
  databasePath: string;
  /** PostgreSQL when WALKUP_DATABASE_URL is set (several instances may share it), else the SQLite file. */
  database: DatabaseTarget;
  seedFile: string | null;
  /** The seed is walkup's own demo: a first start gives its site six weeks of past visits. */
  seedsDemoHistory: boolean;
  logLevel: EnvConfig['WALKUP_LOG_LEVEL'];
  /** `text`: one readable line per entry; `json`: pino's JSON lines, for log collectors. */
  logFormat: EnvConfig['WALKUP_LOG_FORMAT'];
  /** One line per answered request; off by default so the log shows what matters. */
  accessLog: boolean;
  /** Root of the repository, where the built front ends live. */
  rootDir: string;
  /** ITSM connections by name: `default` (WALKUP_ITSM_VENDOR and the vendor's keys) and those of WALKUP_ITSM_CONNECTIONS_FILE. */
  itsmConnections: ItsmConnections;
  /** Seals the secrets of connections admins store in the console (WALKUP_ITSM_SECRET_KEY); null: none can be stored. */
  itsmSecretKey: string | null;
  /** Mode (demo/production), secrets, single sign-on, retention, rate limits (WALKUP_MODE and friends). */
  security: SecurityConfig;
  metricsToken: string | null;
  /** Email (WALKUP_SMTP_URL, WALKUP_MAIL_FROM), web push (WALKUP_VAPID_*) and webhook (WALKUP_WEBHOOK_*) notifications. */
  notifications: NotificationConfig;
}

const rootDir = path.resolve(import.meta.dirname, '../../..');

export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const raw = Object.fromEntries(Object.keys(EnvSchema.properties).filter((k) => env[k] !== undefined).map((k) => [k, env[k]]));
  const converted = Value.Default(EnvSchema, Value.Convert(EnvSchema, raw));
  if (!Value.Check(EnvSchema, converted)) {
    const problems = [...Value.Errors(EnvSchema, converted)].map((e) => `${e.instancePath.slice(1) || 'env'}: ${e.message}`);
    throw new Error(`invalid configuration: ${problems.join('; ')}`);
  }
  const parsed = converted as EnvConfig;
  const databasePath = path.resolve(rootDir, parsed.WALKUP_DB_PATH);
  const databaseUrl = parseDatabaseUrl(env.WALKUP_DATABASE_URL);
  const security = parseSecurityConfig(env);
  const notificationProblems: string[] = [];
  const notifications = parseNotificationConfig(env, notificationProblems);
  if (notificationProblems.length > 0) throw new Error(`invalid configuration: ${notificationProblems.join('; ')}`);
  // Production loads the demo site only when asked to explicitly.
  const seedDemo = security.mode === 'production' ? env.WALKUP_SEED_DEMO === 'true' : parsed.WALKUP_SEED_DEMO;
  return {
    port: parsed.PORT,
    host: parsed.HOST,
    databasePath,
    database: databaseUrl ? { engine: 'postgres', url: databaseUrl } : { engine: 'sqlite', path: databasePath },
    seedFile: seedDemo ? path.resolve(rootDir, parsed.WALKUP_SEED_FILE) : null,
    seedsDemoHistory: seedDemo && path.resolve(rootDir, parsed.WALKUP_SEED_FILE) === path.resolve(rootDir, demoSeedFile),
    logLevel: parsed.WALKUP_LOG_LEVEL,
    logFormat: parsed.WALKUP_LOG_FORMAT,
    accessLog: parsed.WALKUP_ACCESS_LOG,
    rootDir,
    itsmConnections: parseItsmConnections(env, rootDir),
    itsmSecretKey: parseItsmSecretKey(env),
    security,
    metricsToken: parsed.WALKUP_METRICS_TOKEN ?? null,
    notifications,
  };
}

/** The key stored ITSM secrets are encrypted with: as strong as the cookie secret, since it guards credentials. */
function parseItsmSecretKey(env: Record<string, string | undefined>): string | null {
  const key = env.WALKUP_ITSM_SECRET_KEY?.trim() || null;
  const problem = key ? weakSecretReason(key) : null;
  if (problem) throw new Error(`invalid configuration: WALKUP_ITSM_SECRET_KEY (${problem}: ${secretGenerationHint})`);
  return key;
}
