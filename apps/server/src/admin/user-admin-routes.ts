import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf } from '../auth/actor.ts';
import type { AuthDeps } from '../auth/auth-deps.ts';
import { listUsers } from '../auth/user-store.ts';
import { Id, Uuid, errorResponses } from '../routes/schemas.ts';
import { adminOnly } from '../routes/route-roles.ts';
import { changeUser, createLocalUser, toUserView } from './users.ts';
import { listSitesOfAccounts } from '../auth/account-sites.ts';

const AccountRole = Type.Union([Type.Literal('technician'), Type.Literal('manager'), Type.Literal('site_admin'), Type.Literal('admin')]);
const SiteIds = Type.Array(Id, { minItems: 1, maxItems: 200, uniqueItems: true });
const Username = Type.String({ minLength: 2, maxLength: 64, pattern: '^[a-z0-9._@-]+$' });
const Password = Type.String({ minLength: 12, maxLength: 200 });
const DisplayName = Type.String({ minLength: 1, maxLength: 80 });
const UserView = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  role: AccountRole,
  technicianId: Type.Union([Type.String(), Type.Null()]),
  siteIds: Type.Array(Type.String()),
  sso: Type.Boolean(),
  disabled: Type.Boolean(),
  lockedUntil: Type.Union([Type.String(), Type.Null()]),
  lastLoginAt: Type.Union([Type.String(), Type.Null()]),
});

export async function userAdminRoutes(root: FastifyInstance, deps: AuthDeps): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/admin/users',
    { config: { roles: adminOnly }, schema: { summary: 'Technician and admin accounts', tags: ['admin'], response: { 200: Type.Array(UserView) } } },
    async () => {
      const sitesOf = await listSitesOfAccounts(deps.db);
      return (await listUsers(deps.db)).map((row) => toUserView(row, sitesOf.get(row.id) ?? []));
    },
  );

  app.post(
    '/api/admin/users',
    {
      config: { roles: adminOnly },
      schema: {
        summary: 'Create a local account (single sign-on accounts are created at first sign-in)',
        tags: ['admin'],
        body: Type.Object(
          { username: Username, displayName: DisplayName, password: Password, role: AccountRole, technicianId: Type.Union([Id, Type.Null()]), siteIds: Type.Optional(SiteIds) },
          { additionalProperties: false },
        ),
        response: { 201: UserView, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createLocalUser(deps, actorOf(request), request.body)),
  );

  app.patch(
    '/api/admin/users/:userId',
    {
      config: { roles: adminOnly },
      schema: {
        summary: 'Change role, technician link, password; disable or unlock an account',
        tags: ['admin'],
        params: Type.Object({ userId: Uuid }),
        body: Type.Object(
          {
            role: Type.Optional(AccountRole),
            technicianId: Type.Optional(Type.Union([Id, Type.Null()])),
            disabled: Type.Optional(Type.Boolean()),
            password: Type.Optional(Password),
            unlock: Type.Optional(Type.Literal(true)),
            displayName: Type.Optional(DisplayName),
            siteIds: Type.Optional(SiteIds),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: UserView, ...errorResponses },
      },
    },
    async (request) => changeUser(deps, actorOf(request), request.params.userId, request.body),
  );
}
