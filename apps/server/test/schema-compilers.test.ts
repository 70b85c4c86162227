import Fastify from 'fastify';
import { expect, it } from 'vitest';
import { cachedCompilersFactory } from '../src/schema-compilers.ts';

/** A small app as buildApp makes them: its route's schema is a fresh object each time, as in every new app. */
async function appWithRoute(maximum: number) {
  const app = Fastify({ schemaController: { compilersFactory: cachedCompilersFactory } });
  const validators: unknown[] = [];
  app.post(
    '/echo',
    {
      schema: {
        body: { type: 'object', required: ['n'], properties: { n: { type: 'integer', maximum } } },
        response: { 200: { type: 'object', properties: { n: { type: 'integer' } } } },
      },
    },
    async (request) => {
      validators.push(request.getValidationFunction('body'));
      return { ...(request.body as object), secret: 'not in the schema' };
    },
  );
  await app.ready();
  return { app, validators };
}

it('compiles a schema once for every app that uses it, and each app still validates and serializes with it', async () => {
  const [first, second, other] = await Promise.all([appWithRoute(10), appWithRoute(10), appWithRoute(99)]);
  for (const { app } of [first, second, other]) {
    const ok = await app.inject({ method: 'POST', url: '/echo', payload: { n: 7 } });
    expect(ok.json()).toEqual({ n: 7 });
    const refused = await app.inject({ method: 'POST', url: '/echo', payload: { n: 'seven' } });
    expect(refused.statusCode).toBe(400);
  }
  expect(second.validators[0]).toBe(first.validators[0]);
  // A schema that differs in one keyword gets its own validator.
  expect(other.validators[0]).not.toBe(first.validators[0]);
  expect((await other.app.inject({ method: 'POST', url: '/echo', payload: { n: 50 } })).statusCode).toBe(200);
  expect((await second.app.inject({ method: 'POST', url: '/echo', payload: { n: 50 } })).statusCode).toBe(400);
  await Promise.all([first.app.close(), second.app.close(), other.app.close()]);
});
