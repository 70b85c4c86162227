import type { FastifyInstance, RouteOptions } from 'fastify';
import type { RouteRole } from '../routes/route-roles.ts';

export interface DeclaredRoute {
  method: string;
  url: string;
  roles: readonly RouteRole[] | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route as registered, with its declared roles: what the authorization matrix test walks. */
    declaredRoutes: DeclaredRoute[];
  }
}

type Schema = Record<string, unknown>;

/** An object schema that did not say otherwise rejects unknown fields. */
function closed(schema: unknown): unknown {
  if (!schema || typeof schema !== 'object') return schema;
  const s = schema as Schema;
  if (s.type === 'object' && !('additionalProperties' in s) && !('patternProperties' in s)) return { ...s, additionalProperties: false };
  return schema;
}

/**
 * Every API route rejects unknown fields in its body and query string, including routes from other
 * modules that forgot to say so; a route that really takes open-ended input says so explicitly.
 */
export function closeRouteSchemas(app: FastifyInstance): void {
  const declared: DeclaredRoute[] = [];
  app.decorate('declaredRoutes', declared);
  app.addHook('onRoute', (route: RouteOptions) => {
    for (const method of [route.method].flat()) declared.push({ method, url: route.url, roles: route.config?.roles });
    if (!route.url.startsWith('/api') || !route.schema) return;
    const schema = { ...route.schema };
    if (schema.body) schema.body = closed(schema.body);
    if (schema.querystring) schema.querystring = closed(schema.querystring);
    route.schema = schema;
  });
}
