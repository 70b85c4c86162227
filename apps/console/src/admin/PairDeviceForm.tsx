import type { DeviceRole, PairingCode } from '@walkup/client';
import { useState } from 'preact/hooks';
import { useConsole } from '../console-context.ts';
import { When } from '../itsm/When.tsx';
import { useAdminText } from './admin-messages.ts';
import { SiteSelect, useDefaultSiteId } from './SiteSelect.tsx';

/** The code is shown once, large enough to read across a room while typing it on the device. */
function PairingCodeCard({ pairing, onDone }: { pairing: PairingCode; onDone: () => void }) {
  const store = useConsole();
  const t = useAdminText();
  const url = `${location.origin}/${pairing.role}/`;
  return (
    <div class="pairing-card" role="status" aria-labelledby="pairing-code-title">
      <h3 id="pairing-code-title">{t('codeFor', { name: pairing.name })}</h3>
      <output class="pairing-code" data-testid="pairing-code">
        {pairing.code}
      </output>
      <p>
        {t('codeValidUntil', { time: new Date(pairing.expiresAt).toLocaleTimeString(store.i18n.lang.value) })} (
        <When iso={pairing.expiresAt} />
        ). {t('usableOnce')}
      </p>
      <p>
        {t('openOnDevice')} <code data-testid="pairing-url">{url}</code>
      </p>
      <button type="button" class="btn" onClick={onDone}>
        {t('codeDone')}
      </button>
    </div>
  );
}

export function PairDeviceForm({ onCreated }: { onCreated: () => void }) {
  const store = useConsole();
  const t = useAdminText();
  const [siteId, setSiteId] = useState(useDefaultSiteId());
  const [role, setRole] = useState<DeviceRole>('display');
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [pairing, setPairing] = useState<PairingCode | null>(null);

  const onSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (busy || !siteId || !name.trim()) return;
    setBusy(true);
    try {
      setPairing(await store.api.createPairingCode(siteId, { role, name: name.trim() }));
      setName('');
      onCreated();
    } catch (error) {
      store.reportError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="panel" aria-labelledby="pair-title">
      <h2 id="pair-title">{t('pairTitle')}</h2>
      <p class="muted">{t('pairHelp')}</p>
      <form class="admin-form" onSubmit={onSubmit}>
        <SiteSelect id="pair-site" value={siteId} onChange={setSiteId} />
        <div class="field">
          <label for="pair-role">{t('deviceRole')}</label>
          <select id="pair-role" value={role} onChange={(e) => setRole(e.currentTarget.value as DeviceRole)}>
            <option value="display">{t('role_display')}</option>
            <option value="kiosk">{t('role_kiosk')}</option>
          </select>
        </div>
        <div class="field">
          <label for="pair-name">{t('deviceName')}</label>
          <input id="pair-name" type="text" required maxLength={80} value={name} onInput={(e) => setName(e.currentTarget.value)} />
        </div>
        <button type="submit" class="btn btn-primary" disabled={busy}>
          {t('createCode')}
        </button>
      </form>
      {pairing && <PairingCodeCard pairing={pairing} onDone={() => setPairing(null)} />}
    </section>
  );
}
