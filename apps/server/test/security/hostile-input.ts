import fc from 'fast-check';

/** Strings attackers and broken clients send: injection, markup, traversal, odd unicode, sizes. */
export const nastyStrings = [
  "' OR '1'='1",
  "Robert'); DROP TABLE visits;--",
  '1; SELECT * FROM auth_users',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  '../../../../etc/passwd',
  '%2e%2e%2f',
  '\u0000',
  '\uD800',
  '\u202Eevil',
  '𝕏𝕐ℤ👩‍👩‍👧',
  'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǫ̗',
  '${7*7}{{7*7}}',
  '__proto__',
  'constructor',
  'prototype',
  'a'.repeat(300),
  'x'.repeat(20_000),
  '',
  ' ',
  '-1',
  '9'.repeat(40),
  'NaN',
  'null',
];

export const hostileString = fc.oneof(fc.constantFrom(...nastyStrings), fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 20 }));

/** Field names of the real API mixed with prototype-pollution keys. */
const keys = fc.constantFrom(
  '__proto__',
  'constructor',
  'prototype',
  'technicianId',
  'siteId',
  'deskId',
  'queueId',
  'categoryId',
  'visitor',
  'note',
  'reason',
  'group',
  'status',
  'role',
  'name',
  'code',
  'username',
  'password',
  'email',
  'badgeId',
  'showNamesOnDisplay',
  'retentionDays',
  'disabled',
  'kind',
);

export const hostileValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileString,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(keys, tie('value'), { maxKeys: 5 }),
  ),
})).value;

/** A JSON body as text, so that "__proto__" keys survive serialisation. */
export const hostileBody = fc.oneof(
  fc.dictionary(keys, hostileValue, { maxKeys: 6 }).map((o) => JSON.stringify(o)),
  hostileValue.map((v) => JSON.stringify(v) ?? 'null'),
  fc.tuple(hostileValue, hostileValue).map(([a, b]) => `{"__proto__":${JSON.stringify(a) ?? 1},"constructor":{"prototype":${JSON.stringify(b) ?? 1}}}`),
  fc.constantFrom('{', '{"a":', '[]', 'null', '"str"', '{"categoryId":"laptop-slow","visitor":{"kind":"guest","name":"A"}}', '\u0000'),
);

export const hostileQuery = fc.dictionary(fc.oneof(keys, fc.constantFrom('audience', 'day', 'before', 'limit', 'token')), hostileString, { maxKeys: 3 });
