/**
 * `npm run bench`: the service next to the floor (a bare express JSON echo), and where its time goes.
 *
 * 1. In-process, on the built code, in child processes of their own: the stage breakdown (parse,
 *    validate, prefetch, facts, rules, cards, serialise) with evaluation ÷ JSON.parse of the same
 *    body (bench/stages.ts, five processes), and bytes allocated per evaluation
 *    (bench/allocations.ts, a GC-free window).
 * 2. Over HTTP on loopback with autocannon, each server in its own process: the floor,
 *    osteoporosis-patient-view, and osteoporosis-order-sign with a draft alendronate order, at
 *    concurrency 1 and 8 (and at some sizes the protocol layer alone, and the service without its
 *    call worker). The machine may be shared, so the three are measured in alternating
 *    rounds and each ratio to the floor is the median of its rounds' ratios: load that comes and
 *    goes falls on the floor and the service alike.
 * 3. Cold start of the built service to a ready /healthz.
 * 4. Noisy neighbour (issue 13): /healthz p99 while pathological calls run (free text padded
 *    with whitespace, runs of digits, deep nesting, the draft-order cap), next to its p99 idle,
 *    and what the pathological calls themselves cost.
 *
 * Prints a Markdown report with the targets of issue 18 (and those of issues 7 and 13 still
 * measured) marked met / not met, and writes it to bench/results.md, keeping whatever follows the
 * `<!-- history -->` line there. Self-contained: no external servers. BENCH_SECONDS sets one round.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import autocannon from 'autocannon';
import { STAGES, type Stage, type StageResult } from './stage-result.js';
import { generatePatient } from './generate.js';

const HTTP_SIZES = [10, 100, 500, 2000] as const;
const STAGE_SIZES = [10, 100, 500, 2000, 5000] as const;
/**
 * Also measured with a UUID as every resource's id, as real records name them: the generator's
 * short ids reach the facts stage already hashed (bench/generate.ts `GeneratedIds`). Not a target
 * row: issue 18's figures are on the short ids.
 */
const UUID_SIZES: readonly number[] = [500];
const SECONDS = Number(process.env.BENCH_SECONDS ?? '1');
const ROUNDS = 3;
/** How long the pathological calls run next to /healthz. */
const NOISY_SECONDS = 5;
const WARMUP_SECONDS = 1;
/**
 * Before the first size, each target runs this long at concurrency 8: what a service that has been
 * up for a while has done. The floor's few functions are optimised within a second or two; the
 * service's code paths took 10–15 s of load to reach their steady throughput (on 2 cores, 10 Obs:
 * ~250 req/s at first, ~450 at concurrency 1 and ~690 at 8 once warm), so a short warm-up measured
 * the JIT compiler at work rather than the service.
 */
const JIT_WARMUP_SECONDS = 8;
/**
 * Bytes allocated per patient-view evaluation at 500 Observations before issue 18's work
 * (main 54009b6, bench/allocations.ts, three runs: 1,806,432 / 1,806,418 / 1,808,382).
 */
const ALLOCATED_BEFORE_500 = 1_806_432;

interface Percentiles {
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
}

function percentiles(values: number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
  return { p50: at(50), p95: at(95), p99: at(99) };
}

const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

const ms = (v: number): string => (Number.isFinite(v) ? v.toFixed(v < 10 ? 2 : 1) : '–');

// ---------------------------------------------------------------------------------------------
// 1. In-process figures, each in a process of its own

const run = promisify(execFile);

/**
 * The stage figures of one process can sit apart from the next one's (the JIT's choices, where the
 * heap lies, a busy neighbour for the few seconds it runs): each figure is the median over
 * STAGE_PROCESSES processes' medians, with the range of evaluation ÷ parse over them. On 4
 * December some processes ran rules at twice their time, cards at half as much again and facts a
 * fifth slower from start to end, with the same code and the same parse time (every function alike
 * in the profile: a state of the process, not of one rule); from one batch of runs to the next
 * anywhere from 1 in 6 to 4 in 5 did. Five processes, so that one or two such do not set the median.
 */
const STAGE_PROCESSES = 5;
/**
 * At 2,000 and 5,000 Observations a call allocates about as much as V8's default young generation
 * holds (16 MB): a scavenge, copying the live record (some 6 ms at 5,000), fell inside nearly
 * every call, in the stage that happened to be allocating — in one process mostly in facts, in the
 * next mostly in parse (facts 4.5 or 9 ms at 5,000, parse 4.5 or 9 ms at 2,000, the same code).
 * Those sizes run in a process whose young generation (128 MB, as bench/allocations.ts has it)
 * leaves most calls without one, and the medians then say what the stages cost. The smaller sizes
 * keep V8's defaults: a collection every few dozen calls does not reach their medians, and a
 * larger young generation, its memory cold in the caches, made their stages 5-15 % slower.
 */
const LARGE_SIZES: readonly number[] = [2000, 5000];
const LARGE_FLAGS = ['--min-semi-space-size=128', '--max-semi-space-size=128'];

interface Stages extends StageResult {
  /** Lowest and highest evaluation ÷ parse over the processes. */
  readonly evaluationToParseRange: { readonly patientView: readonly [number, number]; readonly orderSign: readonly [number, number] };
}

async function stageBreakdown(): Promise<Stages[]> {
  const stages = async (bodies: readonly string[], flags: readonly string[]): Promise<StageResult[]> => {
    if (bodies.length === 0) return [];
    const { stdout } = await run(process.execPath, [...flags, '--import', 'tsx', new URL('./stages.ts', import.meta.url).pathname, bodies.join(',')], { maxBuffer: 1 << 24 });
    return JSON.parse(stdout) as StageResult[];
  };
  const small = [...STAGE_SIZES.filter((s) => !LARGE_SIZES.includes(s)).map(String), ...UUID_SIZES.map((s) => `${s}:uuid`)];
  const runs: StageResult[][] = [];
  for (let i = 0; i < STAGE_PROCESSES; i++) {
    runs.push([...(await stages(small, [])), ...(await stages(STAGE_SIZES.filter((s) => LARGE_SIZES.includes(s)).map(String), LARGE_FLAGS))]);
  }
  const rows = [...STAGE_SIZES.map((size) => ({ size, ids: undefined })), ...UUID_SIZES.map((size) => ({ size, ids: 'uuid' as const }))];
  return rows.map((row) => combineStages(runs.map((r) => r.find((e) => e.size === row.size && e.ids === row.ids)).filter((e): e is StageResult => e !== undefined)));
}

function combineStages(results: readonly StageResult[]): Stages {
  const first = results[0];
  if (first === undefined) throw new Error('bench/stages.ts gave no figures');
  const mid = (pick: (e: StageResult) => number): number => median(results.map(pick));
  const stagesOf = (hook: 'patientView' | 'orderSign'): Record<Stage, number> => {
    const out = {} as Record<Stage, number>;
    for (const stage of STAGES) out[stage] = mid((e) => e[hook][stage]);
    return out;
  };
  const range = (hook: 'patientView' | 'orderSign'): readonly [number, number] => {
    const v = results.map((e) => e.evaluationToParse[hook]);
    return [Math.min(...v), Math.max(...v)];
  };
  return {
    size: first.size,
    ...(first.ids === undefined ? {} : { ids: first.ids }),
    resources: first.resources,
    bodyMb: first.bodyMb,
    patientView: stagesOf('patientView'),
    orderSign: stagesOf('orderSign'),
    evaluationMs: { patientView: mid((e) => e.evaluationMs.patientView), orderSign: mid((e) => e.evaluationMs.orderSign) },
    evaluationToParse: { patientView: mid((e) => e.evaluationToParse.patientView), orderSign: mid((e) => e.evaluationToParse.orderSign) },
    evaluationToParseRange: { patientView: range('patientView'), orderSign: range('orderSign') },
  };
}

type Allocations = Record<string, { patientView: number; orderSign: number; batches: number }>;

async function allocations(): Promise<Allocations> {
  const { stdout } = await run(
    process.execPath,
    ['--min-semi-space-size=128', '--max-semi-space-size=128', '--import', 'tsx', new URL('./allocations.ts', import.meta.url).pathname, HTTP_SIZES.join(',')],
    { maxBuffer: 1 << 24 },
  );
  return JSON.parse(stdout) as Allocations;
}

// ---------------------------------------------------------------------------------------------
// 2. HTTP

interface Server {
  readonly child: ChildProcess;
  readonly port: number;
}

function startServer(mode: 'floor' | 'service' | 'protocol', env: Readonly<Record<string, string>> = {}): Promise<Server> {
  // The built code (`npm run bench` builds first), run as `npm start` runs it: no TypeScript loader.
  const child = spawn(process.execPath, [new URL('./server.mjs', import.meta.url).pathname, mode], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, LOG_LEVEL: 'silent', ...env },
  });
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      const m = /ready (\d+)/.exec(chunk.toString());
      if (m) resolve({ child, port: Number(m[1]) });
    });
    child.on('exit', (code) => reject(new Error(`${mode} server exited with ${String(code)}`)));
  });
}

/** Peak resident set size of a process so far (Linux), in MB. */
function peakRssMb(pid: number | undefined): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${String(pid)}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

interface LoadResult {
  readonly rps: number;
  readonly errors: number;
  readonly latencies: readonly number[];
}

async function load(port: number, path: string, body: string, connections: number, seconds: number): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url: `http://127.0.0.1:${port}${path}`, method: 'POST', headers: { 'content-type': 'application/json' }, body, connections, duration: seconds },
      (err, res) => (err === null || err === undefined ? resolve(res) : reject(err instanceof Error ? err : new Error(String(err)))),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      if (statusCode !== 200) errors += 1;
    });
  });
  return { latencies, rps: latencies.length / seconds, errors: errors + result.errors + result.timeouts };
}

/**
 * `protocol only`: the service with an engine that answers no cards (bench/server.mjs), at
 * PROTOCOL_SIZES; `patient-view, no call worker`: the service without its call worker
 * (CDS_CALL_WORKER=off), at NO_CALL_WORKER_SIZES — what the call worker changes, in the same rounds.
 */
type Endpoint = 'floor' | 'patient-view' | 'order-sign' | 'protocol only' | 'patient-view, no call worker';

/** Where the service without its call worker is measured too. */
const NO_CALL_WORKER_SIZES: ReadonlySet<number> = new Set([10, 100, 500]);

/**
 * The sizes at which the protocol layer alone is measured too: where the fixed cost per call
 * decides the ratio (issue 18's 10-Observation target), it tells that cost from the evaluation's.
 */
const PROTOCOL_SIZES: ReadonlySet<number> = new Set([10]);

interface Target {
  readonly endpoint: Endpoint;
  readonly server: Server;
  readonly path: string;
  readonly body: string;
}

interface HttpRow extends Percentiles {
  readonly size: number;
  readonly endpoint: Endpoint;
  readonly connections: number;
  /** Median over the rounds. */
  readonly rps: number;
  /** Median over the rounds of this endpoint's req/s ÷ the floor's in the same round (1 for the floor). */
  readonly ratio: number;
  /** Lowest and highest of the rounds' ratios: how far the machine moved them. */
  readonly ratioRange: readonly [number, number];
  readonly errors: number;
  readonly peakRssMb: number;
}

async function http(): Promise<HttpRow[]> {
  const floor = await startServer('floor');
  const service = await startServer('service');
  const protocol = await startServer('protocol');
  const inline = await startServer('service', { CDS_CALL_WORKER: 'off' });
  const rows: HttpRow[] = [];
  try {
    // The servers that have had the JIT's warm-up (with the first size they are measured at).
    const jitWarm = new Set<Server>();
    for (const size of HTTP_SIZES) {
      const { patientView, orderSign } = generatePatient(size);
      const targets: Target[] = [
        { endpoint: 'floor', server: floor, path: '/cds-services/osteoporosis-patient-view', body: JSON.stringify(patientView) },
        { endpoint: 'patient-view', server: service, path: '/cds-services/osteoporosis-patient-view', body: JSON.stringify(patientView) },
        { endpoint: 'order-sign', server: service, path: '/cds-services/osteoporosis-order-sign', body: JSON.stringify(orderSign) },
      ];
      if (PROTOCOL_SIZES.has(size)) targets.push({ endpoint: 'protocol only', server: protocol, path: '/cds-services/osteoporosis-patient-view', body: JSON.stringify(patientView) });
      if (NO_CALL_WORKER_SIZES.has(size)) targets.push({ endpoint: 'patient-view, no call worker', server: inline, path: '/cds-services/osteoporosis-patient-view', body: JSON.stringify(patientView) });
      // At both concurrencies: with the call worker a call alone is answered on the event loop and
      // calls that overlap in the worker, so each thread's JIT warms up on the calls it will answer
      // (warmed at concurrency 8 only, the event loop's code was still cold at concurrency 1).
      for (const t of targets) {
        const seconds = jitWarm.has(t.server) ? WARMUP_SECONDS : JIT_WARMUP_SECONDS / 2;
        await load(t.server.port, t.path, t.body, 1, seconds);
        await load(t.server.port, t.path, t.body, 8, seconds);
      }
      for (const t of targets) jitWarm.add(t.server);
      for (const connections of [1, 8]) {
        const rounds = new Map<Endpoint, LoadResult[]>(targets.map((t) => [t.endpoint, []]));
        const latencies = new Map<Endpoint, number[]>(targets.map((t) => [t.endpoint, []]));
        for (let round = 0; round < ROUNDS; round++) {
          for (const t of targets) {
            const r = await load(t.server.port, t.path, t.body, connections, SECONDS);
            rounds.get(t.endpoint)?.push(r);
            latencies.get(t.endpoint)?.push(...r.latencies);
          }
        }
        const floorRounds = rounds.get('floor') ?? [];
        const ratios = (own: readonly LoadResult[]): number[] => own.map((r, i) => r.rps / (floorRounds[i]?.rps ?? Number.NaN));
        for (const t of targets) {
          const own = rounds.get(t.endpoint) ?? [];
          const ownRatios = ratios(own);
          rows.push({
            ...percentiles(latencies.get(t.endpoint) ?? []),
            size,
            endpoint: t.endpoint,
            connections,
            rps: median(own.map((r) => r.rps)),
            ratio: median(ownRatios),
            ratioRange: [Math.min(...ownRatios), Math.max(...ownRatios)],
            errors: own.reduce((n, r) => n + r.errors, 0),
            peakRssMb: peakRssMb(t.server.child.pid),
          });
        }
      }
    }
  } finally {
    floor.child.kill('SIGTERM');
    service.child.kill('SIGTERM');
    protocol.child.kill('SIGTERM');
    inline.child.kill('SIGTERM');
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// 4. Noisy neighbour: /healthz while pathological calls run

interface NoisyResult {
  readonly idle: Percentiles;
  readonly noisy: Percentiles;
  readonly healthzCalls: number;
  /** /healthz of a second, idle service process next to the same load: what the machine alone does to a probe. */
  readonly machine: Percentiles;
  readonly machineCalls: number;
  readonly pathological: Percentiles;
  readonly pathologicalCalls: number;
  readonly statuses: Readonly<Record<string, number>>;
}

/** Request bodies that took seconds to minutes each before issue 13. */
function pathologicalBodies(): { readonly path: string; readonly body: string }[] {
  const { patientView, orderSign } = generatePatient(100);
  const pv = JSON.parse(JSON.stringify(patientView)) as { prefetch: { observations: { entry: unknown[] } }; context: { patientId: string } };
  const padded = (text: string): string => {
    const copy = JSON.parse(JSON.stringify(pv)) as typeof pv;
    copy.prefetch.observations.entry.push({
      resource: { resourceType: 'Observation', id: 'ctx-x', status: 'final', code: { coding: [{ system: 'http://loinc.org', code: '41171-0' }] }, subject: { reference: `Patient/${copy.context.patientId}` }, effectiveDateTime: '2026-03-01', valueQuantity: { value: 0.3, unit: 'ug/L' }, referenceRange: [{ text }] },
    });
    return JSON.stringify(copy);
  };
  const rx = orderSign as { context: { draftOrders: { entry: { resource: Record<string, unknown> }[] } } };
  const withDrafts = (n: number, text?: string): string => {
    const copy = JSON.parse(JSON.stringify(rx)) as typeof rx;
    const first = copy.context.draftOrders.entry[0];
    if (first === undefined) throw new Error('benchmark order has no draft');
    const concept = { coding: [{ system: 'http://www.whocc.no/atc', code: 'M05BA04' }], text: text ?? 'Alendronat 70 mg' };
    copy.context.draftOrders.entry = Array.from({ length: n }, (_, i) => ({ ...first, resource: { ...first.resource, id: `d${i}`, medicationCodeableConcept: concept } }));
    return JSON.stringify(copy);
  };
  const deep = withDrafts(1).replace('"medicationCodeableConcept":{', `"extension":${'['.repeat(50_000)}${']'.repeat(50_000)},"medicationCodeableConcept":{`);
  return [
    { path: '/cds-services/osteoporosis-patient-view', body: padded(`premenopausal mean${' '.repeat(3000)}x`) },
    { path: '/cds-services/osteoporosis-patient-view', body: padded(`præmenopausale kvinder: middelværdi${' '.repeat(2_000_000)}x`) },
    { path: '/cds-services/osteoporosis-order-sign', body: withDrafts(1, `alendronat ${'1'.repeat(80_000)}`) },
    { path: '/cds-services/osteoporosis-order-sign', body: withDrafts(100) },
    { path: '/cds-services/osteoporosis-order-sign', body: withDrafts(8920) },
    { path: '/cds-services/osteoporosis-order-sign', body: deep },
  ];
}

/**
 * /healthz latencies from a process of its own (bench/healthz-probe.mjs): in this one, the
 * pathological clients' event loop (encoding megabyte bodies for fetch) held the probe's own
 * requests back and put the client's delays into the service's figure.
 */
async function healthzLatencies(port: number, seconds: number | undefined, max: number): Promise<number[]> {
  const { stdout } = await run(process.execPath, [new URL('./healthz-probe.mjs', import.meta.url).pathname, String(port), String(seconds ?? 0), String(max)], { maxBuffer: 1 << 24 });
  return JSON.parse(stdout) as number[];
}

async function noisyNeighbour(): Promise<NoisyResult> {
  const service = await startServer('service');
  const bystander = await startServer('service');
  try {
    // Idle once start-up is over: the evaluation worker boots a second after listening (server.mjs).
    await new Promise((r) => setTimeout(r, 1500));
    const idle = await healthzLatencies(service.port, undefined, 200);
    const bodies = pathologicalBodies();
    const statuses: Record<string, number> = {};
    const costs: number[] = [];
    // The service's own figure, then the bystander's next to the same load (one probe at a time).
    const deadline = performance.now() + 2 * NOISY_SECONDS * 1000;
    const done = (): boolean => performance.now() > deadline;
    // Four clients send pathological calls back to back for the whole window.
    const clients = [0, 1, 2, 3].map(async (c) => {
      for (let i = c; !done(); i++) {
        const b = bodies[i % bodies.length];
        if (b === undefined) continue;
        const start = performance.now();
        const res = await fetch(`http://127.0.0.1:${service.port}${b.path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: b.body });
        await res.arrayBuffer();
        costs.push(performance.now() - start);
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      }
    });
    await new Promise((r) => setTimeout(r, 200));
    const noisy = await healthzLatencies(service.port, NOISY_SECONDS - 0.4, 100_000);
    const machine = await healthzLatencies(bystander.port, (deadline - performance.now()) / 1000 - 0.2, 100_000);
    await Promise.all(clients);
    return {
      idle: percentiles(idle),
      noisy: percentiles(noisy),
      healthzCalls: noisy.length,
      machine: percentiles(machine),
      machineCalls: machine.length,
      pathological: percentiles(costs),
      pathologicalCalls: costs.length,
      statuses,
    };
  } finally {
    service.child.kill('SIGTERM');
    bystander.child.kill('SIGTERM');
  }
}

// ---------------------------------------------------------------------------------------------
// 3. Cold start of the built service (dist/), to the first 200 from /healthz

async function coldStart(): Promise<number> {
  const start = performance.now();
  const child = spawn(process.execPath, [new URL('../dist/src/main.js', import.meta.url).pathname], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', CDS_FEEDBACK_DB: ':memory:', LOG_LEVEL: 'info' },
  });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      child.stdout?.on('data', (chunk: Buffer) => {
        const m = /"port":(\d+)/.exec(chunk.toString());
        if (m) resolve(Number(m[1]));
      });
      child.on('exit', (code) => reject(new Error(`service exited with ${String(code)}`)));
    });
    for (;;) {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined);
      if (res?.status === 200) return performance.now() - start;
      await new Promise((r) => setTimeout(r, 5));
    }
  } finally {
    child.kill('SIGTERM');
  }
}

// ---------------------------------------------------------------------------------------------

function met(ok: boolean): string {
  return ok ? '✅ met' : '❌ not met';
}

const ratio = (v: number): string => (Number.isFinite(v) ? v.toFixed(2) : '–');
const kb = (bytes: number): string => (Number.isFinite(bytes) ? Math.round(bytes / 1024).toLocaleString('en-US') : '–');

async function main(): Promise<void> {
  const started = performance.now();
  const loadBefore = loadavg();
  const stages = await stageBreakdown();
  const allocated = await allocations();
  const rows = await http();
  const noisy = await noisyNeighbour();
  const colds: number[] = [];
  for (let i = 0; i < 3; i++) colds.push(await coldStart());
  const cold = percentiles(colds).p50;
  const loadAfter = loadavg();

  const lines: string[] = [];
  const load = (l: number[]): string => l.map((v) => v.toFixed(1)).join(' / ');
  lines.push(`# osteo-cds benchmark`, '');
  lines.push(`${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC · Node ${process.version} · ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'} · ${ROUNDS} rounds of ${SECONDS} s per load figure`, '');
  lines.push(`Machine load (1 / 5 / 15 min load average): ${load(loadBefore)} at the start, ${load(loadAfter)} at the end, on ${cpus().length} cores.`, '');

  // Issue 18 targets
  const e500 = stages.find((e) => e.size === 500 && e.ids === undefined);
  const a500 = allocated['500'];
  const noisyLimit = 2 * noisy.idle.p99;
  lines.push('## Targets (issue 18)', '');
  lines.push('| target | figure | |', '|---|---:|---|');
  for (const r of rows) {
    if (r.endpoint !== 'patient-view' && r.endpoint !== 'order-sign') continue;
    const goal = r.size === 10 ? 0.5 : 0.6;
    lines.push(`| ${r.endpoint}, ${r.size} Obs, conc. ${r.connections}: req/s ≥ ${goal} × the floor | ${ratio(r.ratio)} | ${met(r.ratio >= goal)} |`);
  }
  for (const hook of ['patientView', 'orderSign'] as const) {
    const v = e500?.evaluationToParse[hook] ?? Number.NaN;
    lines.push(`| evaluation alone (facts + rules + cards), 500 Obs, ${hook === 'patientView' ? 'patient-view' : 'order-sign'}: ≤ 0.40 × JSON.parse of the body | ${ratio(v)} | ${met(v <= 0.4)} |`);
  }
  const share = (a500?.patientView ?? Number.NaN) / ALLOCATED_BEFORE_500;
  lines.push(`| bytes allocated per evaluation, 500 Obs, patient-view: ≤ ½ of ${kb(ALLOCATED_BEFORE_500)} KB (before issue 18) | ${kb(a500?.patientView ?? Number.NaN)} KB (${ratio(share)}) | ${met(share <= 0.5)} |`);
  lines.push(`| /healthz p99 next to pathological calls ≤ 2 × idle (${ms(noisy.idle.p99)} ms) | ${ms(noisy.noisy.p99)} ms | ${met(noisy.noisy.p99 <= noisyLimit)} |`);

  lines.push('', '## Where the time goes: one call, stage by stage (in-process, median ms)', '');
  lines.push(
    `Each stage timed in turn, call after call, in one process (bench/stages.ts, on the built code as \`npm start\` runs it), after both hooks ran 2 s on the size's bodies (the JIT's warm-up); evaluation = facts + rules + cards, compared with the \`JSON.parse\` of the same body in the same loop; ${LARGE_SIZES.join(' and ')} Observations in a process with a young generation of 128 MB (a scavenge no longer falls inside nearly every call, in whichever stage was allocating). Each figure is the median of ${STAGE_PROCESSES} such processes' medians; the last column gives the lowest and highest evaluation ÷ parse among them. \`UUID ids\`: the same record with a UUID as every resource's id, as many EHRs name them (the generator's short ids are shared strings, already hashed, when JSON.parse gives them); not a target row.`,
    '',
  );
  lines.push(`| Observations | body MB | endpoint | ${STAGES.join(' | ')} | evaluation | evaluation ÷ parse | processes' range |`, `|---:|---:|---|${STAGES.map(() => '---:').join('|')}|---:|---:|---:|`);
  for (const e of stages) {
    for (const hook of ['patientView', 'orderSign'] as const) {
      const st = e[hook];
      const [low, high] = e.evaluationToParseRange[hook];
      lines.push(`| ${e.size}${e.ids === 'uuid' ? ', UUID ids' : ''} | ${e.bodyMb.toFixed(2)} | ${hook === 'patientView' ? 'patient-view' : 'order-sign'} | ${STAGES.map((s) => ms(st[s])).join(' | ')} | ${ms(e.evaluationMs[hook])} | ${ratio(e.evaluationToParse[hook])} | ${ratio(low)}–${ratio(high)} |`);
    }
  }

  lines.push('', '## Bytes allocated per evaluation (facts + rules + cards)', '');
  lines.push('Median of 15 batches of evaluations that ran without a garbage collection (bench/allocations.ts: young generation of 128 MB, `v8.GCProfiler` to reject a batch that saw one, `used_heap_size` before and after).', '');
  lines.push('| Observations | patient-view KB | order-sign KB |', '|---:|---:|---:|');
  for (const [size, a] of Object.entries(allocated)) lines.push(`| ${size} | ${kb(a.patientView)} | ${kb(a.orderSign)} |`);

  lines.push('', '## Over HTTP on loopback (autocannon), latency in ms', '');
  lines.push(
    `req/s and its ratio to the floor are medians over ${ROUNDS} alternating rounds (floor, patient-view, order-sign, again), with the lowest and highest of the rounds' ratios; latencies pool the rounds. At ${[...PROTOCOL_SIZES].join(', ')} Observations, \`protocol only\` is the same service with an engine that answers every call with no cards (bench/server.mjs): the middleware, body, validation, prefetch and answer of a patient-view call without its evaluation, its cards and what follows them (overview snapshot, issued-card statistics). At ${[...NO_CALL_WORKER_SIZES].join(', ')} Observations, \`patient-view, no call worker\` is the same service without its call worker (every call parsed and answered on the event loop, as before it), in the same rounds. Each server first ran ${JIT_WARMUP_SECONDS / 2} s per target at concurrency 1 and as long at 8 (the JIT's warm-up, on both threads), then ${WARMUP_SECONDS} s per target at each concurrency before each size.`,
    '',
  );
  lines.push('| Observations | endpoint | conc. | p50 | p95 | p99 | req/s | vs floor | rounds\' range | peak RSS MB | errors |', '|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    lines.push(`| ${r.size} | ${r.endpoint} | ${r.connections} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${r.rps.toFixed(0)} | ${ratio(r.ratio)} | ${ratio(r.ratioRange[0])}–${ratio(r.ratioRange[1])} | ${r.peakRssMb.toFixed(0)} | ${r.errors} |`);
  }

  lines.push('', '## Noisy neighbour (issue 13): /healthz while pathological calls run, ms', '');
  lines.push(
    'Four clients send, back to back, calls that took seconds to minutes each before issue 13 (a reference range padded with 3,000 and 2,000,000 spaces, a medication text of 80,000 digits, 100 and 8,920 draft orders, arrays nested 50,000 deep); a probe in a process of its own calls /healthz every 10 ms, idle (once start-up is over) and next to them. Then, with the same load still on the service, the probe calls a second service process that gets no calls at all: its figure is what the load on the machine (two cores shared by the load generator, the service, its worker and the probe) does to a /healthz that waits for nothing in its own process.',
    '',
  );
  lines.push('| | p50 | p95 | p99 | calls |', '|---|---:|---:|---:|---:|');
  lines.push(`| /healthz idle | ${ms(noisy.idle.p50)} | ${ms(noisy.idle.p95)} | ${ms(noisy.idle.p99)} | 200 |`);
  lines.push(`| /healthz next to pathological calls | ${ms(noisy.noisy.p50)} | ${ms(noisy.noisy.p95)} | ${ms(noisy.noisy.p99)} | ${noisy.healthzCalls} |`);
  lines.push(`| /healthz of an idle second service process, same load on the first (the machine's share) | ${ms(noisy.machine.p50)} | ${ms(noisy.machine.p95)} | ${ms(noisy.machine.p99)} | ${noisy.machineCalls} |`);
  lines.push(`| the pathological calls (${Object.entries(noisy.statuses).map(([s, n]) => `${s}×${n}`).join(', ')}) | ${ms(noisy.pathological.p50)} | ${ms(noisy.pathological.p95)} | ${ms(noisy.pathological.p99)} | ${noisy.pathologicalCalls} |`);

  const pv500 = rows.find((r) => r.size === 500 && r.endpoint === 'patient-view' && r.connections === 1);
  const e5000 = stages.find((e) => e.size === 5000 && e.ids === undefined);
  const growth = (e5000?.evaluationMs.patientView ?? Number.NaN) / (e500?.evaluationMs.patientView ?? Number.NaN);
  const errors = rows.reduce((n, r) => n + r.errors, 0);
  lines.push('', '## Earlier targets still measured (issues 7 and 13)', '');
  lines.push('| target | figure | |', '|---|---:|---|');
  lines.push(`| patient-view, 500 Obs, conc. 1: p50 ≤ 5 ms | ${ms(pv500?.p50 ?? Number.NaN)} ms | ${met((pv500?.p50 ?? Infinity) <= 5)} |`);
  lines.push(`| patient-view, 500 Obs, conc. 1: p95 ≤ 15 ms | ${ms(pv500?.p95 ?? Number.NaN)} ms | ${met((pv500?.p95 ?? Infinity) <= 15)} |`);
  lines.push(`| 5,000 Obs ≤ 10 × the 500 figure (evaluation alone) | ${growth.toFixed(1)} × | ${met(growth <= 10)} |`);
  lines.push(`| cold start to ready < 1 s (median of 3) | ${ms(cold)} ms | ${met(cold < 1000)} |`);
  lines.push(`| no errors under load | ${errors} | ${met(errors === 0)} |`);
  lines.push(`| /healthz p99 next to pathological calls < 1 s (issue 13) | ${ms(noisy.noisy.p99)} ms | ${met(noisy.noisy.p99 < 1000)} |`);
  lines.push(`| pathological calls answered within 3 s, p99 (issue 13) | ${ms(noisy.pathological.p99)} ms | ${met(noisy.pathological.p99 < 3000)} |`);
  lines.push('', `Benchmark wall time: ${((performance.now() - started) / 1000).toFixed(0)} s. Reproduce with \`npm run bench\`.`, '');

  const md = lines.join('\n');
  process.stdout.write(`${md}\n`);
  const target = new URL('./results.md', import.meta.url);
  let history = '';
  try {
    const previous = readFileSync(target, 'utf8');
    const at = previous.indexOf(HISTORY_MARK);
    if (at >= 0) history = previous.slice(at);
  } catch {
    // no earlier results
  }
  writeFileSync(target, history === '' ? md : `${md}\n${history}`);
}

/** What follows this line in bench/results.md (before/after notes) is kept across runs. */
const HISTORY_MARK = '<!-- history -->';

await main();
