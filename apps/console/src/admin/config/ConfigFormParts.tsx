import type { JSX } from 'preact';
import { useSiteAdminText } from './site-admin-messages.ts';
import type { useConfigForm } from './use-config-form.tsx';

type ConfigForm = ReturnType<typeof useConfigForm>;

/** Identifier (new items only: ids never change) and name, the first fields of the site, desk and technician forms. */
export function IdAndNameFields({ form, isNew, id, name, onId, onName }: { form: ConfigForm; isNew: boolean; id: string; name: string; onId: (id: string) => void; onName: (name: string) => void }) {
  const t = useSiteAdminText();
  return (
    <>
      {isNew && (
        <div class="field">
          <label for={form.fieldId('body/id')}>{t('idLabel')}</label>
          <input type="text" required maxLength={64} value={id} {...form.field('body/id')} onInput={(e) => onId(e.currentTarget.value)} />
          {form.errorText('body/id')}
        </div>
      )}
      <div class="field">
        <label for={form.fieldId('body/name')}>{t('nameLabel')}</label>
        <input type="text" required maxLength={80} value={name} {...form.field('body/name')} onInput={(e) => onName(e.currentTarget.value)} />
        {form.errorText('body/name')}
      </div>
    </>
  );
}

/** Checkboxes for a list field (`path`); the server's error about the list shows under them and marks them invalid. */
export function CheckboxGroup({ form, path, legend, options, chosen, onChange, children }: {
  form: ConfigForm;
  path: string;
  legend: string;
  options: Array<{ value: string; label: string }>;
  chosen: string[];
  onChange: (chosen: string[]) => void;
  children?: JSX.Element | false;
}) {
  const field = form.field(path);
  return (
    <fieldset class="field" aria-describedby={field['aria-describedby']}>
      <legend>{legend}</legend>
      {children}
      {options.map((option, index) => (
        <label key={option.value}>
          <input
            type="checkbox"
            // The first box carries the field's id: the error focuses it.
            id={index === 0 ? field.id : undefined}
            aria-invalid={field['aria-invalid']}
            checked={chosen.includes(option.value)}
            onChange={(e) => onChange(e.currentTarget.checked ? [...chosen, option.value] : chosen.filter((value) => value !== option.value))}
          />{' '}
          {option.label}
        </label>
      ))}
      {form.errorText(path)}
    </fieldset>
  );
}

/** Add (new item) or Save and Cancel (editing). */
export function FormButtons({ busy, editing, add, save, onCancel }: { busy: boolean; editing: boolean; add: string; save: string; onCancel: () => void }) {
  const t = useSiteAdminText();
  return (
    <>
      <button type="submit" class="btn btn-primary" disabled={busy}>
        {editing ? save : add}
      </button>
      {editing && (
        <button type="button" class="btn" onClick={onCancel}>
          {t('cancel')}
        </button>
      )}
    </>
  );
}

/** A table row's Edit and Archive/Restore buttons, named after the item for screen readers. */
export function RowActions({ name, archived, onEdit, onArchive }: { name: string; archived: boolean; onEdit: () => void; onArchive?: () => void }) {
  const t = useSiteAdminText();
  return (
    <td class="row-actions">
      <button type="button" class="btn" aria-label={t('edit', { name })} onClick={onEdit}>
        ✎
      </button>
      {onArchive && (
        <button type="button" class="btn" onClick={onArchive}>
          {t(archived ? 'restore' : 'archive', { name })}
        </button>
      )}
    </td>
  );
}
