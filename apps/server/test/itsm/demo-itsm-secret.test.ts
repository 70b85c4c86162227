import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoItsmSecretFileName, demoItsmSecretKey } from '../../src/itsm/demo-itsm-secret.ts';
import { weakSecretReason } from '../../src/auth/secret-strength.ts';

describe('the demo ITSM secret key', () => {
  it('is generated once, strong enough, kept 0600, and the same after a restart', () => {
    const dataDir = path.join(mkdtempSync(path.join(tmpdir(), 'walkup-demo-key-')), 'data');
    const first = demoItsmSecretKey(dataDir);
    expect(weakSecretReason(first)).toBeNull();
    expect(statSync(path.join(dataDir, demoItsmSecretFileName)).mode & 0o777).toBe(0o600);
    expect(demoItsmSecretKey(dataDir)).toBe(first);
  });
});
