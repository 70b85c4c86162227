import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { adminOnly } from '../routes/route-roles.ts';
import { errorResponses } from '../routes/schemas.ts';
import { SiteParams } from '../site-config/config-schemas.ts';
import { changeStoredConnection, chooseSiteConnection, createStoredConnection, deleteStoredConnection, type ConnectionChangeDeps, type ConnectionFields } from './connection-changes.ts';
import { listConnectionViews } from './connection-views.ts';
import { vendors } from './itsm-connection-schema.ts';

const Name = Type.String({ minLength: 1, maxLength: 64 });
const Vendor = Type.Union(vendors.map((vendor) => Type.Literal(vendor)));
/** The vendor's fields as in WALKUP_ITSM_CONNECTIONS_FILE, secrets as text; checked per vendor by the use case. */
const Fields = { vendor: Vendor };
const fieldsDoc = 'The vendor\'s fields, as in WALKUP_ITSM_CONNECTIONS_FILE (docs/itsm/README.md); secrets are write-only: leave one blank to keep it';

const ConnectionView = Type.Object({
  name: Type.String(),
  vendor: Type.String(),
  source: Type.Union([Type.Literal('stored'), Type.Literal('configured')]),
  settings: Type.Record(Type.String(), Type.Unknown()),
  secrets: Type.Record(Type.String(), Type.Object({ set: Type.Literal(true) })),
  sites: Type.Array(Type.String()),
  updatedAt: Type.Union([Type.String(), Type.Null()]),
});
const ConnectionList = Type.Object({
  connections: Type.Array(ConnectionView),
  sites: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), connection: Type.String() })),
});

/** Admins manage ITSM connections in the console: stored in the database, secrets write-only. */
export async function connectionAdminRoutes(root: FastifyInstance, deps: ConnectionChangeDeps): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['itsm', 'admin'];
  const list = () => listConnectionViews(deps.db, deps.adapters);

  app.get(
    '/api/admin/itsm/connections',
    { config: { roles: adminOnly }, schema: { summary: 'ITSM connections (secrets only say they are set) and the connection of each site', tags, response: { 200: ConnectionList, ...errorResponses } } },
    list,
  );

  app.post(
    '/api/admin/itsm/connections',
    {
      config: { roles: adminOnly },
      schema: { summary: 'Store a new ITSM connection', description: fieldsDoc, tags, body: Type.Object({ name: Name, ...Fields }, { additionalProperties: true, maxProperties: 30 }), response: { 201: ConnectionList, ...errorResponses } },
    },
    async (request, reply) => {
      const { name, ...fields } = request.body;
      await createStoredConnection(deps, request, name, fields as ConnectionFields);
      return reply.status(201).send(await list());
    },
  );

  app.put(
    '/api/admin/itsm/connections/:name',
    {
      config: { roles: adminOnly },
      schema: { summary: 'Change a stored ITSM connection; its sites use the new settings at once', description: fieldsDoc, tags, params: Type.Object({ name: Name }), body: Type.Object(Fields, { additionalProperties: true, maxProperties: 30 }), response: { 200: ConnectionList, ...errorResponses } },
    },
    async (request) => {
      await changeStoredConnection(deps, request, request.params.name, request.body as ConnectionFields);
      return list();
    },
  );

  app.delete(
    '/api/admin/itsm/connections/:name',
    { config: { roles: adminOnly }, schema: { summary: 'Delete a stored ITSM connection no site uses', tags, params: Type.Object({ name: Name }), response: { 200: ConnectionList, ...errorResponses } } },
    async (request) => {
      await deleteStoredConnection(deps, request, request.params.name);
      return list();
    },
  );

  app.put(
    '/api/admin/sites/:siteId/itsm-connection',
    {
      config: { roles: adminOnly },
      schema: { summary: "Choose the site's ITSM connection (`default`, `none` or a connection's name)", tags, params: SiteParams, body: Type.Object({ connection: Name }, { additionalProperties: false }), response: { 200: ConnectionList, ...errorResponses } },
    },
    async (request) => {
      await chooseSiteConnection(deps, request, request.params.siteId, request.body.connection);
      return list();
    },
  );
}
