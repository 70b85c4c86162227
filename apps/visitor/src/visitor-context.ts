import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { VisitorI18n } from './messages.ts';
import type { Router } from './router.ts';

export interface VisitorApp {
  i18n: VisitorI18n;
  router: Router;
}

export const VisitorContext = createContext<VisitorApp | null>(null);

export function useVisitorApp(): VisitorApp {
  const app = useContext(VisitorContext);
  if (!app) throw new Error('useVisitorApp must be used inside <VisitorContext>');
  return app;
}
