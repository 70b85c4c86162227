/**
 * One pass at a time for a reader of the event log: a wake-up during a pass asks for one more pass after
 * it instead of a second pass racing the first, and commit notices are gathered for a debounce so that
 * a burst of commits costs one pass. The report reader, the notification worker and the ITSM worker
 * share it.
 */
export function createLogPassRunner(options: {
  pass: () => Promise<void>;
  onError: (error: Error) => void;
  wakeDebounceMs: number;
  /** Whether a pass asked for during a pass still runs (a stopping worker says no). */
  mayRepeat?: () => boolean;
  /**
   * A commit notice whose debounce ends during a pass starts a new debounce when the pass ends, instead
   * of a pass straight after it: under a steady stream of commits that is one pass per debounce rather
   * than back-to-back passes (the ITSM worker's scan writes its cursor, one commit per pass).
   */
  debounceAfterPass?: boolean;
}) {
  let running: Promise<void> | null = null;
  let again = false;
  let wakeTimer: NodeJS.Timeout | null = null;
  let wakeAfterPass = false;
  const mayRepeat = options.mayRepeat ?? (() => true);

  function run(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await options.pass().catch((error: Error) => options.onError(error));
      } while (again && mayRepeat());
    })().finally(() => {
      running = null;
      if (wakeAfterPass && mayRepeat()) wakeSoon();
      wakeAfterPass = false;
    });
    return running;
  }

  function wakeSoon(): void {
    if (wakeTimer) return;
    wakeTimer = setTimeout(() => {
      wakeTimer = null;
      if (running && options.debounceAfterPass) wakeAfterPass = true;
      else void run();
    }, options.wakeDebounceMs);
  }

  return {
    run,
    wakeSoon,
    cancelWake(): void {
      if (wakeTimer) clearTimeout(wakeTimer);
      wakeTimer = null;
      wakeAfterPass = false;
    },
    /** Settles when no pass is running (at once when none is). */
    idle: (): Promise<void> => running ?? Promise.resolve(),
  };
}
