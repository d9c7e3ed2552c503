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

/** A value derived from the facts alone. */
export function perFacts<T>(derive: (facts: PatientFacts) => T): (facts: PatientFacts) => T {
  const memo = new WeakMap<PatientFacts, { readonly value: T }>();
  return (facts) => {
    const hit = memo.get(facts);
    if (hit !== undefined) return hit.value;
    const value = derive(facts);
    memo.set(facts, { value });
    return value;
  };
}

/** A value derived from the facts and the settings. */
export function perFactsAndSettings<T>(derive: (facts: PatientFacts, settings: GuidelineSettings) => T): (facts: PatientFacts, settings: GuidelineSettings) => T {
  const memo = new WeakMap<PatientFacts, { readonly settings: GuidelineSettings; readonly value: T }>();
  return (facts, settings) => {
    const hit = memo.get(facts);
    if (hit !== undefined && hit.settings === settings) return hit.value;
    const value = derive(facts, settings);
    memo.set(facts, { settings, value });
    return value;
  };
}

/** A value derived from a rule context: its facts, settings and day. */
export function perContext<T>(derive: (ctx: RuleContext) => T): (ctx: RuleContext) => T {
  const memo = new WeakMap<PatientFacts, { readonly settings: GuidelineSettings; readonly today: LocalDate; readonly value: T }>();
  return (ctx) => {
    const hit = memo.get(ctx.facts);
    if (hit !== undefined && hit.settings === ctx.settings && hit.today === ctx.today) return hit.value;
    const value = derive(ctx);
    memo.set(ctx.facts, { settings: ctx.settings, today: ctx.today, value });
    return value;
  };
}
