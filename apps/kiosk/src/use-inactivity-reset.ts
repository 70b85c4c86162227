import { useEffect } from 'preact/hooks';
import type { KioskStore } from './kiosk-store.ts';

const idleLimitMs = 60_000;

/**
 * Someone who walks away halfway must not leave their name on screen for the next person, nor
 * a half-made choice that the next visitor would confirm by mistake.
 */
export function useInactivityReset(store: KioskStore) {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const restart = () => {
      clearTimeout(timer);
      // Also on the start screen: it clears a half-typed email and restores the default language.
      timer = setTimeout(() => store.reset(), idleLimitMs);
    };
    const events = ['pointerdown', 'keydown', 'input'] as const;
    for (const name of events) document.addEventListener(name, restart, { capture: true, passive: true });
    restart();
    return () => {
      clearTimeout(timer);
      for (const name of events) document.removeEventListener(name, restart, { capture: true });
    };
  }, [store]);
}
