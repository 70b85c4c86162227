import { createFeedbackApi, type FeedbackScore } from '@walkup/client';
import { useMemo } from 'preact/hooks';
import { FeedbackFaces } from './FeedbackFaces.tsx';
import { tokenFromHash } from './ticket-store.ts';
import { useVisitorApp } from './visitor-context.ts';

/** The face a closing email's link was for (`?score=3`), if it names one. */
export function suggestedScoreOf(search: string): FeedbackScore | undefined {
  const score = Number(new URLSearchParams(search).get('score'));
  return score === 1 || score === 2 || score === 3 ? score : undefined;
}

/** The closing email's "How did it go?" link: its token (in the fragment) gives this visit's feedback and nothing else. */
export function FeedbackPage() {
  const { t } = useVisitorApp().i18n;
  const token = tokenFromHash(globalThis.location.hash);
  const api = useMemo(() => (token ? createFeedbackApi(token) : null), [token]);
  return (
    <section class="visitor-card" aria-labelledby="feedback-page-title">
      <h1 id="feedback-page-title">{t('feedbackPageTitle')}</h1>
      {api ? <FeedbackFaces api={api} known={false} suggested={suggestedScoreOf(globalThis.location.search)} sayWhenClosed /> : <p>{t('feedbackClosed')}</p>}
    </section>
  );
}
