/**
 * The worker of src/http/evaluation-pool.ts: builds the engine exactly as main.ts does
 * (src/startup.ts, from the environment it is given) and runs the tasks it is sent, one at a
 * time: an evaluation (answered with the answer's JSON, a summary of its cards and the overview
 * snapshot, encoded as the seen store keeps it), or a whole hook call from its bytes
 * (src/http/call-in-worker.ts; its snapshot follows the reply). A snapshot's bytes are handed
 * over with the message, not copied. It holds no state between tasks and never logs (the calling thread logs the
 * request). `workerData.priority`: `low` for the pool of the costliest calls (behind the event
 * loop, so they do not hold back /healthz and the ordinary calls), `normal` for the call pool.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { summariseCards } from './cds-hooks/card-summary.js';
import { prefetchTemplates } from './cds-hooks/discovery.js';
import type { OverviewSnapshot } from './cds-hooks/evaluator.js';
import { answerCall } from './http/call-in-worker.js';
import type { WorkerReply, WorkerTask } from './http/evaluation-pool.js';
import { encodeSnapshot } from './http/overview/seen-store.js';
import { lowerThisThreadPriority } from './http/thread-priority.js';
import { assembleService } from './startup.js';

if (parentPort === null) throw new Error('src/evaluation-worker.ts runs as a worker thread only');
const port = parentPort;
const { env, priority } = workerData as { env: Readonly<Record<string, string | undefined>>; priority?: 'low' | 'normal' };
if (priority !== 'normal') lowerThisThreadPriority();
const { engine, config } = assembleService(env);
const templates = prefetchTemplates(engine.observationCodes);

/** The name only: a message may quote input. */
const failed = (id: number, err: unknown): WorkerReply => ({ id, ok: false, errorName: err instanceof Error ? err.name : typeof err });

function evaluate(id: number, input: Extract<WorkerTask, { input: unknown }>['input']): void {
  let reply: WorkerReply;
  try {
    let snapshot: OverviewSnapshot | undefined;
    const { overview, ...rest } = input;
    const response = engine.evaluate({ ...rest, ...(overview === undefined ? {} : { overview: { ...overview, keep: (make) => (snapshot = make()) } }) });
    reply = { id, ok: true, json: JSON.stringify(response), cards: summariseCards(response.cards), ...(snapshot === undefined ? {} : { snapshot: encodeSnapshot(JSON.stringify(snapshot)) }) };
  } catch (err) {
    reply = failed(id, err);
  }
  port.postMessage(reply, 'snapshot' in reply && reply.snapshot !== undefined ? [reply.snapshot.buffer as ArrayBuffer] : []);
}

async function runCall(task: Extract<WorkerTask, { call: unknown }>): Promise<void> {
  let make: (() => OverviewSnapshot) | undefined;
  try {
    const call = await answerCall(task.call, { engine, config, templates }, (m) => (make = m));
    // The answer's bytes (an ArrayBuffer of their own: TextEncoder's) move to the main thread rather than being copied.
    port.postMessage({ id: task.id, ok: true, call } satisfies WorkerReply, call.kind === 'answer' ? [call.json.buffer as ArrayBuffer] : []);
  } catch (err) {
    port.postMessage(failed(task.id, err));
    return;
  }
  if (make === undefined) return;
  let snapshot: Uint8Array | undefined;
  try {
    snapshot = encodeSnapshot(JSON.stringify(make()));
  } catch {
    snapshot = undefined; // its link then says the overview is not kept
  }
  port.postMessage({ snapshotOf: task.id, snapshot } satisfies WorkerReply, snapshot === undefined ? [] : [snapshot.buffer as ArrayBuffer]);
}

/** Tasks in the order sent: a call's reply and then its snapshot before the next task starts. */
let queue = Promise.resolve();

port.on('message', (task: WorkerTask) => {
  const run = 'input' in task ? (): void => evaluate(task.id, task.input) : (): Promise<void> => runCall(task);
  // A task that fails past its own error handling gets no reply (the pool's hard limit answers it); the next ones still run.
  queue = queue.then(run).catch(() => undefined);
});
