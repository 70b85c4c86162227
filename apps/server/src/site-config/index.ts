import type { FastifyInstance } from 'fastify';
import { categoryAdminRoutes } from './category-admin-routes.ts';
import { configFileRoutes } from './config-file-routes.ts';
import { hoursAdminRoutes, type SettingsDeps } from './hours-admin-routes.ts';
import { peopleAdminRoutes } from './people-admin-routes.ts';
import { queueAdminRoutes } from './queue-admin-routes.ts';
import { siteAdminRoutes } from './site-admin-routes.ts';

/** Every route admins configure a site with; each change is a `site.config_changed` event. */
export async function siteConfigRoutes(api: FastifyInstance, deps: SettingsDeps): Promise<void> {
  await siteAdminRoutes(api, deps);
  await queueAdminRoutes(api, deps);
  await categoryAdminRoutes(api, deps);
  await peopleAdminRoutes(api, deps);
  await hoursAdminRoutes(api, deps);
  await configFileRoutes(api, deps);
}
