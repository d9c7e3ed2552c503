/**
 * `node bench/healthz-probe.mjs <port> <seconds> <max>`: calls /healthz every 10 ms for `seconds`
 * (0: until `max` calls) and prints the latencies in ms as one JSON array. Run in a process of its
 * own by bench/run.ts, so that the load generators' work does not delay the probe.
 */
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { setTimeout } from 'node:timers/promises';

const [port, seconds, max] = process.argv.slice(2).map(Number);
const deadline = seconds > 0 ? performance.now() + seconds * 1000 : Number.POSITIVE_INFINITY;
/** One /healthz call, answer read; its latency in ms. */
async function call() {
  const start = performance.now();
  await (await globalThis.fetch(`http://127.0.0.1:${port}/healthz`)).arrayBuffer();
  return performance.now() - start;
}

// The probe's own first calls (fetch and its connection pool starting) are not the service's latency.
for (let i = 0; i < 5; i++) await call();
const out = [];
while (out.length < max && performance.now() < deadline) {
  out.push(await call());
  await setTimeout(10);
}
process.stdout.write(`${JSON.stringify(out)}\n`);
