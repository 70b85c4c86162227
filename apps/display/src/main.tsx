import { render } from 'preact';
import { createApiClient } from '@walkup/client';
import { App } from './App.tsx';
import { createDisplayStore } from './display-store.ts';
import { DisplayContext } from './display-context.ts';
import { startAnnouncements } from './announcements.ts';

const store = createDisplayStore(createApiClient());
void store.load();
startAnnouncements(store);

render(
  <DisplayContext value={store}>
    <App />
  </DisplayContext>,
  document.getElementById('app')!,
);
