import type { ItsmConnectionHealth } from '@walkup/client';
import { useConsole } from '../console-context.ts';
import { useItsmText } from './itsm-messages.ts';
import { When } from './When.tsx';

function ConnectionCard({ connection }: { connection: ItsmConnectionHealth }) {
  const store = useConsole();
  const t = useItsmText();
  const siteName = (id: string) => store.sites.value.find((s) => s.id === id)?.name ?? id;
  return (
    <li class="itsm-connection" data-testid="itsm-connection">
      <h3>{connection.name}</h3>
      {/* Colour and words: the state must read without colour vision too. */}
      <p class={`breaker breaker-${connection.breaker}`} data-testid="itsm-breaker">
        <span class="breaker-dot" aria-hidden="true" />
        {t('breaker')}: {t(`breaker_${connection.breaker}`)}
      </p>
      {/* A failing set-up check holds this connection's creates: say so first, in the server's words. */}
      {connection.setup?.state === 'failing' && (
        <div class="itsm-warning" data-testid="itsm-setup-failing">
          <p>{t('setupFailing')}</p>
          <ul>
            {connection.setup.failures.map((failure) => (
              <li key={failure}>{failure}</li>
            ))}
          </ul>
        </div>
      )}
      <dl class="itsm-facts">
        <dt>{t('vendor')}</dt>
        <dd>{connection.vendor}</dd>
        <dt>{t('sites')}</dt>
        <dd>{connection.sites.map(siteName).join(', ')}</dd>
        <dt>{t('lastSuccess')}</dt>
        <dd data-testid="itsm-last-success">
          <When iso={connection.lastSuccessAt} fallback={t('never')} />
        </dd>
        <dt>{t('lastFailure')}</dt>
        <dd>
          <When iso={connection.lastFailureAt} fallback={t('never')} />
        </dd>
        <dt>{t('lastError')}</dt>
        <dd class="itsm-error">{connection.lastError ?? <span class="muted">{t('none')}</span>}</dd>
        <dt>{t('backlog')}</dt>
        <dd data-testid="itsm-backlog">{connection.backlog}</dd>
        <dt>{t('oldestPending')}</dt>
        <dd>
          <When iso={connection.oldestPendingSince} fallback="—" />
        </dd>
        <dt>{t('deadLetters')}</dt>
        <dd data-testid="itsm-dead-letter-count" class={connection.deadLetters > 0 ? 'itsm-alarm' : undefined}>
          {connection.deadLetters}
        </dd>
      </dl>
    </li>
  );
}

/** Issue 3: per connection, is it working, and how much is stuck? */
export function ConnectionHealthList() {
  const store = useConsole();
  const t = useItsmText();
  const connections = store.itsm.connections.value;
  return (
    <section class="panel" aria-labelledby="itsm-connections-title">
      <h2 id="itsm-connections-title">{t('connectionsTitle')}</h2>
      {store.itsm.unreachable.value && (
        <p class="itsm-warning" role="alert">
          {t('unreachable')}
        </p>
      )}
      {connections === null ? (
        <p role="status">{store.i18n.t('loading')}</p>
      ) : connections.length === 0 ? (
        <p data-testid="itsm-none">{t('noItsm')}</p>
      ) : (
        <ul class="itsm-connections">
          {connections.map((connection) => (
            <ConnectionCard key={connection.name} connection={connection} />
          ))}
        </ul>
      )}
    </section>
  );
}
