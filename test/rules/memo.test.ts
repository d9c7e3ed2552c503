/**
 * The per-request memo (src/rules/memo.ts): one answer per facts object, worked out once, never
 * handed to other facts, other settings or another day.
 */
import { describe, expect, it } from 'vitest';
import { perContext, perFacts, perFactsAndSettings } from '../../src/rules/memo.js';
import { DEFAULT_SETTINGS } from '../../src/rules/settings.js';
import { ctxOf, patient } from '../helpers/facts.js';

describe('per-request memo', () => {
  it('works a value out once per facts object, and anew for other facts', () => {
    let calls = 0;
    const age = perFacts((facts) => {
      calls++;
      return facts.age;
    });
    const a = patient({ age: 70 });
    const b = patient({ age: 80 });
    expect(age(a)).toBe(70);
    expect(age(a)).toBe(70);
    expect(calls).toBe(1);
    expect(age(b)).toBe(80);
    expect(age({ ...a, age: 71 })).toBe(71);
    expect(calls).toBe(3);
  });

  it('keeps an undefined answer too', () => {
    let calls = 0;
    const none = perFacts(() => {
      calls++;
      return undefined;
    });
    const facts = patient();
    expect(none(facts)).toBeUndefined();
    expect(none(facts)).toBeUndefined();
    expect(calls).toBe(1);
  });

  it('hands out an answer only for the settings it was worked out with (one entry per facts)', () => {
    let calls = 0;
    const limit = perFactsAndSettings((_facts, settings) => {
      calls++;
      return settings.ulcerMonths;
    });
    const facts = patient();
    const other = { ...DEFAULT_SETTINGS, ulcerMonths: 3 };
    expect(limit(facts, DEFAULT_SETTINGS)).toBe(DEFAULT_SETTINGS.ulcerMonths);
    expect(limit(facts, DEFAULT_SETTINGS)).toBe(DEFAULT_SETTINGS.ulcerMonths);
    expect(limit(facts, other)).toBe(3);
    expect(limit(facts, DEFAULT_SETTINGS)).toBe(DEFAULT_SETTINGS.ulcerMonths);
    expect(calls).toBe(3);
  });

  it('hands out a context answer only for the same facts, settings and day', () => {
    let calls = 0;
    const day = perContext((ctx) => {
      calls++;
      return `${ctx.today} ${ctx.settings.ulcerMonths}`;
    });
    const facts = patient();
    const ctx = ctxOf(facts);
    expect(day(ctx)).toBe(`${facts.today} ${ctx.settings.ulcerMonths}`);
    expect(day({ ...ctx })).toBe(`${facts.today} ${ctx.settings.ulcerMonths}`);
    expect(calls).toBe(1);
    expect(day({ ...ctx, today: '2020-01-01' })).toBe(`2020-01-01 ${ctx.settings.ulcerMonths}`);
    expect(day({ ...ctx, settings: { ...ctx.settings, ulcerMonths: 1 } })).toBe(`${facts.today} 1`);
    expect(calls).toBe(3);
  });

  it('keeps memos made after a facts object was first asked apart (no slot reads another\'s or a gap)', () => {
    const facts = patient({ age: 70 });
    const first = perFacts((f) => f.age);
    expect(first(facts)).toBe(70);
    let laterCalls = 0;
    const gap = perFacts(() => {
      laterCalls++;
      return 'gap';
    });
    const last = perFacts(() => 'last');
    expect(last(facts)).toBe('last');
    expect(gap(facts)).toBe('gap');
    expect(gap(facts)).toBe('gap');
    expect(laterCalls).toBe(1);
    expect(first(facts)).toBe(70);
  });
});
