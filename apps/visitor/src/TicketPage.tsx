import { createVisitorApi, formatNobodyServing, formatWait, localized, OfflineBanner } from '@walkup/client';
import type { VisitorTicket } from '@walkup/protocol';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { VisitorMessage } from './messages.ts';
import { createTicketStore, tokenFromHash, type LinkProblem, type TicketStore } from './ticket-store.ts';
import { useVisitorApp } from './visitor-context.ts';
import { WaitingActions } from './WaitingActions.tsx';
import { NotifyMe } from './NotifyMe.tsx';
import { FeedbackFaces } from './FeedbackFaces.tsx';
import { RejoinOffer } from './RejoinOffer.tsx';
import { OnTheWay } from './OnTheWay.tsx';
import { ProblemCard } from './ProblemCard.tsx';
import './TicketPage.css';

const endedMessages: Record<string, VisitorMessage> = {
  resolved: 'endedResolved',
  escalated: 'endedEscalated',
  no_show: 'endedNoShow',
  cancelled: 'endedCancelled',
  unknown: 'endedUnknown',
};

/** The server's codes for a link the ticket page cannot show, so the shared problem card words them. */
const linkProblemCodes: Record<LinkProblem, string> = { no_token: 'no_token', unknown: 'visitor_link_unknown', revoked: 'visitor_link_revoked' };

function CalledBanner({ ticket }: { ticket: VisitorTicket }) {
  const { t } = useVisitorApp().i18n;
  const desk = ticket.desk?.name ?? '';
  if (ticket.state === 'in_service') {
    return <p class="ticket-status ticket-status-service">{t('inServiceTitle', { desk })}</p>;
  }
  return (
    <div class="ticket-status ticket-status-called" role="alert" data-testid="called">
      <p class="ticket-status-title">{t('calledTitle')}</p>
      <p class="ticket-desk">{t('calledDesk', { desk })}</p>
    </div>
  );
}

function WaitingFacts({ ticket }: { ticket: VisitorTicket }) {
  const { t, lang } = useVisitorApp().i18n;
  return (
    <>
    <dl class="ticket-facts">
      <div>
        <dt>{t('position')}</dt>
        <dd data-testid="position">{ticket.position === 1 ? t('nextUp') : t('positionValue', { position: ticket.position ?? '–' })}</dd>
      </div>
      <div>
        <dt>{t('wait')}</dt>
        <dd data-testid="estimate">{formatWait(ticket.estimate, lang.value)}</dd>
      </div>
    </dl>
      {/* "No estimate yet" alone would leave them guessing: nobody serves their queue now, and when someone is expected (as the kiosk and the display say). */}
      {ticket.nobodyServing && (
        <p class="ticket-unserved" data-testid="nobody-serving">
          {formatNobodyServing(ticket.nobodyServing, lang.value, ticket.timeZone)}
        </p>
      )}
    </>
  );
}

function LiveTicket({ store }: { store: TicketStore }) {
  const { t, lang } = useVisitorApp().i18n;
  const ticket = store.ticket.value!;
  const previousState = useRef(ticket.state);
  // A phone in a pocket: a short buzz when the visitor is called.
  useEffect(() => {
    if (ticket.state === 'called' && previousState.current === 'waiting') globalThis.navigator?.vibrate?.([200, 100, 200]);
    previousState.current = ticket.state;
  }, [ticket.state]);
  return (
    <section class="visitor-card ticket-card" aria-labelledby="ticket-heading">
      <h1 id="ticket-heading" class="ticket-heading">
        <span class="ticket-label">{t('ticket')}</span>
        <span class="ticket-number" data-testid="ticket-number">
          {ticket.ticketNumber}
        </span>
      </h1>
      <p class="ticket-queue">
        {t('queue')}: {localized(ticket.queue.name, lang.value)} · {ticket.siteName}
      </p>
      {ticket.broadcast && (
        <aside class="ticket-broadcast" aria-label={t('broadcastLabel')} data-testid="broadcast">
          <p role="status">{ticket.broadcast.message}</p>
        </aside>
      )}
      <div aria-live="polite">
        {ticket.onTheWay && ticket.state === 'waiting' && store.token && <OnTheWay token={store.token} />}
        {ticket.state === 'waiting' ? <WaitingFacts ticket={ticket} /> : <CalledBanner ticket={ticket} />}
      </div>
      {ticket.state === 'waiting' && store.token && <WaitingActions token={store.token} ticket={ticket} />}
      {ticket.state === 'waiting' && store.token && <NotifyMe token={store.token} />}
      <p class="ticket-hint">{t('liveHint')}</p>
    </section>
  );
}

function PageBody({ store }: { store: TicketStore }) {
  const { t } = useVisitorApp().i18n;
  const feedbackApi = useMemo(() => (store.token ? createVisitorApi(store.token) : null), [store.token]);
  const problem = store.problem.value;
  if (problem) return <ProblemCard problem={{ code: linkProblemCodes[problem], message: problem }} />;
  const ended = store.ended.value;
  if (ended) {
    return (
      <section class="visitor-card" aria-labelledby="ended-title">
        <h1 id="ended-title" data-testid="ended">
          {t(endedMessages[ended.outcome] ?? 'endedUnknown')}
        </h1>
        {feedbackApi && (ended.outcome === 'resolved' || ended.outcome === 'unknown') && <FeedbackFaces api={feedbackApi} known={ended.feedbackOpen} />}
        {store.token && (ended.outcome === 'no_show' || ended.outcome === 'unknown') && <RejoinOffer token={store.token} onRejoined={() => store.restart()} />}
      </section>
    );
  }
  if (!store.ticket.value) return <p class="visitor-loading">{t('loading')}</p>;
  return <LiveTicket store={store} />;
}

export function TicketPage() {
  const { t } = useVisitorApp().i18n;
  const store = useMemo(() => createTicketStore(tokenFromHash(globalThis.location.hash)), []);
  useEffect(() => {
    store.start();
    return () => store.stop();
  }, [store]);
  return (
    <>
      {!store.ended.value && !store.problem.value && <OfflineBanner connected={store.connected} message={t('offline')} />}
      <PageBody store={store} />
    </>
  );
}
