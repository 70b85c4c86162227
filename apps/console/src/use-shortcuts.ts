import { useEffect } from 'preact/hooks';
import type { ConsoleStore } from './console-store.ts';

/** Typing "Sam" into a note must not call the next visitor: shortcuts sleep while a field has focus. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export const resolutionNoteId = 'resolution-note';
export const handOverId = 'hand-over';
export const transferQueueId = 'transfer-queue';

/** Opens the transfer form of the visit at the desk and puts the focus on its queue choice. */
function openTransfer(): void {
  const handOver = document.getElementById(handOverId);
  if (handOver instanceof HTMLDetailsElement) handOver.open = true;
  document.getElementById(transferQueueId)?.focus();
}

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
        case 'a':
          event.preventDefault();
          void store.setPresence('available');
          break;
        case 'c':
          event.preventDefault();
          void store.recall();
          break;
        case 'x':
          event.preventDefault();
          void store.noShow();
          break;
        case 't':
          event.preventDefault();
          openTransfer();
          break;
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [store]);
}
