import { createI18n, type Dictionaries } from '@walkup/client';

const en = {
  title: 'IT walk-up desk',
  nowServing: 'Now serving',
  ticket: 'Ticket',
  desk: 'Desk',
  nobodyServed: 'Nobody is being served right now',
  waiting: 'waiting',
  waitingCount: '{count} waiting',
  estimatedWait: 'Estimated wait',
  estimatedWaitLabel: 'Estimated wait:',
  closedTitle: 'The IT desk is closed',
  closedBody: 'Please come back during opening hours.',
  offline: 'Connection lost. Reconnecting…',
  broadcastLabel: 'Message from the IT desk',
  loading: 'Loading…',
  announce: 'Ticket {ticket}, {desk}',
  deskNumber: 'desk {number}',
  soundHint: 'Click or press a key to enable sound',
  pairTitle: 'Pair this display',
  pairHelp: 'An administrator creates a one-time pairing code for this display; type it here.',
  pairCode: 'Pairing code',
  pair: 'Pair',
  joinNowLabel: 'If you join now:',
};

export type DisplayMessage = keyof typeof en;

const dictionaries: Dictionaries<DisplayMessage> = {
  en,
  fr: {
    title: 'Accueil informatique',
    nowServing: 'Appel en cours',
    ticket: 'Ticket',
    desk: 'Guichet',
    nobodyServed: 'Aucun appel en cours',
    waiting: 'en attente',
    waitingCount: '{count} en attente',
    estimatedWait: 'Attente estimée',
    estimatedWaitLabel: 'Attente estimée\u00a0:',
    closedTitle: 'L’accueil informatique est fermé',
    closedBody: 'Merci de revenir pendant les heures d’ouverture.',
    offline: 'Connexion perdue. Reconnexion…',
    broadcastLabel: 'Message du support informatique',
    loading: 'Chargement…',
    announce: 'Ticket {ticket}, {desk}',
    deskNumber: 'guichet {number}',
    soundHint: 'Cliquez ou appuyez sur une touche pour activer le son',
    pairTitle: 'Associer cet écran',
    pairHelp: 'Un administrateur crée un code d’association à usage unique pour cet écran ; saisissez-le ici.',
    pairCode: 'Code d’association',
    pair: 'Associer',
    joinNowLabel: 'Si vous arrivez maintenant\u00a0:',
  },
};

export const createDisplayI18n = () => createI18n(dictionaries);
