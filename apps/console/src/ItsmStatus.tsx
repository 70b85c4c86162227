import type { ItsmLinkView } from '@walkup/domain';
import { useConsole } from './console-context.ts';

const colors = { pending: 'var(--muted)', synced: 'var(--ok)', retrying: 'var(--warn)', failed: 'var(--danger)' } as const;

/** The linked ServiceNow (or other ITSM) ticket and whether the last sync got through. */
export function ItsmStatus({ itsm }: { itsm: ItsmLinkView | undefined }) {
  const { t } = useConsole().i18n;
  if (!itsm) return <span style={{ color: 'var(--muted)' }}>{t('itsmNone')}</span>;
  const number = itsm.ticketNumber;
  return (
    <span data-testid="itsm-status" title={itsm.error ?? undefined}>
      {number && itsm.ticketUrl ? (
        <a href={itsm.ticketUrl} target="_blank" rel="noopener noreferrer">
          {number}
        </a>
      ) : (
        number
      )}{' '}
      <span style={{ color: colors[itsm.state], fontWeight: 600 }}>({t(`itsm_${itsm.state}`)})</span>
    </span>
  );
}
