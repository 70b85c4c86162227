import type { Signal } from '@preact/signals';
import { useEffect, useState } from 'preact/hooks';
import './OfflineBanner.css';

interface OfflineBannerProps {
  connected: Signal<boolean>;
  /** Already translated by the app, which owns its dictionary. */
  message: string;
  /** Page loads and quick reconnects take a moment; a banner flashing for them would only alarm. */
  graceMs?: number;
}

/** Says plainly that what is on screen may be out of date; reconnecting is automatic. */
export function OfflineBanner({ connected, message, graceMs = 2000 }: OfflineBannerProps) {
  const isConnected = connected.value;
  const [show, setShow] = useState(false);
  useEffect(() => {
    if (isConnected) {
      setShow(false);
      return;
    }
    const timer = setTimeout(() => setShow(true), graceMs);
    return () => clearTimeout(timer);
  }, [isConnected, graceMs]);
  if (!show) return null;
  return (
    <div class="offline-banner" role="status" aria-live="polite">
      {message}
    </div>
  );
}
