import { render } from 'preact';
import { App } from './App.tsx';
import { createVisitorI18n } from './messages.ts';
import { createRouter } from './router.ts';
import { VisitorContext } from './visitor-context.ts';

const app = { i18n: createVisitorI18n(), router: createRouter(import.meta.env.BASE_URL) };

render(
  <VisitorContext value={app}>
    <App />
  </VisitorContext>,
  document.getElementById('app')!,
);
