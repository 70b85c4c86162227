import type { Signal } from '@preact/signals';
import './OfflineBanner.css';

interface OfflineBannerProps {
  connected: Signal<boolean>;
  /** Already translated by the app, which owns its dictionary. */
  message: string;
}

/** Says plainly that what is on screen may be out of date; reconnecting is automatic. */
export function OfflineBanner({ connected, message }: OfflineBannerProps) {
  if (connected.value) return null;
  return (
    <div class="offline-banner" role="status" aria-live="polite">
      {message}
    </div>
  );
}
