import { ApiRequestError, type AdminSetupView } from '@walkup/client';
import { useRef, useState } from 'preact/hooks';
import { useConsole } from '../../console-context.ts';
import { errorFor, fieldErrorOf, type FieldError } from './field-errors.ts';
import { FieldErrorText } from './FieldError.tsx';

/** What each panel of one site's configuration is given: every save answers with the whole setup. */
export interface SitePanelProps {
  siteId: string;
  setup: AdminSetupView;
  onSaved: (setup: AdminSetupView) => void;
}

/**
 * A configuration form's handling of the server's answer: a validation error is shown next to
 * the field it names (`body/openingHours/mon/0` → the inputs of that range) and takes the keyboard
 * there; an error that names no field is reported as a toast. `prefix` keeps field ids unique.
 */
export function useConfigForm(prefix: string) {
  const store = useConsole();
  const [error, setError] = useState<FieldError | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const fieldId = (path: string) => `${prefix}-${path.replace(/^body\//, '').replace(/\//g, '-')}`;
  const errorId = (path: string) => `${fieldId(path)}-error`;

  /** id, aria-invalid and aria-describedby of the input for `path` (`errorPath` when its error is a wider one). */
  const field = (path: string, errorPath = path) => ({
    id: fieldId(path),
    'aria-invalid': errorFor(error, errorPath) ? ('true' as const) : undefined,
    'aria-describedby': errorFor(error, errorPath) ? errorId(errorPath) : undefined,
  });
  const errorText = (path: string) => <FieldErrorText id={errorId(path)} message={errorFor(error, path)} />;

  const submit = async (work: () => Promise<void>) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (failure) {
      const named = fieldErrorOf(failure);
      if (!named) return store.reportError(failure);
      setError(named);
      requestAnimationFrame(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
    } finally {
      setBusy(false);
    }
  };

  return { form, busy, error, fieldId, field, errorText, submit };
}

/**
 * A row action (archive, restore) whose refusal (a desk in use, visitors still waiting) is the
 * server's own words, shown at the top of the panel rather than as a passing toast.
 */
export function useRowAction(onSaved: (setup: AdminSetupView) => void) {
  const store = useConsole();
  const [refusal, setRefusal] = useState<string | null>(null);
  const run = async (work: () => Promise<AdminSetupView>, done: string) => {
    setRefusal(null);
    try {
      onSaved(await work());
      store.toasts.show(done, 'info');
    } catch (failure) {
      if (failure instanceof ApiRequestError && failure.statusCode < 500) setRefusal(failure.message);
      else store.reportError(failure);
    }
  };
  const refusalText = refusal && (
    <p class="field-error" role="alert">
      {refusal}
    </p>
  );
  return { run, refusalText };
}
