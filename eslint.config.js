import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * Lint rules that matter here: TypeScript correctness, and package boundaries so dependencies point
 * one way (transport -> use cases -> domain). The domain stays pure: no I/O, no frameworks.
 */
export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'data/**', 'docs/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'no-empty': ['error', { allowEmptyCatch: true }],
    },
  },
  {
    files: ['packages/domain/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'fs', 'path', 'http', 'crypto'], message: 'The domain is pure: no Node I/O.' },
            { group: ['fastify', '@fastify/*', 'kysely', 'better-sqlite3', 'preact', 'preact/*', '@preact/*', 'msw', 'msw/*', 'typebox', 'typebox/*'], message: 'The domain has no framework or database dependencies.' },
            { group: ['@walkup/*'], message: 'The domain depends on nothing else in walkup.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'fetch', message: 'The domain does no I/O.' }, { name: 'process', message: 'The domain reads no environment.' }],
    },
  },
  {
    files: ['packages/protocol/src/**/*.ts', 'packages/itsm/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['fastify', '@fastify/*', 'kysely', 'better-sqlite3', 'preact', '@walkup/server', '../../apps/*'], message: 'Shared packages do not depend on the server or front ends.' }] }],
    },
  },
  {
    files: ['apps/kiosk/src/**', 'apps/console/src/**', 'apps/display/src/**', 'packages/client/src/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['fastify', '@fastify/*', 'kysely', 'better-sqlite3', 'node:*', '@walkup/server', '@walkup/itsm'], message: 'Front ends talk to the server through @walkup/client only.' }] }],
    },
  },
  {
    files: ['apps/server/src/**/*.ts'],
    ignores: ['apps/server/src/config.ts'],
    rules: {
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration in config.ts only, then pass it down.' }],
    },
  },
);
