import { FeedbackFace, feedbackScores, type FeedbackScore } from '@walkup/client';
import { kioskTicketScreenSeconds } from '@walkup/domain';
import { useEffect, useRef, useState } from 'preact/hooks';
import { BackButton } from './BackButton.tsx';
import { useKiosk } from './kiosk-context.ts';
import type { KioskMessage } from './messages.ts';
import { ResetFooter } from './ResetFooter.tsx';
import { useHeadingFocus } from './use-heading-focus.ts';
import './RateScreens.css';
import './StartScreen.css';

const labels: Record<FeedbackScore, KioskMessage> = { 1: 'rateUnhappy', 2: 'rateNeutral', 3: 'rateHappy' };

/** On the way out: who is rating. The same field takes a badge scan or typing, as at check-in. */
export function RateIdentifyScreen() {
  const store = useKiosk();
  const { t } = store.i18n;
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    void store.lookUpVisitToRate(input.current?.value ?? '');
  };
  return (
    <section class="start" aria-labelledby="rate-identify-title">
      <h2 id="rate-identify-title">{t('rateTitle')}</h2>
      <form class="start-form" onSubmit={onSubmit}>
        <label for="rate-identify-input">{t('rateIdentify')}</label>
        <input id="rate-identify-input" ref={input} class="text-input" type="text" autocomplete="off" autocapitalize="off" spellcheck={false} readOnly={store.busy.value} />
        <button class="button button-primary" type="submit" disabled={store.busy.value}>
          {t('continue')}
        </button>
      </form>
      <BackButton />
    </section>
  );
}

/** Three faces for the visit found; a tap sends, with the comment typed before if any. */
export function RateScreen({ ticketNumber, feedbackToken }: { ticketNumber: string; feedbackToken: string }) {
  const store = useKiosk();
  const { t } = store.i18n;
  const heading = useHeadingFocus();
  const [comment, setComment] = useState('');
  return (
    <section class="rate" aria-labelledby="rate-title">
      <h2 id="rate-title" ref={heading} tabIndex={-1}>
        {t('rateTicket', { ticket: ticketNumber })}
      </h2>
      <label class="rate-comment">
        {t('rateComment')}
        <textarea class="text-input" maxLength={1000} rows={2} value={comment} onInput={(event) => setComment(event.currentTarget.value)} />
      </label>
      <div class="rate-faces" role="group" aria-labelledby="rate-title">
        {feedbackScores.map((score) => (
          <button key={score} type="button" class="button rate-face" disabled={store.busy.value} onClick={() => void store.rateVisit(feedbackToken, score, comment)}>
            <FeedbackFace score={score} size={72} />
            <span>{t(labels[score])}</span>
          </button>
        ))}
      </div>
      <BackButton />
    </section>
  );
}

export function RatedScreen() {
  const store = useKiosk();
  const { t } = store.i18n;
  const heading = useHeadingFocus();
  return (
    <section class="ticket" aria-labelledby="rated-title">
      <h2 id="rated-title" class="ticket-line" ref={heading} tabIndex={-1} data-testid="rated">
        {t('rateThanks')}
      </h2>
      <ResetFooter seconds={kioskTicketScreenSeconds / 2} />
    </section>
  );
}
