type Language = 'en' | 'fr';

export interface RemoteCheckInMailFacts {
  siteName: string;
  reason: string;
  link: string;
}

const texts = {
  en: {
    subject: (f: RemoteCheckInMailFacts) => `Confirm your check-in at ${f.siteName}`,
    text: (f: RemoteCheckInMailFacts) =>
      `You asked to join the queue at ${f.siteName} (${f.reason}).\n\nOpen this link to take your place (valid 15 minutes, once):\n${f.link}\n\nYour ticket then says "On the way": press "I'm here" near the kiosk, or identify at the kiosk, when you arrive.\n\nIf you did not ask for it, ignore this message.`,
  },
  fr: {
    subject: (f: RemoteCheckInMailFacts) => `Confirmez votre arrivée à ${f.siteName}`,
    text: (f: RemoteCheckInMailFacts) =>
      `Vous avez demandé à rejoindre la file de ${f.siteName} (${f.reason}).\n\nOuvrez ce lien pour prendre votre place (valable 15 minutes, une seule fois) :\n${f.link}\n\nVotre ticket indique alors « En route » : appuyez sur « Je suis là » près de la borne, ou identifiez-vous à la borne, en arrivant.\n\nSi vous n'avez rien demandé, ignorez ce message.`,
  },
} as const;

export function remoteCheckInMessages(language: string) {
  return texts[(language === 'fr' ? 'fr' : 'en') as Language];
}
