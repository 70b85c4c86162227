import { interpolate, type Dictionaries, type TranslationParams } from '@walkup/client';
import { useConsole } from '../console-context.ts';

// Kept out of the console's main dictionary: these strings ship with the lazily loaded ITSM view.
const en = {
  connectionsTitle: 'ITSM connections',
  noItsm: 'No ITSM is configured: walkup works on its own and creates no tickets.',
  unreachable: 'The server did not answer; these figures may be out of date.',
  vendor: 'Vendor',
  sites: 'Sites',
  breaker: 'Circuit breaker',
  breaker_closed: 'Closed (tickets are flowing)',
  breaker_open: 'Open (calls to the ITSM are paused)',
  breaker_half_open: 'Half-open (testing whether the ITSM is back)',
  breaker_isolated: 'Isolated (switched off by an operator)',
  lastSuccess: 'Last success',
  lastFailure: 'Last failure',
  lastError: 'Last error',
  backlog: 'Waiting to sync',
  oldestPending: 'Oldest pending since',
  deadLetters: 'Refused tickets',
  never: 'never',
  none: 'none',
  deadLettersTitle: 'Refused tickets (dead letters)',
  deadLettersHelp: 'The ITSM refused these for good; fix the cause (often a field or workflow rule in the ITSM), then retry.',
  site: 'Site',
  deadLettersEmpty: 'No refused tickets at this site.',
  colTicket: 'Walk-up ticket',
  colItsmTicket: 'ITSM ticket',
  colError: 'Error',
  colAttempts: 'Attempts',
  colWhen: 'When',
  colAction: 'Action',
  notCreated: 'not created',
  retry: 'Retry',
  retryLabel: 'Retry {ticket}',
  retrySkip: 'Retry, skipping the failed update',
  retrySkipLabel: 'Retry {ticket}, skipping the update the ITSM refuses',
  retrying: 'Sending {ticket} to the ITSM again.',
  setupFailing: 'The set-up check fails: new tickets wait until this is fixed (then press Test in Admin > ITSM connections).',
};

type ItsmMessage = keyof typeof en;

const dictionaries: Dictionaries<ItsmMessage> = {
  en,
  fr: {
    connectionsTitle: 'Connexions ITSM',
    noItsm: 'Aucun ITSM n’est configuré : walkup fonctionne seul et ne crée pas de tickets.',
    unreachable: 'Le serveur n’a pas répondu ; ces chiffres peuvent être périmés.',
    vendor: 'Éditeur',
    sites: 'Sites',
    breaker: 'Disjoncteur',
    breaker_closed: 'Fermé (les tickets passent)',
    breaker_open: 'Ouvert (appels à l’ITSM suspendus)',
    breaker_half_open: 'Semi-ouvert (test du retour de l’ITSM)',
    breaker_isolated: 'Isolé (coupé par un opérateur)',
    lastSuccess: 'Dernier succès',
    lastFailure: 'Dernier échec',
    lastError: 'Dernière erreur',
    backlog: 'En attente de synchronisation',
    oldestPending: 'Plus ancien en attente depuis',
    deadLetters: 'Tickets refusés',
    never: 'jamais',
    none: 'aucune',
    deadLettersTitle: 'Tickets refusés (lettres mortes)',
    deadLettersHelp: 'L’ITSM les a refusés définitivement ; corrigez la cause (souvent un champ ou une règle de workflow de l’ITSM), puis relancez.',
    site: 'Site',
    deadLettersEmpty: 'Aucun ticket refusé sur ce site.',
    colTicket: 'Ticket d’accueil',
    colItsmTicket: 'Ticket ITSM',
    colError: 'Erreur',
    colAttempts: 'Tentatives',
    colWhen: 'Quand',
    colAction: 'Action',
    notCreated: 'non créé',
    retry: 'Relancer',
    retryLabel: 'Relancer {ticket}',
    retrySkip: 'Relancer sans la mise à jour refusée',
    retrySkipLabel: 'Relancer {ticket} sans la mise à jour refusée par l’ITSM',
    retrying: '{ticket} est renvoyé à l’ITSM.',
    setupFailing: 'La vérification de configuration échoue : les nouveaux tickets attendent sa correction (puis cliquez sur Tester dans Admin > Connexions ITSM).',
  },
};

/** Translations follow the console's language switch (reading `lang` subscribes the component). */
export function useItsmText() {
  const { lang } = useConsole().i18n;
  return (key: ItsmMessage, params?: TranslationParams) => interpolate(dictionaries[lang.value][key], params);
}
