import type { Language } from '@walkup/client';
import { useEffect, useState } from 'preact/hooks';
import './Clock.css';

/** The site's local time, whatever zone the TV's player box believes it is in. */
export function Clock({ timeZone, lang }: { timeZone: string | undefined; lang: Language }) {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(timer);
  }, []);
  const format = new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', ...(timeZone ? { timeZone } : {}) });
  return (
    <time class="clock" dateTime={now.toISOString()}>
      {format.format(now)}
    </time>
  );
}
