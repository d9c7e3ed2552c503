/**
 * Load and soak: `npm run soak` (node --import tsx scripts/soak.ts).
 *
 * Starts the service in this process on a random loopback port — the real engine, a SQLite
 * feedback file in a temp folder, logs at info into a sink — plus a FHIR stub on loopback, and
 * drives mixed traffic at concurrency 16 for 60 s: patient-view, order-select, order-sign and
 * medication-prescribe with realistic patients from bench/generate.ts (three sizes), 10 % of hook
 * calls without prefetch so every key is fetched from the stub, feedback and discovery. Every
 * answer must be 200 (hooks: a valid CDS Hooks response). RSS is sampled every 5 s.
 *
 * Exit status 1 when any call failed (non-200, invalid response, network error), or when RSS
 * grew: the mean of the last third of the samples may exceed the mean of the first third by at
 * most 15 % + 16 MB (the first sample, taken before any traffic, is left out).
 *
 * Environment: SOAK_SECONDS (default 60), SOAK_CONCURRENCY (default 16). Traffic goes to
 * 127.0.0.1 only, and the run stops by itself.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { generatePatient } from '../bench/generate.js';
import { validateResponse } from '../src/cds-hooks/response.js';
import { loadConfig } from '../src/config.js';
import { createEngine } from '../src/engine.js';
import { openSqliteStore } from '../src/store/sqlite-store.js';
import { createApp } from '../src/http/app.js';
import { createLogger } from '../src/logger.js';

const SECONDS = Number(process.env.SOAK_SECONDS ?? '60');
const CONCURRENCY = Number(process.env.SOAK_CONCURRENCY ?? '16');
const SAMPLE_EVERY_MS = 5000;
const RSS_TOLERANCE = { factor: 1.15, extraMb: 16 };

type Kind = 'patient-view' | 'patient-view (FHIR fallback)' | 'order-select' | 'order-sign' | 'medication-prescribe' | 'feedback' | 'discovery';
/** Traffic mix, in percent. */
const MIX: readonly (readonly [Kind, number])[] = [
  ['patient-view', 30],
  ['patient-view (FHIR fallback)', 10],
  ['order-select', 12],
  ['order-sign', 12],
  ['medication-prescribe', 6],
  ['feedback', 20],
  ['discovery', 10],
];

type Body = Record<string, unknown>;

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

/** Request bodies per kind for one generated patient. */
function bodiesFor(observations: number, seed: number, fhirBase: string) {
  const { patientView, orderSign } = generatePatient(observations, seed);
  const ctx = orderSign.context as Body;
  const drafts = ctx.draftOrders as Body;
  const { draftOrders: _drafts, ...baseContext } = ctx;
  const orderSelect = { ...orderSign, hook: 'order-select', context: { ...baseContext, draftOrders: drafts, selections: ['MedicationRequest/draft-alendronate'] } };
  const prescribe = { ...orderSign, hook: 'medication-prescribe', context: { ...baseContext, medications: drafts } };
  const { prefetch, ...noPrefetch } = patientView;
  const fallback = { ...noPrefetch, fhirServer: fhirBase };
  return { patientView, orderSign, orderSelect, prescribe, fallback, prefetch: prefetch as Record<string, unknown> };
}

/** A FHIR stub that answers each resource type with the generated patient's data. */
function fhirStub(prefetch: Record<string, unknown>): Server {
  const byType: Record<string, unknown> = {
    Patient: prefetch.patient,
    Observation: prefetch.observations,
    Condition: prefetch.conditions,
    MedicationStatement: prefetch.medicationStatements,
    MedicationRequest: prefetch.medicationRequests,
    MedicationAdministration: prefetch.medicationAdministrations,
    AllergyIntolerance: prefetch.allergies,
    FamilyMemberHistory: prefetch.familyHistory,
  };
  const bodies = Object.fromEntries(Object.entries(byType).map(([k, v]) => [k, JSON.stringify(v)]));
  return createServer((req, res) => {
    req.resume();
    const type = /^\/fhir\/([A-Za-z]+)/.exec(req.url ?? '')?.[1] ?? '';
    const body = bodies[type];
    if (body === undefined) res.writeHead(404).end();
    else res.writeHead(200, { 'Content-Type': 'application/fhir+json' }).end(body);
  });
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

const mb = (bytes: number): number => Math.round((bytes / 1024 / 1024) * 10) / 10;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'osteo-cds-soak-'));
  // Production defaults, but no per-caller rate limit: all traffic comes from one address (as benchmarks run).
  const config = { ...loadConfig({ CDS_RATE_LIMIT_PER_MIN: '0' }), feedbackDb: join(dir, 'feedback.sqlite'), logLevel: 'info' as const };
  // Logs at info, as in production, into a sink (the run's own output is the table below).
  let logBytes = 0;
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      logBytes += chunk.length;
      done();
    },
  });
  const store = openSqliteStore(config.feedbackDb);
  const app = createApp(config, { engine: createEngine(), store: store, logger: createLogger('info', sink) });
  const service = createServer(app);
  const port = await listen(service);
  const base = `http://127.0.0.1:${port}`;

  const patients = [bodiesFor(60, 1, ''), bodiesFor(300, 2, ''), bodiesFor(1500, 3, '')];
  const stub = fhirStub(patients[1]!.prefetch);
  const stubBase = `http://127.0.0.1:${await listen(stub)}/fhir`;
  const fallbackBody = { ...patients[1]!.fallback, fhirServer: stubBase };
  const serialized = patients.map((p) => ({
    'patient-view': JSON.stringify(p.patientView),
    'order-select': JSON.stringify(p.orderSelect),
    'order-sign': JSON.stringify(p.orderSign),
    'medication-prescribe': JSON.stringify(p.prescribe),
  }));

  const counts = new Map<Kind, number>();
  const latencies = new Map<Kind, number[]>();
  const statuses = new Map<number, number>();
  const failures: string[] = [];
  let done = 0;
  let seq = 0;

  async function once(kind: Kind): Promise<void> {
    const which = seq++ % 3;
    const bodies = serialized[which]!;
    let url: string;
    let init: RequestInit;
    switch (kind) {
      case 'discovery':
        url = `${base}/cds-services`;
        init = { method: 'GET' };
        break;
      case 'feedback':
        url = `${base}/cds-services/osteoporosis-patient-view/feedback`;
        init = {
          method: 'POST',
          body: JSON.stringify({ feedback: [{ card: randomUUID(), outcome: 'overridden', overrideReason: { reason: { code: 'patient-declined' } }, outcomeTimestamp: new Date().toISOString() }] }),
        };
        break;
      case 'patient-view (FHIR fallback)':
        url = `${base}/cds-services/osteoporosis-patient-view`;
        init = { method: 'POST', body: JSON.stringify(fallbackBody) };
        break;
      case 'patient-view':
      case 'order-select':
      case 'order-sign':
      case 'medication-prescribe':
        url = `${base}/cds-services/osteoporosis-${kind}`;
        init = { method: 'POST', body: bodies[kind] };
    }
    const started = performance.now();
    try {
      const res = await fetch(url, { ...init, headers: { 'Content-Type': 'application/json' } });
      const text = await res.text();
      const ms = performance.now() - started;
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      (latencies.get(kind) ?? latencies.set(kind, []).get(kind)!).push(ms);
      if (res.status !== 200) {
        failures.push(`${kind}: HTTP ${res.status} ${text.slice(0, 200)}`);
      } else if (kind !== 'feedback' && kind !== 'discovery') {
        const result = validateResponse(JSON.parse(text));
        if (!result.valid) failures.push(`${kind}: invalid response: ${result.problems.slice(0, 3).join('; ')}`);
      }
    } catch (err) {
      failures.push(`${kind}: ${err instanceof Error ? err.message : String(err)}`);
    }
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
    done += 1;
  }

  // A deterministic mix: kind i of every 100 calls.
  const schedule: Kind[] = MIX.flatMap(([kind, pct]) => Array.from({ length: pct }, () => kind));
  const pick = (n: number): Kind => schedule[(n * 37) % schedule.length]!;

  const samples: { t: number; done: number; rss: number; heap: number }[] = [];
  const t0 = performance.now();
  const sample = (): void => {
    const m = process.memoryUsage();
    samples.push({ t: Math.round((performance.now() - t0) / 1000), done, rss: m.rss, heap: m.heapUsed });
  };
  sample();
  const sampler = setInterval(sample, SAMPLE_EVERY_MS);

  const deadline = t0 + SECONDS * 1000;
  let n = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < deadline) await once(pick(n++));
    }),
  );
  clearInterval(sampler);
  sample();
  const elapsed = (performance.now() - t0) / 1000;

  // ── report ──
  console.log(`\nsoak: ${SECONDS} s, concurrency ${CONCURRENCY}, ${done} requests, ${Math.round(done / elapsed)} req/s, log output ${mb(logBytes)} MB`);
  console.log('\n   t (s)  requests   req/s   RSS (MB)  heap (MB)');
  samples.forEach((s, i) => {
    const prev = samples[i - 1];
    const rate = prev === undefined || s.t === prev.t ? 0 : Math.round((s.done - prev.done) / (s.t - prev.t));
    console.log(`${String(s.t).padStart(8)}${String(s.done).padStart(10)}${String(rate).padStart(8)}${String(mb(s.rss)).padStart(11)}${String(mb(s.heap)).padStart(11)}`);
  });
  console.log('\nkind                            count   p50 ms   p95 ms   p99 ms   max ms');
  for (const [kind] of MIX) {
    const sorted = [...(latencies.get(kind) ?? [])].sort((a, b) => a - b);
    const f = (v: number): string => v.toFixed(1).padStart(9);
    console.log(`${kind.padEnd(30)}${String(counts.get(kind) ?? 0).padStart(7)}${f(percentile(sorted, 50))}${f(percentile(sorted, 95))}${f(percentile(sorted, 99))}${f(sorted.at(-1) ?? 0)}`);
  }
  console.log(`\nstatuses: ${[...statuses.entries()].map(([s, c]) => `${s}×${c}`).join(' ')}`);

  const traffic = samples.slice(1);
  const third = Math.max(1, Math.floor(traffic.length / 3));
  const mean = (xs: readonly { rss: number }[]): number => xs.reduce((a, s) => a + s.rss, 0) / Math.max(1, xs.length);
  const first = mean(traffic.slice(0, third));
  const last = mean(traffic.slice(-third));
  const limit = first * RSS_TOLERANCE.factor + RSS_TOLERANCE.extraMb * 1024 * 1024;
  const flat = last <= limit;
  console.log(`RSS: first third ${mb(first)} MB, last third ${mb(last)} MB, limit ${mb(limit)} MB (+15 % + 16 MB) → ${flat ? 'flat' : 'GROWING'}`);
  console.log(`errors: ${failures.length}`);
  for (const f of failures.slice(0, 10)) console.log(`  ${f}`);

  await new Promise<void>((resolve) => service.close(() => resolve()));
  service.closeAllConnections();
  stub.closeAllConnections();
  await new Promise<void>((resolve) => stub.close(() => resolve()));
  const stored = (await store.list()).length;
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  console.log(`feedback stored: ${stored} of ${counts.get('feedback') ?? 0} sent`);

  const ok = failures.length === 0 && flat && stored === (counts.get('feedback') ?? 0);
  console.log(ok ? 'soak: PASS' : 'soak: FAIL');
  process.exitCode = ok ? 0 : 1;
}

await main();
