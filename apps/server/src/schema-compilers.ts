import { AjvCompiler } from '@fastify/ajv-compiler';
import { SerializerSelector } from '@fastify/fast-json-stringify-compiler';
import type { FastifyServerOptions } from 'fastify';

type CompilersFactory = NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>;
/** What Fastify hands a compiler at run time (the validator's published type says a bare schema). */
type CompileRoute = (route: { schema?: unknown }) => unknown;
type CompilerFactory = (externalSchemas: unknown, options: unknown) => CompileRoute;

/**
 * Memoises Fastify's own compiler factory by the schema's content: the same route schema, under the
 * same shared schemas and options, compiles to the same function whichever app asks. Route schemas
 * are plain JSON (TypeBox's symbols do not reach the compiled code).
 */
function memoisedFactory(factory: CompilerFactory): CompilerFactory {
  const compiled = new Map<string, unknown>();
  return (externalSchemas, options) => {
    const compile = factory(externalSchemas, options);
    const context = JSON.stringify([externalSchemas, options]);
    return (route) => {
      const key = `${context}\n${JSON.stringify(route.schema)}`;
      if (!compiled.has(key)) compiled.set(key, compile(route));
      return compiled.get(key);
    };
  };
}

/**
 * Fastify's default validator (Ajv) and serializer (fast-json-stringify), made once per process with
 * each compiled schema kept (Fastify makes new ones for every app). Compiling every route's schemas
 * is most of what building an app costs, about half a second of CPU; a server builds one app, but
 * the integration tests build one per test: with this a test worker compiles each schema once.
 * (With compilers of its own choosing Fastify no longer lower-cases the property names of a `headers`
 * schema: name headers in lower case, as Node.js gives them.)
 */
export const cachedCompilersFactory = {
  buildValidator: memoisedFactory(AjvCompiler() as unknown as CompilerFactory),
  buildSerializer: memoisedFactory(SerializerSelector() as unknown as CompilerFactory),
} as unknown as CompilersFactory;
