/**
 * Evaluation in a worker thread, for the calls that cost most: those with many draft orders
 * (`OFFLOAD_MIN_DRAFTS`) or very long free text (`OFFLOAD_MIN_STRING_BYTES`). The rules compare drafts with each other and every draft gets cards, so
 * 100 drafts took 20–50 ms of facts, rules and cards — time in which the event loop answered
 * nothing else, `/healthz` included. Everything else is evaluated on the event loop as before:
 * copying a call's data to a worker and back costs more than evaluating a usual call.
 *
 * The worker (src/evaluation-worker.ts) builds its engine as main.ts does and answers a task with
 * the answer's JSON (sent as it is), a summary of the cards (card-summary.ts) and the overview
 * snapshot, encoded as the seen store keeps it (its bytes handed over, not copied). Workers start with the first such call or when warmed (main.ts: a second after
 * listening, so start-up stays as fast and a burst of such calls does not wait for one). A task still
 * running after `hardLimitMs` has its worker terminated and replaced (a hard stop that the event
 * loop itself does not have); a worker that dies is replaced;
 * after `MAX_START_FAILURES` workers in a row died before answering anything (past their heap
 * limit aside: that is a call too large, not a worker that cannot start), the pool gives up and
 * the route evaluates on the event loop. A call task may say when its turn comes that it is no
 * longer wanted; it is then dropped unstarted.
 *
 * main.ts starts a second pool of the same worker at normal priority, the call pool: it answers
 * whole hook calls from their bytes (`call`, call-in-worker.ts), the overview snapshot following
 * each reply in a message of its own.
 */
import { Worker } from 'node:worker_threads';
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
 * The call pool's worker heap (`new Worker`'s `resourceLimits`). The young generation: with 8 MB
 * (to keep the process small) a call of 5,000 Observations (2.9 MB) took the worker 70–100 ms
 * against about 45 with 32 or 64 MB — its objects were copied and promoted collection after
 * collection — and with 8 clients the service answered fewer calls of 2,000 Observations with the
 * worker than without it (31–33 against 39–44 a second); with 32 MB, more (55–60 against 48–53).
 * The old generation far above one call's needs (the worker holds one or two calls at a time);
 * bodies over 4 MB stay on the event loop (routes/hooks.ts). A worker past it ends and is replaced,
 * and its call is answered on the event loop.
 */
const CALL_WORKER_LIMITS = { maxYoungGenerationSizeMb: 32, maxOldGenerationSizeMb: 256 } as const;

/** The call pool's tasks posted to its worker at once (`PoolOptions.inWorker`). */
export const CALL_WORKER_IN_WORKER = 2;

/** The call pool as main.ts and the bench server start it: one worker of `file` at normal priority, its engine built from `env`. */
export function createCallPool(file: URL, env: NodeJS.ProcessEnv, hardLimitMs: number): EvaluationPool {
  return createEvaluationPool({
    spawn: () => new Worker(file, { workerData: { env, priority: 'normal' }, resourceLimits: CALL_WORKER_LIMITS }),
    hardLimitMs,
    inWorker: CALL_WORKER_IN_WORKER,
  });
}

/** The input of `Engine.evaluate` as it crosses to the worker: the overview link without its callback. */
export type OffloadedInput = Omit<EvaluationInput, 'overview'> & { readonly overview?: { readonly seenId: string } };

export interface OffloadedAnswer {
  /** The answer ({"cards": […]}) as JSON. */
  readonly json: string;
  readonly cards: readonly CardSummary[];
  /** The overview snapshot, encoded (seen-store.ts `encodeSnapshot`), when a card got the app links. */
  readonly snapshot?: Uint8Array;
}

/** main → worker: an evaluation, or a whole hook call (call-in-worker.ts). */
export type WorkerTask = { readonly id: number; readonly input: OffloadedInput } | { readonly id: number; readonly call: CallTask };

/** worker → main: a task's reply; after a call's reply, its overview snapshot when `snapshotFollows`. */
export type WorkerReply =
  | ({ readonly id: number; readonly ok: true } & OffloadedAnswer)
  | { readonly id: number; readonly ok: true; readonly call: CallReply }
  | { readonly id: number; readonly ok: false; readonly errorName: string }
  | { readonly snapshotOf: number; readonly snapshot: Uint8Array | undefined };

/** Gets a call's encoded overview snapshot (undefined: it could not be made, or its worker ended first). */
export type KeepSnapshot = (snapshot: Uint8Array | undefined) => void;

export class EvaluationTimeout extends Error {
  override readonly name = 'EvaluationTimeout';
}

/** A call no longer wanted when its turn came (its answer was already sent: a 503 past the time budget): never started. */
export class TaskDropped extends Error {
  override readonly name = 'TaskDropped';
}

export interface EvaluationPool {
  evaluate(input: OffloadedInput): Promise<OffloadedAnswer>;
  /**
   * A whole hook call (call-in-worker.ts); `keepSnapshot` gets the encoded overview snapshot when
   * the reply says one follows (undefined if it could not be made or its worker ended first).
   * `wanted` is asked when the task's turn comes: false drops it (`TaskDropped`), so that a
   * worker behind never spends its time on calls already answered.
   */
  call(task: CallTask, keepSnapshot: KeepSnapshot, wanted?: () => boolean): Promise<CallReply>;
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
  /**
   * Tasks posted to each worker at once (default 1): with 2, the next call already waits in the
   * worker when one is done, rather than for the event loop to post it (the call pool: the event
   * loop may be busy with a call of its own). A task waiting in a worker that ends goes back to the queue.
   */
  readonly inWorker?: number;
}

interface Task {
  readonly message: WorkerTask;
  readonly resolve: (reply: Extract<WorkerReply, { ok: true }>) => void;
  readonly reject: (err: Error) => void;
  readonly keepSnapshot?: KeepSnapshot;
  readonly wanted?: () => boolean;
}

interface Slot {
  readonly worker: Worker;
  /** The tasks posted to the worker, oldest first: the first is running (its timer set when it began), the others wait in the worker. */
  readonly sent: { readonly task: Task; timer?: NodeJS.Timeout }[];
  answered: boolean;
  /** Calls answered whose snapshot is still to come, by task id. */
  readonly snapshots: Map<number, KeepSnapshot>;
}

/** The error of a worker that ran out of heap (`resourceLimits`): Node's ERR_WORKER_OUT_OF_MEMORY. */
function outOfMemory(err: Error): boolean {
  return 'code' in err && err.code === 'ERR_WORKER_OUT_OF_MEMORY';
}

export function createEvaluationPool(options: PoolOptions): EvaluationPool {
  const queue: Task[] = [];
  const slots: Slot[] = [];
  let nextId = 1;
  let closed = false;
  let startFailures = 0;
  let broken: Error | undefined;

  /** The running task is done: its timer goes, and the next one posted starts its own. */
  const finish = (slot: Slot): Task | undefined => {
    const running = slot.sent.shift();
    if (running === undefined) return undefined;
    clearTimeout(running.timer);
    const next = slot.sent[0];
    if (next !== undefined) next.timer = limit(slot);
    return running.task;
  };
  /** A worker that ended (crashed, or terminated past the hard limit): its task fails, the ones waiting in it go back to the queue, another worker takes its place. */
  const replace = (slot: Slot, err: Error): void => {
    finish(slot)?.reject(err);
    for (const waiting of slot.sent.splice(0).reverse()) {
      clearTimeout(waiting.timer);
      queue.unshift(waiting.task);
    }
    for (const keep of slot.snapshots.values()) keep(undefined);
    slot.snapshots.clear();
    const at = slots.indexOf(slot);
    if (at < 0) return;
    slots.splice(at, 1);
    if (closed) return;
    // A worker past its heap limit (a call's data too large for it) did start.
    if (!slot.answered && !outOfMemory(err)) startFailures += 1;
    if (startFailures >= MAX_START_FAILURES) {
      broken = new Error('the evaluation workers do not start');
      for (const task of queue.splice(0)) task.reject(broken);
      return;
    }
    dispatch();
  };
  /** The hard limit of the task that begins now in the slot's worker. */
  const limit = (slot: Slot): NodeJS.Timeout => {
    const timer = setTimeout(() => {
      // It started and took a task: too slow is not a failure to start.
      slot.answered = true;
      replace(slot, new EvaluationTimeout(`evaluation took longer than ${options.hardLimitMs} ms`));
      void slot.worker.terminate();
    }, options.hardLimitMs);
    timer.unref();
    return timer;
  };
  const start = (): Slot => {
    const slot: Slot = { worker: options.spawn(), sent: [], answered: false, snapshots: new Map() };
    // The pool never keeps a process alive on its own.
    slot.worker.unref();
    slot.worker.on('message', (reply: WorkerReply) => {
      if ('snapshotOf' in reply) {
        slot.snapshots.get(reply.snapshotOf)?.(reply.snapshot);
        slot.snapshots.delete(reply.snapshotOf);
        return;
      }
      if (!slot.sent.some((sent) => sent.task.message.id === reply.id)) return;
      // The worker answers in order: a task before this one got no reply (it failed past its own error handling).
      while (slot.sent[0] !== undefined && slot.sent[0].task.message.id !== reply.id) finish(slot)?.reject(new Error('the evaluation worker did not answer the task'));
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
  const nextWanted = (): Task | undefined => {
    for (let task = queue.shift(); task !== undefined; task = queue.shift()) {
      if (task.wanted?.() !== false) return task;
      task.reject(new TaskDropped('the call was answered before its turn'));
    }
    return undefined;
  };
  const dispatch = (): void => {
    // Workers start on demand (or when warmed): start-up does not wait for them.
    if (queue.length > 0) fill();
    for (const slot of slots) {
      while (slot.sent.length < (options.inWorker ?? 1)) {
        const task = nextWanted();
        if (task === undefined) return;
        const sent: Slot['sent'][number] = { task };
        slot.sent.push(sent);
        if (slot.sent.length === 1) sent.timer = limit(slot);
        slot.worker.postMessage(task.message);
      }
    }
  };

  const run = (message: WorkerTask, keepSnapshot?: KeepSnapshot, wanted?: () => boolean): Promise<Extract<WorkerReply, { ok: true }>> => {
    if (broken !== undefined) return Promise.reject(broken);
    if (closed) return Promise.reject(new Error('the evaluation pool is closed'));
    return new Promise((resolve, reject) => {
      queue.push({ message, resolve, reject, ...(keepSnapshot === undefined ? {} : { keepSnapshot }), ...(wanted === undefined ? {} : { wanted }) });
      dispatch();
    });
  };

  return {
    async evaluate(input) {
      const reply = await run({ id: nextId++, input });
      if ('call' in reply) throw new Error('the evaluation worker answered a call');
      return { json: reply.json, cards: reply.cards, ...(reply.snapshot === undefined ? {} : { snapshot: reply.snapshot }) };
    },
    async call(task, keepSnapshot, wanted) {
      const reply = await run({ id: nextId++, call: task }, keepSnapshot, wanted);
      if (!('call' in reply)) throw new Error('the evaluation worker answered an evaluation');
      return reply.call;
    },
    warm: fill,
    async close() {
      closed = true;
      const closing = new Error('the evaluation pool is closed');
      for (const task of queue.splice(0)) task.reject(closing);
      await Promise.all(slots.splice(0).map((slot) => {
        for (const sent of slot.sent.splice(0)) {
          clearTimeout(sent.timer);
          sent.task.reject(closing);
        }
        for (const keep of slot.snapshots.values()) keep(undefined);
        slot.snapshots.clear();
        return slot.worker.terminate();
      }));
    },
  };
}
