import path from 'node:path';
import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';
import type { ItsmConnections } from '@walkup/itsm';
import { parseItsmConnections } from './itsm/itsm-connections.ts';
import { parseSecurityConfig, type SecurityConfig } from './auth/security-config.ts';

/**
 * The one place that reads process.env. Everything else receives the parsed, typed config.
 */
const EnvSchema = Type.Object({
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3000 }),
  HOST: Type.String({ default: '0.0.0.0' }),
  WALKUP_DB_PATH: Type.String({ default: 'data/walkup.sqlite' }),
  WALKUP_SEED_FILE: Type.String({ default: 'db/seed/demo-site.json' }),
  WALKUP_SEED_DEMO: Type.Boolean({ default: true }),
  WALKUP_LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)),
    { default: 'info' },
  ),
});

export type EnvConfig = Static<typeof EnvSchema>;

export interface AppConfig {
  port: number;
  host: string;
  databasePath: string;
  seedFile: string | null;
  logLevel: EnvConfig['WALKUP_LOG_LEVEL'];
  /** Root of the repository, where the built front ends live. */
  rootDir: string;
  /** ITSM connections by name: `default` (WALKUP_ITSM_VENDOR and the vendor's keys) and those of WALKUP_ITSM_CONNECTIONS_FILE. */
  itsmConnections: ItsmConnections;
  /** Mode (demo/production), secrets, single sign-on, retention, rate limits (WALKUP_MODE and friends). */
  security: SecurityConfig;
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
  const security = parseSecurityConfig(env);
  // Production loads the demo site only when asked to explicitly.
  const seedDemo = security.mode === 'production' ? env.WALKUP_SEED_DEMO === 'true' : parsed.WALKUP_SEED_DEMO;
  return {
    port: parsed.PORT,
    host: parsed.HOST,
    databasePath: path.resolve(rootDir, parsed.WALKUP_DB_PATH),
    seedFile: seedDemo ? path.resolve(rootDir, parsed.WALKUP_SEED_FILE) : null,
    logLevel: parsed.WALKUP_LOG_LEVEL,
    rootDir,
    itsmConnections: parseItsmConnections(env, rootDir),
    security,
  };
}
