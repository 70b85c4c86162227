import { ConflictError, NotFoundError } from '@walkup/domain';
import type { Db } from '../db/connection.ts';
import { findPresence, findTechnician } from '../queries/presence.ts';
import { findDeskSite } from '../queries/sites.ts';

export interface SeatedTechnician {
  technician: { id: string; name: string; queueIds: string[] };
  desk: { id: string; name: string; siteId: string };
}

/** A technician may call visitors only while available at that desk: the display must name the right desk. */
export async function requireSeatedTechnician(db: Db, technicianId: string, deskId: string): Promise<SeatedTechnician> {
  const technician = await findTechnician(db, technicianId);
  if (!technician) throw new NotFoundError('technician', technicianId);
  const desk = await findDeskSite(db, deskId);
  const presence = await findPresence(db, technicianId);
  if (!presence || presence.deskId !== deskId || presence.status !== 'available') {
    throw new ConflictError(
      'not_available_at_desk',
      `${technician.name} is not available at ${desk.name}; set presence to available at this desk first`,
    );
  }
  return { technician, desk };
}

export async function requireTechnician(db: Db, technicianId: string): Promise<{ id: string; name: string; queueIds: string[] }> {
  const technician = await findTechnician(db, technicianId);
  if (!technician) throw new NotFoundError('technician', technicianId);
  return technician;
}
