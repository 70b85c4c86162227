import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { KioskStore } from './kiosk-store.ts';

export const KioskContext = createContext<KioskStore | null>(null);

export function useKiosk(): KioskStore {
  const store = useContext(KioskContext);
  if (!store) throw new Error('useKiosk must be used inside <KioskContext>');
  return store;
}
