/** Finding lines in the card's language: no English unit in a Danish line. */
import { describe, expect, it } from 'vitest';
import { formatFinding } from '../../src/cards/text/findings.js';
import { REASON } from '../../src/cards/text/vocabulary.js';

describe('the alcohol finding', () => {
  const finding = { kind: 'measurement', measure: 'alcohol-units', value: 3.5, unit: 'units/day', date: '2026-10-01', ref: 'Observation/a' } as const;

  it('reads "genstande pr. dag" with the number alone in Danish, "units per day" in English', () => {
    expect(formatFinding(finding, 'da')).toBe('Alkohol, genstande pr. dag: 3,5 (01.10.2026)');
    expect(formatFinding(finding, 'da')).not.toContain('units');
    expect(formatFinding(finding, 'en')).toMatch(/^Alcohol, units per day: 3\.5 /);
  });

  it('shows one decimal: 2.9 US drinks of 14 g are 3.383 units of 12 g, shown as 3,4', () => {
    expect(formatFinding({ ...finding, value: (2.9 * 14) / 12 }, 'da')).toBe('Alkohol, genstande pr. dag: 3,4 (01.10.2026)');
  });
});

describe('the fracture finding', () => {
  it('names the vertebra or region of a spine fracture the record names, so two of one day read apart', () => {
    const spine = { kind: 'fracture', site: 'spine', possible: false, ref: 'Condition/l1', date: '2026-03-09' } as const;
    expect(formatFinding({ ...spine, vertebra: 'L1' }, 'da')).toBe('Lavenergibrud: ryg (columna) L1 (09.03.2026)');
    expect(formatFinding({ ...spine, vertebra: 'L1' }, 'en')).toBe('Low-energy fracture: spine L1 (9 Mar 2026)');
    expect(formatFinding({ ...spine, vertebra: 'thoracic' }, 'en')).toBe('Low-energy fracture: spine thoracic (9 Mar 2026)');
    expect(formatFinding(spine, 'en')).toBe('Low-energy fracture: spine (9 Mar 2026)');
  });
});

describe('the lab finding', () => {
  const calcium = { kind: 'lab', lab: 'calcium', value: 2.0958, unit: 'mmol/L', date: '2026-11-20', ref: 'Observation/ca' } as const;

  it('shows a converted value as the lab wrote it first, then in the unit the card judged it in', () => {
    expect(formatFinding({ ...calcium, reported: { value: 8.4, unit: 'mg/dL' } }, 'en')).toBe('calcium 8.4 mg/dL = 2.096 mmol/L (20 Nov 2026)');
    expect(formatFinding({ ...calcium, reported: { value: 8.4, unit: 'mg/dL' } }, 'da')).toBe('P-calcium 8,4 mg/dL = 2,096 mmol/L (20.11.2026)');
    expect(formatFinding(calcium, 'en')).toBe('calcium 2.096 mmol/L (20 Nov 2026)');
  });

  it('escapes the record\'s unit and keeps a reported comparator on both numbers', () => {
    const line = formatFinding({ ...calcium, comparator: '<', reported: { value: 8, unit: 'mg*dL' } }, 'en');
    expect(line).toBe('calcium <8 mg\\*dL = <2.096 mmol/L (20 Nov 2026)');
  });
});

describe('the pause-ended reason line', () => {
  it('names every way a pause ends, the glucocorticoid one too (a pause ended by prednisolone read "new fracture or T-score")', () => {
    const words = REASON['pause-ended'];
    if (typeof words === 'function') throw new Error('a fixed text');
    expect(words.da).toContain('glukokortikoid');
    expect(words.en).toContain('glucocorticoid');
  });
});

describe('the unavailable-data finding', () => {
  it('names the prefetch key in the card\'s language with its FHIR resource, no bare English key in Danish', () => {
    expect(formatFinding({ kind: 'unavailable', key: 'medicationStatements' }, 'da')).toBe('Data ikke tilgængelige: medicinoversigt (MedicationStatement)');
    expect(formatFinding({ kind: 'unavailable', key: 'observations' }, 'en')).toBe('Data not available: observations (Observation)');
  });
});

describe('the glucocorticoid finding', () => {
  const gc = { kind: 'glucocorticoid', dailyMg: 0, cumulativeMg12Months: 0, refs: ['MedicationStatement/p'] } as const;

  it('says a dose the record does not give is unknown, not "0 mg"; known doses with an unread one are a floor', () => {
    expect(formatFinding({ ...gc, doseUnknown: true }, 'da')).toBe('Glukokortikoid: dosis kan ikke aflæses i journalen');
    expect(formatFinding({ ...gc, doseUnknown: true }, 'en')).not.toContain('0 mg');
    expect(formatFinding({ ...gc, dailyMg: 10, cumulativeMg12Months: 600, doseUnknown: true }, 'da')).toContain('(mindst – en dosis kan ikke aflæses)');
    expect(formatFinding(gc, 'da')).toContain('aktuelt 0 mg');
  });

  it('with a course planned on, the 12 months are said to include it — never "the last 12 months"', () => {
    const planned = { ...gc, dailyMg: 10, cumulativeMg12Months: 1820, planned: true } as const;
    expect(formatFinding(planned, 'da')).toContain('1.820 mg i 12 mdr. inkl. det planlagte forløb');
    expect(formatFinding(planned, 'en')).toContain('in 12 months including the planned course');
    expect(formatFinding(planned, 'da')).not.toContain('seneste');
  });
});

describe('the condition finding', () => {
  it('names a catch-all code as a question, never as the disease (ICPC-2 T99 is no primary hyperparathyroidism)', () => {
    const t99 = { kind: 'condition', concept: 'primary-hyperparathyroidism', date: '2025-01-10', ref: 'Condition/t99', catchAllCode: 'T99' } as const;
    expect(formatFinding(t99, 'da')).toBe('Uspecifik diagnosekode T99 (10.01.2025): afklar, om den dækker primær hyperparathyreoidisme');
    expect(formatFinding(t99, 'en')).toMatch(/^Non-specific diagnosis code T99 \(10 Jan 2025\): check whether it covers primary hyperparathyroidism$/i);
    expect(formatFinding({ kind: 'condition', concept: 'primary-hyperparathyroidism', ref: 'Condition/e21' }, 'da')).toMatch(/^Primær hyperparathyreoidisme$/);
  });
});
