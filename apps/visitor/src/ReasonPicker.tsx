import type { Signal } from '@preact/signals';
import { localized } from '@walkup/client';
import type { ReasonNode } from './booking-model.ts';
import { useVisitorApp } from './visitor-context.ts';

function ReasonList({ nodes, selected }: { nodes: ReasonNode[]; selected: Signal<string | null> }) {
  const { lang } = useVisitorApp().i18n;
  return (
    <ul class="booking-reasons">
      {nodes.map((node) => (
        <li key={node.id}>
          {node.bookable ? (
            <label class="booking-reason">
              <input type="radio" name="reason" value={node.id} checked={selected.value === node.id} onChange={() => (selected.value = node.id)} />
              <span>{localized(node.label, lang.value)}</span>
            </label>
          ) : (
            // A group heading, not a choice: only leaves are bookable.
            <span class="booking-reason-group">{localized(node.label, lang.value)}</span>
          )}
          {node.children.length > 0 && <ReasonList nodes={node.children} selected={selected} />}
        </li>
      ))}
    </ul>
  );
}

export function ReasonPicker({ reasons, selected }: { reasons: ReasonNode[]; selected: Signal<string | null> }) {
  const { t } = useVisitorApp().i18n;
  return (
    <fieldset class="booking-fieldset">
      <legend>{t('stepReason')}</legend>
      <ReasonList nodes={reasons} selected={selected} />
    </fieldset>
  );
}
