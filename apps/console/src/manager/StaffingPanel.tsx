import type { StaffingPlanView } from '@walkup/client';
import { useState } from 'preact/hooks';
import { useConsole } from '../console-context.ts';
import { StaffingChart } from './StaffingChart.tsx';
import { useManagerText } from './manager-messages.ts';
import { SiteSelect } from '../admin/SiteSelect.tsx';

/** The Monday after today (local), the week a manager usually plans. */
function nextMonday(): string {
  const date = new Date();
  date.setDate(date.getDate() + (((8 - date.getDay()) % 7) || 7));
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** Staffing forecast of a week for a target, with a roster the manager edits and checks. */
export function StaffingPanel() {
  const store = useConsole();
  const t = useManagerText();
  const lang = store.i18n.lang.value;
  const [form, setForm] = useState({ siteId: store.sites.value[0]?.id ?? '', weekStart: nextMonday(), targetWaitMinutes: 10, goalPercent: 90 });
  const [plan, setPlan] = useState<StaffingPlanView | null>(null);
  const [roster, setRoster] = useState<number[] | null>(null);
  const [busy, setBusy] = useState(false);
  const dayLabel = (day: string) => new Date(`${day}T12:00:00Z`).toLocaleDateString(lang, { weekday: 'short', day: 'numeric', timeZone: 'UTC' });

  const load = async (withRoster: number[] | null) => {
    const { siteId, ...week } = form;
    setBusy(true);
    try {
      const answer = await store.api.planStaffing(siteId, { ...week, ...(withRoster ? { roster: withRoster } : {}) });
      setPlan(answer);
      // A new forecast prefills the roster with what it asks for; checking a roster keeps the manager's.
      const next = withRoster ?? answer.hours.map((h) => h.techniciansNeeded);
      setRoster(next);
      if (!withRoster) setPlan(await store.api.planStaffing(siteId, { ...week, roster: next }));
    } catch (error) {
      store.reportError(error);
    } finally {
      setBusy(false);
    }
  };
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    void load(null);
  };
  const hours = plan?.hours ?? [];
  // Only hours somebody is expected (or planned) are worth a roster cell.
  const openHours = [...new Set(hours.filter((h, i) => h.expectedArrivals > 0 || (roster?.[i] ?? 0) > 0).map((h) => h.hour))].sort((a, b) => a - b);
  const days = [...new Set(hours.map((h) => h.day))];
  // The roster's service level over the week, each hour weighted by the visitors expected then.
  const expected = hours.reduce((sum, h) => sum + h.expectedArrivals, 0);
  const weekLevel = expected > 0 ? hours.reduce((sum, h) => sum + h.expectedArrivals * (h.plannedServiceLevel ?? 0), 0) / expected : null;

  return (
    <section class="panel" aria-labelledby="staffing-title">
      <h2 id="staffing-title">{t('staffingTitle')}</h2>
      <form class="admin-form report-form" onSubmit={onSubmit}>
        <SiteSelect id="staffing-site" value={form.siteId} onChange={(siteId) => setForm({ ...form, siteId })} />
        <div class="field">
          <label for="staffing-week">{t('staffingWeek')}</label>
          <input id="staffing-week" type="date" required value={form.weekStart} onInput={(e) => setForm({ ...form, weekStart: e.currentTarget.value })} />
        </div>
        <div class="field">
          <label for="staffing-goal">{t('staffingGoal')}</label>
          <input id="staffing-goal" type="number" min={1} max={99} required value={form.goalPercent} onInput={(e) => setForm({ ...form, goalPercent: Number(e.currentTarget.value) })} />
        </div>
        <div class="field">
          <label for="staffing-target">{t('staffingTarget')}</label>
          <input id="staffing-target" type="number" min={1} max={240} required value={form.targetWaitMinutes} onInput={(e) => setForm({ ...form, targetWaitMinutes: Number(e.currentTarget.value) })} />
        </div>
        <button type="submit" class="btn btn-primary" disabled={busy || !form.siteId}>
          {t('staffingForecast')}
        </button>
      </form>
      {plan && (
        <>
          <p class="muted" data-testid="staffing-goal-text">
            {t('staffingGoalText', { goal: form.goalPercent, target: form.targetWaitMinutes })}{' '}
            {plan.meanPatienceSeconds === null ? t('staffingErlangC') : t('staffingErlangA', { patience: Math.round(plan.meanPatienceSeconds / 60) })}{' '}
            {t('staffingEfficiency', { percent: Math.round(plan.staffEfficiency * 100) })}
          </p>
          <StaffingChart hours={hours} dayLabel={dayLabel} />
          {weekLevel !== null && (
            <p data-testid="staffing-week-level" aria-live="polite">
              {t('staffingWeekLevel', { level: Math.round(weekLevel * 100) })}
            </p>
          )}
          {roster && openHours.length > 0 && (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                void load(roster);
              }}
            >
              <div class="table-scroll">
                <table class="data-table" data-testid="roster-table">
                  <caption>{t('staffingRoster')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('staffingDay')}</th>
                      {openHours.map((hour) => (
                        <th key={hour} scope="col">{`${hour}h`}</th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {days.map((day, d) => (
                      <tr key={day}>
                        <th scope="row">{dayLabel(day)}</th>
                        {openHours.map((hour) => (
                          <td key={hour}>
                            <input
                              type="number"
                              min={0}
                              max={500}
                              class="roster-cell"
                              aria-label={t('staffingCell', { day: dayLabel(day), hour })}
                              value={roster[d * 24 + hour]}
                              onInput={(e) => {
                                const next = [...roster];
                                next[d * 24 + hour] = Math.max(0, Math.round(Number(e.currentTarget.value) || 0));
                                setRoster(next);
                              }}
                            />
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <button type="submit" class="btn" disabled={busy}>
                {t('staffingCheck')}
              </button>
            </form>
          )}
        </>
      )}
    </section>
  );
}
