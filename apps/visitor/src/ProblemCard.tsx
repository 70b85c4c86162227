import type { LoadProblem } from './visitor-problems.ts';
import { problemWordsOf } from './visitor-problems.ts';
import { useVisitorApp } from './visitor-context.ts';

/** A page that could not load: a heading naming the problem, then what to do instead. */
export function ProblemCard({ problem }: { problem: LoadProblem }) {
  const { t } = useVisitorApp().i18n;
  const words = problemWordsOf(problem.code);
  return (
    <section class="visitor-card" aria-labelledby="problem-title" data-problem={problem.code}>
      <h1 id="problem-title">{t(words?.title ?? 'errorTitle')}</h1>
      <p role="alert">{words ? t(words.advice) : t('problem', { message: problem.message })}</p>
    </section>
  );
}
