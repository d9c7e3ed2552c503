/**
 * The real engine (`createEngine` of src/engine.ts: terminology, facts, rules, cards) for tests
 * that must exercise the whole pipeline: FHIR faults, fuzzing, soak, log privacy.
 *
 * Until the engine merge, src/engine.ts is a placeholder that makes no cards (its header says
 * PLACEHOLDER). Assertions about cards the real engine must make (the data-unavailable card of
 * rules.md) run through `itWithRealEngine`, which is skipped — visibly — while the placeholder is
 * in place and runs by itself once the real engine has replaced it.
 */
import { readFileSync } from 'node:fs';
import type { Express } from 'express';
import type { Logger } from 'pino';
import { it } from 'vitest';
import { testConfig, type Config } from '../../src/config.js';
import { createEngine } from '../../src/engine.js';
import { openSqliteFeedbackStore } from '../../src/feedback/sqlite-store.js';
import type { FeedbackStore } from '../../src/feedback/store.js';
import { createApp } from '../../src/http/app.js';
import type { JwtVerifier } from '../../src/http/auth/jwt-verifier.js';
import type { Engine } from '../../src/pipeline.js';
import { PINNED_NOW } from './app.js';

export const ENGINE_IS_PLACEHOLDER = readFileSync(new URL('../../src/engine.ts', import.meta.url), 'utf8').includes('PLACEHOLDER');

let engine: Engine | undefined;

/** One real engine per test file (built once: it loads terminology and texts). */
export function realEngine(): Engine {
  engine ??= createEngine(testConfig());
  return engine;
}

/** `it`, skipped while src/engine.ts is the card-less placeholder. */
export const itWithRealEngine = it.skipIf(ENGINE_IS_PLACEHOLDER);

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
