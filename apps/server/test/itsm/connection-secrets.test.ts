import { expect, it } from 'vitest';
import { createSecretBox, mergeSecrets, splitSecrets } from '../../src/itsm/connection-secrets.ts';

const key = 'kV3q9Zt2mXw8RbN5pL7cH1dF4gJ6sYaE';

it('splits the secrets out of a connection, nested ones too, and puts them back', () => {
  const connection = { instanceUrl: 'https://acme.service-now.com', auth: { kind: 'basic', username: 'walkup', password: 'pa55-word' }, table: 'incident' };
  const { settings, secrets } = splitSecrets(connection);
  expect(settings).toEqual({ instanceUrl: 'https://acme.service-now.com', auth: { kind: 'basic', username: 'walkup' }, table: 'incident' });
  expect(secrets).toEqual({ 'auth.password': 'pa55-word' });
  expect(mergeSecrets(settings, secrets)).toEqual(connection);
});

it('seals secrets so the stored text does not hold them, and only the same key opens them', () => {
  const sealed = createSecretBox(key).seal({ token: '1-14-6d5d09571f04248402e65e2f11ad208b' });
  expect(sealed).not.toContain('6d5d0957');
  expect(createSecretBox(key).open(sealed)).toEqual({ token: '1-14-6d5d09571f04248402e65e2f11ad208b' });
  // A fresh IV each time: the same secret never gives the same text twice.
  expect(createSecretBox(key).seal({ token: 'x' })).not.toBe(createSecretBox(key).seal({ token: 'x' }));
  expect(() => createSecretBox('another-key-Qw8Zr3Lp6Tn1Vb9Xc4Md7').open(sealed)).toThrow('WALKUP_ITSM_SECRET_KEY changed');
  const [version, iv, tag, body] = sealed.split(':');
  const altered = [version, iv, tag, Buffer.from(Buffer.from(body!, 'base64').map((b, i) => (i === 0 ? b ^ 1 : b))).toString('base64')].join(':');
  expect(() => createSecretBox(key).open(altered)).toThrow('cannot be decrypted');
});
