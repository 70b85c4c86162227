import type { ItsmConnectionList, ItsmConnectionView } from '@walkup/client';
import { useRef, useState } from 'preact/hooks';
import { useConsole } from '../../console-context.ts';
import { errorFor, fieldErrorOf, type FieldError } from '../config/field-errors.ts';
import { FieldErrorText } from '../config/FieldError.tsx';
import { useConnectionText, type ConnectionMessage } from './connection-messages.ts';
import { connectionBody, editableVendors, initialValues, vendorFields, type EditableVendor } from './vendor-fields.ts';

interface Props {
  /** The connection being edited; none to add one. */
  connection: ItsmConnectionView | null;
  onSaved: (list: ItsmConnectionList) => void;
  onCancel: () => void;
}

const fieldId = (path: string) => `itsm-connection-${path.replace(/^body\//, '').replace(/[/.]/g, '-')}`;
const apiPath = (path: string) => `body/${path.replaceAll('.', '/')}`;

/** Adds or edits a stored connection: the vendor's fields, secrets write-only. */
export function ItsmConnectionForm({ connection, onSaved, onCancel }: Props) {
  const store = useConsole();
  const t = useConnectionText();
  const [vendor, setVendor] = useState<EditableVendor>((connection?.vendor as EditableVendor | undefined) ?? 'rt');
  const [name, setName] = useState(connection?.name ?? '');
  const [values, setValues] = useState(() => initialValues(vendor, connection));
  const [error, setError] = useState<FieldError | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  const chooseVendor = (next: EditableVendor) => {
    setVendor(next);
    setValues(initialValues(next, connection));
  };

  const onSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const body = connectionBody(vendor, values, connection);
      const list = connection ? await store.api.changeItsmConnection(connection.name, body) : await store.api.createItsmConnection(name.trim(), body);
      store.toasts.show(t('saved', { name: connection?.name ?? name.trim() }), 'info');
      onSaved(list);
    } catch (failure) {
      const named = fieldErrorOf(failure);
      if (!named) return store.reportError(failure);
      setError(named);
      requestAnimationFrame(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
    } finally {
      setBusy(false);
    }
  };

  const field = (path: string, label: string, input: (props: Record<string, unknown>) => preact.JSX.Element, hint?: string) => {
    const message = errorFor(error, apiPath(path));
    const id = fieldId(path);
    const described = [hint ? `${id}-hint` : null, message ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
    return (
      <div class="field" key={path}>
        <label for={id}>{label}</label>
        {input({ id, 'aria-invalid': message ? 'true' : undefined, 'aria-describedby': described })}
        {hint && (
          <small id={`${id}-hint`} class="muted">
            {hint}
          </small>
        )}
        <FieldErrorText id={`${id}-error`} message={message} />
      </div>
    );
  };

  const title = connection ? t('editTitle', { name: connection.name }) : t('addTitle');
  return (
    <form class="admin-form" ref={form} onSubmit={onSubmit} noValidate aria-label={title} data-testid="itsm-connection-form">
      <h3>{title}</h3>
      {!connection && field('name', t('name'), (props) => <input {...props} type="text" required value={name} onInput={(e) => setName(e.currentTarget.value)} />, t('nameHelp'))}
      {field('vendor', t('vendor'), (props) => (
        <select {...props} value={vendor} onChange={(e) => chooseVendor(e.currentTarget.value as EditableVendor)}>
          {editableVendors.map((id) => (
            <option key={id} value={id}>
              {t(`vendor_${id}`)}
            </option>
          ))}
        </select>
      ))}
      {vendorFields[vendor].map((spec) => {
        const isSet = spec.secret && connection?.vendor === vendor && connection.secrets[spec.path]?.set;
        const hint = spec.secret ? (isSet ? t('secretSet') : t('secretNotSet')) : undefined;
        return field(
          spec.path,
          t(`field_${spec.path}` as ConnectionMessage),
          (props) => (
            <input
              {...props}
              type={(spec.secret ? 'password' : spec.number ? 'number' : 'text') as 'text'}
              autocomplete={spec.secret ? 'new-password' : 'off'}
              required={!spec.optional && !isSet}
              value={values[spec.path] ?? ''}
              onInput={(e) => setValues({ ...values, [spec.path]: e.currentTarget.value })}
            />
          ),
          hint,
        );
      })}
      <button type="submit" class="btn btn-primary" disabled={busy}>
        {t('save')}
      </button>
      <button type="button" class="btn" onClick={onCancel}>
        {t('cancel')}
      </button>
    </form>
  );
}
