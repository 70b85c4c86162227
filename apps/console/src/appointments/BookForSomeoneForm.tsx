import { createAppointmentApi, localized, type AppointmentSlot, type BookingOptions } from '@walkup/client';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { useConsole } from '../console-context.ts';
import { clockTime, useAppointmentText } from './appointment-messages.ts';

const publicApi = createAppointmentApi();

/** Staff books on behalf of someone at the desk or on the phone; the check-in code is shown to read out. */
export function BookForSomeoneForm({ siteId, onBooked }: { siteId: string; onBooked(): Promise<void> }) {
  const store = useConsole();
  const t = useAppointmentText();
  const lang = store.i18n.lang.value;
  const [options, setOptions] = useState<BookingOptions | null>(null);
  const [categoryId, setCategoryId] = useState('');
  const [day, setDay] = useState('');
  const [slots, setSlots] = useState<AppointmentSlot[]>([]);
  const [startsAt, setStartsAt] = useState('');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [employeeId, setEmployeeId] = useState('');
  const [language, setLanguage] = useState<string>(lang);
  const [result, setResult] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    publicApi.bookingOptions(siteId).then((o) => {
      setOptions(o);
      setDay(new Intl.DateTimeFormat('en-CA', { timeZone: o.timeZone }).format(new Date()));
    }, store.reportError);
  }, [siteId, store]);
  useEffect(() => {
    setStartsAt('');
    if (!categoryId || !day) return setSlots([]);
    publicApi.slots(siteId, categoryId, day).then(setSlots, store.reportError);
  }, [siteId, categoryId, day, store]);

  const leaves = useMemo(() => options?.categories.filter((c) => c.bookable && !options.categories.some((child) => child.parentId === c.id)) ?? [], [options]);
  if (!options) return null;

  const onSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!email.trim() && !employeeId.trim()) return store.toasts.show(t('needContact'));
    setBusy(true);
    try {
      const person = { name: name.trim(), ...(email.trim() ? { email: email.trim() } : {}), ...(employeeId.trim() ? { employeeId: employeeId.trim() } : {}) };
      const booked = await store.api.bookAppointment(siteId, { categoryId, startsAt, person, language });
      setResult(t('bookedCode', { name: person.name, time: clockTime(booked.appointment.startsAt, options.timeZone, lang), code: booked.checkInCode }));
      await onBooked();
    } catch (error) {
      store.reportError(error);
      publicApi.slots(siteId, categoryId, day).then(setSlots, store.reportError);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="panel" aria-labelledby="book-for-someone-title">
      <h2 id="book-for-someone-title">{t('bookTitle')}</h2>
      <form class="admin-form" onSubmit={onSubmit}>
        <label class="field">
          {t('bookReason')}
          <select required value={categoryId} onChange={(e) => setCategoryId(e.currentTarget.value)}>
            <option value="" />
            {leaves.map((c) => (
              <option key={c.id} value={c.id}>
                {localized(c.label, lang)}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          {t('bookDay')}
          <input type="date" required value={day} onChange={(e) => setDay(e.currentTarget.value)} />
        </label>
        <label class="field">
          {t('bookSlot')}
          <select required value={startsAt} onChange={(e) => setStartsAt(e.currentTarget.value)}>
            <option value="">{slots.length === 0 && categoryId ? t('bookNoSlot') : ''}</option>
            {slots.map((s) => (
              <option key={s.startsAt} value={s.startsAt} disabled={s.free === 0}>
                {s.free === 0 ? t('slotFull', { time: clockTime(s.startsAt, options.timeZone, lang) }) : clockTime(s.startsAt, options.timeZone, lang)}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          {t('personName')}
          <input required maxLength={80} value={name} onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <label class="field">
          {t('personEmail')}
          <input type="email" maxLength={254} value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
        </label>
        <label class="field">
          {t('personEmployeeId')}
          <input maxLength={32} pattern="[A-Za-z0-9_-]+" value={employeeId} onInput={(e) => setEmployeeId(e.currentTarget.value)} />
        </label>
        <label class="field">
          {t('personLanguage')}
          <select value={language} onChange={(e) => setLanguage(e.currentTarget.value)}>
            {options.languages.map((l) => (
              <option key={l} value={l}>
                {l.toUpperCase()}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" class="btn btn-primary" disabled={busy}>
          {t('book')}
        </button>
      </form>
      <p role="status" data-testid="booked-code">
        {result}
      </p>
    </section>
  );
}
