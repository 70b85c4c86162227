import type { AccountRole } from '@walkup/client';
import { useState } from 'preact/hooks';
import { useConsole } from '../console-context.ts';
import { useAdminText } from './admin-messages.ts';
import type { TechnicianOption } from './use-technicians.ts';

/** Managers and site admins are given the sites they see; technicians see their queues', admins all. */
const givenSites = (role: AccountRole) => role === 'manager' || role === 'site_admin';
const empty = { username: '', displayName: '', password: '', role: 'technician' as AccountRole, technicianId: '', siteIds: [] as string[] };

/** Local accounts only; single sign-on accounts appear by themselves at their first sign-in. */
export function CreateUserForm({ technicians, onCreated }: { technicians: TechnicianOption[]; onCreated: () => void }) {
  const store = useConsole();
  const t = useAdminText();
  const [form, setForm] = useState(empty);
  const [busy, setBusy] = useState(false);
  const change = (patch: Partial<typeof empty>) => setForm((current) => ({ ...current, ...patch }));

  const onSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (busy) return;
    if (form.role === 'technician' && !form.technicianId) {
      store.toasts.show(t('technicianRequired'));
      return;
    }
    if (givenSites(form.role) && form.siteIds.length === 0) {
      store.toasts.show(t('managerSitesRequired'));
      return;
    }
    setBusy(true);
    try {
      const created = await store.api.createUser({
        username: form.username.trim(),
        displayName: form.displayName.trim(),
        password: form.password,
        role: form.role,
        technicianId: form.technicianId || null,
        ...(givenSites(form.role) ? { siteIds: form.siteIds } : {}),
      });
      store.toasts.show(t('userCreated', { username: created.username }), 'info');
      setForm(empty);
      onCreated();
    } catch (error) {
      store.reportError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="panel" aria-labelledby="create-user-title">
      <h2 id="create-user-title">{t('createUserTitle')}</h2>
      <form class="admin-form" onSubmit={onSubmit}>
        <div class="field">
          <label for="user-username">{t('username')}</label>
          <input
            id="user-username"
            type="text"
            required
            minLength={2}
            maxLength={64}
            pattern="[a-z0-9._@\-]+"
            autocomplete="off"
            aria-describedby="user-username-help"
            value={form.username}
            onInput={(e) => change({ username: e.currentTarget.value })}
          />
          <small id="user-username-help" class="muted">
            {t('usernameHelp')}
          </small>
        </div>
        <div class="field">
          <label for="user-display-name">{t('displayName')}</label>
          <input id="user-display-name" type="text" required maxLength={80} value={form.displayName} onInput={(e) => change({ displayName: e.currentTarget.value })} />
        </div>
        <div class="field">
          <label for="user-password">{t('password')}</label>
          <input
            id="user-password"
            type="password"
            required
            minLength={12}
            maxLength={200}
            autocomplete="new-password"
            aria-describedby="user-password-help"
            value={form.password}
            onInput={(e) => change({ password: e.currentTarget.value })}
          />
          <small id="user-password-help" class="muted">
            {t('passwordHelp')}
          </small>
        </div>
        <div class="field">
          <label for="user-role">{t('accountRole')}</label>
          <select id="user-role" value={form.role} onChange={(e) => change({ role: e.currentTarget.value as AccountRole })}>
            <option value="technician">{t('role_technician')}</option>
            <option value="manager">{t('role_manager')}</option>
            <option value="site_admin">{t('role_site_admin')}</option>
            <option value="admin">{t('role_admin')}</option>
          </select>
        </div>
        {givenSites(form.role) && (
          <fieldset class="field">
            <legend>{t('managerSites')}</legend>
            {store.sites.value.map((site) => (
              <label key={site.id}>
                <input
                  type="checkbox"
                  checked={form.siteIds.includes(site.id)}
                  onChange={(e) => change({ siteIds: e.currentTarget.checked ? [...form.siteIds, site.id] : form.siteIds.filter((id) => id !== site.id) })}
                />{' '}
                {site.name}
              </label>
            ))}
          </fieldset>
        )}
        <div class="field">
          <label for="user-technician">{t('technician')}</label>
          <select id="user-technician" value={form.technicianId} onChange={(e) => change({ technicianId: e.currentTarget.value })}>
            <option value="">{t('noTechnician')}</option>
            {technicians.map((technician) => (
              <option key={technician.id} value={technician.id}>
                {technician.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="btn btn-primary" disabled={busy}>
          {t('createUser')}
        </button>
      </form>
    </section>
  );
}
