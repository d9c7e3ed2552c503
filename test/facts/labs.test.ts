import { describe, expect, it } from 'vitest';
import { factsOf, observation, patient, SYS } from '../helpers/facts-builders.js';

describe('labs: the same lab in Danish (NPU, both URIs) and US (LOINC) codes', () => {
  it('25-OH-D from NPU10267 (OID and URL) and LOINC 1989-3 in ng/mL all land in vitaminD, in nmol/L', () => {
    const f = factsOf([
      observation({ id: 'npu-oid', code: 'NPU10267', system: SYS.npuOid, value: 62, unit: 'nmol/l', date: '2026-05-03' }),
      observation({ id: 'npu-url', code: 'NPU10267', system: SYS.npuUrl, value: 58, unit: 'nmol/L', date: '2026-04-02' }),
      observation({ id: 'loinc', code: '1989-3', value: 25, ucum: 'ng/mL', date: '2026-03-01' }),
    ]);
    expect(f.labs.vitaminD.map((m) => [m.ref, m.value, m.unit])).toEqual([
      ['Observation/npu-oid', 62, 'nmol/L'],
      ['Observation/npu-url', 58, 'nmol/L'],
      ['Observation/loinc', 62.4, 'nmol/L'], // 25 ng/mL × 2.496
    ]);
    expect(f.labs.vitaminD[0]?.code).toEqual({ system: SYS.npuOid, code: 'NPU10267' });
  });

  it('eGFR from DNK35302 and LOINC 62238-1, with Danish unit spellings', () => {
    const f = factsOf([
      observation({ code: 'DNK35302', system: SYS.npuUrl, value: 48, unit: 'mL/min/1,73 m2', date: '2026-05-01' }),
      observation({ code: '62238-1', value: 52, ucum: 'mL/min/{1.73_m2}', date: '2026-02-01' }),
    ]);
    expect(f.labs.egfr.map((m) => m.value)).toEqual([48, 52]);
    expect(f.labs.egfr.every((m) => m.unit === 'mL/min/{1.73_m2}')).toBe(true);
  });

  it('calcium total (NPU01443 / LOINC 17861-6 in mg/dL), ionised (NPU04144) and corrected (29265-6) keep their kind', () => {
    const f = factsOf([
      observation({ code: 'NPU01443', system: SYS.npuOid, value: 2.31, unit: 'mmol/L', date: '2026-05-01' }),
      observation({ code: '17861-6', value: 9.2, ucum: 'mg/dL', date: '2026-04-01' }),
      observation({ code: 'NPU04144', system: SYS.npuUrl, value: 1.21, unit: 'mmol/L', date: '2026-03-01' }),
      observation({ code: '29265-6', value: 2.4, ucum: 'mmol/L', date: '2026-02-01' }),
    ]);
    expect(f.labs.calcium.map((m) => [m.kind, m.value])).toEqual([
      ['total', 2.31],
      ['total', 2.2954], // 9.2 mg/dL × 0.2495
      ['ionised', 1.21],
      ['corrected', 2.4],
    ]);
  });

  it('keeps the value as written beside a converted one (a card quotes "8.4 mg/dL"), not beside one read as written', () => {
    const f = factsOf([
      observation({ code: '17861-6', value: 8.4, ucum: 'mg/dL', date: '2026-05-01' }),
      observation({ code: 'NPU01443', system: SYS.npuOid, value: 2.31, unit: 'mmol/L', date: '2026-04-01' }),
      observation({ code: '62292-8', value: 18, ucum: 'ng/mL', date: '2026-05-01' }),
      observation({ code: '77370-5', value: 48, ucum: 'ng/mL', date: '2026-05-01' }),
    ]);
    expect(f.labs.calcium.map((m) => m.reported)).toEqual([{ value: 8.4, unit: 'mg/dL' }, undefined]);
    expect(f.labs.vitaminD[0]?.reported).toEqual({ value: 18, unit: 'ng/mL' });
    // ng/mL = µg/L: the number is the same, nothing to show twice.
    expect(f.labs.boneMarkers[0]?.reported).toBeUndefined();
  });

  it('creatinine from NPU18016 (mikromol/L) and LOINC 2160-0 (mg/dL)', () => {
    const f = factsOf([
      observation({ code: 'NPU18016', system: SYS.npuOid, value: 81, unit: 'mikromol/L', date: '2026-05-01' }),
      observation({ code: '2160-0', value: 1.1, ucum: 'mg/dL', date: '2026-04-01' }),
    ]);
    expect(f.labs.creatinine.map((m) => m.value)).toEqual([81, 97.262]); // 1.1 × 88.42
  });

  it('albumin g/dL → g/L; bone markers P1NP ng/mL and CTX pg/mL → µg/L', () => {
    const f = factsOf([
      observation({ code: '1751-7', value: 4.1, ucum: 'g/dL', date: '2026-05-01' }),
      observation({ code: '77370-5', value: 48, ucum: 'ng/mL', date: '2026-05-01' }),
      observation({ code: '41171-0', value: 520, ucum: 'pg/mL', date: '2026-04-01' }),
    ]);
    expect(f.labs.albumin[0]?.value).toBe(41);
    expect(f.labs.boneMarkers.map((m) => [m.marker, m.value, m.unit])).toEqual([
      ['p1np', 48, 'ug/L'],
      ['ctx', 0.52, 'ug/L'],
    ]);
  });
});

describe('CTX taken fasting before 10 (card page 2 l. 145 "CTX skal tages fastende før kl. 10")', () => {
  const ctx = (id: string, when: string, extra: Record<string, unknown> = {}) => ({ ...observation({ id, code: '41171-0', value: 0.35, ucum: 'ug/L', date: when }), ...extra });
  const late = (resources: ReturnType<typeof ctx>[]) => factsOf(resources).labs.boneMarkers.map((m) => [m.ref, m.notFastingAt]);

  it('a CTX taken at 10:00 or later (Danish time) carries its time; before 10, or with no time, it is fasting', () => {
    const f = factsOf([ctx('late', '2026-05-04T15:30:00+02:00'), ctx('ten', '2026-05-03T10:00:00+02:00'), ctx('early', '2026-05-02T09:59:00+02:00'), ctx('day', '2026-05-01')]);
    expect(f.labs.boneMarkers.map((m) => [m.ref, m.notFastingAt])).toEqual([
      ['Observation/late', '15:30'],
      ['Observation/ten', '10:00'],
      ['Observation/early', undefined],
      ['Observation/day', undefined],
    ]);
    expect(f.unusable).toEqual([]);
  });

  it('reads the clock in Danish time: 08:30Z is 09:30 in winter, 10:30 in summer; a time without a zone as written', () => {
    expect(late([ctx('winter', '2026-01-15T08:30:00Z')])).toEqual([['Observation/winter', undefined]]);
    expect(late([ctx('summer', '2026-06-15T08:30:00Z')])).toEqual([['Observation/summer', '10:30']]);
    expect(late([ctx('local', '2026-06-15T09:45:00')])).toEqual([['Observation/local', undefined]]);
  });

  it('reads a time with a UTC offset of its own on that clock (the patient\'s, card l. 145): a US 08:00-04:00 is fasting, 10:30-04:00 is not; +00:00 is UTC, read in Danish time', () => {
    expect(late([ctx('edt', '2026-05-15T08:00:00-04:00')])).toEqual([['Observation/edt', undefined]]);
    expect(late([ctx('est', '2026-01-15T08:00:00-05:00')])).toEqual([['Observation/est', undefined]]);
    expect(late([ctx('us-late', '2026-05-15T10:30:00-04:00')])).toEqual([['Observation/us-late', '10:30']]);
    expect(late([ctx('tokyo', '2026-05-15T11:00:00+09:00')])).toEqual([['Observation/tokyo', '11:00']]);
    expect(late([ctx('utc', '2026-05-15T08:30:00+00:00')])).toEqual([['Observation/utc', '10:30']]);
  });

  it('the sample time, not when the lab answered (issued); P1NP has no time of day', () => {
    expect(late([ctx('answered', '2026-05-04T08:00:00+02:00', { issued: '2026-05-04T14:10:00+02:00' })])).toEqual([['Observation/answered', undefined]]);
    expect(late([ctx('period', '2026-05-04', { effectiveDateTime: undefined, effectivePeriod: { start: '2026-05-04T11:00:00+02:00' } })])).toEqual([['Observation/period', '11:00']]);
    const p1np = observation({ id: 'p1np', code: '77370-5', value: 40, ucum: 'ug/L', date: '2026-05-04T15:30:00+02:00' });
    expect(factsOf([p1np]).labs.boneMarkers.map((m) => [m.ref, m.notFastingAt])).toEqual([['Observation/p1np', undefined]]);
  });
});

describe('labs: values that cannot be used are reported, never guessed', () => {
  it('a value in an unknown unit is unusable with the unit it came in', () => {
    const f = factsOf([observation({ id: 'x', code: 'NPU10267', system: SYS.npuOid, value: 20, unit: 'IE/ml', date: '2026-05-01' })]);
    expect(f.labs.vitaminD).toEqual([]);
    expect(f.unusable).toEqual([{ concept: 'vitamin-d', reason: 'unknown-unit', unit: 'IE/ml', date: '2026-05-01', ref: 'Observation/x' }]);
  });

  it('a unit string of more than 100 characters is no unit (not normalised, not remembered): unusable', () => {
    // Underscores are dropped from a unit: within the bound this would read as nmol/L.
    const f = factsOf([observation({ id: 'x', code: 'NPU10267', system: SYS.npuOid, value: 80, unit: `nmol/L${'_'.repeat(200)}`, date: '2026-05-01' })]);
    expect(f.labs.vitaminD).toEqual([]);
    expect(f.unusable[0]).toMatchObject({ concept: 'vitamin-d', reason: 'unknown-unit', ref: 'Observation/x' });
    expect(factsOf([observation({ code: 'NPU10267', system: SYS.npuOid, value: 80, unit: `nmol/L${'_'.repeat(90)}`, date: '2026-05-01' })]).labs.vitaminD[0]?.value).toBe(80);
  });

  it('a value in a unit of another quantity is unusable (calcium in nmol/L)', () => {
    const f = factsOf([observation({ code: '2000-8', value: 2.3, unit: 'nmol/L', date: '2026-05-01' })]);
    expect(f.unusable[0]).toMatchObject({ concept: 'calcium-total', reason: 'unknown-unit' });
  });

  it('a LOINC lab value with no unit is unusable; an NPU code that defines its unit is used', () => {
    const f = factsOf([
      observation({ id: 'no-unit', code: '2160-0', value: 1.1, date: '2026-05-01' }),
      observation({ id: 'npu', code: 'NPU18016', system: SYS.npuOid, value: 81, date: '2026-05-01' }),
    ]);
    expect(f.unusable.map((u) => [u.ref, u.reason])).toEqual([['Observation/no-unit', 'unknown-unit']]);
    expect(f.labs.creatinine.map((m) => m.value)).toEqual([81]);
  });

  it('no value (dataAbsentReason) and no date are unusable with their reason', () => {
    const f = factsOf([
      observation({ id: 'registered', code: 'NPU01443', system: SYS.npuOid, status: 'final', date: '2026-05-01' }),
      observation({ id: 'undated', code: 'NPU01443', system: SYS.npuOid, value: 2.3, unit: 'mmol/L' }),
    ]);
    expect(f.labs.calcium).toEqual([]);
    expect(f.unusable).toEqual(
      expect.arrayContaining([
        { concept: 'calcium-total', reason: 'no-value', date: '2026-05-01', ref: 'Observation/registered' },
        { concept: 'calcium-total', reason: 'no-date', unit: 'mmol/L', ref: 'Observation/undated' },
      ]),
    );
  });

  it('valueString numbers are read, text is not a value', () => {
    const f = factsOf([
      observation({ code: 'NPU01443', system: SYS.npuOid, valueString: '2,41 mmol/L', date: '2026-05-01' }),
      observation({ id: 'text', code: 'NPU01443', system: SYS.npuOid, valueString: 'Se kommentar', date: '2026-04-01' }),
    ]);
    expect(f.labs.calcium.map((m) => m.value)).toEqual([2.41]);
    expect(f.unusable.map((u) => u.reason)).toEqual(['no-value']);
  });

  it('a T-score sent as text with a typographic minus or en dash ("−2,9", "–2,6") is a negative number', () => {
    const f = factsOf([
      observation({ code: '38267-1', valueString: '\u22122,9', date: '2026-05-01' }),
      observation({ code: '38264-8', valueString: '\u20132,6', date: '2026-05-01' }),
    ]);
    expect(f.dxa.scans[0]?.tScores.map((t) => t.value).sort((a, b) => a - b)).toEqual([-2.9, -2.6]);
  });
});

describe('labs: comparators, reference ranges, interpretation', () => {
  it('eGFR "> 90" as valueQuantity.comparator and as valueString', () => {
    const f = factsOf([
      observation({ code: 'DNK35302', system: SYS.npuOid, value: 90, comparator: '>', unit: 'mL/min/1.73m2', date: '2026-05-01' }),
      observation({ code: '62238-1', valueString: '>90', date: '2026-04-01' }),
      observation({ code: '98979-8', valueString: '< 15', date: '2026-03-01' }),
    ]);
    expect(f.labs.egfr.map((m) => [m.comparator, m.value])).toEqual([
      ['>', 90],
      ['>', 90],
      ['<', 15],
    ]);
  });

  it('reads the comparators "=<" "=>" (legacy ≤ ≥) and "⩽" "⩾"; a lone "=" and "ca." / "approx." / "~" are no comparator', () => {
    // One a day: results of one day are one result (dated.ts).
    const dnk = (id: string, valueString: string, day: number) => observation({ id, code: 'DNK35302', system: SYS.npuOid, valueString, date: `2026-05-${String(day).padStart(2, '0')}` });
    const f = factsOf([
      dnk('legacy-le', '=<35', 10),
      dnk('legacy-ge', '=>35', 9),
      dnk('slanted-le', '\u2a7d35', 8),
      dnk('slanted-ge', '\u2a7e 35 mL/min/1,73 m2', 7),
      dnk('equals', '=30', 6),
      dnk('equals-space', '= 30', 5),
      dnk('ca', 'ca. 30', 4),
      dnk('ca-bare', 'ca 30', 3),
      dnk('approx', 'approx. 30', 2),
      dnk('tilde', '~30', 1),
    ]);
    const read = new Map(f.labs.egfr.map((m) => [m.ref.slice('Observation/'.length), [m.comparator, m.value]]));
    expect(Object.fromEntries(read)).toEqual({
      'legacy-le': ['<=', 35],
      'legacy-ge': ['>=', 35],
      'slanted-le': ['<=', 35],
      'slanted-ge': ['>=', 35],
      equals: [undefined, 30],
      'equals-space': [undefined, 30],
      ca: [undefined, 30],
      'ca-bare': [undefined, 30],
      approx: [undefined, 30],
      tilde: [undefined, 30],
    });
    expect(f.unusable).toEqual([]);
  });

  it('a valueString holding a number it cannot read ("eGFR 30", "- 30", "under 35") is unusable as unreadable, quoted; a text with no digit is no value', () => {
    const dnk = (id: string, valueString: string, date?: string) => observation({ id, code: 'DNK35302', system: SYS.npuOid, valueString, ...(date === undefined ? {} : { date }) });
    const long = `eGFR ${'målt '.repeat(20)}30`;
    const f = factsOf([
      dnk('labelled', 'eGFR 30', '2026-05-01'),
      // A lab cannot be negative: a minus set apart is no sign here.
      dnk('spaced-minus', '- 30', '2026-05-01'),
      dnk('words', 'under 35', '2026-05-01'),
      dnk('long', long, '2026-05-01'),
      dnk('note', 'Se kommentar', '2026-05-01'),
      dnk('undated', 'eGFR 30'),
    ]);
    expect(f.labs.egfr).toEqual([]);
    expect(f.unusable).toEqual([
      { concept: 'egfr', reason: 'unreadable', text: 'eGFR 30', ref: 'Observation/labelled', date: '2026-05-01' },
      { concept: 'egfr', reason: 'unreadable', text: '- 30', ref: 'Observation/spaced-minus', date: '2026-05-01' },
      { concept: 'egfr', reason: 'unreadable', text: 'under 35', ref: 'Observation/words', date: '2026-05-01' },
      { concept: 'egfr', reason: 'unreadable', text: `${long.slice(0, 39)}…`, ref: 'Observation/long', date: '2026-05-01' },
      { concept: 'egfr', reason: 'no-value', ref: 'Observation/note', date: '2026-05-01' },
      { concept: 'egfr', reason: 'no-date', ref: 'Observation/undated' },
    ]);
  });

  it('keeps the lab reference range (converted) and the interpretation codes L, LL, H', () => {
    const f = factsOf([
      observation({
        code: '17861-6',
        value: 8.0,
        ucum: 'mg/dL',
        date: '2026-05-01',
        interpretation: ['L', 'XX'],
        referenceRange: [{ low: { value: 8.6, unit: 'mg/dL' }, high: { value: 10.3, unit: 'mg/dL' } }],
      }),
      observation({
        code: 'NPU04144',
        system: SYS.npuOid,
        value: 1.05,
        unit: 'mmol/L',
        date: '2026-04-01',
        interpretation: ['LL'],
        referenceRange: [{ low: { value: 1.18 }, high: { value: 1.32 } }],
      }),
    ]);
    expect(f.labs.calcium[0]).toMatchObject({ value: 1.996, referenceLow: 2.1457, referenceHigh: 2.56985, interpretation: ['L'] });
    expect(f.labs.calcium[1]).toMatchObject({ kind: 'ionised', referenceLow: 1.18, referenceHigh: 1.32, interpretation: ['LL'] });
  });

  it('reads a reference range the lab gives only as text, in the unit it names, else the value\'s own; an unknown unit leaves it unread', () => {
    const calciumWith = (text: string, unit = 'mmol/L', value = 2.17) => factsOf([observation({ code: '17861-6', value, unit, date: '2026-05-01', referenceRange: [{ text }] })]).labs.calcium[0];
    expect(calciumWith('2,20 - 2,55 mmol/L')).toMatchObject({ referenceLow: 2.2, referenceHigh: 2.55 });
    expect(calciumWith('2.20–2.55')).toMatchObject({ referenceLow: 2.2, referenceHigh: 2.55 });
    expect(calciumWith('8.6-10.2 mg/dL')?.referenceLow).toBeCloseTo(2.146, 3);
    expect(calciumWith('2,20 - 2,55 furlongs')).not.toHaveProperty('referenceLow');
    expect(calciumWith('normal')).not.toHaveProperty('referenceLow');
  });

  it("reads a range for the patient's sex (appliesTo), before the general one; one for the other sex or an age band is not hers", () => {
    const female = { coding: [{ system: 'http://hl7.org/fhir/administrative-gender', code: 'female' }] };
    const male = { coding: [{ system: 'http://hl7.org/fhir/administrative-gender', code: 'male' }] };
    const calciumWith = (referenceRange: readonly Record<string, unknown>[], gender = 'female') =>
      factsOf([observation({ code: 'NPU01443', system: SYS.npuOid, value: 2.18, unit: 'mmol/L', date: '2026-05-01', referenceRange })], { patient: patient({ gender }) }).labs.calcium[0];
    expect(calciumWith([{ low: { value: 2.2 }, high: { value: 2.55 }, appliesTo: [female] }])).toMatchObject({ referenceLow: 2.2, referenceHigh: 2.55 });
    expect(calciumWith([{ low: { value: 1.2 }, high: { value: 1.32 }, appliesTo: [{ text: 'Kvinder' }] }])).toMatchObject({ referenceLow: 1.2 });
    // Her own before the general one, whatever the order.
    expect(calciumWith([{ low: { value: 2.15 }, high: { value: 2.51 } }, { low: { value: 2.2 }, high: { value: 2.55 }, appliesTo: [female] }])).toMatchObject({ referenceLow: 2.2 });
    expect(calciumWith([{ low: { value: 2.25 }, high: { value: 2.6 }, appliesTo: [male] }, { low: { value: 2.15 }, high: { value: 2.51 } }])).toMatchObject({ referenceLow: 2.15 });
    // A man's range for a man; for a woman, or a patient of no recorded sex, none: the card's default limits.
    expect(calciumWith([{ low: { value: 2.25 }, high: { value: 2.6 }, appliesTo: [male] }], 'male')).toMatchObject({ referenceLow: 2.25 });
    expect(calciumWith([{ low: { value: 2.25 }, high: { value: 2.6 }, appliesTo: [male] }])).not.toHaveProperty('referenceLow');
    expect(calciumWith([{ low: { value: 2.2 }, high: { value: 2.55 }, appliesTo: [female] }], 'unknown')).not.toHaveProperty('referenceLow');
    expect(calciumWith([{ low: { value: 2.2 }, high: { value: 2.55 }, appliesTo: [{ text: '18-50 år' }] }])).not.toHaveProperty('referenceLow');
    // "men" is Danish for "but": no range for men.
    expect(calciumWith([{ low: { value: 2.2 }, high: { value: 2.55 }, appliesTo: [{ text: 'Voksne, men ikke gravide' }] }])).not.toHaveProperty('referenceLow');
    // A range for some women only (pregnant, an age band) is not hers: the general one is used.
    const general = { low: { value: 2.15 }, high: { value: 2.51 } };
    const some = (appliesTo: readonly object[], extra: object = {}) => calciumWith([general, { low: { value: 2.05 }, high: { value: 2.45 }, appliesTo, ...extra }]);
    expect(some([{ text: 'Pregnant women' }])).toMatchObject({ referenceLow: 2.15 });
    expect(some([{ text: 'Gravide kvinder' }])).toMatchObject({ referenceLow: 2.15 });
    expect(some([{ text: 'Kvinder 18-49 år' }])).toMatchObject({ referenceLow: 2.15 });
    expect(some([female], { age: { low: { value: 18 }, high: { value: 40 } } })).toMatchObject({ referenceLow: 2.15 });
    expect(some([female, { coding: [{ system: 'http://snomed.info/sct', code: '77386006', display: 'Pregnancy' }] }])).toMatchObject({ referenceLow: 2.15 });
    expect(some([{ ...female, text: 'Pregnant women' }])).toMatchObject({ referenceLow: 2.15 });
    expect(some([{ coding: [{ system: 'http://hl7.org/fhir/administrative-gender', code: 'female', display: 'Female' }] }])).toMatchObject({ referenceLow: 2.05 });
    // SNOMED CT Female / Male, as FHIR's referencerange-appliesto value set codes them.
    expect(some([{ coding: [{ system: 'http://snomed.info/sct', code: '248152002', display: 'Female' }] }])).toMatchObject({ referenceLow: 2.05 });
    expect(some([{ coding: [{ system: 'http://snomed.info/sct', code: '248152002', display: 'Female (finding)' }], text: 'Kvinder' }])).toMatchObject({ referenceLow: 2.05 });
    expect(some([{ coding: [{ system: 'http://snomed.info/sct', code: '248153007', display: 'Male' }] }])).toMatchObject({ referenceLow: 2.15 });
    // Any other bracket names a group among women: not hers.
    expect(some([{ text: 'Kvinder (gravide)' }])).toMatchObject({ referenceLow: 2.15 });
    expect(some([{ coding: [{ system: 'http://snomed.info/sct', code: '248152002', display: 'Female (pregnant)' }] }])).toMatchObject({ referenceLow: 2.15 });
    expect(some([{ text: 'Female (child)' }])).toMatchObject({ referenceLow: 2.15 });
  });

  it('premenopausal mean of a bone marker: a stated mean, else the midpoint of the premenopausal range', () => {
    const f = factsOf([
      observation({
        id: 'stated',
        code: '77370-5',
        value: 30,
        unit: 'µg/L',
        date: '2026-05-01',
        referenceRange: [{ low: { value: 15 }, high: { value: 80 } }, { text: 'Præmenopausale kvinder: 20-76 µg/L, middelværdi 40' }],
      }),
      observation({
        id: 'range',
        code: '77370-5',
        value: 31,
        unit: 'µg/L',
        date: '2026-04-01',
        referenceRange: [{ low: { value: 20, unit: 'ug/L' }, high: { value: 76, unit: 'ug/L' }, appliesTo: [{ text: 'Premenopausal women' }] }],
      }),
      observation({ id: 'text', code: '41171-0', value: 0.3, unit: 'µg/L', date: '2026-03-01', referenceRange: [{ text: 'præmenopausale: 0,10-0,50' }] }),
      observation({ id: 'none', code: '77370-5', value: 33, unit: 'µg/L', date: '2026-02-01' }),
    ]);
    expect(f.labs.boneMarkers.map((m) => [m.ref, m.premenopausalMean])).toEqual([
      ['Observation/stated', 40],
      ['Observation/range', 48],
      ['Observation/text', 0.3],
      ['Observation/none', undefined],
    ]);
    // the general range stays the reference range
    expect(f.labs.boneMarkers[0]).toMatchObject({ referenceLow: 15, referenceHigh: 80 });
  });
});

describe('labs: order, dates and status', () => {
  it('sorts newest first; results of one day are one measurement (rules.md section 1 v2, same-day duplicates)', () => {
    const f = factsOf([
      observation({ id: 'a', code: 'NPU01443', system: SYS.npuOid, value: 2.2, unit: 'mmol/L', date: '2026-05-01T08:00:00+02:00' }),
      observation({ id: 'b', code: 'NPU01443', system: SYS.npuOid, value: 2.3, unit: 'mmol/L', date: '2026-05-01T14:00:00+02:00' }),
      observation({ id: 'c', code: 'NPU01443', system: SYS.npuOid, value: 2.4, unit: 'mmol/L', date: '2026-06-01' }),
    ]);
    expect(f.labs.calcium.map((m) => m.ref)).toEqual(['Observation/c', 'Observation/b']);
  });

  it('takes the Danish date of a timestamp: 23:30Z on 31 March is 1 April in Copenhagen', () => {
    const f = factsOf([observation({ code: 'NPU01443', system: SYS.npuOid, value: 2.3, unit: 'mmol/L', date: '2026-03-31T23:30:00Z' })]);
    expect(f.labs.calcium[0]?.date).toBe('2026-04-01');
  });

  it('two eGFRs of one day: the later-issued one counts, a time sent without its zone read as Danish time (the same under every server zone)', () => {
    const f = factsOf([
      observation({ id: 'zoneless', code: '62238-1', value: 30, ucum: 'mL/min/{1.73_m2}', date: '2026-05-01', issued: '2026-05-01T09:00:00' }),
      observation({ id: 'zoned', code: '62238-1', value: 60, ucum: 'mL/min/{1.73_m2}', date: '2026-05-01', issued: '2026-05-01T09:30:00+02:00' }),
    ]);
    expect(f.labs.egfr.map((m) => m.value)).toEqual([60]);
    const earlier = factsOf([
      observation({ id: 'zoneless', code: '62238-1', value: 30, ucum: 'mL/min/{1.73_m2}', date: '2026-05-01', issued: '2026-05-01T10:00:00' }),
      observation({ id: 'zoned', code: '62238-1', value: 60, ucum: 'mL/min/{1.73_m2}', date: '2026-05-01', issued: '2026-05-01T09:30:00+02:00' }),
    ]);
    expect(earlier.labs.egfr.map((m) => m.value)).toEqual([30]);
  });

  it('results of one day under different codes are no copies: an eGFR "among blacks" yields to the unadjusted one, MDRD to CKD-EPI', () => {
    const egfr = (id: string, code: string, value: number, issued?: string) => observation({ id, code, value, ucum: 'mL/min/{1.73_m2}', date: '2026-05-01', ...(issued === undefined ? {} : { issued }) });
    // Whichever id or issued time comes later, the race-adjusted 40 never hides the 33 of the same sample.
    expect(factsOf([egfr('egfr-1', '48642-3', 33), egfr('egfr-2', '48643-1', 40)]).labs.egfr.map((m) => m.value)).toEqual([33]);
    expect(factsOf([egfr('egfr-2', '48642-3', 33), egfr('egfr-1', '48643-1', 40)]).labs.egfr.map((m) => m.value)).toEqual([33]);
    expect(factsOf([egfr('a', '88294-4', 33, '2026-05-01T09:00:00Z'), egfr('b', '88293-6', 38, '2026-05-01T09:00:01Z')]).labs.egfr.map((m) => m.value)).toEqual([33]);
    // A race-adjusted eGFR alone is the day's eGFR. MDRD beside CKD-EPI: the CKD-EPI, whichever is
    // lower or later — a day read by another equation than the day before would make a "fall".
    expect(factsOf([egfr('b', '48643-1', 40)]).labs.egfr.map((m) => m.value)).toEqual([40]);
    expect(factsOf([egfr('b', '33914-3', 43, '2026-05-01T12:00:00Z'), egfr('a', '62238-1', 47)]).labs.egfr.map((m) => m.value)).toEqual([47]);
    expect(factsOf([egfr('a', '33914-3', 50), egfr('b', '62238-1', 47)]).labs.egfr.map((m) => m.value)).toEqual([47]);
  });

  it('a 25-OH-D3 fraction (1989-3, 14635-7) yields to the total of the same day, whatever the ids; alone it is the 25-OH-D', () => {
    const vitD = (id: string, code: string, value: number) => observation({ id, code, value, ucum: 'ng/mL', date: '2026-05-01' });
    const f = factsOf([vitD('vd-1', '62292-8', 35), vitD('vd-2', '1989-3', 15)]);
    expect(f.labs.vitaminD.map((m) => m.ref)).toEqual(['Observation/vd-1']);
    expect(f.labs.vitaminD[0]?.value).toBeCloseTo(87.36, 1);
    expect(factsOf([vitD('vd-2', '62292-8', 35), vitD('vd-1', '1989-3', 15)]).labs.vitaminD.map((m) => m.ref)).toEqual(['Observation/vd-2']);
    expect(factsOf([vitD('vd-2', '1989-3', 15)]).labs.vitaminD.map((m) => m.ref)).toEqual(['Observation/vd-2']);
    // The D3 fraction in nmol/L (14635-7) gives way to the Danish total (NPU10267) too.
    const npu = observation({ id: 'total', code: 'NPU10267', system: SYS.npuOid, value: 85, unit: 'nmol/L', date: '2026-05-01' });
    const d3 = observation({ id: 'zz-d3', code: '14635-7', value: 38, ucum: 'nmol/L', date: '2026-05-01' });
    expect(factsOf([npu, d3]).labs.vitaminD.map((m) => m.value)).toEqual([85]);
  });

  it('falls back to issued when there is no effective date', () => {
    const f = factsOf([observation({ code: 'NPU01443', system: SYS.npuOid, value: 2.3, unit: 'mmol/L', issued: '2026-05-02T09:00:00+02:00' })]);
    expect(f.labs.calcium[0]?.date).toBe('2026-05-02');
  });

  it('ignores cancelled and entered-in-error results, keeps preliminary and amended ones', () => {
    const f = factsOf([
      observation({ id: 'cancelled', code: 'NPU01443', system: SYS.npuOid, value: 2.3, unit: 'mmol/L', date: '2026-05-01', status: 'cancelled' }),
      observation({ id: 'error', code: 'NPU01443', system: SYS.npuOid, value: 2.3, unit: 'mmol/L', date: '2026-05-01', status: 'entered-in-error' }),
      observation({ id: 'prelim', code: 'NPU01443', system: SYS.npuOid, value: 2.3, unit: 'mmol/L', date: '2026-05-01', status: 'preliminary' }),
      observation({ id: 'amended', code: 'NPU01443', system: SYS.npuOid, value: 2.3, unit: 'mmol/L', date: '2026-04-01', status: 'amended' }),
    ]);
    expect(f.labs.calcium.map((m) => m.ref)).toEqual(['Observation/prelim', 'Observation/amended']);
  });

  it('reads a lab sent as a component of a panel', () => {
    const f = factsOf([
      observation({
        id: 'panel',
        code: '24362-6',
        text: 'Renal panel',
        date: '2026-05-01',
        components: [{ code: '2160-0', value: 0.9, ucum: 'mg/dL' }, { code: '62238-1', value: 71, ucum: 'mL/min/{1.73_m2}' }],
      }),
    ]);
    expect(f.labs.creatinine.map((m) => [m.ref, m.value])).toEqual([['Observation/panel', 79.578]]);
    expect(f.labs.egfr.map((m) => m.value)).toEqual([71]);
  });
});
