import { useRef, useState } from 'preact/hooks';
import { ApiRequestError, type ApiClient } from './api-client.ts';
import { pairThisDevice, type DeviceStart } from './device-session.ts';
import './DevicePairing.css';

interface DevicePairingProps {
  api: ApiClient;
  onPaired: (start: Extract<DeviceStart, { kind: 'ready' }>) => void;
  /** Translated by the app. */
  text: { title: string; help: string; code: string; pair: string };
}

/** Shown once per device: an admin creates a pairing code in the admin API and types it here. */
export function DevicePairing({ api, onPaired, text }: DevicePairingProps) {
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    const code = input.current?.value ?? '';
    if (!code.trim()) return;
    setBusy(true);
    try {
      const started = await pairThisDevice(api, code);
      if (started.kind === 'ready') onPaired(started);
    } catch (problem) {
      setError(problem instanceof ApiRequestError ? problem.message : String(problem));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="device-pairing" onSubmit={onSubmit} aria-labelledby="pairing-title">
      <h2 id="pairing-title">{text.title}</h2>
      <p>{text.help}</p>
      <label for="pairing-code">{text.code}</label>
      <input id="pairing-code" ref={input} autocomplete="off" autocapitalize="characters" spellcheck={false} />
      {error && (
        <p class="device-pairing-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {text.pair}
      </button>
    </form>
  );
}
