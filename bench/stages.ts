/**
 * Where the time of one service call goes, stage by stage, in one process (no HTTP): parse
 * (`JSON.parse` of the request body), validate (the hook's zod request schema), prefetch
 * (`resolvePrefetch` of the prefetched Bundles), facts, rules, cards (the three stages of
 * `Engine.evaluate`, run one by one here exactly as src/engine.ts runs them — checked against
 * `evaluate` before timing), serialise (`JSON.stringify` of the response).
 *
 * The stages are run in turn, call after call, so machine load falls on all of them alike; each
 * figure is the median over the calls. Before the calls of a size are timed, both hooks run for
 * WARMUP_MS on its bodies, as a service that has been up for a while has: the few hundred timed
 * calls alone left the fixed cost in code not yet optimised (at 10 Observations facts, rules and
 * cards took 0.14, 0.05 and 0.03 ms after 20 warm-up calls, 0.09, 0.02 and 0.01 after 2 s).
 * `evaluation ÷ parse` compares facts + rules + cards with `JSON.parse` of the same body measured
 * in the same loop (issue 18: ≤ 0.40 at 500 Observations).
 * The pipeline is the built one (bench/built.ts): run `npm run build` first (`npm run bench` does).
 *
 * Run as `npm run bench` runs it: 2,000 and 5,000 Observations in a process with a young
 * generation of 128 MB (bench/run.ts, LARGE_FLAGS), the smaller sizes with V8's defaults.
 *
 *     node --import tsx bench/stages.ts 10,100,500,2000     → one JSON line
 *     node --import tsx bench/stages.ts 500:uuid            → the same with a UUID as every id
 */
import { isDeepStrictEqual } from 'node:util';
import { performance } from 'node:perf_hooks';
import type * as Links from '../src/cards/links.js';
import type * as Render from '../src/cards/render.js';
import type * as Drafts from '../src/cds-hooks/drafts.js';
import type * as Discovery from '../src/cds-hooks/discovery.js';
import type { EvaluationInput } from '../src/cds-hooks/evaluator.js';
import type * as Request from '../src/cds-hooks/request.js';
import type * as EngineModule from '../src/engine.js';
import type * as BuildFacts from '../src/facts/build-facts.js';
import type * as Resolve from '../src/prefetch/resolve.js';
import type * as Rules from '../src/rules/index.js';
import type * as Settings from '../src/rules/settings.js';
import type { RuleContext } from '../src/rules/types.js';
import type * as TerminologyModule from '../src/terminology/index.js';
import { built } from './built.js';
import { generatePatient, type GeneratedIds } from './generate.js';
import { STAGES, type Stage, type StageResult } from './stage-result.js';

const { DEFAULT_LINKS } = await built<typeof Links>('cards/links.js');
const { renderCards } = await built<typeof Render>('cards/render.js');
const { draftsFromContext } = await built<typeof Drafts>('cds-hooks/drafts.js');
const { prefetchTemplates } = await built<typeof Discovery>('cds-hooks/discovery.js');
const { requestSchemas } = await built<typeof Request>('cds-hooks/request.js');
const { createEngine } = await built<typeof EngineModule>('engine.js');
const { buildFacts } = await built<typeof BuildFacts>('facts/build-facts.js');
const { resolvePrefetch } = await built<typeof Resolve>('prefetch/resolve.js');
const { evaluateRules } = await built<typeof Rules>('rules/index.js');
const { DEFAULT_SETTINGS } = await built<typeof Settings>('rules/settings.js');
const { loadTerminology } = await built<typeof TerminologyModule>('terminology/index.js');

const NOW = new Date('2026-11-26T10:00:00+01:00');
/** Both hooks run this long on a size's bodies before its calls are timed (the JIT's warm-up). */
const WARMUP_MS = 2000;
const terminology = loadTerminology();
const engine = createEngine({ terminology });
const templates = prefetchTemplates(engine.observationCodes);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

type Hook = 'patient-view' | 'order-sign';

/** One call, stage by stage; returns the ms of each stage. */
async function oneCall(hook: Hook, body: string): Promise<Record<Stage, number>> {
  const t: number[] = [performance.now()];
  const parsed: unknown = JSON.parse(body);
  t.push(performance.now());
  const request = requestSchemas[hook].parse(parsed);
  t.push(performance.now());
  const drafts = draftsFromContext(hook, request.context);
  const prefetch = await resolvePrefetch(
    { context: request.context, prefetch: request.prefetch ?? undefined, fhirServer: undefined, accessToken: undefined },
    { templates, timeoutMs: 1000, maxBytes: 10 * 1024 * 1024 },
  );
  if (!prefetch.ok) throw new Error('benchmark patient did not resolve');
  t.push(performance.now());
  const input: EvaluationInput = { ruleSet: hook === 'patient-view' ? 'patient-view' : 'prescribing', data: prefetch.data, drafts, now: NOW, language: 'da' };
  const { response, marks } = evaluateInStages(input);
  t.push(...marks);
  JSON.stringify(response);
  t.push(performance.now());
  const out = {} as Record<Stage, number>;
  STAGES.forEach((stage, i) => (out[stage] = (t[i + 1] ?? Number.NaN) - (t[i] ?? Number.NaN)));
  return out;
}

/** src/engine.ts's evaluate, one stage at a time (with the built-in settings and links). */
function evaluateInStages(input: EvaluationInput): { response: { cards: unknown[] }; marks: number[] } {
  const facts = buildFacts(input.data, input.drafts, input.now, terminology);
  const afterFacts = performance.now();
  const ctx: RuleContext = { facts, today: facts.today, settings: DEFAULT_SETTINGS };
  const recs = evaluateRules(input.ruleSet, ctx);
  const afterRules = performance.now();
  const drafts = new Map(input.drafts.map((d) => [d.ref, d.resource]));
  const cards = renderCards(recs, { lang: input.language, patientRef: facts.patientRef, today: facts.today, female: facts.sex === 'female', drafts, links: DEFAULT_LINKS, settings: DEFAULT_SETTINGS });
  return { response: { cards }, marks: [afterFacts, afterRules, performance.now()] };
}

/** Card uuids are random: compare everything else. */
function withoutUuids(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (key, v: unknown) => (key === 'uuid' ? undefined : v)));
}

async function measure(size: number, ids: GeneratedIds, iterations: number): Promise<StageResult> {
  const { patientView, orderSign } = generatePatient(size, undefined, ids);
  const bodies: Record<Hook, string> = { 'patient-view': JSON.stringify(patientView), 'order-sign': JSON.stringify(orderSign) };
  const runs: Record<Hook, Record<Stage, number>[]> = { 'patient-view': [], 'order-sign': [] };
  const evalRatio: Record<Hook, number[]> = { 'patient-view': [], 'order-sign': [] };
  for (const hook of ['patient-view', 'order-sign'] as const) {
    // The stages run here must be the engine's pipeline: same cards as Engine.evaluate.
    const request = requestSchemas[hook].parse(JSON.parse(bodies[hook]));
    const prefetch = await resolvePrefetch({ context: request.context, prefetch: request.prefetch ?? undefined, fhirServer: undefined, accessToken: undefined }, { templates, timeoutMs: 1000, maxBytes: 10 * 1024 * 1024 });
    if (!prefetch.ok) throw new Error('benchmark patient did not resolve');
    const input: EvaluationInput = { ruleSet: hook === 'patient-view' ? 'patient-view' : 'prescribing', data: prefetch.data, drafts: draftsFromContext(hook, request.context), now: NOW, language: 'da' };
    if (!isDeepStrictEqual(withoutUuids(evaluateInStages(input).response), withoutUuids(engine.evaluate(input)))) throw new Error('bench/stages.ts no longer runs the engine\'s pipeline');
  }
  const warmUntil = performance.now() + WARMUP_MS;
  while (performance.now() < warmUntil) for (const hook of ['patient-view', 'order-sign'] as const) await oneCall(hook, bodies[hook]);
  for (let i = 0; i < iterations; i++) {
    for (const hook of ['patient-view', 'order-sign'] as const) {
      const r = await oneCall(hook, bodies[hook]);
      runs[hook].push(r);
      evalRatio[hook].push(r.facts + r.rules + r.cards);
    }
  }
  const medians = (hook: Hook): Record<Stage, number> => {
    const out = {} as Record<Stage, number>;
    for (const stage of STAGES) out[stage] = median(runs[hook].map((r) => r[stage]));
    return out;
  };
  const pv = medians('patient-view');
  const os = medians('order-sign');
  const evaluationMs = { patientView: median(evalRatio['patient-view']), orderSign: median(evalRatio['order-sign']) };
  return {
    size,
    ...(ids === 'uuid' ? { ids } : {}),
    resources: (patientView.prefetch as { observations: { entry: unknown[] } }).observations.entry.length,
    bodyMb: bodies['patient-view'].length / 1e6,
    patientView: pv,
    orderSign: os,
    evaluationMs,
    evaluationToParse: { patientView: evaluationMs.patientView / pv.parse, orderSign: evaluationMs.orderSign / os.parse },
  };
}

// `500:uuid`: the record of 500 Observations with a UUID as every resource's id (bench/generate.ts).
const bodies = (process.argv[2] ?? '10,100,500,2000').split(',').map((token) => {
  const [size, ids] = token.split(':');
  return { size: Number(size), ids: ids === 'uuid' ? ('uuid' as const) : ('short' as const) };
});
const results: StageResult[] = [];
for (const { size, ids } of bodies) results.push(await measure(size, ids, size >= 5000 ? 40 : size >= 2000 ? 100 : size >= 500 ? 250 : 400));
process.stdout.write(`${JSON.stringify(results)}\n`);
