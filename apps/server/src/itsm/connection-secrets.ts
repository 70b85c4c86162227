import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { secretFields } from './itsm-connection-schema.ts';

type Fields = Record<string, unknown>;

/** Secret values by dotted path (`token`, `auth.password`). */
export type SecretValues = Record<string, string>;

/**
 * Splits a connection's fields into the settings shown back to admins and the secrets that are
 * only ever written. Secrets are found by field name, the same list the connections file uses.
 */
export function splitSecrets(fields: Fields, prefix = ''): { settings: Fields; secrets: SecretValues } {
  const settings: Fields = {};
  const secrets: SecretValues = {};
  for (const [key, value] of Object.entries(fields)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (secretFields.has(key) && typeof value === 'string') secrets[path] = value;
    else if (isObject(value)) {
      const inner = splitSecrets(value, path);
      settings[key] = inner.settings;
      Object.assign(secrets, inner.secrets);
    } else settings[key] = value;
  }
  return { settings, secrets };
}

/** Puts the secrets back where they belong, giving the config an adapter takes. */
export function mergeSecrets(settings: Fields, secrets: SecretValues): Fields {
  const merged = structuredClone(settings);
  for (const [path, value] of Object.entries(secrets)) {
    const keys = path.split('.');
    let target = merged;
    for (const key of keys.slice(0, -1)) {
      if (!isObject(target[key])) target[key] = {};
      target = target[key] as Fields;
    }
    target[keys.at(-1)!] = value;
  }
  return merged;
}

const version = 'v1';

/**
 * AES-256-GCM with a key derived (HKDF-SHA256) from WALKUP_ITSM_SECRET_KEY: a database copy, an
 * export or a backup alone does not reveal ITSM credentials. Changing the key makes stored secrets
 * unreadable; admins then type them again.
 */
export function createSecretBox(secretKey: string) {
  const key = Buffer.from(hkdfSync('sha256', secretKey, 'walkup', 'itsm-connection-secrets', 32));
  return {
    seal(secrets: SecretValues): string {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(JSON.stringify(secrets), 'utf8'), cipher.final()]);
      return [version, iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join(':');
    },
    /** Throws when the key differs from the one that sealed the value (or the value was altered). */
    open(sealed: string): SecretValues {
      const [tag, iv, auth, body] = sealed.split(':');
      if (tag !== version || !iv || !auth || !body) throw new Error('stored ITSM secrets are in an unknown format');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
      decipher.setAuthTag(Buffer.from(auth, 'base64'));
      try {
        return JSON.parse(Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8')) as SecretValues;
      } catch {
        throw new Error('stored ITSM secrets cannot be decrypted: WALKUP_ITSM_SECRET_KEY changed since they were saved; enter them again');
      }
    },
  };
}

export type SecretBox = ReturnType<typeof createSecretBox>;

function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
