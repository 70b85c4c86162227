import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { estimateSecretBits } from '../../src/auth/secret-strength.ts';

const production = (extra: Record<string, string> = {}) => ({ WALKUP_MODE: 'production', ...extra });
const refusal = (env: Record<string, string>) => {
  try {
    loadConfig(env);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
};

describe('the cookie secret in production', () => {
  it.each([
    'changemechangemechangemechangeme',
    '0123456789012345678901234567890123456789',
    'secretsecretsecretsecretsecretsecret',
    'your-cookie-secret-at-least-32-characters',
    'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    'abcdefghijklmnopqrstuvwxyzabcdefghijklmn',
    'xk3pxk3pxk3pxk3pxk3pxk3pxk3pxk3pxk3p',
    'short-but-random-Zq81',
  ])('refuses %s, saying how to generate a real one and never echoing it', (secret) => {
    const message = refusal(production({ WALKUP_COOKIE_SECRET: secret }));
    expect(message).toContain('WALKUP_COOKIE_SECRET');
    expect(message).toContain('openssl rand -base64 32');
    expect(message).toContain("randomBytes(32).toString('base64')");
    expect(message).not.toContain(secret);
  });

  it('accepts what the suggested commands print (base64 or hex of 32 random bytes), every time', () => {
    for (let i = 0; i < 200; i++) {
      for (const secret of [randomBytes(32).toString('base64'), randomBytes(32).toString('hex'), randomBytes(32).toString('base64url')]) {
        expect(estimateSecretBits(secret), secret).toBeGreaterThanOrEqual(128);
        expect(refusal(production({ WALKUP_COOKIE_SECRET: secret }))).toBeNull();
      }
    }
  });

  it('does not ask for one in demo mode', () => {
    expect(loadConfig({}).security.cookieSecret).toBeNull();
  });
});

describe('logging settings', () => {
  it('defaults to readable lines without access logs', () => {
    expect(loadConfig({})).toMatchObject({ logFormat: 'text', accessLog: false, logLevel: 'info' });
  });

  it('reads WALKUP_ACCESS_LOG and WALKUP_LOG_FORMAT, and refuses nonsense naming the key', () => {
    expect(loadConfig({ WALKUP_ACCESS_LOG: 'true', WALKUP_LOG_FORMAT: 'json' })).toMatchObject({ logFormat: 'json', accessLog: true });
    expect(refusal({ WALKUP_LOG_FORMAT: 'pretty' })).toContain('WALKUP_LOG_FORMAT');
    expect(refusal({ WALKUP_ACCESS_LOG: 'sometimes' })).toContain('WALKUP_ACCESS_LOG');
  });
});

describe('demo history', () => {
  it('comes with walkup\'s own demo seed only: not with another seed file, nor without the demo', () => {
    expect(loadConfig({})).toMatchObject({ seedsDemoHistory: true });
    expect(loadConfig({ WALKUP_SEED_FILE: './db/seed/../seed/demo-site.json' })).toMatchObject({ seedsDemoHistory: true });
    expect(loadConfig({ WALKUP_SEED_FILE: 'config/our-sites.json' })).toMatchObject({ seedsDemoHistory: false });
    expect(loadConfig({ WALKUP_SEED_DEMO: 'false' })).toMatchObject({ seedFile: null, seedsDemoHistory: false });
  });
});
