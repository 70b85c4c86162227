import type { ItsmDeadLetter } from '@walkup/client';
import { useItsmText } from './itsm-messages.ts';
import { When } from './When.tsx';

interface DeadLetterTableProps {
  deadLetters: ItsmDeadLetter[];
  busyVisitId: string | null;
  onRetry: (deadLetter: ItsmDeadLetter, skipFailedUpdate: boolean) => void;
}

function ItsmTicket({ deadLetter }: { deadLetter: ItsmDeadLetter }) {
  const t = useItsmText();
  if (!deadLetter.itsmTicketNumber) return <span class="muted">{t('notCreated')}</span>;
  if (!deadLetter.itsmTicketUrl) return <>{deadLetter.itsmTicketNumber}</>;
  return (
    <a href={deadLetter.itsmTicketUrl} target="_blank" rel="noopener noreferrer">
      {deadLetter.itsmTicketNumber}
    </a>
  );
}

export function DeadLetterTable({ deadLetters, busyVisitId, onRetry }: DeadLetterTableProps) {
  const t = useItsmText();
  return (
    <table class="data-table">
      <thead>
        <tr>
          <th scope="col">{t('colTicket')}</th>
          <th scope="col">{t('colItsmTicket')}</th>
          <th scope="col">{t('colError')}</th>
          <th scope="col">{t('colAttempts')}</th>
          <th scope="col">{t('colWhen')}</th>
          <th scope="col">{t('colAction')}</th>
        </tr>
      </thead>
      <tbody>
        {deadLetters.map((deadLetter) => (
          <tr key={deadLetter.visitId} data-testid="dead-letter-row">
            <td>
              <strong>{deadLetter.ticketNumber}</strong>
            </td>
            <td>
              <ItsmTicket deadLetter={deadLetter} />
            </td>
            <td class="itsm-error">{deadLetter.error ?? '—'}</td>
            <td>{deadLetter.attempts}</td>
            <td>
              <When iso={deadLetter.failedAt} />
            </td>
            <td>
              <div class="button-row">
                <button
                  type="button"
                  class="btn btn-primary"
                  aria-label={t('retryLabel', { ticket: deadLetter.ticketNumber })}
                  disabled={busyVisitId !== null}
                  onClick={() => onRetry(deadLetter, false)}
                >
                  {t('retry')}
                </button>
                {/* Only an update can be skipped: without a ticket there is nothing to update. */}
                {deadLetter.itsmTicketNumber && (
                  <button
                    type="button"
                    class="btn"
                    aria-label={t('retrySkipLabel', { ticket: deadLetter.ticketNumber })}
                    disabled={busyVisitId !== null}
                    onClick={() => onRetry(deadLetter, true)}
                  >
                    {t('retrySkip')}
                  </button>
                )}
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
