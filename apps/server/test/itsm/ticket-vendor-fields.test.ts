import { expect, it } from 'vitest';
import { withSiteConfigTables } from '../../src/site-config/site-config-schema.ts';
import { buildTicketDraft } from '../../src/itsm/ticket-builder.ts';
import { createItsmFixture } from './itsm-fixtures.ts';

it('the ticket draft carries the category\'s vendor fields (RT queue, JSM request type, GLPI category), inheriting from its parent', async () => {
  const fx = await createItsmFixture();
  const visit = await fx.checkIn();
  const db = withSiteConfigTables(fx.db);
  const category = await db.selectFrom('categories').select(['id', 'parent_id']).where('id', '=', 'laptop-no-boot').executeTakeFirstOrThrow();
  expect((await buildTicketDraft(fx.db, visit.id)).itsm.vendorFields).toEqual({});
  await db.updateTable('categories').set({ itsm_vendor_fields: JSON.stringify({ rtQueue: 'Hardware', jsmRequestType: '11' }) }).where('id', '=', category.id).execute();
  if (category.parent_id) await db.updateTable('categories').set({ itsm_vendor_fields: JSON.stringify({ rtQueue: 'General', glpiCategory: '7' }) }).where('id', '=', category.parent_id).execute();
  expect((await buildTicketDraft(fx.db, visit.id)).itsm.vendorFields).toEqual({ rtQueue: 'Hardware', jsmRequestType: '11', ...(category.parent_id ? { glpiCategory: '7' } : {}) });
  await fx.close();
});
