import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { DisplayStore } from './display-store.ts';

export const DisplayContext = createContext<DisplayStore | null>(null);

export function useDisplay(): DisplayStore {
  const store = useContext(DisplayContext);
  if (!store) throw new Error('useDisplay must be used inside <DisplayContext>');
  return store;
}
