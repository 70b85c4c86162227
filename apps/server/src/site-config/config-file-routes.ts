import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { SeedFile } from '../db/seed-schema.ts';
import { ErrorResponse, errorResponses } from '../routes/schemas.ts';
import { adminOnly } from '../routes/route-roles.ts';
import { exportConfiguration } from './config-export.ts';
import { findConfigMistakes } from './config-file-check.ts';
import { findForeignIds, importConfiguration } from './config-import.ts';
import type { SettingsDeps } from './hours-admin-routes.ts';

// A malformed request (not a file) gets the usual error without the list.
const Mistakes = Type.Object({ ...ErrorResponse.properties, mistakes: Type.Optional(Type.Array(Type.String())) });

/** The whole configuration as one file, in the seed file's format: export, check, import. */
export async function configFileRoutes(root: FastifyInstance, deps: SettingsDeps): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['admin'];

  app.get(
    '/api/admin/config/export',
    {
      config: { roles: adminOnly },
      schema: { summary: 'Every site’s configuration in the seed file’s format (db/seed/demo-site.json)', tags, response: { 200: Type.Object({ sites: Type.Array(Type.Unknown()) }) } },
    },
    async () => exportConfiguration(deps.db),
  );

  app.post(
    '/api/admin/config/import',
    {
      config: { roles: adminOnly },
      // A whole configuration is larger than the API's usual requests.
      bodyLimit: 1024 * 1024,
      schema: {
        summary: 'Check (dryRun) or apply a configuration file; each mistake is listed with its JSON path and nothing changes',
        tags,
        querystring: Type.Object({ dryRun: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
        body: Type.Object({ sites: Type.Array(Type.Unknown(), { minItems: 1, maxItems: 100 }), directory: Type.Optional(Type.Unknown()) }),
        response: { 200: Type.Object({ sites: Type.Array(Type.String()), applied: Type.Boolean() }), 400: Mistakes, 404: ErrorResponse, 409: errorResponses[409] },
      },
    },
    async (request, reply) => {
      // The people directory is not configuration: it is ignored here (it comes from the company directory).
      const file = { sites: request.body.sites };
      const mistakes = findConfigMistakes(file);
      if (mistakes.length === 0) mistakes.push(...(await findForeignIds(deps.db, file as SeedFile)));
      if (mistakes.length > 0) {
        return reply.status(400).send({ statusCode: 400, error: 'Bad Request', code: 'invalid_configuration', message: `${mistakes.length} mistake(s): ${mistakes.slice(0, 5).join('; ')}`, mistakes });
      }
      const checked = file as SeedFile;
      if (request.query.dryRun) return { sites: checked.sites.map((s) => s.id), applied: false };
      const sites = await importConfiguration(deps, request, checked);
      for (const site of checked.sites) deps.onShowNamesChanged(site.id, site.showNamesOnDisplay ?? false);
      return { sites, applied: true };
    },
  );
}
