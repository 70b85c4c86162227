import type { AdminSetupView, UserAccountView } from '@walkup/client';
import { useEffect, useState } from 'preact/hooks';
import { useConsole } from '../../console-context.ts';
import { useSiteAdminText } from './site-admin-messages.ts';
import { CheckboxGroup, FormButtons, IdAndNameFields } from './ConfigFormParts.tsx';
import { useConfigForm } from './use-config-form.tsx';

type Technician = AdminSetupView['technicians'][number];

interface Props {
  siteId: string;
  /** The queues that can be ticked: those in service, and any archived one the technician still has. */
  queues: AdminSetupView['queues'];
  queueName: (queueId: string) => string;
  /** The technician being edited; none to add a new one. */
  technician: Technician | null;
  /** Accounts to link; null for a site admin, who does not manage accounts (the field is left out). */
  accounts: UserAccountView[] | null;
  onSaved: (setup: AdminSetupView) => void;
  onCancel: () => void;
}

/**
 * Adds or edits a technician: name, e-mail, the queues they serve here, and which account signs
 * in as them. The account link is the account's own setting (PATCH /api/admin/users/:id), saved
 * once the technician is: choosing another account unlinks the previous one, which also ends its sessions.
 */
export function TechnicianForm({ siteId, queues, queueName, technician, accounts, onSaved, onCancel }: Props) {
  const store = useConsole();
  const t = useSiteAdminText();
  const configForm = useConfigForm('technician');
  const { form, busy, field, fieldId, errorText, submit } = configForm;
  const linked = technician && accounts ? accounts.filter((a) => a.technicianId === technician.id) : [];
  const [id, setId] = useState('');
  const [name, setName] = useState(technician?.name ?? '');
  const [email, setEmail] = useState(technician?.email ?? '');
  const [queueIds, setQueueIds] = useState<string[]>(technician?.queueIds ?? []);
  const [accountId, setAccountId] = useState(linked[0]?.id ?? '');

  useEffect(() => {
    if (technician) document.getElementById(fieldId('body/name'))?.focus();
  }, [technician?.id]);
  // The accounts arrive after the form opened: show the linked one once they do.
  useEffect(() => setAccountId(linked[0]?.id ?? ''), [accounts]);

  const linkAccount = async (technicianId: string) => {
    if (!accounts) return;
    for (const previous of linked) if (previous.id !== accountId) await store.api.changeUser(previous.id, { technicianId: null });
    if (accountId && !linked.some((a) => a.id === accountId)) await store.api.changeUser(accountId, { technicianId });
  };

  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    void submit(async () => {
      const body = { name, email: email.trim() === '' ? null : email.trim(), queueIds };
      const saved = technician ? await store.api.changeTechnician(siteId, technician.id, body) : await store.api.createTechnician(siteId, { id, ...body });
      // The technician is saved even if linking fails (its error is reported): show it either way.
      try {
        await linkAccount(technician?.id ?? id);
      } finally {
        onSaved(saved);
      }
      store.toasts.show(t('technicianSaved', { name }), 'info');
      if (!technician) {
        setId('');
        setName('');
        setEmail('');
        setQueueIds([]);
        setAccountId('');
      }
    });
  };

  const title = technician ? t('editTechnicianTitle', { name: technician.name }) : t('addTechnicianTitle');
  return (
    <form class="admin-form" ref={form} onSubmit={onSubmit} noValidate aria-label={title}>
      <h4>{title}</h4>
      <IdAndNameFields form={configForm} isNew={!technician} id={id} name={name} onId={setId} onName={setName} />
      <div class="field">
        <label for={fieldId('body/email')}>{t('email')}</label>
        <input type="email" maxLength={254} value={email} {...field('body/email')} onInput={(e) => setEmail(e.currentTarget.value)} />
        {errorText('body/email')}
      </div>
      <CheckboxGroup
        form={configForm}
        path="body/queueIds"
        legend={t('queuesServed')}
        options={queues.map((queue) => ({ value: queue.id, label: queueName(queue.id) }))}
        chosen={queueIds}
        onChange={setQueueIds}
      >
        {queues.length === 0 && <p class="muted">{t('noQueuesYet')}</p>}
      </CheckboxGroup>
      {accounts && (
        <div class="field">
          <label for={fieldId('accountId')}>{t('account')}</label>
          <select id={fieldId('accountId')} value={accountId} onChange={(e) => setAccountId(e.currentTarget.value)}>
            <option value="">{t('noAccount')}</option>
            {accounts.map((account) => (
              <option key={account.id} value={account.id}>
                {account.username} ({account.displayName})
              </option>
            ))}
          </select>
        </div>
      )}
      <FormButtons busy={busy} editing={technician !== null} add={t('addTechnician')} save={t('saveTechnician')} onCancel={onCancel} />
    </form>
  );
}
