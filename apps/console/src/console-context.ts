import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { ConsoleStore } from './console-store.ts';

export const ConsoleContext = createContext<ConsoleStore | null>(null);

export function useConsole(): ConsoleStore {
  const store = useContext(ConsoleContext);
  if (!store) throw new Error('useConsole must be used inside <ConsoleContext>');
  return store;
}
