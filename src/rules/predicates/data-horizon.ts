/**
 * rules.md section 1 (v2), "Data that does not count": only a clinical date *more than one day*
 * after now is a data error. Facts leave those out (and name them on `data-unavailable`); a result,
 * scan or fracture dated tomorrow (an EHR clock ahead, a lab stamping the reporting day) is kept and
 * must count like one of today — read against this day, not `today`, or it is lost without a word.
 */
import { addDays, type LocalDate } from '../../time/local-date.js';

let lastToday: LocalDate | undefined;
let lastHorizon: LocalDate = '';

/** The last clinical date that counts on `today`: the day after. */
export function lastCountedDay(today: LocalDate): LocalDate {
  if (today !== lastToday) {
    lastHorizon = addDays(today, 1);
    lastToday = today;
  }
  return lastHorizon;
}
