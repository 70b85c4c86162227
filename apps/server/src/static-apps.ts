import { existsSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';

export const frontEnds = ['kiosk', 'console', 'display', 'visitor'] as const;

/** Serves each built front end under its own path, with index.html for client-side routes. */
export async function serveFrontEnds(app: FastifyInstance, rootDir: string): Promise<string[]> {
  const served: string[] = [];
  for (const [index, name] of frontEnds.entries()) {
    const dist = path.join(rootDir, 'apps', name, 'dist');
    if (!existsSync(path.join(dist, 'index.html'))) continue;
    await app.register(fastifyStatic, { root: dist, prefix: `/${name}/`, decorateReply: index === 0, index: 'index.html', wildcard: false });
    app.get(`/${name}`, { schema: { hide: true } }, (_request, reply) => reply.redirect(`/${name}/`));
    app.get(`/${name}/*`, { schema: { hide: true } }, (_request, reply) => reply.sendFile('index.html', dist));
    served.push(name);
  }
  app.get('/', { schema: { hide: true } }, (_request, reply) =>
    reply
      .type('text/html')
      .send(
        `<!doctype html><html lang="en"><meta charset="utf-8"><title>walkup</title><body style="font-family:system-ui;margin:3rem"><h1>walkup</h1><ul>${frontEnds
          .map((n) => `<li><a href="/${n}/">${n}</a></li>`)
          .join('')}<li><a href="/docs">API documentation</a></li></ul></body></html>`,
      ),
  );
  return served;
}
