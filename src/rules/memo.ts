/**
 * Judgements computed once per request. Many rules ask the same question of the same facts — is
 * the patient on treatment, which fractures are low-energy, is there a pause — and each used to
 * work it out again. A memo here keeps the answer for the facts object it was asked of: keyed
 * weakly on that object (built fresh per request), an entry lives exactly as long as the request's
 * facts and no other request can reach it. An answer that also rests on the settings (or on the
 * day of a rule context) is kept with them and worked out anew when asked with others, so a test
 * or a caller with other settings never reads a stale one. Memoised judgements stay pure: same
 * facts and settings in, same value out; callers only read what they get (it is shared).
 */
import type { PatientFacts } from '../facts/types.js';
import type { LocalDate } from '../time/local-date.js';
import type { GuidelineSettings } from './settings.js';
import type { RuleContext } from './types.js';

/**
 * Each memo has a slot in one array kept per facts object: one WeakMap entry per request, not one
 * in each of the thirty-odd memos' own — every WeakMap entry is an ephemeron the collector must
 * trace on its own, and its set costs a hash of the key.
 */
const UNSET: unique symbol = Symbol('unset');
let slotCount = 0;
const slotsByFacts = new WeakMap<PatientFacts, unknown[]>();

function slotsOf(facts: PatientFacts): unknown[] {
  let slots = slotsByFacts.get(facts);
  if (slots === undefined) {
    slots = new Array<unknown>(slotCount).fill(UNSET);
    slotsByFacts.set(facts, slots);
  }
  return slots;
}

/** The slot's value, or UNSET (a memo made after the array was, has no place in it yet). */
function read(slots: readonly unknown[], slot: number): unknown {
  return slot < slots.length ? slots[slot] : UNSET;
}

/** Sets a slot; the array grows with UNSET, never with holes (a hole would read as a kept `undefined`). */
function write(slots: unknown[], slot: number, value: unknown): void {
  while (slots.length < slot) slots.push(UNSET);
  slots[slot] = value;
}

/** A value derived from the facts alone. */
export function perFacts<T>(derive: (facts: PatientFacts) => T): (facts: PatientFacts) => T {
  const slot = slotCount++;
  return (facts) => {
    const slots = slotsOf(facts);
    const hit = read(slots, slot);
    if (hit !== UNSET) return hit as T;
    const value = derive(facts);
    write(slots, slot, value);
    return value;
  };
}

/** A value derived from the facts and the settings. */
export function perFactsAndSettings<T>(derive: (facts: PatientFacts, settings: GuidelineSettings) => T): (facts: PatientFacts, settings: GuidelineSettings) => T {
  const slot = slotCount++;
  return (facts, settings) => {
    const slots = slotsOf(facts);
    const hit = read(slots, slot) as { readonly settings: GuidelineSettings; readonly value: T } | typeof UNSET;
    if (hit !== UNSET && hit.settings === settings) return hit.value;
    const value = derive(facts, settings);
    write(slots, slot, { settings, value });
    return value;
  };
}

/** A value derived from a rule context: its facts, settings and day. */
export function perContext<T>(derive: (ctx: RuleContext) => T): (ctx: RuleContext) => T {
  const slot = slotCount++;
  return (ctx) => {
    const slots = slotsOf(ctx.facts);
    const hit = read(slots, slot) as { readonly settings: GuidelineSettings; readonly today: LocalDate; readonly value: T } | typeof UNSET;
    if (hit !== UNSET && hit.settings === ctx.settings && hit.today === ctx.today) return hit.value;
    const value = derive(ctx);
    write(slots, slot, { settings: ctx.settings, today: ctx.today, value });
    return value;
  };
}
