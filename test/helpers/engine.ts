/**
 * The real engine (`createEngine` of src/engine.ts: terminology, facts, rules, cards) for tests
 * that must exercise the whole pipeline: FHIR faults, fuzzing, log privacy.
 */
import type { Express } from 'express';
import type { Logger } from 'pino';
import { testConfig, type Config } from '../../src/config.js';
import { createEngine } from '../../src/engine.js';
import { openSqliteFeedbackStore } from '../../src/feedback/sqlite-store.js';
import type { FeedbackStore } from '../../src/feedback/store.js';
import { createApp } from '../../src/http/app.js';
import type { JwtVerifier } from '../../src/http/auth/jwt-verifier.js';
import type { Engine } from '../../src/pipeline.js';
import { PINNED_NOW } from './app.js';

let engine: Engine | undefined;

/** One real engine per test file (built once: it loads terminology and texts). */
export function realEngine(): Engine {
  engine ??= createEngine(testConfig());
  return engine;
}

export interface RealApp {
  readonly app: Express;
  readonly store: FeedbackStore;
  readonly config: Config;
}

/** `createApp` with the real engine, the test config (overrides applied) and "now" pinned. */
export function makeRealApp(
  options: { config?: Partial<Config>; logger?: Logger; jwtVerifier?: JwtVerifier; store?: FeedbackStore; now?: Date } = {},
): RealApp {
  const config = testConfig(options.config);
  const store = options.store ?? openSqliteFeedbackStore(':memory:');
  const now = options.now ?? PINNED_NOW;
  const app = createApp(config, {
    engine: realEngine(),
    feedbackStore: store,
    clock: () => now,
    ...(options.logger === undefined ? {} : { logger: options.logger }),
    ...(options.jwtVerifier === undefined ? {} : { jwtVerifier: options.jwtVerifier }),
  });
  return { app, store, config };
}
