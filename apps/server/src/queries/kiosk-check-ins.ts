import type { Db } from '../db/connection.ts';

export async function insertKioskCheckIn(trx: Db, row: { visitId: string; deviceId: string; checkedInAt: string }): Promise<void> {
  await trx.insertInto('kiosk_check_ins').values({ visit_id: row.visitId, device_id: row.deviceId, checked_in_at: row.checkedInAt }).execute();
}

export async function findKioskCheckIn(db: Db, visitId: string): Promise<{ deviceId: string; checkedInAt: string } | null> {
  const row = await db.selectFrom('kiosk_check_ins').select(['device_id', 'checked_in_at']).where('visit_id', '=', visitId).executeTakeFirst();
  return row ? { deviceId: row.device_id, checkedInAt: row.checked_in_at } : null;
}
