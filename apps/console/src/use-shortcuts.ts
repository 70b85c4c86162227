import { useEffect } from 'preact/hooks';
import type { ConsoleStore } from './console-store.ts';

/** Typing "Sam" into a note must not call the next visitor: shortcuts sleep while a field has focus. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export const resolutionNoteId = 'resolution-note';

export function useShortcuts(store: ConsoleStore) {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      switch (event.key.toLowerCase()) {
        case 'n':
          event.preventDefault();
          void store.callNext();
          break;
        case 's':
          event.preventDefault();
          void store.start();
          break;
        case 'r':
          // Resolving needs a note: jump to it; Ctrl+Enter there submits.
          event.preventDefault();
          document.getElementById(resolutionNoteId)?.focus();
          break;
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [store]);
}
