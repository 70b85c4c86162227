import type { AdminSetupView } from '@walkup/client';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useConsole } from '../../console-context.ts';
import { useSiteAdminText } from './site-admin-messages.ts';
import { FormButtons, IdAndNameFields, RowActions } from './ConfigFormParts.tsx';
import { useConfigForm, useRowAction, type SitePanelProps } from './use-config-form.tsx';

type Desk = AdminSetupView['desks'][number];

/** The site's desks: add, rename, archive or restore (the server refuses while a visitor is served there). */
export function DesksPanel({ siteId, setup, onSaved }: SitePanelProps) {
  const t = useSiteAdminText();
  const { run, refusalText } = useRowAction(onSaved);
  const [editing, setEditing] = useState<string | null>(null);
  const title = useRef<HTMLHeadingElement>(null);
  const close = () => {
    setEditing(null);
    title.current?.focus();
  };
  const store = useConsole();
  return (
    <section class="panel" aria-labelledby="desks-title">
      <h3 id="desks-title" ref={title} tabIndex={-1}>
        {t('desksTitle')}
      </h3>
      {refusalText}
      {setup.desks.length === 0 ? (
        <p class="muted">{t('desksEmpty')}</p>
      ) : (
        <table class="admin-table">
          <thead>
            <tr>
              <th scope="col">{t('colId')}</th>
              <th scope="col">{t('colName')}</th>
              <th scope="col">{t('colState')}</th>
              <th scope="col">{t('colAction')}</th>
            </tr>
          </thead>
          <tbody>
            {setup.desks.map((desk) => (
              <tr key={desk.id} data-testid="desk-row">
                <td>{desk.id}</td>
                <td>{desk.name}</td>
                <td>{desk.archived ? t('archived') : t('inUse')}</td>
                <RowActions
                  name={desk.name}
                  archived={desk.archived}
                  onEdit={() => setEditing(desk.id)}
                  onArchive={() => void run(() => store.api.changeDesk(siteId, desk.id, { archived: !desk.archived }), t(desk.archived ? 'deskRestored' : 'deskArchived', { name: desk.name }))}
                />
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <DeskForm
        key={editing ?? 'new'}
        siteId={siteId}
        desk={setup.desks.find((d) => d.id === editing) ?? null}
        onSaved={(saved) => {
          onSaved(saved);
          if (editing) close();
        }}
        onCancel={close}
      />
    </section>
  );
}

function DeskForm({ siteId, desk, onSaved, onCancel }: { siteId: string; desk: Desk | null; onSaved: (setup: AdminSetupView) => void; onCancel: () => void }) {
  const store = useConsole();
  const t = useSiteAdminText();
  const configForm = useConfigForm('desk');
  const { form, busy, fieldId, submit } = configForm;
  const [id, setId] = useState('');
  const [name, setName] = useState(desk?.name ?? '');

  // Renaming a desk takes the keyboard straight to its name.
  useEffect(() => {
    if (desk) document.getElementById(fieldId('body/name'))?.focus();
  }, [desk?.id]);

  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    void submit(async () => {
      onSaved(desk ? await store.api.changeDesk(siteId, desk.id, { name }) : await store.api.createDesk(siteId, { id, name }));
      store.toasts.show(t('deskSaved', { name }), 'info');
      if (!desk) {
        setId('');
        setName('');
      }
    });
  };

  const title = desk ? t('editDeskTitle', { name: desk.name }) : t('addDeskTitle');
  return (
    <form class="admin-form" ref={form} onSubmit={onSubmit} noValidate aria-label={title}>
      <h4>{title}</h4>
      <IdAndNameFields form={configForm} isNew={!desk} id={id} name={name} onId={setId} onName={setName} />
      <FormButtons busy={busy} editing={desk !== null} add={t('addDesk')} save={t('saveDesk')} onCancel={onCancel} />
    </form>
  );
}
