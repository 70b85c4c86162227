import { describe, expect, it } from 'vitest';
import { parseItsmConfigFromEnv } from '../../src/itsm/itsm-config.ts';

describe('parseItsmConfigFromEnv', () => {
  it('defaults to no ITSM', () => {
    expect(parseItsmConfigFromEnv({})).toEqual({ vendor: 'none', name: undefined, timeoutMs: undefined });
  });

  it('picks the ServiceNow auth from the keys present', () => {
    const base = { WALKUP_ITSM_VENDOR: 'servicenow', WALKUP_SERVICENOW_URL: 'https://acme.service-now.com' };
    expect(parseItsmConfigFromEnv({ ...base, WALKUP_SERVICENOW_USER: 'u', WALKUP_SERVICENOW_PASSWORD: 'p' })).toMatchObject({ auth: { kind: 'basic' }, table: 'incident', apiVersion: 'v2' });
    expect(parseItsmConfigFromEnv({ ...base, WALKUP_SERVICENOW_CLIENT_ID: 'c', WALKUP_SERVICENOW_CLIENT_SECRET: 's' })).toMatchObject({ auth: { kind: 'oauth_client_credentials' } });
    expect(
      parseItsmConfigFromEnv({ ...base, WALKUP_SERVICENOW_CLIENT_ID: 'c', WALKUP_SERVICENOW_CLIENT_SECRET: 's', WALKUP_SERVICENOW_USER: 'u', WALKUP_SERVICENOW_PASSWORD: 'p' }),
    ).toMatchObject({ auth: { kind: 'oauth_password' } });
  });

  it('names every missing key but never echoes a value', () => {
    expect(() => parseItsmConfigFromEnv({ WALKUP_ITSM_VENDOR: 'rt', WALKUP_RT_TOKEN: 'sekret-token' })).toThrow(/WALKUP_RT_URL, WALKUP_RT_QUEUE$/);
    try {
      parseItsmConfigFromEnv({ WALKUP_ITSM_VENDOR: 'rt', WALKUP_RT_TOKEN: 'sekret-token' });
    } catch (error) {
      expect((error as Error).message).not.toContain('sekret-token');
    }
    expect(() => parseItsmConfigFromEnv({ WALKUP_ITSM_VENDOR: 'remedy' })).toThrow(/must be one of/);
  });

  it('reads RT with optional statuses', () => {
    expect(parseItsmConfigFromEnv({ WALKUP_ITSM_VENDOR: 'rt', WALKUP_RT_URL: 'http://rt/REST/2.0', WALKUP_RT_TOKEN: 't', WALKUP_RT_QUEUE: 'Walk-up', WALKUP_RT_STATUS_NO_SHOW: 'stalled' })).toMatchObject({
      vendor: 'rt',
      queue: 'Walk-up',
      statuses: { noShow: 'stalled' },
    });
  });
});
