import { interpolate, type Dictionaries, type TranslationParams } from '@walkup/client';
import { useConsole } from '../console-context.ts';

const en = {
  todayTitle: 'Today’s appointments',
  none: 'No appointment today.',
  time: 'Time',
  name: 'Name',
  reason: 'Reason',
  state: 'State',
  actions: 'Actions',
  yourQueues: 'Your queues',
  otherQueues: 'Other queues',
  booked: 'Booked',
  arrived: 'Arrived',
  late: 'Late',
  no_show: 'No-show',
  cancelled: 'Cancelled',
  cancel: 'Cancel',
  cancelConfirm: 'Cancel the appointment of {name} at {time}? They are emailed.',
  cancelled_done: 'Appointment of {name} cancelled.',
  bookTitle: 'Book for someone',
  bookReason: 'Reason',
  bookDay: 'Day',
  bookSlot: 'Time',
  bookNoSlot: 'No free time on this day',
  slotFull: '{time} (full)',
  personName: 'Name',
  personEmail: 'Email',
  personEmployeeId: 'or employee id',
  personLanguage: 'Language of the emails',
  book: 'Book',
  bookedCode: 'Booked for {name} at {time}. Check-in code: {code}',
  needContact: 'Give an email or an employee id.',
  settingsTitle: 'Appointments',
  settingsEnabled: 'This site takes appointments',
  bookAheadDays: 'Book up to (days ahead)',
  cutoffMinutes: 'Booking closes before the slot (minutes)',
  lateGraceMinutes: 'Late arrival kept for (minutes)',
  maxAdvanceMinutes: 'Most placed ahead of own arrival (minutes)',
  reminderMinutes: 'Reminder email before (minutes)',
  itsmTicketAt: 'ITSM ticket created',
  itsmTicketAtArrival: 'when the person arrives',
  itsmTicketAtBooking: 'when the booking is confirmed',
  perHour: 'Appointments per hour: {queue}',
  save: 'Save',
  saved: 'Appointment settings saved.',
};

export type AppointmentMessage = keyof typeof en;

const dictionaries: Dictionaries<AppointmentMessage> = {
  en,
  fr: {
    todayTitle: 'Rendez-vous du jour',
    none: 'Aucun rendez-vous aujourd’hui.',
    time: 'Heure',
    name: 'Nom',
    reason: 'Motif',
    state: 'État',
    actions: 'Actions',
    yourQueues: 'Vos files',
    otherQueues: 'Autres files',
    booked: 'Réservé',
    arrived: 'Arrivé',
    late: 'En retard',
    no_show: 'Absent',
    cancelled: 'Annulé',
    cancel: 'Annuler',
    cancelConfirm: 'Annuler le rendez-vous de {name} à {time} ? La personne est prévenue par e-mail.',
    cancelled_done: 'Rendez-vous de {name} annulé.',
    bookTitle: 'Réserver pour quelqu’un',
    bookReason: 'Motif',
    bookDay: 'Jour',
    bookSlot: 'Heure',
    bookNoSlot: 'Aucun horaire libre ce jour-là',
    slotFull: '{time} (complet)',
    personName: 'Nom',
    personEmail: 'E-mail',
    personEmployeeId: 'ou matricule',
    personLanguage: 'Langue des e-mails',
    book: 'Réserver',
    bookedCode: 'Réservé pour {name} à {time}. Code d’arrivée : {code}',
    needContact: 'Indiquez un e-mail ou un matricule.',
    settingsTitle: 'Rendez-vous',
    settingsEnabled: 'Ce site prend des rendez-vous',
    bookAheadDays: 'Réservation jusqu’à (jours à l’avance)',
    cutoffMinutes: 'Fin des réservations avant le créneau (minutes)',
    lateGraceMinutes: 'Retard toléré (minutes)',
    maxAdvanceMinutes: 'Avance maximale sur sa propre arrivée (minutes)',
    reminderMinutes: 'E-mail de rappel avant (minutes)',
    itsmTicketAt: 'Ticket ITSM créé',
    itsmTicketAtArrival: 'à l’arrivée de la personne',
    itsmTicketAtBooking: 'à la confirmation de la réservation',
    perHour: 'Rendez-vous par heure : {queue}',
    save: 'Enregistrer',
    saved: 'Réglages des rendez-vous enregistrés.',
  },
};

/** Translations follow the console's language switch (reading `lang` subscribes the component). */
export function useAppointmentText() {
  const { lang } = useConsole().i18n;
  return (key: AppointmentMessage, params?: TranslationParams) => interpolate(dictionaries[lang.value][key], params);
}

/** "11:20" in the site's zone, whatever the workstation's. */
export function clockTime(instant: string, timeZone: string | undefined, lang: string): string {
  return new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(new Date(instant));
}
