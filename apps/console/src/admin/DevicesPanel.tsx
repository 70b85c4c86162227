import type { DeviceView } from '@walkup/client';
import { useState } from 'preact/hooks';
import { useConsole } from '../console-context.ts';
import { When } from '../itsm/When.tsx';
import { useAdminText } from './admin-messages.ts';
import { PairDeviceForm } from './PairDeviceForm.tsx';
import { useLoaded } from './use-loaded.ts';

// A freshly paired device should show up without the admin hunting for a refresh button.
const devicePollMs = 10_000;

function DeviceRow({ device, onRevoked }: { device: DeviceView; onRevoked: () => void }) {
  const store = useConsole();
  const t = useAdminText();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const siteName = store.sites.value.find((s) => s.id === device.siteId)?.name ?? device.siteId;

  const revoke = async () => {
    setBusy(true);
    try {
      await store.api.revokeDevice(device.id);
      store.toasts.show(t('revokedToast', { name: device.name }), 'info');
      onRevoked();
    } catch (error) {
      store.reportError(error);
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };

  return (
    <tr data-testid="device-row">
      <td>{device.name}</td>
      <td>{t(`role_${device.role}`)}</td>
      <td>{siteName}</td>
      <td>
        <When iso={device.createdAt} />
      </td>
      <td>
        <When iso={device.lastSeenAt} fallback={t('neverSeen')} />
      </td>
      <td>{device.revokedAt ? <span class="status-off">{t('revoked')}</span> : <span class="status-on">{t('active')}</span>}</td>
      <td>
        {device.revokedAt ? null : confirming ? (
          <div class="confirm-row" role="group" aria-label={t('revokeLabel', { name: device.name })}>
            <span>{t('revokeConfirm', { name: device.name })}</span>
            <button type="button" class="btn btn-danger" disabled={busy} onClick={() => void revoke()}>
              {t('revokeYes')}
            </button>
            <button type="button" class="btn" disabled={busy} onClick={() => setConfirming(false)}>
              {t('cancel')}
            </button>
          </div>
        ) : (
          <button type="button" class="btn btn-danger" aria-label={t('revokeLabel', { name: device.name })} onClick={() => setConfirming(true)}>
            {t('revoke')}
          </button>
        )}
      </td>
    </tr>
  );
}

/** Issue 6: pair kiosks and displays with one-time codes, and revoke them from here. */
export function DevicesPanel() {
  const store = useConsole();
  const t = useAdminText();
  const devices = useLoaded(() => store.api.listDevices(), [store], devicePollMs);
  // Active devices first: revoked ones are kept for the record but are rarely what the admin wants.
  const sorted = [...(devices.value ?? [])].sort((a, b) => Number(a.revokedAt !== null) - Number(b.revokedAt !== null) || b.createdAt.localeCompare(a.createdAt));
  return (
    <>
      <PairDeviceForm onCreated={devices.reload} />
      <section class="panel" aria-labelledby="devices-title">
        <div class="panel-heading">
          <h2 id="devices-title">{t('devicesTitle')}</h2>
          <button type="button" class="btn" onClick={devices.reload}>
            {t('refresh')}
          </button>
        </div>
        {devices.value === null ? (
          <p role="status">{store.i18n.t('loading')}</p>
        ) : sorted.length === 0 ? (
          <p>{t('devicesEmpty')}</p>
        ) : (
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col">{t('colName')}</th>
                <th scope="col">{t('colRole')}</th>
                <th scope="col">{t('colSite')}</th>
                <th scope="col">{t('colPaired')}</th>
                <th scope="col">{t('colLastSeen')}</th>
                <th scope="col">{t('colStatus')}</th>
                <th scope="col">{t('colAction')}</th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((device) => (
                <DeviceRow key={device.id} device={device} onRevoked={devices.reload} />
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
