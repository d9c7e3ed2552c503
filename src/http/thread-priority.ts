/**
 * The evaluation worker's thread yields the CPU to the event loop: it runs at nice +10 (Linux,
 * where `setpriority` on a thread id changes that thread alone). The worker takes the calls that
 * cost most (many draft orders, very long free text, src/http/evaluation-pool.ts); on two cores
 * it competed with the event loop as an equal, and every call the event loop had in hand — a
 * `/healthz`, an ordinary hook call — waited for it. Measured with the benchmark's pathological
 * calls (four clients, six runs): `/healthz` next to them p50 6–8 → 4–5 ms, p99 34–50 → 23–36 ms.
 * Elsewhere (no `/proc/thread-self`) nothing changes.
 */
import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

/** Nice steps the worker's thread goes down by (19 is the lowest priority there is). */
export const WORKER_NICE_STEPS = 10;

/** This thread's id on Linux (`/proc/thread-self` names `<pid>/task/<tid>`), else undefined. */
export function currentThreadId(): number | undefined {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    return Number.isSafeInteger(tid) && tid > 0 ? tid : undefined;
  } catch {
    return undefined;
  }
}

/** Lowers the priority of the calling thread only; false where that cannot be done (the thread runs on as it was). */
export function lowerThisThreadPriority(steps: number = WORKER_NICE_STEPS): boolean {
  const tid = currentThreadId();
  // The main thread's id is the process id: setPriority would then name the process.
  if (tid === undefined || tid === process.pid) return false;
  try {
    setPriority(tid, Math.min(19, getPriority(tid) + steps));
    return true;
  } catch {
    return false;
  }
}
