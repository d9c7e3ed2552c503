/**
 * `npm run bench`: how much the guideline costs next to receiving the request.
 *
 * 1. Evaluation alone (facts + rules + cards, no HTTP) per patient size, in this process.
 * 2. Over HTTP on loopback with autocannon, each server in its own process: the floor (a bare
 *    express endpoint parsing the same body), osteoporosis-patient-view, and osteoporosis-order-sign
 *    with a draft alendronate order, at concurrency 1 and 8.
 * 3. Cold start of the built service to a ready /healthz.
 * 4. Noisy neighbour (issue 13): /healthz p99 while pathological calls run (free text padded
 *    with whitespace, runs of digits, deep nesting, the draft-order cap), next to its p99 idle,
 *    and what the pathological calls themselves cost.
 *
 * Prints a Markdown table with the targets of issue 7 marked met / not met and writes it to
 * bench/results.md. Self-contained: no external servers. BENCH_SECONDS shortens or lengthens runs.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { draftsFromContext } from '../src/cds-hooks/drafts.js';
import { testConfig } from '../src/config.js';
import { createEngine } from '../src/engine.js';
import type { EvaluationInput } from '../src/cds-hooks/evaluator.js';
import { prefetchTemplates } from '../src/cds-hooks/discovery.js';
import { resolvePrefetch } from '../src/prefetch/resolve.js';
import { generatePatient } from './generate.js';

const SIZES = [10, 100, 500, 2000, 5000] as const;
const SECONDS = Number(process.env.BENCH_SECONDS ?? '2.5');
const WARMUP_SECONDS = 0.5;
const NOW = new Date('2026-11-26T10:00:00+01:00');

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

const ms = (v: number): string => (Number.isFinite(v) ? v.toFixed(v < 10 ? 2 : 1) : '–');

// ---------------------------------------------------------------------------------------------
// 1. Evaluation alone

interface EvalResult {
  readonly size: number;
  readonly resources: number;
  readonly bodyMb: number;
  readonly patientView: Percentiles;
  readonly orderSign: Percentiles;
}

async function evaluationAlone(): Promise<EvalResult[]> {
  const config = testConfig();
  const engine = createEngine();
  const templates = prefetchTemplates(engine.observationCodes);
  const out: EvalResult[] = [];
  for (const size of SIZES) {
    const { patientView, orderSign } = generatePatient(size);
    const prefetch = patientView.prefetch as Record<string, unknown>;
    const context = patientView.context as { patientId: string };
    const resolved = await resolvePrefetch({ context, prefetch, fhirServer: undefined, accessToken: undefined }, { templates, timeoutMs: 1000, maxBytes: config.bodyLimitBytes });
    if (!resolved.ok) throw new Error('benchmark patient did not resolve');
    const input: EvaluationInput = { ruleSet: 'patient-view', data: resolved.data, drafts: [], now: NOW, language: 'da' };
    const signInput: EvaluationInput = { ...input, ruleSet: 'prescribing', drafts: draftsFromContext('order-sign', orderSign.context as Record<string, unknown>) };
    const iterations = size >= 2000 ? 150 : 400;
    const time = (inp: EvaluationInput): Percentiles => {
      for (let i = 0; i < 50; i++) engine.evaluate(inp);
      const runs: number[] = [];
      for (let i = 0; i < iterations; i++) {
        const start = performance.now();
        engine.evaluate(inp);
        runs.push(performance.now() - start);
      }
      return percentiles(runs);
    };
    out.push({
      size,
      resources: resolved.data.resources.length,
      bodyMb: JSON.stringify(patientView).length / 1e6,
      patientView: time(input),
      orderSign: time(signInput),
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// 2. HTTP

interface Server {
  readonly child: ChildProcess;
  readonly port: number;
}

function startServer(mode: 'floor' | 'service'): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', new URL('./server.ts', import.meta.url).pathname, mode], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, LOG_LEVEL: 'silent' },
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

interface LoadResult extends Percentiles {
  readonly rps: number;
  readonly errors: number;
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
  return { ...percentiles(latencies), rps: latencies.length / seconds, errors: errors + result.errors + result.timeouts };
}

interface HttpRow extends LoadResult {
  readonly size: number;
  readonly endpoint: 'floor' | 'patient-view' | 'order-sign';
  readonly connections: number;
  readonly floorRps: number;
  readonly peakRssMb: number;
}

async function http(): Promise<HttpRow[]> {
  const floor = await startServer('floor');
  const service = await startServer('service');
  const rows: HttpRow[] = [];
  try {
    for (const size of SIZES) {
      const { patientView, orderSign } = generatePatient(size);
      const targets = [
        { endpoint: 'floor', server: floor, path: '/cds-services/osteoporosis-patient-view', body: JSON.stringify(patientView) },
        { endpoint: 'patient-view', server: service, path: '/cds-services/osteoporosis-patient-view', body: JSON.stringify(patientView) },
        { endpoint: 'order-sign', server: service, path: '/cds-services/osteoporosis-order-sign', body: JSON.stringify(orderSign) },
      ] as const;
      const floorRps = new Map<number, number>();
      for (const t of targets) {
        await load(t.server.port, t.path, t.body, 8, WARMUP_SECONDS);
        for (const connections of [1, 8]) {
          const r = await load(t.server.port, t.path, t.body, connections, SECONDS);
          if (t.endpoint === 'floor') floorRps.set(connections, r.rps);
          rows.push({ ...r, size, endpoint: t.endpoint, connections, floorRps: floorRps.get(connections) ?? Number.NaN, peakRssMb: peakRssMb(t.server.child.pid) });
        }
      }
    }
  } finally {
    floor.child.kill('SIGTERM');
    service.child.kill('SIGTERM');
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// 4. Noisy neighbour: /healthz while pathological calls run

interface NoisyResult {
  readonly idle: Percentiles;
  readonly noisy: Percentiles;
  readonly healthzCalls: number;
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

async function healthzLatencies(port: number, until: () => boolean, max: number): Promise<number[]> {
  const out: number[] = [];
  while (out.length < max && !until()) {
    const start = performance.now();
    const res = await fetch(`http://127.0.0.1:${port}/healthz`);
    await res.arrayBuffer();
    out.push(performance.now() - start);
    await new Promise((r) => setTimeout(r, 10));
  }
  return out;
}

async function noisyNeighbour(): Promise<NoisyResult> {
  const service = await startServer('service');
  try {
    const idle = await healthzLatencies(service.port, () => false, 200);
    const bodies = pathologicalBodies();
    const statuses: Record<string, number> = {};
    const costs: number[] = [];
    const deadline = performance.now() + SECONDS * 1000 * 2;
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
    const noisy = await healthzLatencies(service.port, done, 100_000);
    await Promise.all(clients);
    return { idle: percentiles(idle), noisy: percentiles(noisy), healthzCalls: noisy.length, pathological: percentiles(costs), pathologicalCalls: costs.length, statuses };
  } finally {
    service.child.kill('SIGTERM');
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

async function main(): Promise<void> {
  const started = performance.now();
  const evals = await evaluationAlone();
  const rows = await http();
  const noisy = await noisyNeighbour();
  const colds: number[] = [];
  for (let i = 0; i < 3; i++) colds.push(await coldStart());
  const cold = percentiles(colds).p50;

  const lines: string[] = [];
  lines.push(`# osteo-cds benchmark`, '');
  lines.push(`${new Date().toISOString().slice(0, 10)} · Node ${process.version} · ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'} · ${SECONDS} s per load run`, '');
  lines.push('## Evaluation alone (facts + rules + cards, no HTTP), ms per call', '');
  lines.push('| Observations | resources | body MB | patient-view p50 | p95 | order-sign p50 | p95 |', '|---:|---:|---:|---:|---:|---:|---:|');
  for (const e of evals) lines.push(`| ${e.size} | ${e.resources} | ${e.bodyMb.toFixed(2)} | ${ms(e.patientView.p50)} | ${ms(e.patientView.p95)} | ${ms(e.orderSign.p50)} | ${ms(e.orderSign.p95)} |`);
  lines.push('', '## Over HTTP on loopback (autocannon), latency in ms', '');
  lines.push('| Observations | endpoint | conc. | p50 | p95 | p99 | req/s | req/s vs floor | peak RSS MB | errors |', '|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    const ratio = r.endpoint === 'floor' ? '1.00' : (r.rps / r.floorRps).toFixed(2);
    lines.push(`| ${r.size} | ${r.endpoint} | ${r.connections} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${r.rps.toFixed(0)} | ${ratio} | ${r.peakRssMb.toFixed(0)} | ${r.errors} |`);
  }

  lines.push('', '## Noisy neighbour (issue 13): /healthz while pathological calls run, ms', '');
  lines.push(
    'Four clients send, back to back, calls that took seconds to minutes each before issue 13 (a reference range padded with 3,000 and 2,000,000 spaces, a medication text of 80,000 digits, 100 and 8,920 draft orders, arrays nested 50,000 deep); one client calls /healthz every 10 ms.',
    '',
  );
  lines.push('| | p50 | p95 | p99 | calls |', '|---|---:|---:|---:|---:|');
  lines.push(`| /healthz idle | ${ms(noisy.idle.p50)} | ${ms(noisy.idle.p95)} | ${ms(noisy.idle.p99)} | 200 |`);
  lines.push(`| /healthz next to pathological calls | ${ms(noisy.noisy.p50)} | ${ms(noisy.noisy.p95)} | ${ms(noisy.noisy.p99)} | ${noisy.healthzCalls} |`);
  lines.push(`| the pathological calls (${Object.entries(noisy.statuses).map(([s, n]) => `${s}×${n}`).join(', ')}) | ${ms(noisy.pathological.p50)} | ${ms(noisy.pathological.p95)} | ${ms(noisy.pathological.p99)} | ${noisy.pathologicalCalls} |`);

  const pv500 = rows.find((r) => r.size === 500 && r.endpoint === 'patient-view' && r.connections === 1);
  const pv500c8 = rows.find((r) => r.size === 500 && r.endpoint === 'patient-view' && r.connections === 8);
  const e500 = evals.find((e) => e.size === 500);
  const e5000 = evals.find((e) => e.size === 5000);
  const growth = e500 !== undefined && e5000 !== undefined ? e5000.patientView.p50 / e500.patientView.p50 : Number.NaN;
  const errors = rows.reduce((n, r) => n + r.errors, 0);
  lines.push('', '## Targets (issue 7)', '');
  lines.push('| target | figure | |', '|---|---:|---|');
  lines.push(`| patient-view, 500 Obs, conc. 1: p50 ≤ 5 ms | ${ms(pv500?.p50 ?? Number.NaN)} ms | ${met((pv500?.p50 ?? Infinity) <= 5)} |`);
  lines.push(`| patient-view, 500 Obs, conc. 1: p95 ≤ 15 ms | ${ms(pv500?.p95 ?? Number.NaN)} ms | ${met((pv500?.p95 ?? Infinity) <= 15)} |`);
  for (const r of [pv500, pv500c8]) {
    if (r === undefined) continue;
    const ratio = r.rps / r.floorRps;
    lines.push(`| patient-view, 500 Obs, conc. ${r.connections}: req/s ≥ 50 % of the floor | ${(ratio * 100).toFixed(0)} % | ${met(ratio >= 0.5)} |`);
  }
  lines.push(`| evaluation alone, 500 Obs ≤ 2 ms | ${ms(e500?.patientView.p50 ?? Number.NaN)} ms | ${met((e500?.patientView.p50 ?? Infinity) <= 2)} |`);
  lines.push(`| 5,000 Obs ≤ 10 × the 500 figure (evaluation alone) | ${growth.toFixed(1)} × | ${met(growth <= 10)} |`);
  lines.push(`| cold start to ready < 1 s (median of 3) | ${ms(cold)} ms | ${met(cold < 1000)} |`);
  lines.push(`| no errors under load | ${errors} | ${met(errors === 0)} |`);
  lines.push(`| /healthz p99 next to pathological calls < 1 s (issue 13) | ${ms(noisy.noisy.p99)} ms | ${met(noisy.noisy.p99 < 1000)} |`);
  lines.push(`| pathological calls answered within 3 s, p99 (issue 13) | ${ms(noisy.pathological.p99)} ms | ${met(noisy.pathological.p99 < 3000)} |`);
  lines.push('', `Benchmark wall time: ${((performance.now() - started) / 1000).toFixed(0)} s. Reproduce with \`npm run bench\`.`, '');

  const md = lines.join('\n');
  process.stdout.write(`${md}\n`);
  writeFileSync(new URL('./results.md', import.meta.url), md);
}

await main();
