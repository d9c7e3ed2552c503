/**
 * The evaluation worker of src/http/evaluation-pool.ts: builds the engine exactly as main.ts does
 * (src/startup.ts, from the environment it is given) and evaluates the tasks it is sent, one at a
 * time, answering with the answer's JSON, a summary of its cards and the overview snapshot's JSON.
 * It holds no state between tasks and never logs (the calling thread logs the request).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { summariseCards } from './cds-hooks/card-summary.js';
import type { OverviewSnapshot } from './cds-hooks/evaluator.js';
import type { WorkerReply, WorkerTask } from './http/evaluation-pool.js';
import { lowerThisThreadPriority } from './http/thread-priority.js';
import { assembleService } from './startup.js';

const port = parentPort;
if (port === null) throw new Error('src/evaluation-worker.ts runs as a worker thread only');
// Behind the event loop: the calls that cost most must not hold back /healthz and the ordinary ones.
lowerThisThreadPriority();
const { env } = workerData as { env: Readonly<Record<string, string | undefined>> };
const { engine } = assembleService(env);

port.on('message', ({ id, input }: WorkerTask) => {
  let reply: WorkerReply;
  try {
    let snapshot: OverviewSnapshot | undefined;
    const { overview, ...rest } = input;
    const response = engine.evaluate({ ...rest, ...(overview === undefined ? {} : { overview: { ...overview, keep: (make) => (snapshot = make()) } }) });
    reply = { id, ok: true, json: JSON.stringify(response), cards: summariseCards(response.cards), ...(snapshot === undefined ? {} : { snapshot: JSON.stringify(snapshot) }) };
  } catch (err) {
    // The name only: a message may quote input.
    reply = { id, ok: false, errorName: err instanceof Error ? err.name : typeof err };
  }
  port.postMessage(reply);
});
