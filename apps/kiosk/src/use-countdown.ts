import { useEffect, useState } from 'preact/hooks';

/** Seconds left on a screen that resets by itself; calls `onDone` once at zero. */
export function useCountdown(seconds: number, onDone: () => void): number {
  const [secondsLeft, setSecondsLeft] = useState(seconds);
  useEffect(() => {
    const timer = setInterval(() => setSecondsLeft((s) => s - 1), 1000);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => {
    if (secondsLeft <= 0) onDone();
  }, [secondsLeft, onDone]);
  return Math.max(0, secondsLeft);
}
