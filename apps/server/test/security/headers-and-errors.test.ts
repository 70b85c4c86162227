import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, demo, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp({ security: { rateLimit: { max: 5, timeWindowMs: 60_000 } } });
});
afterEach(async () => t.close());

describe('security headers, limits and error responses', () => {
  it('sends a strict Content-Security-Policy and the usual hardening headers', async () => {
    const response = await t.as.anonymous.inject({ url: '/health' });
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('rate-limits per device and per IP', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 7; i++) codes.push((await t.as.display.inject({ url: `/api/sites/${demo.site}/config` })).statusCode);
    expect(codes.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(codes.slice(5)).toEqual([429, 429]);
    // Another device (its own budget) is not affected.
    expect((await t.as.kiosk.inject({ url: `/api/sites/${demo.site}/config` })).statusCode).toBe(200);
  });

  it('limits sign-in attempts per IP regardless of the username', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 11; i++) codes.push((await t.as.anonymous.inject({ method: 'POST', url: '/api/auth/login', payload: { username: `u${i}`, password: 'x' } })).statusCode);
    expect(codes.at(-1)).toBe(429);
  });

  it('refuses oversized bodies, unknown fields and prototype pollution without leaking internals', async () => {
    const big = await t.as.kiosk.inject({ method: 'POST', url: `/api/sites/${demo.site}/visits`, headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ categoryId: 'x', visitor: { kind: 'guest', name: 'a'.repeat(20_000) } }) });
    expect(big.statusCode).toBe(413);
    const proto = await t.as.kiosk.inject({ method: 'POST', url: `/api/sites/${demo.site}/visits`, headers: { 'content-type': 'application/json' }, payload: '{"categoryId":"laptop-slow","visitor":{"kind":"guest","name":"A"},"__proto__":{"admin":true}}' });
    expect(proto.statusCode).toBe(400);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
    const sql = await t.as.admin.inject({ url: `/api/visits/${encodeURIComponent("1' OR '1'='1")}` });
    expect(sql.statusCode).toBe(400);
    for (const response of [big, proto, sql]) {
      expect(response.body).not.toMatch(/at .*\.ts:\d+|SQLITE|select |node_modules/i);
    }
  });
});
