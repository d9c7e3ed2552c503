/**
 * A test app: `createApp(testConfig(...))` with a fake engine that records the `EvaluationInput`
 * it got and answers one valid card (a `data-unavailable` card naming the unavailable keys when
 * there are any), so the protocol tests never depend on guideline rules.
 */
import { topicTitle } from '../../src/cards/text/index.js';
import { randomUUID } from 'node:crypto';
import type { Express } from 'express';
import type { Logger } from 'pino';
import type { Card } from '../../src/cds-hooks/response.js';
import { testConfig, type Config } from '../../src/config.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import type { Store } from '../../src/store/store.js';
import { createApp } from '../../src/http/app.js';
import type { JwtVerifier } from '../../src/http/auth/jwt-verifier.js';
import type { EvaluationPool } from '../../src/http/evaluation-pool.js';
import type { OffloadPolicy } from '../../src/http/offload-policy.js';
import { checkedKeys } from './jwt.js';
import type { Engine, EvaluationInput } from '../../src/cds-hooks/evaluator.js';

export const PINNED_NOW = new Date('2025-06-01T10:00:00Z');
export const TEST_OBSERVATION_CODES = ['38267-1', '38263-0', 'NPU10267'] as const;

export interface FakeEngine extends Engine {
  readonly inputs: EvaluationInput[];
}

export function card(topic: string, reasons: string[], indicator: Card['indicator'] = 'info'): Card {
  return {
    uuid: randomUUID(),
    summary: `Test card ${topic}`,
    indicator,
    source: { label: 'osteo-cds test', topic: { system: 'urn:osteo-cds:card-topic', code: topic } },
    extension: { 'osteo-cds.reasons': reasons, 'osteo-cds.evidence': ['Patient/pat-1'], 'osteo-cds.rules-version': '0.0.0-test' },
  };
}

export function fakeEngine(evaluate?: (input: EvaluationInput) => Card[]): FakeEngine {
  const inputs: EvaluationInput[] = [];
  return {
    inputs,
    observationCodes: TEST_OBSERVATION_CODES,
    topicTitle,
    guidelinePage: (topic, lang) => (topic === 'treatment-indicated' ? `<!doctype html><html lang="${lang}"><title>test</title></html>` : undefined),
    rulesVersion: '0.0.0-test',
    guidelineVersion: 'test guideline',
    evaluate(input) {
      inputs.push(input);
      if (evaluate !== undefined) return { cards: evaluate(input) };
      const unavailable = input.data.unavailable;
      return {
        cards:
          unavailable.length > 0
            ? [card('data-unavailable', unavailable.map((k) => `${k}-unavailable`))]
            : [card('bone-healthy-lifestyle', ['guideline-advice'])],
      };
    },
  };
}

export interface TestApp {
  readonly app: Express;
  readonly engine: FakeEngine;
  readonly store: Store;
  readonly config: Config;
}

export interface AppOptions {
  readonly config?: Partial<Config>;
  readonly store?: Store;
  readonly logger?: Logger;
  readonly jwtVerifier?: JwtVerifier;
  /** "Now" of every request (default PINNED_NOW). */
  readonly now?: Date;
  /** Worker threads for calls with many draft orders (test/helpers/evaluation-pool.ts); default none. */
  readonly evaluationPool?: EvaluationPool;
  /** The worker that answers the other calls whole (test/helpers/evaluation-pool.ts); default none. */
  readonly callPool?: EvaluationPool;
  /** When calls go to `callPool` (default: the app's own, on its load). */
  readonly offloadPolicy?: OffloadPolicy;
}

/** `createApp(testConfig(...))` around an engine, with "now" pinned and an in-memory store by default. */
export function appWith(engine: Engine, options: AppOptions = {}): Omit<TestApp, 'engine'> {
  const config = testConfig(options.config);
  const store = options.store ?? openSqliteStore(':memory:');
  const now = options.now ?? PINNED_NOW;
  const app = createApp(config, {
    engine,
    store: store,
    clock: () => now,
    ...(options.logger === undefined ? {} : { logger: options.logger }),
    ...(options.evaluationPool === undefined ? {} : { evaluationPool: options.evaluationPool }),
    ...(options.callPool === undefined ? {} : { callPool: options.callPool }),
    ...(options.offloadPolicy === undefined ? {} : { offloadPolicy: options.offloadPolicy }),
    ...(options.jwtVerifier === undefined ? checkedKeys(config) : { jwtVerifier: options.jwtVerifier }),
  });
  return { app, store, config };
}

export function makeApp(options: AppOptions & { engine?: FakeEngine } = {}): TestApp {
  const engine = options.engine ?? fakeEngine();
  return { ...appWith(engine, options), engine };
}
