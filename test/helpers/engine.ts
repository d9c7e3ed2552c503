/**
 * The real engine (`createEngine` of src/engine.ts: terminology, facts, rules, cards) for tests
 * that must exercise the whole pipeline: FHIR faults, fuzzing, log privacy.
 */
import { createEngine } from '../../src/engine.js';
import type { Engine } from '../../src/cds-hooks/evaluator.js';
import { appWith, type AppOptions } from './app.js';

let engine: Engine | undefined;

/** One real engine per test file (built once: it loads terminology and texts). */
export function realEngine(): Engine {
  engine ??= createEngine();
  return engine;
}

export type RealApp = ReturnType<typeof appWith>;

/** `createApp` with the real engine, the test config (overrides applied) and "now" pinned. */
export function makeRealApp(options: AppOptions = {}): RealApp {
  return appWith(realEngine(), options);
}
