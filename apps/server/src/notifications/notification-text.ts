import { feedbackWindowHours } from '../visitor/give-feedback.ts';
import type { NotificationMessage } from './notification-channel.ts';

/** The words of a notification, FR and EN; short enough for a push banner or an SMS. */
export function notificationTitle(message: NotificationMessage): string {
  const fr = message.language === 'fr';
  if (message.kind === 'feedback') return fr ? `Ticket ${message.ticketNumber} : comment cela s'est-il passé ?` : `Ticket ${message.ticketNumber}: how did it go?`;
  if (message.kind === 'called') return fr ? `Ticket ${message.ticketNumber} : c'est à vous` : `Ticket ${message.ticketNumber}: it's your turn`;
  if (message.kind === 'come_over') return fr ? `Ticket ${message.ticketNumber} : mettez-vous en route` : `Ticket ${message.ticketNumber}: time to come over`;
  return fr ? `Ticket ${message.ticketNumber} : bientôt à vous` : `Ticket ${message.ticketNumber}: you are almost up`;
}

export function notificationBody(message: NotificationMessage): string {
  const fr = message.language === 'fr';
  if (message.kind === 'feedback') return fr ? `Votre visite est terminée (${message.siteName}).` : `Your visit is resolved (${message.siteName}).`;
  if (message.kind === 'called') {
    const desk = message.deskName ?? '';
    return fr ? `Présentez-vous au guichet ${desk} (${message.siteName}).` : `Please go to desk ${desk} (${message.siteName}).`;
  }
  if (message.kind === 'come_over') return comeOverBody(message);
  const position = message.position ?? 0;
  if (fr) return position === 1 ? `Vous êtes le prochain dans la file (${message.siteName}).` : `Vous êtes ${position}e dans la file (${message.siteName}).`;
  return position === 1 ? `You are next in line (${message.siteName}).` : `You are number ${position} in line (${message.siteName}).`;
}

/** For a visitor on the way: how soon their turn is, then where to go and what to do on arrival. */
function comeOverBody(message: NotificationMessage): string {
  const minutes = message.expectedMinutes;
  if (message.language === 'fr') {
    const when = minutes ? `dans environ ${minutes} min` : `bientôt (vous êtes ${message.position === 1 ? 'le prochain' : `${message.position}e`} dans la file)`;
    return `Votre tour arrive ${when} : venez maintenant au support informatique (${message.siteName}). Sur place, appuyez sur « Je suis là » ou passez votre badge à la borne.`;
  }
  const when = minutes ? `in about ${minutes} min` : `soon (you are ${message.position === 1 ? 'next' : `number ${message.position}`} in line)`;
  return `Your turn is ${when}: please come to the tech bar now (${message.siteName}). When you get there, press “I’m here” or scan your badge at the kiosk.`;
}

export function emailText(message: NotificationMessage): string {
  if (message.feedbackUrls) return closingEmailText(message, message.feedbackUrls);
  const optOut = message.language === 'fr' ? 'Ne plus recevoir de notifications pour cette visite :' : 'Stop notifications for this visit:';
  return `${notificationBody(message)}\n\n${optOut} ${message.optOutUrl}\n`;
}

/** One link per face: a tap opens the phone page's feedback view with that face, where one more tap sends it. */
function closingEmailText(message: NotificationMessage, [unhappy, neutral, happy]: [string, string, string]): string {
  const days = Math.round(feedbackWindowHours / 24);
  if (message.language === 'fr') {
    return `${notificationBody(message)}\n\nComment cela s'est-il passé ? Un clic suffit :\n\nTrès bien : ${happy}\nCorrect : ${neutral}\nPas bien : ${unhappy}\n\nCes liens restent valables ${days} jours, pour un seul avis.\n`;
  }
  return `${notificationBody(message)}\n\nHow did it go? One tap is enough:\n\nGreat: ${happy}\nOK: ${neutral}\nNot good: ${unhappy}\n\nThese links work for ${days} days, for one answer.\n`;
}
