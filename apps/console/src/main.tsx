import { render } from 'preact';
import { createApiClient } from '@walkup/client';
import { App } from './App.tsx';
import { ConsoleContext } from './console-context.ts';
import { createConsoleStore } from './console-store.ts';

const store = createConsoleStore(createApiClient());
void store.load();

render(
  <ConsoleContext value={store}>
    <App />
  </ConsoleContext>,
  document.getElementById('app')!,
);
