import { useRef, useState } from 'preact/hooks';
import { useConsole } from '../../console-context.ts';
import { errorFor, fieldErrorOf, type FieldError } from './field-errors.ts';

/**
 * A form's server validation error, tied to the field it names: `field(path)` gives an input its
 * id, aria-invalid and aria-describedby; `errorOf(path)` the props of its FieldErrorText (an error
 * about a whole shows where `errorOf(path, true)` is placed); `fail` takes the keyboard to the
 * named field, or reports the error as a toast when no field matches.
 */
export function useFieldErrors(prefix: string) {
  const store = useConsole();
  const [error, setError] = useState<FieldError | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const fieldId = (path: string) => `${prefix}-${path.replace(/^body\//, '').replace(/\//g, '-')}`;
  const errorId = (path: string) => `${fieldId(path)}-error`;
  // The named field, or one of its parts; an error about a whole (`body/label`) marks each part.
  const describing = (path: string) => (errorFor(error, path) ? errorId(path) : error && path.startsWith(`${error.path}/`) ? errorId(error.path) : undefined);
  return {
    form,
    error,
    clear: () => setError(null),
    field: (path: string, help?: string) => ({
      id: fieldId(path),
      'aria-invalid': describing(path) ? ('true' as const) : undefined,
      'aria-describedby': [help, describing(path)].filter(Boolean).join(' ') || undefined,
    }),
    errorOf: (path: string, exact = false) => ({ id: errorId(path), message: exact ? (error?.path === path ? error.message : null) : errorFor(error, path) }),
    fail(failure: unknown) {
      const named = fieldErrorOf(failure);
      if (!named) return store.reportError(failure);
      setError(named);
      requestAnimationFrame(() => {
        const invalid = form.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
        if (invalid) invalid.focus();
        else store.reportError(failure);
      });
    },
  };
}
