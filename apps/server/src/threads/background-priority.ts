import { setPriority } from 'node:os';

/**
 * Lowers the calling worker thread's CPU priority (nice 10): its work is background work, and when
 * both cores are busy the main thread (answering check-ins) should run first. On Linux a thread has
 * its own nice value; elsewhere setpriority would lower the whole process, so it is left alone.
 */
export function lowerThisThreadsPriority(): void {
  if (process.platform === 'linux') setPriority(0, 10);
}
