import { useConsole } from '../console-context.ts';
import './ItsmBadge.css';

/** In the header on every tab: tickets not reaching the ITSM is something technicians must notice. */
export function ItsmBadge() {
  const store = useConsole();
  const { t } = store.i18n;
  const { openBreakers, deadLetters } = store.itsm.attention.value;
  if (openBreakers === 0 && deadLetters === 0) return null;
  const parts = [
    ...(openBreakers > 0 ? [t('itsmAlertBreaker')] : []),
    ...(deadLetters > 0 ? [t('itsmAlertDeadLetters', { count: deadLetters })] : []),
  ];
  return (
    <button type="button" class="itsm-badge" title={t('itsmAlertTitle')} data-testid="itsm-badge" onClick={() => (store.tab.value = 'itsm')}>
      {parts.join(' · ')}
    </button>
  );
}
