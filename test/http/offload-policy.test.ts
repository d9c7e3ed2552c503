/**
 * offload-policy.ts: the event loop counts as saturated once it has hardly waited for I/O between
 * calls for a while, not while calls come one at a time with waits between them; a saturated
 * loop hands calls to the worker, and keeps them for a while after one handed over found itself alone.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { loopPressure, MAX_IN_WORKER, offloadPolicy } from '../../src/http/offload-policy.js';

/** Keeps the thread busy for `ms` without yielding to the event loop. */
function spin(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

describe('loopPressure', () => {
  it('is saturated after calls back to back with no wait between them, not after one', () => {
    const saturated = loopPressure();
    spin(2);
    expect(saturated()).toBe(false);
    const answers: boolean[] = [];
    for (let i = 0; i < 60; i++) {
      spin(2);
      answers.push(saturated());
    }
    expect(answers.at(-1)).toBe(true);
  });

  it('is not saturated while calls wait for I/O between them, and recovers from a busy spell', async () => {
    const saturated = loopPressure();
    for (let i = 0; i < 60; i++) {
      spin(2);
      saturated();
    }
    const answers: boolean[] = [];
    for (let i = 0; i < 40; i++) {
      // Half the time waiting (a timer is I/O to libuv): utilization about one half.
      await sleep(2);
      spin(2);
      answers.push(saturated());
    }
    expect(answers.at(-1)).toBe(false);
  });
});

describe('offloadPolicy', () => {
  it('keeps calls here while the loop is not saturated', () => {
    const policy = offloadPolicy(() => false, () => 0);
    expect(policy.offload()).toBe(false);
  });

  it('hands calls over while saturated as long as calls overlap, and every call while one is in the worker', () => {
    let now = 0;
    let saturated = true;
    const policy = offloadPolicy(() => saturated, () => now);
    expect(policy.offload()).toBe(true);
    const firstBack = policy.handedOver();
    // The next call arrives while the first is in the worker: it follows, even with the loop no longer saturated.
    saturated = false;
    expect(policy.offload()).toBe(true);
    const secondBack = policy.handedOver();
    firstBack();
    secondBack();
    saturated = true;
    now += 10;
    expect(policy.offload()).toBe(true);
  });

  it(`answers calls here while ${MAX_IN_WORKER} are in the worker, and hands them over again when it catches up`, () => {
    const policy = offloadPolicy(() => true, () => 0);
    const backs = Array.from({ length: MAX_IN_WORKER }, () => {
      expect(policy.offload()).toBe(true);
      return policy.handedOver();
    });
    expect(policy.offload()).toBe(false);
    backs.pop()?.();
    expect(policy.offload()).toBe(true);
  });

  it('keeps calls here for a second after the worker failed one', () => {
    let now = 0;
    const policy = offloadPolicy(() => true, () => now);
    expect(policy.offload()).toBe(true);
    const first = policy.handedOver();
    expect(policy.offload()).toBe(true);
    policy.handedOver()(true);
    first();
    now += 500;
    expect(policy.offload()).toBe(false);
    now += 600;
    expect(policy.offload()).toBe(true);
  });

  it('keeps calls here for a second after a call handed over found itself alone', () => {
    let now = 0;
    const policy = offloadPolicy(() => true, () => now);
    expect(policy.offload()).toBe(true);
    const back = policy.handedOver();
    now += 2;
    back(); // no call came in meanwhile
    now += 500;
    expect(policy.offload()).toBe(false);
    now += 600;
    expect(policy.offload()).toBe(true);
  });
});
