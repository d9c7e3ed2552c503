/**
 * DXA results → scans: the DXA results of one day form one examination (`DxaScan`), newest first.
 * The performer is the first result's performer with a reference or display (so follow-up can refer
 * to the same department, card page 2); `significantDecrease` = interpretation `D` on any result
 * (rules.md section 1, "Significant BMD fall").
 */
import type { LocalDate } from '../time/local-date.js';
import type { DxaResult } from './observations.js';
import type { DxaScan, DxaScore, Performer, Ref } from './types.js';

export function groupScans(results: readonly DxaResult[]): DxaScan[] {
  const byDate = new Map<LocalDate, DxaResult[]>();
  for (const r of results) {
    const list = byDate.get(r.date);
    if (list === undefined) byDate.set(r.date, [r]);
    else list.push(r);
  }
  const dates = [...byDate.keys()].sort().reverse();
  return dates.map((date) => {
    const day = byDate.get(date) ?? [];
    const refs = new Set<Ref>();
    let performer: Performer | undefined;
    for (const r of day) {
      refs.add(r.ref);
      performer ??= r.performer;
    }
    const of = (kind: DxaResult['score']): DxaScore[] =>
      day.filter((r) => r.score === kind).map((r) => ({ site: r.site, value: r.value, date: r.date, ref: r.ref, code: r.code, significantDecrease: r.significantDecrease }));
    return {
      date,
      ...(performer === undefined ? {} : { performer }),
      tScores: of('t-score'),
      zScores: of('z-score'),
      bmd: of('bmd'),
      refs: [...refs],
      significantDecrease: day.some((r) => r.significantDecrease),
    };
  });
}
