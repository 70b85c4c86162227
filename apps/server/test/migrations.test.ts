import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { migrations } from '../../../db/migrations/index.ts';

it('lists every migration file of db/migrations, in name order', () => {
  const folder = fileURLToPath(new URL('../../../db/migrations', import.meta.url));
  const files = readdirSync(folder)
    .filter((f) => /^\d{4}-\d{2}-\d{2}T\d{4}-.+\.ts$/.test(f))
    .map((f) => f.replace(/\.ts$/, ''))
    .sort();
  expect(Object.keys(migrations)).toEqual(files);
});
