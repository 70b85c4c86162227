import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const demoItsmSecretFileName = 'demo-itsm-secret.key';

/**
 * Demo mode has no WALKUP_ITSM_SECRET_KEY, yet a newcomer trying the console's ITSM connections must be
 * able to store one: a key is generated once and kept next to the database (0600), so the stored
 * secrets still open after a restart. Production sets its own key and never reaches this.
 */
export function demoItsmSecretKey(dataDir: string): string {
  const file = path.join(dataDir, demoItsmSecretFileName);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  try {
    // 'wx': two instances starting at once keep the first key written, never overwrite it.
    writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return readFileSync(file, 'utf8').trim();
}
