import { ApiRequestError, type AdminSetupView } from '@walkup/client';
import { useState } from 'preact/hooks';
import { useConsole } from '../../console-context.ts';

/**
 * Runs a list action (move, archive, restore) and keeps the server's refusal to show in the panel:
 * these buttons have no field of their own to put the reason next to.
 */
export function useConfigAction(onSaved: (setup: AdminSetupView) => void) {
  const store = useConsole();
  const [refusal, setRefusal] = useState<string | null>(null);
  const run = async (work: () => Promise<AdminSetupView>, done?: string, focusId?: string) => {
    setRefusal(null);
    try {
      onSaved(await work());
      if (done) store.toasts.show(done, 'info');
      // Moving a row re-renders it elsewhere: keep the keyboard on the same button.
      if (focusId) requestAnimationFrame(() => document.getElementById(focusId)?.focus());
    } catch (failure) {
      if (failure instanceof ApiRequestError && failure.statusCode < 500) setRefusal(failure.message);
      else store.reportError(failure);
    }
  };
  return { refusal, run };
}

/** The order after moving one item up or down, and which of its two buttons keeps the focus. */
export function moveInOrder(ids: readonly string[], index: number, direction: 'up' | 'down') {
  const by = direction === 'up' ? -1 : 1;
  const order = [...ids];
  const [moved] = order.splice(index, 1);
  order.splice(index + by, 0, moved!);
  // At the edge the button is gone; the other one of the same row takes the focus.
  const atEdge = index + by === 0 || index + by === order.length - 1;
  const focusButton: 'up' | 'down' = atEdge ? (direction === 'up' ? 'down' : 'up') : direction;
  return { order, moved: moved!, focusButton };
}
