import { useSignal, type Signal } from '@preact/signals';
import type { AppointmentSlot } from '@walkup/client';
import { useEffect } from 'preact/hooks';
import { appointmentApi, messageOf } from './booking-api.ts';
import { formatDay, formatTime } from './booking-model.ts';
import { useVisitorApp } from './visitor-context.ts';

interface SlotPickerProps {
  siteId: string;
  categoryId: string;
  timeZone: string;
  days: string[];
  selected: Signal<string | null>;
  /** Bumped by the page to load the slots again (after a 409: the time was just taken). */
  refresh: number;
}

/** A day, then a time of that day; full times stay visible but cannot be chosen. */
export function SlotPicker({ siteId, categoryId, timeZone, days, selected, refresh }: SlotPickerProps) {
  const { t, lang } = useVisitorApp().i18n;
  const day = useSignal(days[0] ?? '');
  const slots = useSignal<AppointmentSlot[] | null>(null);
  const problem = useSignal<string | null>(null);
  useEffect(() => {
    let current = true;
    slots.value = null;
    problem.value = null;
    appointmentApi
      .slots(siteId, categoryId, day.value)
      .then((list) => current && (slots.value = list))
      .catch((error: unknown) => current && (problem.value = messageOf(error)));
    return () => {
      current = false;
    };
  }, [siteId, categoryId, day.value, refresh]);
  return (
    <>
      <label class="booking-field">
        <span>{t('stepDay')}</span>
        <select
          value={day.value}
          data-testid="booking-day"
          onChange={(event) => {
            day.value = (event.target as HTMLSelectElement).value;
            selected.value = null;
          }}
        >
          {days.map((d) => (
            <option key={d} value={d}>
              {formatDay(d, lang.value)}
            </option>
          ))}
        </select>
      </label>
      <fieldset class="booking-slots">
        <legend>{t('stepSlot')}</legend>
        {problem.value && <p role="alert">{t('problem', { message: problem.value })}</p>}
        {!problem.value && slots.value === null && <p>{t('slotsLoading')}</p>}
        {slots.value?.length === 0 && <p>{t('noSlots')}</p>}
        <div class="booking-slot-grid">
          {slots.value?.map((slot) => {
            const time = formatTime(slot.startsAt, timeZone, lang.value);
            return (
              <label key={slot.startsAt} class={`booking-slot${slot.free === 0 ? ' booking-slot-full' : ''}`}>
                <input
                  type="radio"
                  name="slot"
                  value={slot.startsAt}
                  disabled={slot.free === 0}
                  checked={selected.value === slot.startsAt}
                  onChange={() => (selected.value = slot.startsAt)}
                />
                <span>{slot.free === 0 ? t('slotFull', { time }) : t('slotFree', { time, free: slot.free })}</span>
              </label>
            );
          })}
        </div>
      </fieldset>
    </>
  );
}
