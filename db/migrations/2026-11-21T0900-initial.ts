import { sql, type Kysely } from 'kysely';

// Frozen in time: this migration must never import application code.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sites')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('default_language', 'text', (c) => c.notNull())
    .addColumn('languages', 'text', (c) => c.notNull())
    .addColumn('opening_hours', 'text', (c) => c.notNull())
    .addColumn('show_names_on_display', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('no_show_grace_seconds', 'integer', (c) => c.notNull().defaultTo(120))
    .addColumn('escalation_groups', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('event_seq', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('queues')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('itsm_assignment_group', 'text')
    .execute();

  await db.schema
    .createTable('categories')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
    .addColumn('parent_id', 'text', (c) => c.references('categories.id'))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('icon', 'text', (c) => c.notNull())
    .addColumn('queue_id', 'text', (c) => c.references('queues.id'))
    .addColumn('priority', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('expected_service_seconds', 'integer', (c) => c.notNull().defaultTo(600))
    .addColumn('itsm_category', 'text')
    .addColumn('itsm_subcategory', 'text')
    .addColumn('itsm_assignment_group', 'text')
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('desks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('technicians')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .execute();

  await db.schema
    .createTable('technician_queues')
    .addColumn('technician_id', 'text', (c) => c.notNull().references('technicians.id'))
    .addColumn('queue_id', 'text', (c) => c.notNull().references('queues.id'))
    .addPrimaryKeyConstraint('technician_queues_pk', ['technician_id', 'queue_id'])
    .execute();

  await db.schema
    .createTable('technician_presence')
    .addColumn('technician_id', 'text', (c) => c.primaryKey().references('technicians.id'))
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
    .addColumn('desk_id', 'text', (c) => c.references('desks.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('since', 'text', (c) => c.notNull())
    .execute();

  // The people a badge or email can be resolved to (synchronised from the company directory).
  await db.schema
    .createTable('directory_people')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('employee_id', 'text')
    .addColumn('badge_id', 'text')
    .execute();
  await db.schema.createIndex('directory_people_email').on('directory_people').column('email').execute();
  await db.schema.createIndex('directory_people_badge').on('directory_people').column('badge_id').execute();
  await db.schema.createIndex('directory_people_employee').on('directory_people').column('employee_id').execute();

  await db.schema
    .createTable('visits')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
    .addColumn('queue_id', 'text', (c) => c.notNull().references('queues.id'))
    .addColumn('category_id', 'text', (c) => c.notNull().references('categories.id'))
    .addColumn('ticket_number', 'text', (c) => c.notNull())
    .addColumn('service_day', 'text', (c) => c.notNull())
    .addColumn('priority', 'integer', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('visitor_kind', 'text', (c) => c.notNull())
    .addColumn('visitor_name', 'text')
    .addColumn('visitor_email', 'text')
    .addColumn('visitor_employee_id', 'text')
    .addColumn('visitor_badge_id', 'text')
    .addColumn('note', 'text')
    .addColumn('checked_in_at', 'text', (c) => c.notNull())
    .addColumn('called_at', 'text')
    .addColumn('started_at', 'text')
    .addColumn('ended_at', 'text')
    .addColumn('desk_id', 'text', (c) => c.references('desks.id'))
    .addColumn('technician_id', 'text', (c) => c.references('technicians.id'))
    .addColumn('call_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('estimate_at_join_seconds', 'integer')
    .addColumn('estimate_at_join_low', 'integer')
    .addColumn('estimate_at_join_high', 'integer')
    .addColumn('itsm_state', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('itsm_remote_id', 'text')
    .addColumn('itsm_ticket_number', 'text')
    .addColumn('itsm_ticket_url', 'text')
    .addColumn('itsm_error', 'text')
    .execute();
  await db.schema.createIndex('visits_site_state').on('visits').columns(['site_id', 'state']).execute();
  await db.schema.createIndex('visits_site_day').on('visits').columns(['site_id', 'service_day']).execute();
  // Ticket numbers are unique per queue and service day: the database enforces it, not just the code.
  await db.schema
    .createIndex('visits_ticket_unique')
    .unique()
    .on('visits')
    .columns(['queue_id', 'service_day', 'ticket_number'])
    .execute();

  await db.schema
    .createTable('ticket_counters')
    .addColumn('queue_id', 'text', (c) => c.notNull().references('queues.id'))
    .addColumn('service_day', 'text', (c) => c.notNull())
    .addColumn('last_number', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('ticket_counters_pk', ['queue_id', 'service_day'])
    .execute();

  // The event log. `id` orders events across sites (for readers such as the ITSM worker);
  // (site_id, seq) is the gap-free per-site sequence that live clients resume from.
  await db.schema
    .createTable('events')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('visit_id', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addUniqueConstraint('events_site_seq', ['site_id', 'seq'])
    .execute();
  await db.schema.createIndex('events_visit').on('events').column('visit_id').execute();

  // Persisted positions of event-log readers (ITSM delivery, statistics...).
  await db.schema
    .createTable('reader_cursors')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('last_event_id', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(sql`CURRENT_TIMESTAMP`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'reader_cursors',
    'events',
    'ticket_counters',
    'visits',
    'directory_people',
    'technician_presence',
    'technician_queues',
    'technicians',
    'desks',
    'categories',
    'queues',
    'sites',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
