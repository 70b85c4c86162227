import { ConflictError, NotFoundError, type PresenceStatus } from '@walkup/domain';
import { findPresence, upsertPresence } from '../queries/presence.ts';
import { findCurrentVisitOfTechnician } from '../queries/visits.ts';
import { commitChange } from './commit-change.ts';
import type { UseCaseDeps } from './deps.ts';
import { requireTechnician } from './technician-context.ts';

export interface PresenceCommand {
  technicianId: string;
  siteId: string;
  deskId: string | null;
  status: PresenceStatus;
}

/** Sets where a technician sits and whether they take visitors; duty periods feed the wait estimate. */
export async function setTechnicianPresence(deps: UseCaseDeps, command: PresenceCommand) {
  const technician = await requireTechnician(deps.db, command.technicianId);
  return commitChange(deps, async (trx, append, at) => {
    const deskId = command.status === 'off' ? null : command.deskId;
    if (command.status !== 'off' && !deskId) throw new ConflictError('desk_required', 'choose a desk before going available or on break');
    if (deskId) {
      const desk = await trx.selectFrom('desks').select(['id', 'site_id', 'name']).where('id', '=', deskId).executeTakeFirst();
      if (!desk || desk.site_id !== command.siteId) throw new NotFoundError('desk', deskId);
      const occupant = await trx
        .selectFrom('technician_presence')
        .innerJoin('technicians', 'technicians.id', 'technician_presence.technician_id')
        .select('technicians.name')
        .where('desk_id', '=', deskId)
        .where('status', '!=', 'off')
        .where('technician_id', '!=', command.technicianId)
        .executeTakeFirst();
      if (occupant) throw new ConflictError('desk_taken', `${desk.name} is already taken by ${occupant.name}`);
    }
    if (command.status === 'off' && (await findCurrentVisitOfTechnician(trx, command.technicianId))) {
      throw new ConflictError('technician_busy', `${technician.name} is still serving someone; finish that visit before signing off`);
    }
    const previous = await findPresence(trx, command.technicianId);
    if (previous && previous.siteId === command.siteId && previous.deskId === deskId && previous.status === command.status) {
      return { technicianId: command.technicianId, deskId, status: command.status, since: previous.since };
    }
    // Moving to another site leaves the old one: its screens and estimates must see the desk freed.
    if (previous && previous.siteId !== command.siteId && previous.status !== 'off') {
      await append({ siteId: previous.siteId, type: 'technician.presence_changed', visitId: null, data: { technicianId: command.technicianId, deskId: null, status: 'off' } });
    }
    await upsertPresence(trx, command.siteId, { technicianId: command.technicianId, deskId, status: command.status, since: at });
    await append({ siteId: command.siteId, type: 'technician.presence_changed', visitId: null, data: { technicianId: command.technicianId, deskId, status: command.status } });
    return { technicianId: command.technicianId, deskId, status: command.status, since: at };
  });
}
