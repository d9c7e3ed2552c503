/** The engine with each evaluation timed into `osteo_cds_evaluation_duration_seconds`. */
import type { Engine } from '../cds-hooks/evaluator.js';
import { secondsSince, type Metrics } from './metrics.js';

export function timedEngine(engine: Engine, metrics: Metrics): Engine {
  return {
    ...engine,
    evaluate(input) {
      const started = process.hrtime.bigint();
      try {
        return engine.evaluate(input);
      } finally {
        metrics.evaluated(input.ruleSet, secondsSince(started));
      }
    },
  };
}
