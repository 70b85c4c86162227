import { useEffect, useState } from 'preact/hooks';
import { useConsole } from '../console-context.ts';

/**
 * One site's settings in an admin form: loaded again when the site changes, saved on submit (the
 * server's answer replaces what the form holds), failures shown as the server's message.
 */
export function useSiteSettings<T>(siteId: string, load: (siteId: string) => Promise<T>, save: (siteId: string, settings: T) => Promise<T>, onSaved: () => void) {
  const store = useConsole();
  const [settings, setSettings] = useState<T | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!siteId) return;
    let live = true;
    setSettings(null);
    load(siteId).then(
      (loaded) => live && setSettings(loaded),
      (error: unknown) => live && store.reportError(error),
    );
    return () => {
      live = false;
    };
  }, [siteId, store]);

  const onSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (busy || !settings) return;
    setBusy(true);
    try {
      setSettings(await save(siteId, settings));
      onSaved();
    } catch (error) {
      store.reportError(error);
    } finally {
      setBusy(false);
    }
  };

  return { settings, setSettings, busy, onSubmit };
}
