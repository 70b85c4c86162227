import { useConsole } from './console-context.ts';
import type { ConsoleMessage } from './messages.ts';

/** Every shortcut of use-shortcuts.ts, in the order of a visit. */
const shortcuts: Array<[key: string, label: ConsoleMessage]> = [
  ['A', 'shortcutAvailable'],
  ['N', 'shortcutCallNext'],
  ['C', 'shortcutRecall'],
  ['S', 'shortcutStart'],
  ['R', 'shortcutResolve'],
  ['X', 'shortcutNoShow'],
  ['T', 'shortcutTransfer'],
];

export function ShortcutLegend() {
  const { t } = useConsole().i18n;
  return (
    <section class="panel" aria-labelledby="shortcuts-title">
      <h2 id="shortcuts-title">{t('shortcuts')}</h2>
      <dl class="shortcut-legend">
        {shortcuts.map(([key, label]) => [
          <dt key={`${key}-key`}>
            <kbd>{key}</kbd>
          </dt>,
          <dd key={`${key}-label`}>{t(label)}</dd>,
        ])}
      </dl>
    </section>
  );
}
