import { useConsole } from './console-context.ts';

/** Who sits where and whom they serve, so technicians can see a colleague is swamped. */
export function DeskBoard() {
  const store = useConsole();
  const { t } = store.i18n;
  const view = store.site.view.value;
  if (!view) return null;
  const technicianName = (id: string | null) => store.config.value?.technicians.find((x) => x.id === id)?.name ?? '';
  return (
    <section class="panel" aria-labelledby="desks-title">
      <h2 id="desks-title">{t('desks')}</h2>
      <ul class="plain-list">
        {view.desks.map((desk) => {
          const visit = view.visits.find((v) => v.deskId === desk.id && (v.state === 'called' || v.state === 'in_service'));
          const staffed = desk.technicianId !== null && desk.status !== 'off';
          return (
            <li key={desk.id} data-testid={`desk-${desk.id}`}>
              <strong>{desk.name}</strong>
              {' · '}
              {staffed ? `${technicianName(desk.technicianId)} (${t(desk.status)})` : t('deskFree')}
              {visit && ` · ${t('deskServing', { ticket: visit.ticketNumber })}`}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
