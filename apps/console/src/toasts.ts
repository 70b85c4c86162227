import { signal } from '@preact/signals';

export interface Toast {
  id: number;
  kind: 'error' | 'info';
  text: string;
}

const visibleMs = 8000;

/** Messages for the technician (mostly the server's 409 explanations), announced by an aria-live region. */
export function createToasts() {
  const list = signal<Toast[]>([]);
  let nextId = 1;
  const dismiss = (id: number) => (list.value = list.value.filter((toast) => toast.id !== id));
  const show = (text: string, kind: Toast['kind'] = 'error') => {
    const id = nextId++;
    // Keep a few: a burst of identical failures should not bury the screen.
    list.value = [...list.value.slice(-3), { id, kind, text }];
    setTimeout(() => dismiss(id), visibleMs);
  };
  return { list, show, dismiss };
}
