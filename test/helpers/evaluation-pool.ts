/**
 * Evaluation pools for tests. Worker threads run JavaScript files, and vitest runs the TypeScript
 * sources: each worker here registers tsx first, then loads src/evaluation-worker.ts (or a
 * stand-in given as source code).
 */
import { Worker } from 'node:worker_threads';
import { CALL_WORKER_IN_WORKER, createEvaluationPool, type EvaluationPool } from '../../src/http/evaluation-pool.js';

const WORKER = new URL('../../src/evaluation-worker.ts', import.meta.url).href;

function tsWorker(file: string, env: Readonly<Record<string, string>>, priority: 'low' | 'normal'): Worker {
  const code = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(file)}); })`;
  return new Worker(code, { eval: true, workerData: { env, priority } });
}

/**
 * The service's own worker, its engine built from `env` (default: the embedded defaults); `low`
 * priority as the evaluation pool's (default), `normal` as the call pool's.
 */
export function testPool(options: { readonly env?: Readonly<Record<string, string>>; readonly hardLimitMs?: number; readonly priority?: 'low' | 'normal' } = {}): EvaluationPool {
  const priority = options.priority ?? 'low';
  // As main.ts: the call pool posts two tasks to its worker at once.
  return createEvaluationPool({ spawn: () => tsWorker(WORKER, options.env ?? {}, priority), hardLimitMs: options.hardLimitMs ?? 20_000, ...(priority === 'normal' ? { inWorker: CALL_WORKER_IN_WORKER } : {}) });
}

/** A pool whose workers run `code` (plain JavaScript) instead: workers that hang, crash or never start. */
export function standInPool(code: string, hardLimitMs: number): EvaluationPool {
  return createEvaluationPool({ spawn: () => new Worker(code, { eval: true }), hardLimitMs });
}
