import type { Kysely } from 'kysely';
import { createCumulativeTable, fillCumulativeTable, type CumulativeTableShape } from './2026-12-01T1300-report-cumulative-hours.ts';

/**
 * Prefix sums per site x technician x hour, like report_cumulative_hours (same counters and bins, no
 * maximums): a range grouped among site, technician and hour reads two rows per site x technician x
 * hour instead of a monthly row per month, queue, category, technician and hour. Filled from
 * report_buckets, the daily table keeping technician and hour, summed over queue and category.
 * technician_id is '' when nobody served, as in the other report tables.
 */
const cumulativeTechnicianHours: CumulativeTableShape = {
  table: 'report_cumulative_technician_hours',
  cell: [['technician_id', 'text'], ['hour', 'integer']],
  source: 'report_buckets',
};

export async function up(db: Kysely<any>): Promise<void> {
  await createCumulativeTable(db, cumulativeTechnicianHours);
}

/** The running sums of report_buckets per technician x hour (also how the reports benchmark fills its year). */
export async function fillReportCumulativeTechnicianHours(db: Kysely<any>): Promise<void> {
  await fillCumulativeTable(db, cumulativeTechnicianHours);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable(cumulativeTechnicianHours.table).execute();
}
