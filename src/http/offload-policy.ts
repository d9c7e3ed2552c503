/**
 * When a hook call goes to the call worker (call-in-worker.ts) rather than being answered on the
 * event loop. The worker pays only when calls overlap: the event loop then reads and writes the
 * next ones while the worker makes the cards. A call that waits alone is answered faster on the
 * event loop: handing it over and back costs two thread wake-ups (0.1–0.2 ms each on a virtual
 * machine, measured), and nothing runs beside it.
 *
 * So a call goes to the worker while others are there, or when the event loop is saturated — it
 * hardly waited for I/O between calls lately (`loopPressure`) — unless the last call handed over
 * found itself alone (no call came in while it was in the worker): then the loop was only busy
 * with one call at a time (a large record, a fast client), and calls stay here for a while; so
 * they do after a call the worker failed (the route logs each failure). No cap on the calls
 * waiting for the worker: with one (at most two waiting), the event loop answered the rest itself
 * and the service handled no more calls at 100 Observations and 8 clients than without a worker
 * (388 against 411 a second), without a cap 524. Only a worker far behind — `MAX_IN_WORKER` calls
 * handed to it, twice the clients of the bench — leaves the next calls to the event loop, so that
 * under overload both threads evaluate; calls that had their 503 while they waited are dropped
 * unstarted (evaluation-pool.ts `wanted`).
 */
import { performance } from 'node:perf_hooks';

export interface OffloadPolicy {
  /** Asked once when each call arrives: hand it to the worker? */
  offload(): boolean;
  /** The call was handed over; the function returned is called when it is back (`failed`: the worker did not answer it). */
  handedOver(): (failed?: boolean) => void;
}

/** Busier than this (a share of the time, averaged) is saturated. */
const SATURATED = 0.95;
/** The weight of the newest interval in the average (about the last ten to twenty calls). */
const WEIGHT = 0.1;
/** After a call handed over alone, or one the worker failed, calls stay on the event loop this long (ms). */
const STAY_MS = 1000;
/** Calls in the worker (running or waiting) past which the next ones are answered on the event loop. */
export const MAX_IN_WORKER = 16;

/**
 * Whether the event loop is saturated: how much of the time between one call and the next it was
 * busy (libuv's idle time, as `performance.eventLoopUtilization` reads it), averaged.
 */
export function loopPressure(): () => boolean {
  let before = performance.eventLoopUtilization();
  let load = 0;
  return () => {
    const now = performance.eventLoopUtilization();
    const since = performance.eventLoopUtilization(now, before);
    before = now;
    load += WEIGHT * (since.utilization - load);
    return load > SATURATED;
  };
}

export function offloadPolicy(saturated: () => boolean = loopPressure(), clock: () => number = () => performance.now()): OffloadPolicy {
  let inWorker = 0;
  let arrivals = 0;
  let stayUntil = Number.NEGATIVE_INFINITY;
  return {
    offload() {
      arrivals += 1;
      // Asked for every call, so that its average follows the load.
      const busy = saturated();
      if (inWorker >= MAX_IN_WORKER) return false;
      return inWorker > 0 || (busy && clock() >= stayUntil);
    },
    handedOver() {
      const joined = inWorker > 0;
      inWorker += 1;
      const arrivedBefore = arrivals;
      return (failed = false) => {
        inWorker -= 1;
        // Alone: no call in the worker when it came, none arrived while it was there.
        if (failed || (!joined && arrivals === arrivedBefore)) stayUntil = clock() + STAY_MS;
      };
    },
  };
}
