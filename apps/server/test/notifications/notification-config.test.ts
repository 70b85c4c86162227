import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { loadOrCreateVapidKeys } from '../../src/notifications/notification-config.ts';

describe('notification configuration', () => {
  it('reads SMTP, webhook and VAPID settings once, and names what is wrong', () => {
    const config = loadConfig({ WALKUP_SMTP_URL: 'smtp://mail.example.org:587', WALKUP_MAIL_FROM: 'IT <it@example.org>', WALKUP_WEBHOOK_URL: 'https://hooks.example.org/x', WALKUP_WEBHOOK_SECRET: 'a-long-enough-secret' });
    expect(config.notifications).toMatchObject({ smtp: { url: 'smtp://mail.example.org:587', from: 'IT <it@example.org>' }, webhook: { url: 'https://hooks.example.org/x' }, vapid: null });
    expect(() => loadConfig({ WALKUP_SMTP_URL: 'mail.example.org' })).toThrow(/WALKUP_SMTP_URL.*WALKUP_MAIL_FROM/);
    expect(() => loadConfig({ WALKUP_WEBHOOK_URL: 'https://hooks.example.org/x', WALKUP_WEBHOOK_SECRET: 'short' })).toThrow(/WALKUP_WEBHOOK_SECRET/);
    expect(() => loadConfig({ WALKUP_VAPID_PUBLIC_KEY: 'abc' })).toThrow(/WALKUP_VAPID_PUBLIC_KEY and WALKUP_VAPID_PRIVATE_KEY/);
  });

  it('demo mode makes VAPID keys once and keeps them in the data folder', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'walkup-vapid-'));
    try {
      const first = loadOrCreateVapidKeys(dir, 'mailto:it@example.org');
      expect(first.publicKey).toMatch(/^[A-Za-z0-9_-]{87}$/);
      expect(loadOrCreateVapidKeys(dir, 'mailto:it@example.org')).toEqual(first);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
