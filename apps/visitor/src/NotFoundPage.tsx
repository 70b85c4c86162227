import { useVisitorApp } from './visitor-context.ts';

export function NotFoundPage() {
  const { t } = useVisitorApp().i18n;
  return (
    <section class="visitor-card" aria-labelledby="not-found-title">
      <h1 id="not-found-title">{t('notFoundTitle')}</h1>
      <p>{t('notFoundBody')}</p>
    </section>
  );
}
