import { execFileSync } from 'node:child_process';
import { createDecipheriv, createECDH, createPublicKey, hkdfSync, randomBytes, verify } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const b64 = (text: string) => Buffer.from(text, 'base64url');

/**
 * A push service on https (self-signed, trusted through the returned agent) that does what a real one
 * does before delivering: checks the VAPID JWT (ES256 over the `k` public key, audience, expiry), then
 * decrypts the aes128gcm body as the browser would (RFC 8291) with the subscription's private key.
 */
export async function startPushPeer(expectedVapidPublicKey: string) {
  const dir = mkdtempSync(path.join(tmpdir(), 'walkup-push-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem')], { stdio: 'ignore' });
  const cert = readFileSync(path.join(dir, 'cert.pem'));
  const key = readFileSync(path.join(dir, 'key.pem'));
  rmSync(dir, { recursive: true, force: true });

  // The phone's side of the subscription.
  const phone = createECDH('prime256v1');
  phone.generateKeys();
  const authSecret = randomBytes(16);
  const delivered: Array<{ title: string; body: string }> = [];
  const refused: string[] = [];

  const server = createServer({ cert, key }, (request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      try {
        verifyVapid(String(request.headers.authorization ?? ''), `https://127.0.0.1:${port}`, expectedVapidPublicKey);
        if (request.headers['content-encoding'] !== 'aes128gcm') throw new Error('not aes128gcm');
        delivered.push(JSON.parse(decrypt(Buffer.concat(chunks), phone, authSecret)) as { title: string; body: string });
        response.writeHead(201).end();
      } catch (error) {
        refused.push((error as Error).message);
        response.writeHead(403).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    delivered,
    refused,
    agent: new Agent({ ca: cert }),
    subscription: { endpoint: `https://127.0.0.1:${port}/push/phone-1`, keys: { p256dh: phone.getPublicKey().toString('base64url'), auth: authSecret.toString('base64url') } },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function verifyVapid(authorization: string, audience: string, expectedKey: string): void {
  const match = /^vapid t=([^,]+),\s*k=(.+)$/.exec(authorization);
  if (!match) throw new Error('no vapid authorization');
  const [, jwt, k] = match as unknown as [string, string, string];
  if (k !== expectedKey) throw new Error('unexpected VAPID key');
  const point = b64(k);
  const publicKey = createPublicKey({ key: { kty: 'EC', crv: 'P-256', x: point.subarray(1, 33).toString('base64url'), y: point.subarray(33, 65).toString('base64url') }, format: 'jwk' });
  const [header, payload, signature] = jwt.split('.') as [string, string, string];
  if (JSON.parse(b64(header).toString()).alg !== 'ES256') throw new Error('not ES256');
  if (!verify('sha256', Buffer.from(`${header}.${payload}`), { key: publicKey, dsaEncoding: 'ieee-p1363' }, b64(signature))) throw new Error('bad VAPID signature');
  const claims = JSON.parse(b64(payload).toString()) as { aud: string; exp: number; sub: string };
  if (claims.aud !== audience) throw new Error(`wrong audience ${claims.aud}`);
  if (claims.exp * 1000 < Date.now()) throw new Error('expired JWT');
}

/** RFC 8291 + RFC 8188: one record, as the browser decrypts it. */
function decrypt(body: Buffer, phone: ReturnType<typeof createECDH>, authSecret: Buffer): string {
  const salt = body.subarray(0, 16);
  const idLength = body[20]!;
  const serverPublic = body.subarray(21, 21 + idLength);
  const ciphertext = body.subarray(21 + idLength);
  const shared = phone.computeSecret(serverPublic);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), phone.getPublicKey(), serverPublic]);
  const ikm = Buffer.from(hkdfSync('sha256', shared, authSecret, keyInfo, 32));
  const cek = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16));
  const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12));
  const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
  decipher.setAuthTag(ciphertext.subarray(ciphertext.length - 16));
  const padded = Buffer.concat([decipher.update(ciphertext.subarray(0, ciphertext.length - 16)), decipher.final()]);
  // The last record ends with 0x02 followed by zero padding.
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end--;
  if (padded[end] !== 2) throw new Error('bad record delimiter');
  return padded.subarray(0, end).toString('utf8');
}
