import type { UserAccountView } from '@walkup/client';
import { useRef, useState } from 'preact/hooks';
import { useConsole } from '../../console-context.ts';
import { useLoaded } from '../use-loaded.ts';
import { useSiteAdminText } from './site-admin-messages.ts';
import { TechnicianForm } from './TechnicianForm.tsx';
import { RowActions } from './ConfigFormParts.tsx';
import { useRowAction, type SitePanelProps } from './use-config-form.tsx';

/**
 * The technicians who serve this site's queues, the queues each one serves and the account that
 * signs in as them. Archiving is refused while they are serving someone.
 */
export function TechniciansPanel({ siteId, setup, onSaved }: SitePanelProps) {
  const store = useConsole();
  const t = useSiteAdminText();
  const lang = store.i18n.lang.value;
  const { run, refusalText } = useRowAction(onSaved);
  // Accounts are the company's: a site admin sees and links none (the server refuses them anyway).
  const isAdmin = store.session.value?.role === 'admin';
  const accounts = useLoaded(() => (isAdmin ? store.api.listUsers() : Promise.resolve(null)), [isAdmin]);
  const [editing, setEditing] = useState<string | null>(null);
  const title = useRef<HTMLHeadingElement>(null);
  const queueName = (id: string) => {
    const queue = setup.queues.find((q) => q.id === id);
    return queue ? (queue.name[lang] ?? Object.values(queue.name)[0] ?? id) : id;
  };
  const accountsOf = (technicianId: string): UserAccountView[] => (accounts.value ?? []).filter((a) => a.technicianId === technicianId);
  const close = () => {
    setEditing(null);
    title.current?.focus();
  };
  const edited = setup.technicians.find((x) => x.id === editing) ?? null;

  return (
    <section class="panel" aria-labelledby="technicians-title">
      <h3 id="technicians-title" ref={title} tabIndex={-1}>
        {t('techniciansTitle')}
      </h3>
      {refusalText}
      {setup.technicians.length === 0 ? (
        <p class="muted">{t('techniciansEmpty')}</p>
      ) : (
        <table class="admin-table">
          <thead>
            <tr>
              <th scope="col">{t('colName')}</th>
              <th scope="col">{t('colQueues')}</th>
              {isAdmin && <th scope="col">{t('colAccount')}</th>}
              <th scope="col">{t('colState')}</th>
              <th scope="col">{t('colAction')}</th>
            </tr>
          </thead>
          <tbody>
            {setup.technicians.map((technician) => (
              <tr key={technician.id} data-testid="technician-row">
                <td>{technician.name}</td>
                <td>{technician.queueIds.map(queueName).join(', ')}</td>
                {isAdmin && <td>{accountsOf(technician.id).map((a) => a.username).join(', ') || '—'}</td>}
                <td>{technician.archived ? t('archived') : t('inUse')}</td>
                <RowActions
                  name={technician.name}
                  archived={technician.archived}
                  onEdit={() => setEditing(technician.id)}
                  onArchive={() =>
                    void run(
                      () => store.api.changeTechnician(siteId, technician.id, { archived: !technician.archived }),
                      t(technician.archived ? 'technicianRestored' : 'technicianArchived', { name: technician.name }),
                    )
                  }
                />
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <TechnicianForm
        key={editing ?? 'new'}
        siteId={siteId}
        queues={setup.queues.filter((q) => !q.archived || edited?.queueIds.includes(q.id))}
        queueName={queueName}
        technician={edited}
        accounts={isAdmin ? (accounts.value ?? []) : null}
        onSaved={(saved) => {
          onSaved(saved);
          accounts.reload();
          if (editing) close();
        }}
        onCancel={close}
      />
    </section>
  );
}
