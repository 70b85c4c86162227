// One message to a visitor; the transport (SMTP, or the log without one) sits behind `SendMail`.
export type { OutgoingMail, SendMail } from '../notifications/smtp-mail.ts';

type Language = 'en' | 'fr';
const languageOf = (language: string): Language => (language === 'fr' ? 'fr' : 'en');

export interface BookingMailFacts {
  language: string;
  siteName: string;
  reason: string;
  /** The booked time written in the site's time zone, e.g. "Tuesday 1 December, 10:30". */
  when: string;
  /** The link to move or cancel this booking (only known when the booking is made). */
  manageUrl: string | null;
  /** The booking page of the site, to book again. */
  bookingUrl: string;
  checkInCode: string;
}

function formatWhen(iso: string, timeZone: string, language: string): string {
  return new Intl.DateTimeFormat(languageOf(language) === 'fr' ? 'fr-FR' : 'en-GB', {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

export { formatWhen as formatAppointmentTime };

const texts = {
  en: {
    confirmSubject: (f: { siteName: string }) => `Confirm your appointment at ${f.siteName}`,
    confirmText: (f: { siteName: string; reason: string; when: string; link: string }) =>
      `You asked for an appointment at ${f.siteName} (${f.reason}) on ${f.when}.\n\nConfirm it with this link (valid 30 minutes):\n${f.link}\n\nIf you did not ask for it, ignore this message.`,
    bookedSubject: (f: BookingMailFacts) => `Your appointment at ${f.siteName}: ${f.when}`,
    bookedText: (f: BookingMailFacts) =>
      `Your appointment at ${f.siteName} (${f.reason}) is booked for ${f.when}.\n\nAt the kiosk, scan your badge or type your email, or type this code: ${f.checkInCode}\n\nReschedule or cancel: ${f.manageUrl}\n\nThe attached file adds it to your calendar.`,
    reminderSubject: (f: BookingMailFacts) => `Reminder: your appointment at ${f.siteName}, ${f.when}`,
    reminderText: (f: BookingMailFacts) =>
      `See you at ${f.siteName} on ${f.when} (${f.reason}). Check-in code: ${f.checkInCode}.\n\nCannot come? Cancel or move it with the link in your confirmation email.`,
    closedSubject: (f: BookingMailFacts) => `Your appointment at ${f.siteName} is cancelled`,
    closedText: (f: BookingMailFacts) => `${f.siteName} is closed on ${f.when}, so your appointment (${f.reason}) is cancelled. Book another time: ${f.bookingUrl}`,
  },
  fr: {
    confirmSubject: (f: { siteName: string }) => `Confirmez votre rendez-vous à ${f.siteName}`,
    confirmText: (f: { siteName: string; reason: string; when: string; link: string }) =>
      `Vous avez demandé un rendez-vous à ${f.siteName} (${f.reason}) le ${f.when}.\n\nConfirmez-le avec ce lien (valable 30 minutes) :\n${f.link}\n\nSi vous n'avez rien demandé, ignorez ce message.`,
    bookedSubject: (f: BookingMailFacts) => `Votre rendez-vous à ${f.siteName} : ${f.when}`,
    bookedText: (f: BookingMailFacts) =>
      `Votre rendez-vous à ${f.siteName} (${f.reason}) est réservé le ${f.when}.\n\nÀ la borne, passez votre badge ou saisissez votre e-mail, ou tapez ce code : ${f.checkInCode}\n\nDéplacer ou annuler : ${f.manageUrl}\n\nLe fichier joint l'ajoute à votre agenda.`,
    reminderSubject: (f: BookingMailFacts) => `Rappel : votre rendez-vous à ${f.siteName}, ${f.when}`,
    reminderText: (f: BookingMailFacts) =>
      `À bientôt à ${f.siteName} le ${f.when} (${f.reason}). Code d'arrivée : ${f.checkInCode}.\n\nEmpêché ? Annulez ou déplacez-le avec le lien de votre e-mail de confirmation.`,
    closedSubject: (f: BookingMailFacts) => `Votre rendez-vous à ${f.siteName} est annulé`,
    closedText: (f: BookingMailFacts) => `${f.siteName} est fermé le ${f.when} : votre rendez-vous (${f.reason}) est annulé. Réservez un autre moment : ${f.bookingUrl}`,
  },
} as const;

export function bookingMessages(language: string) {
  return texts[languageOf(language)];
}
