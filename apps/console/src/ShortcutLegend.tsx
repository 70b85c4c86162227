import { useConsole } from './console-context.ts';

export function ShortcutLegend() {
  const { t } = useConsole().i18n;
  return (
    <section class="panel" aria-labelledby="shortcuts-title">
      <h2 id="shortcuts-title">{t('shortcuts')}</h2>
      <dl style={{ display: 'grid', gridTemplateColumns: 'auto 1fr', gap: '6px 10px', margin: 0 }}>
        <dt>
          <kbd>N</kbd>
        </dt>
        <dd style={{ margin: 0 }}>{t('shortcutCallNext')}</dd>
        <dt>
          <kbd>S</kbd>
        </dt>
        <dd style={{ margin: 0 }}>{t('shortcutStart')}</dd>
        <dt>
          <kbd>R</kbd>
        </dt>
        <dd style={{ margin: 0 }}>{t('shortcutResolve')}</dd>
      </dl>
    </section>
  );
}
