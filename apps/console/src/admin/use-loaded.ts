import { useEffect, useState } from 'preact/hooks';
import { useConsole } from '../console-context.ts';

/**
 * Loads a list for an admin screen, again on `reload()` and optionally every `pollMs`. A failed
 * poll stays quiet (the next one may work); a failed first load or reload shows the server's message.
 */
export function useLoaded<T>(load: () => Promise<T>, deps: unknown[], pollMs?: number) {
  const store = useConsole();
  const [value, setValue] = useState<T | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let live = true;
    const run = (quiet: boolean) =>
      load().then(
        (result) => live && setValue(result),
        (error: unknown) => live && !quiet && store.reportError(error),
      );
    void run(false);
    const timer = pollMs ? setInterval(() => void run(true), pollMs) : undefined;
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [...deps, version]);
  return { value, reload: () => setVersion((n) => n + 1) };
}
