/** Shared patients for the three duration rules (card l. 185-199). TODAY = 2026-11-26. */
import type { FactsInput } from '../helpers/facts.js';
import { course, scan } from '../helpers/facts.js';

export const woman = { sex: 'female' as const, age: 74 };

/** Exactly 5 years of alendronate today: 2021-11-26 → 2026-11-26. */
export function fiveYears(extra: FactsInput = {}): FactsInput {
  return { ...woman, courses: [course('alendronate', '2021-11-26')], dxa: [scan('2026-10-01', { 'lumbar-spine': -2.3, 'total-hip': -1.9, 'femoral-neck': -2.2 })], ...extra };
}
