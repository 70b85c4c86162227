import { currentBroadcast } from '@walkup/domain';
import { useDisplay } from './display-context.ts';
import './BroadcastBanner.css';

/**
 * The site's message to everyone waiting, across the top of the wall display in large type so it
 * reads from across the room. Hidden once it expires (the view re-renders with every estimate update).
 */
export function BroadcastBanner() {
  const store = useDisplay();
  const broadcast = currentBroadcast(store.site.view.value?.broadcast, Date.now());
  if (!broadcast) return null;
  return (
    <aside class="broadcast-banner" aria-label={store.i18n.t('broadcastLabel')} data-testid="broadcast">
      <p role="status">{broadcast.message}</p>
    </aside>
  );
}
