import { ApiRequestError } from '@walkup/client';
import { useState } from 'preact/hooks';
import { useVisitorApp } from './visitor-context.ts';

/** One tap on the phone page: buttons wait while it runs, and a refusal is said in the server's words. */
export function useVisitorAction() {
  const { t } = useVisitorApp().i18n;
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function run(action: () => Promise<unknown>) {
    setBusy(true);
    setFailure(null);
    try {
      await action();
    } catch (error) {
      setFailure(t('actionFailed', { message: error instanceof ApiRequestError ? error.message : String(error) }));
    } finally {
      setBusy(false);
    }
  }

  return { busy, failure, run };
}
