import { render } from 'preact';
import { createApiClient } from '@walkup/client';
import { App } from './App.tsx';
import { createKioskStore } from './kiosk-store.ts';
import { KioskContext } from './kiosk-context.ts';

const store = createKioskStore(createApiClient());
void store.load();

render(
  <KioskContext value={store}>
    <App />
  </KioskContext>,
  document.getElementById('app')!,
);
