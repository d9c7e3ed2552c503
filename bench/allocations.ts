/**
 * Bytes allocated per evaluation (facts + rules + cards), in a process of its own started with a
 * young generation large enough that a batch of evaluations runs without any garbage collection:
 *
 *     node --min-semi-space-size=128 --max-semi-space-size=128 --import tsx bench/allocations.ts
 *
 * Method: warm up (so the code is optimised and one-time caches are filled), then for each batch
 * start a `v8.GCProfiler`, read `used_heap_size`, run the batch, read it again and stop the
 * profiler. A batch during which the profiler saw a collection is thrown away; otherwise the
 * difference divided by the batch size is what one evaluation allocated (new space, and old and
 * large-object space for pretenured and big objects — all of it counts in `used_heap_size`).
 * The median of the kept batches is reported. This counts bytes, not time, so a loaded machine
 * does not change it.
 *
 * The engine is the built one (bench/built.ts): run `npm run build` first (`npm run bench` does).
 *
 * Prints one JSON line: { "<size>": { "patientView": bytes, "orderSign": bytes, "batches": n } }.
 */
import { GCProfiler, getHeapStatistics } from 'node:v8';
import type * as Drafts from '../src/cds-hooks/drafts.js';
import type * as Discovery from '../src/cds-hooks/discovery.js';
import type { Engine, EvaluationInput } from '../src/cds-hooks/evaluator.js';
import type * as EngineModule from '../src/engine.js';
import type * as Resolve from '../src/prefetch/resolve.js';
import { built } from './built.js';
import { generatePatient } from './generate.js';

const { draftsFromContext } = await built<typeof Drafts>('cds-hooks/drafts.js');
const { prefetchTemplates } = await built<typeof Discovery>('cds-hooks/discovery.js');
const { createEngine } = await built<typeof EngineModule>('engine.js');
const { resolvePrefetch } = await built<typeof Resolve>('prefetch/resolve.js');

const NOW = new Date('2026-11-26T10:00:00+01:00');
const SIZES = (process.argv[2] ?? '500').split(',').map(Number);

async function inputs(engine: Engine, size: number): Promise<{ patientView: EvaluationInput; orderSign: EvaluationInput }> {
  const { patientView, orderSign } = generatePatient(size);
  const templates = prefetchTemplates(engine.observationCodes);
  const resolved = await resolvePrefetch(
    { context: patientView.context as { patientId: string }, prefetch: patientView.prefetch as Record<string, unknown>, fhirServer: undefined, accessToken: undefined },
    { templates, timeoutMs: 1000, maxBytes: 10 * 1024 * 1024 },
  );
  if (!resolved.ok) throw new Error('benchmark patient did not resolve');
  const pv: EvaluationInput = { ruleSet: 'patient-view', data: resolved.data, drafts: [], now: NOW, language: 'da' };
  return { patientView: pv, orderSign: { ...pv, ruleSet: 'prescribing', drafts: draftsFromContext('order-sign', orderSign.context as Record<string, unknown>) } };
}

/** Median bytes allocated by one call of `run`, over batches that saw no garbage collection. */
export function bytesPerCall(run: () => unknown, batch: number, batches = 15): { bytes: number; kept: number } {
  for (let i = 0; i < 200; i++) run();
  const kept: number[] = [];
  for (let b = 0; b < batches * 3 && kept.length < batches; b++) {
    const profiler = new GCProfiler();
    profiler.start();
    const before = getHeapStatistics().used_heap_size;
    for (let i = 0; i < batch; i++) run();
    const after = getHeapStatistics().used_heap_size;
    const gcs = profiler.stop()?.statistics.length ?? 0;
    if (gcs === 0 && after > before) kept.push((after - before) / batch);
  }
  kept.sort((a, b) => a - b);
  return { bytes: kept[Math.floor(kept.length / 2)] ?? Number.NaN, kept: kept.length };
}

async function main(): Promise<void> {
  const engine = createEngine();
  const out: Record<string, { patientView: number; orderSign: number; batches: number }> = {};
  for (const size of SIZES) {
    const { patientView, orderSign } = await inputs(engine, size);
    const batch = size >= 2000 ? 3 : size >= 500 ? 10 : 40;
    const pv = bytesPerCall(() => engine.evaluate(patientView), batch);
    const os = bytesPerCall(() => engine.evaluate(orderSign), batch);
    out[String(size)] = { patientView: Math.round(pv.bytes), orderSign: Math.round(os.bytes), batches: Math.min(pv.kept, os.kept) };
  }
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

await main();
