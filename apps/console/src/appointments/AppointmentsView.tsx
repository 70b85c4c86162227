import type { AppointmentView } from '@walkup/client';
import { localized } from '@walkup/client';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { useConsole } from '../console-context.ts';
import { BookForSomeoneForm } from './BookForSomeoneForm.tsx';
import { clockTime, useAppointmentText } from './appointment-messages.ts';
import './Appointments.css';

/** Polling bound; the list also reloads when the live site view changes (check-ins, calls). */
const refreshMs = 30_000;

/** Today's bookings of the site, those of the signed-in technician's queues first; book and cancel. */
export function AppointmentsView() {
  const store = useConsole();
  const t = useAppointmentText();
  const siteId = store.selection.value.siteId;
  const [list, setList] = useState<AppointmentView[] | null>(null);
  const reload = useCallback(async () => {
    if (!siteId) return;
    try {
      setList(await store.api.listAppointments(siteId));
    } catch (error) {
      store.reportError(error);
    }
  }, [siteId, store]);
  // A check-in changes the live view's version: one cheap reload, plus a slow poll for no-shows.
  const viewVersion = store.site.view.value;
  useEffect(() => void reload(), [reload, viewVersion]);
  useEffect(() => {
    const timer = setInterval(() => void reload(), refreshMs);
    return () => clearInterval(timer);
  }, [reload]);

  const mine = new Set(store.technician.value?.queueIds ?? []);
  const sorted = [...(list ?? [])].sort((a, b) => Number(mine.has(b.queueId)) - Number(mine.has(a.queueId)) || a.startsAt.localeCompare(b.startsAt));
  return (
    <div class="appointments-view">
      <section class="panel" aria-labelledby="appointments-today-title">
        <h2 id="appointments-today-title">{t('todayTitle')}</h2>
        {list && list.length === 0 && <p>{t('none')}</p>}
        {sorted.length > 0 && <AppointmentTable rows={sorted} mine={mine} onChanged={reload} />}
      </section>
      {siteId && <BookForSomeoneForm siteId={siteId} onBooked={reload} />}
    </div>
  );
}

function AppointmentTable({ rows, mine, onChanged }: { rows: AppointmentView[]; mine: Set<string>; onChanged(): Promise<void> }) {
  const store = useConsole();
  const t = useAppointmentText();
  const lang = store.i18n.lang.value;
  const timeZone = store.config.value?.timeZone;
  const cancel = async (row: AppointmentView) => {
    const name = row.visitor?.name ?? '';
    if (!globalThis.confirm(t('cancelConfirm', { name, time: clockTime(row.startsAt, timeZone, lang) }))) return;
    try {
      await store.api.cancelAppointment(row.id);
      store.toasts.show(t('cancelled_done', { name }), 'info');
      await onChanged();
    } catch (error) {
      store.reportError(error);
    }
  };
  return (
    <table class="appointments-table" data-testid="appointments-table">
      <thead>
        <tr>
          <th scope="col">{t('time')}</th>
          <th scope="col">{t('name')}</th>
          <th scope="col">{t('reason')}</th>
          <th scope="col">{t('state')}</th>
          <th scope="col">{t('actions')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id} class={mine.has(row.queueId) ? 'appointment-mine' : undefined}>
            <td>{clockTime(row.startsAt, timeZone, lang)}</td>
            <td class="appointment-name">{row.visitor?.name ?? '–'}</td>
            <td>{localized(row.categoryLabel, lang)}</td>
            <td>
              <span class={`appointment-state appointment-state-${row.state}`}>{t(row.state)}</span>
            </td>
            <td>
              {row.state === 'booked' && (
                <button type="button" class="btn" onClick={() => void cancel(row)}>
                  {t('cancel')}
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
