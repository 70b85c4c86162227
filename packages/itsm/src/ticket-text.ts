import type { TicketDraft, TicketUpdate } from './adapter.ts';

/** One line people recognise in a ticket list: "Laptop / Won't start (walk-up A-012)". */
export function ticketSubject(draft: TicketDraft): string {
  const what = draft.choices.length > 0 ? draft.choices.join(' / ') : 'Walk-up visit';
  return `${what} (walk-up ${draft.walkupTicketNumber})`.slice(0, 160);
}

export function ticketDescription(draft: TicketDraft): string {
  const who = draft.caller.name ?? draft.caller.email ?? draft.caller.employeeId ?? 'guest';
  const lines = [
    draft.appointmentAt
      ? `Appointment at ${draft.siteName} booked for ${draft.appointmentAt} (made ${draft.checkedInAt}).`
      : `Walk-up visit ${draft.walkupTicketNumber} at ${draft.siteName}, checked in ${draft.checkedInAt}.`,
    `Visitor: ${who}${draft.caller.email ? ` <${draft.caller.email}>` : ''}${draft.caller.employeeId ? `, employee ${draft.caller.employeeId}` : ''}.`,
    `Kiosk choices: ${draft.choices.join(' > ') || 'none'}.`,
  ];
  if (draft.note) lines.push(`Visitor's note: ${draft.note}`);
  lines.push(`walkup visit id: ${draft.visitId}`);
  return lines.join('\n');
}

/** The work note / comment text for an update, the same wording in every ITSM. */
export function updateNote(update: TicketUpdate): string {
  switch (update.kind) {
    case 'called':
      return `Visitor called to ${update.deskName} by ${update.technicianName}.`;
    case 'started':
      return `Service started at ${update.deskName} by ${update.technicianName}.`;
    case 'transferred':
      return `Visit transferred to queue ${update.queueName}${update.reason ? `: ${update.reason}` : '.'}`;
    case 'escalated':
      return `Escalated to ${update.assignmentGroup}${update.note ? `: ${update.note}` : '.'}`;
    case 'resolved':
      return update.note || `Resolved at the walk-up desk${update.technicianName ? ` by ${update.technicianName}` : ''}.`;
    case 'no_show':
      return 'The visitor did not show up when called.';
    case 'cancelled':
      return `Visit cancelled${update.reason ? `: ${update.reason}` : '.'}`;
    case 'rescheduled':
      return `Appointment moved to ${update.startsAt}.`;
  }
}

/** Priority (larger = sooner, 0 normal) to the 1-3 impact/urgency scale most ITSMs use (1 = high). */
export function impactUrgency(priority: number): 1 | 2 | 3 {
  if (priority >= 2) return 1;
  if (priority === 1) return 2;
  return 3;
}
