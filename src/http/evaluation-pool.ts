/**
 * Evaluation in a worker thread, for the calls that cost most: those with many draft orders
 * (`OFFLOAD_MIN_DRAFTS`) or very long free text (`OFFLOAD_MIN_STRING_BYTES`). The rules compare drafts with each other and every draft gets cards, so
 * 100 drafts took 20–50 ms of facts, rules and cards — time in which the event loop answered
 * nothing else, `/healthz` included. Everything else is evaluated on the event loop as before:
 * copying a call's data to a worker and back costs more than evaluating a usual call.
 *
 * The worker (src/evaluation-worker.ts) builds its engine as main.ts does and answers a task with
 * the answer's JSON (sent as it is), a summary of the cards (card-summary.ts) and the overview
 * snapshot's JSON. Workers start with the first such call or when warmed (main.ts: a second after
 * listening, so start-up stays as fast and a burst of such calls does not wait for one). A task still
 * running after `hardLimitMs` has its worker terminated and replaced (a hard stop that the event
 * loop itself does not have); a worker that dies is replaced;
 * after `MAX_START_FAILURES` workers in a row died before answering anything, the pool gives up
 * and the route evaluates on the event loop.
 *
 * main.ts starts a second pool of the same worker at normal priority, the call pool: it answers
 * whole hook calls from their bytes (`call`, call-in-worker.ts), the overview snapshot's JSON
 * following each reply in a message of its own.
 */
import type { Worker } from 'node:worker_threads';
import type { CardSummary } from '../cds-hooks/card-summary.js';
import type { EvaluationInput } from '../cds-hooks/evaluator.js';
import type { CallReply, CallTask } from './call-in-worker.js';

/** Calls with at least this many draft orders are evaluated in the pool. */
export const OFFLOAD_MIN_DRAFTS = 10;
/**
 * Calls with a string longer than this (bytes as written) are evaluated in the pool: free text
 * that long (a reference range padded with 3,000 spaces, a medication text of 80,000 digits) cost
 * the facts stage 5–20 ms, though only its first 1,000 characters are read. No coded FHIR field
 * comes near it; narrative text does, and is rare in the data the service reads.
 */
export const OFFLOAD_MIN_STRING_BYTES = 2000;
const MAX_START_FAILURES = 3;

/**
 * The call pool's worker heap (`new Worker`'s `resourceLimits`): a young generation of 8 MB kept
 * the process 40 MB smaller under load (2,000 Observations, 8 clients: 296 against 335 MB at the
 * peak, the Kubernetes base allows 512 MiB) at the same calls per second; an old generation far
 * above one call's needs (the worker holds one call at a time). A worker past it ends and is
 * replaced, and its call is answered on the event loop.
 */
export const CALL_WORKER_LIMITS = { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 256 } as const;

/** The input of `Engine.evaluate` as it crosses to the worker: the overview link without its callback. */
export type OffloadedInput = Omit<EvaluationInput, 'overview'> & { readonly overview?: { readonly seenId: string } };

export interface OffloadedAnswer {
  /** The answer ({"cards": […]}) as JSON. */
  readonly json: string;
  readonly cards: readonly CardSummary[];
  /** The overview snapshot's JSON, when a card got the app links. */
  readonly snapshot?: string;
}

/** main → worker: an evaluation, or a whole hook call (call-in-worker.ts). */
export type WorkerTask = { readonly id: number; readonly input: OffloadedInput } | { readonly id: number; readonly call: CallTask };

/** worker → main: a task's reply; after a call's reply, its overview snapshot when `snapshotFollows`. */
export type WorkerReply =
  | ({ readonly id: number; readonly ok: true } & OffloadedAnswer)
  | { readonly id: number; readonly ok: true; readonly call: CallReply }
  | { readonly id: number; readonly ok: false; readonly errorName: string }
  | { readonly snapshotOf: number; readonly json: string | undefined };

export class EvaluationTimeout extends Error {
  override readonly name = 'EvaluationTimeout';
}

export interface EvaluationPool {
  evaluate(input: OffloadedInput): Promise<OffloadedAnswer>;
  /**
   * A whole hook call (call-in-worker.ts); `keepSnapshot` gets the overview snapshot's JSON when
   * the reply says one follows (undefined if it could not be made or its worker ended first).
   */
  call(task: CallTask, keepSnapshot: (json: string | undefined) => void): Promise<CallReply>;
  /** Starts the workers now rather than with the first task (main.ts: a second after listening). */
  warm(): void;
  /** Terminates the workers; tasks not answered yet fail. */
  close(): Promise<void>;
}

export interface PoolOptions {
  /** Starts one worker running src/evaluation-worker (main.ts: the built file). */
  readonly spawn: () => Worker;
  readonly size?: number;
  readonly hardLimitMs: number;
}

interface Task {
  readonly message: WorkerTask;
  readonly resolve: (reply: Extract<WorkerReply, { ok: true }>) => void;
  readonly reject: (err: Error) => void;
  readonly keepSnapshot?: (json: string | undefined) => void;
}

interface Slot {
  readonly worker: Worker;
  running?: { readonly task: Task; readonly timer: NodeJS.Timeout };
  answered: boolean;
  /** Calls answered whose snapshot is still to come, by task id. */
  readonly snapshots: Map<number, (json: string | undefined) => void>;
}

export function createEvaluationPool(options: PoolOptions): EvaluationPool {
  const queue: Task[] = [];
  const slots: Slot[] = [];
  let nextId = 1;
  let closed = false;
  let startFailures = 0;
  let broken: Error | undefined;

  const finish = (slot: Slot): Task | undefined => {
    const running = slot.running;
    if (running === undefined) return undefined;
    clearTimeout(running.timer);
    slot.running = undefined;
    return running.task;
  };
  /** A worker that ended (crashed, or terminated past the hard limit): its task fails, another takes its place. */
  const replace = (slot: Slot, err: Error): void => {
    finish(slot)?.reject(err);
    for (const keep of slot.snapshots.values()) keep(undefined);
    slot.snapshots.clear();
    const at = slots.indexOf(slot);
    if (at < 0) return;
    slots.splice(at, 1);
    if (closed) return;
    if (!slot.answered) startFailures += 1;
    if (startFailures >= MAX_START_FAILURES) {
      broken = new Error('the evaluation workers do not start');
      for (const task of queue.splice(0)) task.reject(broken);
      return;
    }
    dispatch();
  };
  const start = (): Slot => {
    const slot: Slot = { worker: options.spawn(), answered: false, snapshots: new Map() };
    // The pool never keeps a process alive on its own.
    slot.worker.unref();
    slot.worker.on('message', (reply: WorkerReply) => {
      if ('snapshotOf' in reply) {
        slot.snapshots.get(reply.snapshotOf)?.(reply.json);
        slot.snapshots.delete(reply.snapshotOf);
        return;
      }
      if (slot.running?.task.message.id !== reply.id) return;
      slot.answered = true;
      startFailures = 0;
      const task = finish(slot);
      if (reply.ok) {
        if ('call' in reply && reply.call.kind === 'answer' && reply.call.snapshotFollows && task?.keepSnapshot !== undefined) slot.snapshots.set(reply.id, task.keepSnapshot);
        task?.resolve(reply);
      } else {
        task?.reject(new Error(`evaluation failed in the worker (${reply.errorName})`));
      }
      dispatch();
    });
    slot.worker.on('error', (err) => replace(slot, err));
    slot.worker.on('exit', (code) => replace(slot, new Error(`the evaluation worker exited (${code})`)));
    return slot;
  };
  const fill = (): void => {
    while (slots.length < (options.size ?? 1) && !closed && broken === undefined) slots.push(start());
  };
  const dispatch = (): void => {
    // Workers start on demand (or when warmed): start-up does not wait for them.
    if (queue.length > 0) fill();
    for (const slot of slots) {
      if (slot.running !== undefined) continue;
      const task = queue.shift();
      if (task === undefined) return;
      const timer = setTimeout(() => {
        // It started and took a task: too slow is not a failure to start.
        slot.answered = true;
        replace(slot, new EvaluationTimeout(`evaluation took longer than ${options.hardLimitMs} ms`));
        void slot.worker.terminate();
      }, options.hardLimitMs);
      timer.unref();
      slot.running = { task, timer };
      slot.worker.postMessage(task.message);
    }
  };

  const run = (message: WorkerTask, keepSnapshot?: (json: string | undefined) => void): Promise<Extract<WorkerReply, { ok: true }>> => {
    if (broken !== undefined) return Promise.reject(broken);
    if (closed) return Promise.reject(new Error('the evaluation pool is closed'));
    return new Promise((resolve, reject) => {
      queue.push({ message, resolve, reject, ...(keepSnapshot === undefined ? {} : { keepSnapshot }) });
      dispatch();
    });
  };

  return {
    async evaluate(input) {
      const reply = await run({ id: nextId++, input });
      if ('call' in reply) throw new Error('the evaluation worker answered a call');
      return { json: reply.json, cards: reply.cards, ...(reply.snapshot === undefined ? {} : { snapshot: reply.snapshot }) };
    },
    async call(task, keepSnapshot) {
      const reply = await run({ id: nextId++, call: task }, keepSnapshot);
      if (!('call' in reply)) throw new Error('the evaluation worker answered an evaluation');
      return reply.call;
    },
    warm: fill,
    async close() {
      closed = true;
      const closing = new Error('the evaluation pool is closed');
      for (const task of queue.splice(0)) task.reject(closing);
      await Promise.all(slots.splice(0).map((slot) => {
        finish(slot)?.reject(closing);
        for (const keep of slot.snapshots.values()) keep(undefined);
        slot.snapshots.clear();
        return slot.worker.terminate();
      }));
    },
  };
}
