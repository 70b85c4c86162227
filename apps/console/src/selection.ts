import { effect, signal } from '@preact/signals';

export interface Selection {
  siteId: string | null;
  technicianId: string | null;
  deskId: string | null;
}

const storageKey = 'walkup.console.selection';
const empty: Selection = { siteId: null, technicianId: null, deskId: null };

function read(storage: Storage | undefined): Selection {
  try {
    const parsed = JSON.parse(storage?.getItem(storageKey) ?? 'null') as Partial<Selection> | null;
    return { ...empty, ...parsed };
  } catch {
    return empty;
  }
}

/** Technicians reopen the console every morning at the same desk: remember where they sat. */
export function createSelection(storage: Storage | undefined = globalThis.localStorage) {
  const selection = signal<Selection>(read(storage));
  effect(() => {
    try {
      storage?.setItem(storageKey, JSON.stringify(selection.value));
    } catch {
      // Private browsing or a full quota: the console still works, it just forgets.
    }
  });
  return selection;
}
