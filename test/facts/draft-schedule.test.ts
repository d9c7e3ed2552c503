/**
 * Facts stage of the prescribing hooks, rules.md section 4 (v2):
 * - "Planned course length": an explicit end (boundsPeriod.end, boundsDuration,
 *   dispenseRequest.validityPeriod.end) counts; when it and the supply (expectedSupplyDuration ×
 *   (1 + repeats)) disagree, the longer counts — "an EHR that always sends a 30-day supply with a
 *   3-month end date still plans 3 months".
 * - `rx-dose-interval` reads the draft's dosing from the FHIR timing (frequency/period/periodUnit,
 *   timing.code, text as a last resort): dose per administration and days between administrations.
 */
import { describe, expect, it } from 'vitest';
import type { DraftOrder } from '../../src/facts/types.js';
import { unitsFromText } from '../../src/facts/dosage-amount.js';
import { perDayFromText } from '../../src/facts/dosage-text.js';
import { draft, factsOf, TODAY } from '../helpers/facts-builders.js';

type Json = Record<string, unknown>;

function order(extra: Json): DraftOrder | undefined {
  const resource = { resourceType: 'MedicationRequest', id: 'd', status: 'draft', intent: 'order', authoredOn: TODAY, ...extra };
  return factsOf([], { drafts: [draft(resource)] }).drafts[0];
}

const prednisolone = { medicationCodeableConcept: { coding: [{ system: 'http://www.whocc.no/atc', code: 'H02AB06' }], text: 'Prednisolon 5 mg tablet' } };
const alendronate70 = { medicationCodeableConcept: { coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '904431', display: 'Alendronic acid 70 MG Oral Tablet' }] } };
const denosumab = { medicationCodeableConcept: { coding: [{ system: 'http://www.whocc.no/atc', code: 'M05BX04' }], text: 'Obodence 60 mg injektionsvæske' } };
const tablet = (timing: Json, text?: string): Json => ({ dosageInstruction: [{ ...(text === undefined ? {} : { text }), timing, doseAndRate: [{ doseQuantity: { value: 1, unit: 'tablet' } }] }] });

describe('planned course length of a draft (rules.md section 4, v2)', () => {
  const supply30 = { expectedSupplyDuration: { value: 30, unit: 'days', system: 'http://unitsofmeasure.org', code: 'd' } };

  it('a 30-day supply with a 3-month bounds end plans 3 months, not 30 days (the sandbox order)', () => {
    // 2026-06-15 → 2026-09-15 inclusive: 93 days, and 2026-06-15 + 3 months = 2026-09-15.
    const d = order({ ...prednisolone, ...tablet({ repeat: { frequency: 1, period: 1, periodUnit: 'd', boundsPeriod: { start: TODAY, end: '2026-09-15' } } }), dispenseRequest: supply30 });
    expect(d?.durationDays).toBe(93);
  });

  it('a 30-day supply with a 3-month validity end, or a boundsDuration of 3 months, plans 3 months', () => {
    expect(order({ ...prednisolone, dispenseRequest: { ...supply30, validityPeriod: { start: TODAY, end: '2026-09-14' } } })?.durationDays).toBe(92);
    const bounds = tablet({ repeat: { frequency: 1, period: 1, periodUnit: 'd', boundsDuration: { value: 3, unit: 'months', system: 'http://unitsofmeasure.org', code: 'mo' } } });
    expect(order({ ...prednisolone, ...bounds, dispenseRequest: supply30 })?.durationDays).toBe(92);
  });

  it('the longer wins the other way too: a 90-day supply (30 × 3) outlasts a 30-day end date', () => {
    expect(order({ ...prednisolone, dispenseRequest: { ...supply30, numberOfRepeatsAllowed: 2, validityPeriod: { end: '2026-07-14' } } })?.durationDays).toBe(90);
  });

  it('boundary: an end date the same as the supply gives that length; an end before the start is ignored', () => {
    expect(order({ ...prednisolone, dispenseRequest: { ...supply30, validityPeriod: { end: '2026-07-14' } } })?.durationDays).toBe(30);
    expect(order({ ...prednisolone, dispenseRequest: { ...supply30, validityPeriod: { end: '2026-01-01' } } })?.durationDays).toBe(30);
    expect(order({ ...prednisolone })?.durationDays).toBeUndefined();
  });
});

describe('dose schedule of a draft (rx-dose-interval facts)', () => {
  it('reads frequency / period / periodUnit: alendronate 70 mg once a week and once a day', () => {
    expect(order({ ...alendronate70, ...tablet({ repeat: { frequency: 1, period: 1, periodUnit: 'wk' } }) })).toMatchObject({ doseMgPerAdministration: 70, intervalDays: 7 });
    expect(order({ ...alendronate70, ...tablet({ repeat: { frequency: 1, period: 1, periodUnit: 'd' } }) })).toMatchObject({ doseMgPerAdministration: 70, intervalDays: 1 });
  });

  it('reads every 6 months and timing codes (QD, WK)', () => {
    const injection = (timing: Json): Json => ({ ...denosumab, dosageInstruction: [{ timing, doseAndRate: [{ doseQuantity: { value: 60, unit: 'mg' } }] }] });
    expect(order(injection({ repeat: { frequency: 1, period: 6, periodUnit: 'mo' } }))).toMatchObject({ doseMgPerAdministration: 60, intervalDays: 182.625 });
    expect(order({ ...alendronate70, ...tablet({ code: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-GTSAbbreviation', code: 'QD' }] } }) })?.intervalDays).toBe(1);
    expect(order({ ...alendronate70, ...tablet({ code: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-GTSAbbreviation', code: 'WK' }] } }) })?.intervalDays).toBe(7);
  });

  it('counts days of the week and times of the day when no frequency is given', () => {
    expect(order({ ...alendronate70, ...tablet({ repeat: { dayOfWeek: ['mon', 'thu'] } }) })?.intervalDays).toBe(3.5);
    expect(order({ ...alendronate70, ...tablet({ repeat: { when: ['MORN', 'EVE'] } }) })?.intervalDays).toBe(0.5);
  });

  it('zoledronic acid and denosumab: one container is one dose — a strength written with its volume is that dose (Zometa 4 mg/5 ml: 4 mg)', () => {
    const parenteral = (atc: string, text: string, dose: Json = { value: 1, unit: 'hætteglas' }, medication?: Json): DraftOrder | undefined =>
      order({
        ...(medication === undefined ? { medicationCodeableConcept: { coding: [{ system: 'http://www.whocc.no/atc', code: atc }], text } } : medication),
        dosageInstruction: [{ timing: { repeat: { frequency: 1, period: 4, periodUnit: 'wk' } }, doseAndRate: [{ doseQuantity: dose }] }],
      });
    expect(parenteral('M05BA08', 'Zometa infusionskoncentrat 4 mg/5 ml')?.doseMgPerAdministration).toBe(4);
    expect(parenteral('M05BA08', 'Zometa infusionskoncentrat 4 mg/5 ml', { value: 1, unit: 'tablet' })?.doseMgPerAdministration).toBe(4);
    expect(parenteral('M05BA08', 'Aclasta 5 mg/100 ml infusionsvæske')?.doseMgPerAdministration).toBe(5);
    expect(parenteral('M05BX04', 'Xgeva 120 mg/1,7 ml injektionsvæske')?.doseMgPerAdministration).toBe(120);
    // A dose in mL is counted by the strength per mL, as before: 5 mL of 0.8 mg/mL.
    expect(parenteral('M05BA08', 'Zometa infusionskoncentrat 4 mg/5 ml', { value: 5, unit: 'ml' })?.doseMgPerAdministration).toBe(4);
    // Per mL only names no container: the dose stays unknown (the rule then takes the osteoporosis product).
    expect(parenteral('M05BX04', 'Prolia 60 mg/ml injektionsvæske')?.doseMgPerAdministration).toBeUndefined();
    // A contained Medication's ingredient strength "4 mg / 5 mL" reads the same.
    const contained = {
      contained: [{ resourceType: 'Medication', id: 'zol', code: { coding: [{ system: 'http://www.whocc.no/atc', code: 'M05BA08' }] }, ingredient: [{ itemCodeableConcept: { text: 'zoledronic acid' }, strength: { numerator: { value: 4, unit: 'mg' }, denominator: { value: 5, unit: 'mL' } } }] }],
      medicationReference: { reference: '#zol' },
    };
    expect(parenteral('', '', undefined, contained)?.doseMgPerAdministration).toBe(4);
    // Not for other drugs: an oral solution's "15 mg/5 ml" is a concentration, "1 stk" of it no dose.
    expect(order({ medicationCodeableConcept: { coding: [{ system: 'http://www.whocc.no/atc', code: 'H02AB06' }], text: 'Prednisolon oral opløsning 15 mg/5 ml' }, ...tablet({ repeat: { frequency: 1, period: 1, periodUnit: 'd' } }) })?.doseMgPerAdministration).toBeUndefined();
  });

  it('a daily rhythm with days of the week is kept to those days: "1 per 1 d" on Mondays is weekly, not daily', () => {
    const days = (repeat: Json) => order({ ...alendronate70, ...tablet({ repeat }) })?.intervalDays;
    expect(days({ frequency: 1, period: 1, periodUnit: 'd', dayOfWeek: ['mon'] })).toBe(7);
    expect(days({ frequency: 1, period: 1, periodUnit: 'd', dayOfWeek: ['mon', 'thu'] })).toBe(3.5);
    // Twice on Mondays, or every 12 hours on Mondays: two doses a week.
    expect(days({ frequency: 2, period: 1, periodUnit: 'd', dayOfWeek: ['mon'] })).toBe(3.5);
    expect(days({ frequency: 1, period: 12, periodUnit: 'h', dayOfWeek: ['mon'] })).toBe(3.5);
    // The DSTU2 spelling is read the same way.
    expect(days({ frequency: 1, period: 1, periodUnits: 'd', dayOfWeek: ['mon'] })).toBe(7);
    // Boundaries: all seven days is daily; a weekly period already counts its doses; a period of more
    // than a day is read as it stands [choice].
    expect(days({ frequency: 1, period: 1, periodUnit: 'd', dayOfWeek: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] })).toBe(1);
    expect(days({ frequency: 1, period: 1, periodUnit: 'd' })).toBe(1);
    expect(days({ frequency: 1, period: 1, periodUnit: 'wk', dayOfWeek: ['mon'] })).toBe(7);
    expect(days({ frequency: 1, period: 2, periodUnit: 'd', dayOfWeek: ['mon'] })).toBe(2);
    // A week's period with no frequency written (FHIR's default 1) and some days listed: the days count.
    expect(days({ period: 1, periodUnit: 'wk', dayOfWeek: ['mon', 'thu'] })).toBe(3.5);
    expect(days({ period: 7, periodUnit: 'd', dayOfWeek: ['mon', 'thu'] })).toBe(3.5);
    // A frequency written out is read as written; all seven days listed is any day; a day twice is one day.
    expect(days({ frequency: 1, period: 1, periodUnit: 'wk', dayOfWeek: ['mon', 'thu'] })).toBe(7);
    expect(days({ period: 1, periodUnit: 'wk', dayOfWeek: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] })).toBe(7);
    expect(days({ period: 1, periodUnit: 'wk', dayOfWeek: ['mon', 'mon'] })).toBe(7);
    expect(days({ frequency: 2, period: 1, periodUnit: 'wk', dayOfWeek: ['mon'] })).toBe(3.5);
    expect(days({ frequency: 1, period: 1, periodUnit: 'd', dayOfWeek: ['mon', 'mon'] })).toBe(7);
    expect(days({ period: 1, periodUnit: 'mo', dayOfWeek: ['mon', 'thu'] })).toBeCloseTo(30.4375, 3);
    // A code that is no day of the week does not thin out a daily dose (the safer reading).
    expect(days({ frequency: 1, period: 1, periodUnit: 'd', dayOfWeek: ['xyz'] })).toBe(1);
  });

  it('the daily dose counts only the listed days too: prednisolone 5 mg × 2 on Monday, Wednesday and Friday is 30 mg a week', () => {
    const d = order({ ...prednisolone, dosageInstruction: [{ timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd', dayOfWeek: ['mon', 'wed', 'fri'] } }, doseAndRate: [{ doseQuantity: { value: 2, unit: 'tablet' } }] }] });
    expect(d?.dailyDoseMg).toBeCloseTo(30 / 7, 3);
  });

  it('falls back to the dosage text only when the timing says nothing: "1 tablet dagligt" is daily', () => {
    expect(order({ ...alendronate70, dosageInstruction: [{ text: '1 tablet dagligt' }] })).toMatchObject({ doseMgPerAdministration: 70, intervalDays: 1 });
    // The structured timing wins over the text.
    expect(order({ ...alendronate70, ...tablet({ repeat: { frequency: 1, period: 1, periodUnit: 'wk' } }, '1 tablet dagligt') })?.intervalDays).toBe(7);
  });

  it('leaves the interval unknown when nothing says it (no guess)', () => {
    const d = order({ ...alendronate70, dosageInstruction: [{ text: 'efter aftale' }] });
    expect(d?.intervalDays).toBeUndefined();
    expect(d?.doseMgPerAdministration).toBe(70);
    expect(order({ ...alendronate70 })?.intervalDays).toBeUndefined();
  });

  it('reads a DSTU2 MedicationOrder (the CDS Hooks sandbox on a DSTU2 server): `periodUnits`, `boundsQuantity`, the dose on the line', () => {
    // docs/cds-hooks.md section 13: the sandbox drafts a DSTU2 MedicationOrder when its FHIR server is DSTU2 (its default).
    const mo = (extra: Json): DraftOrder | undefined => order({ resourceType: 'MedicationOrder', dateWritten: TODAY, ...extra });
    const pill = (repeat: Json): Json => ({ dosageInstruction: [{ doseQuantity: { value: 1, system: 'http://unitsofmeasure.org', code: '{pill}' }, timing: { repeat } }] });
    expect(mo({ ...alendronate70, ...pill({ frequency: 1, period: 1, periodUnits: 'd' }) })).toMatchObject({ doseMgPerAdministration: 70, intervalDays: 1 });
    expect(mo({ ...alendronate70, ...pill({ frequency: 1, period: 1, periodUnits: 'wk' }) })?.intervalDays).toBe(7);
    // R4 stays the primary reading: a resource carrying both spellings is read by `periodUnit`.
    expect(mo({ ...alendronate70, ...pill({ frequency: 1, period: 1, periodUnit: 'wk', periodUnits: 'd' }) })?.intervalDays).toBe(7);
    // Prednisolone 5 mg, 2 tablets a day for 3 months (DSTU2 bounds[x] Duration is `boundsQuantity`): 10 mg a day, 92 days.
    const twice = { dosageInstruction: [{ doseQuantity: { value: 2, unit: 'tablet' }, timing: { repeat: { frequency: 1, period: 1, periodUnits: 'd', boundsQuantity: { value: 3, unit: 'months', system: 'http://unitsofmeasure.org', code: 'mo' } } } }] };
    expect(mo({ ...prednisolone, ...twice })).toMatchObject({ dailyDoseMg: 10, durationDays: 92 });
    // dispenseRequest has the R4 names in DSTU2 too: 90 tablets at 1 a day (read by `periodUnits`) last 90 days.
    expect(mo({ ...prednisolone, ...pill({ frequency: 1, period: 1, periodUnits: 'd' }), dispenseRequest: { quantity: { value: 90, unit: 'tablet' } } })).toMatchObject({ dailyDoseMg: 5, durationDays: 90 });
    // A glucocorticoid dose range on the DSTU2/STU3 line counts at its low end, as in R4 doseAndRate.
    const range = { dosageInstruction: [{ doseRange: { low: { value: 1, unit: 'tablet' }, high: { value: 2, unit: 'tablet' } }, timing: { repeat: { frequency: 1, period: 1, periodUnits: 'd' } } }] };
    expect(mo({ ...prednisolone, ...range })?.dailyDoseMg).toBe(5);
  });

  it.each([
    ['1 tablet dagligt', 1],
    ['1 tablet daily', 1],
    ['1 tablet 1 gang ugentligt', 1 / 7],
    ['1 tablet om ugen, fastende', 1 / 7],
    ['one tablet once weekly', 1 / 7],
    ['2 gange dagligt', 2],
    ['twice a week', 2 / 7],
    ['60 mg s.c. hver 6. måned', 1 / (6 * 30.4375)],
    ['every 6 months', 1 / (6 * 30.4375)],
    ['hvert halve år', 1 / (365.25 / 2)],
    ['halvårligt', 1 / (365.25 / 2)],
    ['5 mg i.v. 1 gang årligt', 1 / 365.25],
    ['once a year', 1 / 365.25],
    ['hver 3. måned', 1 / (3 * 30.4375)],
    // FMK's times of the day: each once a day, when no schedule word is there.
    ['1 tablet morgen', 1],
    ['1 tablet hver morgen', 1],
    ['1 tablet om morgenen', 1],
    ['1 tablet every morning', 1],
    ['1 tablet morgen og aften', 2],
    ['1 tablet til natten', 1],
    // A weekly tablet taken in the morning stays weekly; weekdays are once a week each.
    ['1 tablet 1 gang ugentligt om morgenen fastende', 1 / 7],
    ['1 tablet hver mandag morgen', 1 / 7],
    ['1 tablet mandag og torsdag', 2 / 7],
    ['1 tablet om ugen, hver søndag', 1 / 7],
  ])('text "%s" → %f administrations a day', (text, perDay) => {
    expect(perDayFromText(text)).toBeCloseTo(perDay, 8);
  });

  it.each(['efter aftale', 'weekly, not daily', '', 'som før', 'start i morgen', '1 tablet dagligt, hver mandag'])('text "%s" → unknown', (text) => {
    expect(perDayFromText(text)).toBeUndefined();
  });

  it.each([
    ['2 tabletter dagligt', 2],
    ['½ tablet morgen', 0.5],
    ['1½ tablet dagligt', 1.5],
    ['to tabletter om morgenen', 2],
    ['1 stk. hver uge', 1],
    ['take 2 tablets daily', 2],
    ['1,5 tabl. dagligt', 1.5],
  ])('text "%s" → %f units an administration', (text, units) => {
    expect(unitsFromText(text)).toBeCloseTo(units, 8);
  });

  it.each(['efter aftale', '70 mg ugentligt', 'hver 6. måned'])('text "%s" → no units', (text) => {
    expect(unitsFromText(text)).toBeUndefined();
  });
});
