import { useConsole } from './console-context.ts';

export function ShortcutLegend() {
  const { t } = useConsole().i18n;
  return (
    <section class="panel" aria-labelledby="shortcuts-title">
      <h2 id="shortcuts-title">{t('shortcuts')}</h2>
      <dl class="shortcut-legend">
        <dt>
          <kbd>N</kbd>
        </dt>
        <dd>{t('shortcutCallNext')}</dd>
        <dt>
          <kbd>S</kbd>
        </dt>
        <dd>{t('shortcutStart')}</dd>
        <dt>
          <kbd>R</kbd>
        </dt>
        <dd>{t('shortcutResolve')}</dd>
      </dl>
    </section>
  );
}
