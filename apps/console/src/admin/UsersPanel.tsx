import type { ChangeUserRequest, UserAccountView } from '@walkup/client';
import { useState } from 'preact/hooks';
import { useConsole } from '../console-context.ts';
import { When } from '../itsm/When.tsx';
import { useAdminText, type AdminMessage } from './admin-messages.ts';
import { CreateUserForm } from './CreateUserForm.tsx';
import { useLoaded } from './use-loaded.ts';
import { useTechnicians, type TechnicianOption } from './use-technicians.ts';

function UserRow({ user, technicians, onChanged }: { user: UserAccountView; technicians: TechnicianOption[]; onChanged: () => void }) {
  const store = useConsole();
  const t = useAdminText();
  const [busy, setBusy] = useState(false);
  const isMe = store.session.value?.username === user.username;
  const locked = user.lockedUntil !== null && Date.parse(user.lockedUntil) > store.now.value;
  const technician = technicians.find((x) => x.id === user.technicianId)?.name ?? user.technicianId;

  const change = async (changes: ChangeUserRequest) => {
    setBusy(true);
    try {
      await store.api.changeUser(user.id, changes);
      store.toasts.show(t('userChanged', { username: user.username }), 'info');
      onChanged();
    } catch (error) {
      store.reportError(error);
    } finally {
      setBusy(false);
    }
  };
  const action = (label: AdminMessage, changes: ChangeUserRequest, danger = false) => (
    <button
      type="button"
      class={danger ? 'btn btn-danger' : 'btn'}
      disabled={busy}
      aria-label={t('actionLabel', { action: t(label), username: user.username })}
      onClick={() => void change(changes)}
    >
      {t(label)}
    </button>
  );

  return (
    <tr data-testid="user-row">
      <td>
        {user.username}
        {isMe && <span class="muted"> ({t('you')})</span>}
      </td>
      <td>{user.displayName}</td>
      <td>{t(`role_${user.role}`)}</td>
      <td>{technician ?? '—'}</td>
      <td>
        {user.disabled ? <span class="status-off">{t('disabled')}</span> : <span class="status-on">{t('active')}</span>}
        {locked && user.lockedUntil && <div class="status-off">{t('lockedUntil', { time: new Date(user.lockedUntil).toLocaleTimeString(store.i18n.lang.value) })}</div>}
        {user.sso && <div class="muted">{t('sso')}</div>}
      </td>
      <td>
        <When iso={user.lastLoginAt} fallback={t('neverSeen')} />
      </td>
      <td>
        <div class="button-row">
          {/* Disabling yourself would end your own session mid-task; another admin can do it. */}
          {!isMe && (user.disabled ? action('enable', { disabled: false }) : action('disable', { disabled: true }, true))}
          {locked && action('unlock', { unlock: true })}
        </div>
      </td>
    </tr>
  );
}

export function UsersPanel() {
  const store = useConsole();
  const t = useAdminText();
  const users = useLoaded(() => store.api.listUsers(), [store]);
  const technicians = useTechnicians();
  return (
    <>
      <section class="panel" aria-labelledby="users-title">
        <div class="panel-heading">
          <h2 id="users-title">{t('usersTitle')}</h2>
          <button type="button" class="btn" onClick={users.reload}>
            {t('refresh')}
          </button>
        </div>
        {users.value === null ? (
          <p role="status">{store.i18n.t('loading')}</p>
        ) : (
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col">{t('colUsername')}</th>
                <th scope="col">{t('colDisplayName')}</th>
                <th scope="col">{t('accountRole')}</th>
                <th scope="col">{t('colTechnician')}</th>
                <th scope="col">{t('colStatus')}</th>
                <th scope="col">{t('colLastLogin')}</th>
                <th scope="col">{t('colAction')}</th>
              </tr>
            </thead>
            <tbody>
              {users.value.map((user) => (
                <UserRow key={user.id} user={user} technicians={technicians} onChanged={users.reload} />
              ))}
            </tbody>
          </table>
        )}
      </section>
      <CreateUserForm technicians={technicians} onCreated={users.reload} />
    </>
  );
}
