import type { ItsmLinkView } from '@walkup/domain';
import { useConsole } from './console-context.ts';

/** The linked ServiceNow (or other ITSM) ticket and whether the last sync got through. */
export function ItsmStatus({ itsm }: { itsm: ItsmLinkView | undefined }) {
  const { t } = useConsole().i18n;
  if (!itsm) return <span class="muted">{t('itsmNone')}</span>;
  const state = <span class={`itsm-state itsm-${itsm.state}`}>{t(`itsm_${itsm.state}`)}</span>;
  if (!itsm.ticketNumber) return <span data-testid="itsm-status" title={itsm.error ?? undefined}>{state}</span>;
  return (
    <span data-testid="itsm-status" title={itsm.error ?? undefined}>
      {itsm.ticketUrl ? (
        <a href={itsm.ticketUrl} target="_blank" rel="noopener noreferrer">
          {itsm.ticketNumber}
        </a>
      ) : (
        itsm.ticketNumber
      )}{' '}
      ({state})
    </span>
  );
}
