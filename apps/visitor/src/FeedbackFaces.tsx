import { ApiRequestError, FeedbackFace, feedbackScores, type FeedbackApi, type FeedbackScore } from '@walkup/client';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { VisitorMessage } from './messages.ts';
import { useVisitorApp } from './visitor-context.ts';
import './FeedbackFaces.css';

const labels: Record<FeedbackScore, VisitorMessage> = { 1: 'feedbackUnhappy', 2: 'feedbackNeutral', 3: 'feedbackHappy' };

/**
 * "How did it go?": one tap on a face sends it, with the comment typed beforehand if any.
 * `known` says whether the socket already told us feedback is open; otherwise (a page opened again
 * after the visit, a feedback link) the server is asked. `suggested` is the face tapped in the
 * closing email: it is marked and focused, and one more tap sends it (a mail scanner following the
 * link records nothing). `sayWhenClosed` explains a link that can take no feedback any more.
 */
export function FeedbackFaces({ api, known, suggested, sayWhenClosed = false }: { api: FeedbackApi; known: boolean; suggested?: FeedbackScore; sayWhenClosed?: boolean }) {
  const { t } = useVisitorApp().i18n;
  const [open, setOpen] = useState<boolean | null>(known || null);
  const [comment, setComment] = useState('');
  const [state, setState] = useState<'idle' | 'sending' | 'sent'>('idle');
  const [failure, setFailure] = useState<string | null>(null);
  const suggestedFace = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (known) return;
    void api.getFeedback().then((answer) => setOpen(answer.open), () => setOpen(false));
  }, [api, known]);
  useEffect(() => {
    if (open) suggestedFace.current?.focus();
  }, [open]);

  async function send(score: FeedbackScore) {
    setState('sending');
    setFailure(null);
    try {
      await api.giveFeedback({ score, ...(comment.trim() ? { comment: comment.trim() } : {}) });
      setState('sent');
    } catch (error) {
      // Given already (another tab, a double tap): thank them all the same.
      if (error instanceof ApiRequestError && error.code === 'feedback_given') return setState('sent');
      setState('idle');
      setFailure(t('actionFailed', { message: error instanceof Error ? error.message : String(error) }));
    }
  }

  if (state === 'sent') {
    return (
      <p class="feedback-thanks" role="status" data-testid="feedback-thanks">
        {t('feedbackThanks')}
      </p>
    );
  }
  if (open === false && sayWhenClosed) return <p role="status">{t('feedbackClosed')}</p>;
  if (!open) return null;
  return (
    <form class="feedback" aria-labelledby="feedback-question" onSubmit={(event) => event.preventDefault()}>
      <h2 id="feedback-question">{t('feedbackQuestion')}</h2>
      <label class="feedback-comment">
        {t('feedbackComment')}
        <textarea maxLength={1000} rows={2} value={comment} onInput={(event) => setComment(event.currentTarget.value)} />
      </label>
      <div class="feedback-faces" role="group" aria-labelledby="feedback-question">
        {feedbackScores.map((score) => (
          <button
            key={score}
            ref={score === suggested ? suggestedFace : undefined}
            type="button"
            class={score === suggested ? 'feedback-face feedback-face-suggested' : 'feedback-face'}
            aria-describedby={score === suggested ? 'feedback-suggested' : undefined}
            disabled={state === 'sending'}
            onClick={() => void send(score)}
          >
            <FeedbackFace score={score} />
            <span>{t(labels[score])}</span>
          </button>
        ))}
      </div>
      {suggested && (
        <p id="feedback-suggested" class="feedback-hint">
          {t('feedbackSuggested')}
        </p>
      )}
      {failure && <p role="alert">{failure}</p>}
    </form>
  );
}
