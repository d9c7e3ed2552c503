import { describe, expect, it } from 'vitest';
import { factsOf, observation, SYS } from '../helpers/facts-builders.js';

describe('DXA: T-scores per site', () => {
  it('takes the site from the LOINC code, left/right variants included', () => {
    const date = '2026-02-10';
    const f = factsOf([
      observation({ code: '38267-1', value: -2.8, ucum: '{T-score}', date }),
      observation({ code: '80948-3', value: -2.1, date }),
      observation({ code: '80945-9', value: -1.9, unit: 'SD', date }),
      observation({ code: '38265-5', value: -3.0, date }),
      observation({ code: '38266-3', value: -1.0, date }),
    ]);
    expect(f.dxa.scans).toHaveLength(1);
    expect(f.dxa.scans[0]?.tScores.map((s) => [s.site, s.value])).toEqual([
      ['lumbar-spine', -2.8],
      ['femoral-neck', -2.1],
      ['total-hip', -1.9],
      ['forearm', -3.0],
      ['other', -1.0],
    ]);
  });

  it('a same-day result of the same site issued later (a corrected report) replaces the first; without a later issue both stay', () => {
    const date = '2026-01-12';
    const f = factsOf([
      observation({ id: 'first', code: '38267-1', value: -2.6, date, issued: '2026-01-12T12:00:00+01:00' }),
      observation({ id: 'corrected', code: '38267-1', value: -2.4, date, issued: '2026-01-15T09:00:00+01:00', status: 'corrected' }),
      observation({ id: 'hip', code: '38264-8', value: -1.5, date, issued: '2026-01-12T12:00:00+01:00' }),
    ]);
    expect(f.dxa.scans[0]?.tScores.map((s) => [s.site, s.value])).toEqual([
      ['lumbar-spine', -2.4],
      ['total-hip', -1.5],
    ]);
    const unissued = factsOf([observation({ code: '38267-1', value: -2.6, date }), observation({ code: '38267-1', value: -2.4, date })]);
    expect(unissued.dxa.scans[0]?.tScores.map((s) => s.value)).toEqual([-2.6, -2.4]);
  });

  it('accepts any or no unit on T- and Z-scores', () => {
    const f = factsOf([
      observation({ code: '38267-1', value: -2.5, unit: 'whatever', date: '2026-01-01' }),
      observation({ code: '85394-5', value: -1.2, date: '2026-01-01' }),
    ]);
    expect(f.dxa.scans[0]?.tScores[0]?.value).toBe(-2.5);
    expect(f.dxa.scans[0]?.zScores[0]).toMatchObject({ site: 'lumbar-spine', value: -1.2 });
    expect(f.unusable).toEqual([]);
  });

  it('lets a bodySite that clearly names a site override the code (femur code, femoral neck body site; sandbox 38265-5 on the hip)', () => {
    const f = factsOf([
      observation({ code: '38263-0', value: -2.6, bodySite: 'Collum femoris sin.', date: '2026-01-01' }),
      observation({ code: '38265-5', value: -2.2, bodySite: 'Left hip', date: '2026-01-01' }),
      observation({ code: '38264-8', value: -2.0, bodySite: 'unspecified', date: '2026-01-01' }),
    ]);
    expect(f.dxa.scans[0]?.tScores.map((s) => s.site)).toEqual(['femoral-neck', 'total-hip', 'total-hip']);
  });

  it('reads a Danish T-score coded only by text, with the site from its text or body site', () => {
    const f = factsOf([
      observation({ id: 'txt1', codings: [{ system: 'urn:oid:1.2.208.176.1.2', code: 'DXA-TSC-L', display: 'T-score columna L1-L4' }], value: -2.7, date: '2026-01-01' }),
      observation({ id: 'txt2', text: 'T-score', bodySite: 'Lårbenshals', value: -2.3, date: '2026-01-01' }),
      observation({ id: 'txt3', text: 'Z-score hofte total', value: -0.4, date: '2026-01-01' }),
      observation({ id: 'unrelated', text: 'Hæmoglobin', value: 8.1, unit: 'mmol/L', date: '2026-01-01' }),
    ]);
    const scan = f.dxa.scans[0];
    expect(scan?.tScores.map((s) => [s.ref, s.site])).toEqual([
      ['Observation/txt1', 'lumbar-spine'],
      ['Observation/txt2', 'femoral-neck'],
    ]);
    expect(scan?.tScores[0]?.code).toEqual({ system: 'urn:oid:1.2.208.176.1.2', code: 'DXA-TSC-L', display: 'T-score columna L1-L4' });
    expect(scan?.tScores[1]?.code).toMatchObject({ display: 'T-score' });
    expect(scan?.zScores.map((s) => s.site)).toEqual(['total-hip']);
  });

  it('reads a T- or Z-score written with its name ("T-score -2,6", "T: -2.6", "T-score: −2,6", "Z-score -1,2") or a minus set apart ("- 2,6")', () => {
    const day = (d: number): string => `2026-0${d}-01`;
    const f = factsOf([
      observation({ id: 'named', code: '38267-1', valueString: 'T-score -2,6', date: day(1) }),
      observation({ id: 'colon', code: '38267-1', valueString: 'T: -2.6', date: day(2) }),
      observation({ id: 'typographic', code: '38267-1', valueString: 'T-score: \u22122,6 SD', date: day(3) }),
      observation({ id: 'spaced', code: '38267-1', valueString: '- 2,6', date: day(4) }),
      observation({ id: 'danish', code: '38264-8', valueString: 'T-værdi − 2,6', date: day(5) }),
      observation({ id: 'z', code: '85394-5', valueString: 'Z-score -1,2', date: day(6) }),
    ]);
    expect(f.unusable).toEqual([]);
    expect(f.dxa.scans.flatMap((s) => [...s.tScores, ...s.zScores].map((t) => [t.ref, t.value]))).toEqual([
      ['Observation/z', -1.2],
      ['Observation/danish', -2.6],
      ['Observation/spaced', -2.6],
      ['Observation/typographic', -2.6],
      ['Observation/colon', -2.6],
      ['Observation/named', -2.6],
    ]);
  });

  it('a score whose number cannot be read (two numbers, a site in the text, the other score\'s name) is unusable as unreadable, and no scan: a scan known only by it would be the latest DXA with no T-score', () => {
    const date = '2026-04-15';
    const f = factsOf([
      observation({ id: 'levels', code: '38267-1', valueString: 'T-score L1-L4: -2,6', date }),
      observation({ id: 'two', code: '38263-0', valueString: 'T -2,6 / Z -1,0', date }),
      observation({ id: 'other-score', code: '38264-8', valueString: 'Z-score -2,6', date }),
      observation({ id: 'hip', code: '38264-8', value: -1.4, date: '2026-04-16' }),
      observation({ id: 'note', code: '38267-1', valueString: 'Se beskrivelse', date: '2026-01-01' }),
    ]);
    expect(f.unusable).toEqual([
      { concept: 't-score', reason: 'unreadable', text: 'T-score L1-L4: -2,6', ref: 'Observation/levels', date },
      { concept: 't-score', reason: 'unreadable', text: 'T -2,6 / Z -1,0', ref: 'Observation/two', date },
      { concept: 't-score', reason: 'unreadable', text: 'Z-score -2,6', ref: 'Observation/other-score', date },
      // No digit: no result of a scan, and no scan.
      { concept: 't-score', reason: 'no-value', ref: 'Observation/note', date: '2026-01-01' },
    ]);
    expect(f.dxa.scans.map((s) => [s.date, s.tScores.map((t) => t.value), s.refs])).toEqual([['2026-04-16', [-1.4], ['Observation/hip']]]);
  });

  it('converts BMD to g/cm² and reports a BMD without a unit as unusable', () => {
    const f = factsOf([
      observation({ code: '24966-4', value: 812, unit: 'mg/cm2', date: '2026-01-01' }),
      observation({ id: 'no-unit', code: '38261-4', value: 0.7, date: '2026-01-01' }),
    ]);
    expect(f.dxa.scans[0]?.bmd).toEqual([expect.objectContaining({ site: 'lumbar-spine', value: 0.812 })]);
    expect(f.unusable).toEqual([expect.objectContaining({ concept: 'bmd', reason: 'unknown-unit', ref: 'Observation/no-unit' })]);
  });
});

describe('DXA: scans', () => {
  it('groups results by day, newest first, with the performer and the significant-decrease flag', () => {
    const f = factsOf([
      observation({ id: 'old', code: '38267-1', value: -2.0, date: '2023-03-01', performer: { reference: 'Organization/55' } }),
      observation({ id: 'n1', code: '38267-1', value: -2.6, date: '2026-02-10T09:15:00+01:00', interpretation: ['D'] }),
      observation({
        id: 'n2',
        code: '38264-8',
        value: -2.1,
        date: '2026-02-10T09:16:00+01:00',
        performer: { reference: 'Organization/hvh-osteo', display: 'Hvidovre Hospital, Osteoporoseklinik' },
      }),
      observation({ id: 'n3', code: '24966-4', value: 0.781, ucum: 'g/cm2', date: '2026-02-10', interpretation: ['D'] }),
    ]);
    expect(f.dxa.scans.map((s) => s.date)).toEqual(['2026-02-10', '2023-03-01']);
    const latest = f.dxa.scans[0];
    expect(latest?.performer).toEqual({ reference: 'Organization/hvh-osteo', display: 'Hvidovre Hospital, Osteoporoseklinik' });
    expect(latest?.refs).toEqual(['Observation/n1', 'Observation/n2', 'Observation/n3']);
    expect(latest?.significantDecrease).toBe(true);
    expect(latest?.tScores.map((s) => s.significantDecrease)).toEqual([true, false]);
    expect(f.dxa.scans[1]?.performer).toEqual({ reference: 'Organization/55' });
    expect(f.dxa.scans[1]?.significantDecrease).toBe(false);
  });

  it('reads the results of a DXA panel sent as components', () => {
    const f = factsOf([
      observation({
        id: 'panel',
        code: '38268-9',
        date: '2026-01-05',
        components: [
          { code: '38267-1', value: -2.9 },
          { code: '38263-0', value: -2.4 },
          { code: '24966-4', value: 0.75, ucum: 'g/cm2' },
        ],
      }),
    ]);
    expect(f.dxa.scans[0]?.tScores.map((s) => [s.site, s.value, s.ref])).toEqual([
      ['lumbar-spine', -2.9, 'Observation/panel'],
      ['femoral-neck', -2.4, 'Observation/panel'],
    ]);
    expect(f.dxa.scans[0]?.bmd[0]?.value).toBe(0.75);
  });

  it('reports a T-score without a value or a date as unusable', () => {
    const f = factsOf([observation({ id: 'nv', code: '38267-1', date: '2026-01-01' }), observation({ id: 'nd', code: '38267-1', value: -2 })]);
    expect(f.dxa.scans).toEqual([]);
    expect(f.unusable.map((u) => [u.concept, u.reason])).toEqual(
      expect.arrayContaining([
        ['t-score', 'no-value'],
        ['t-score', 'no-date'],
      ]),
    );
  });

  it('does not treat a SNOMED coded unrelated observation as DXA', () => {
    const f = factsOf([observation({ code: '271649006', system: SYS.snomed, value: 120, unit: 'mm[Hg]', date: '2026-01-01' })]);
    expect(f.dxa.scans).toEqual([]);
    expect(f.unusable).toEqual([]);
  });

  it('counts a DXA study recorded only as a report (LOINC 38268-9, no values) as a scan of its day, with its performer', () => {
    const f = factsOf([
      observation({ id: 'report', code: '38268-9', text: 'DXA-skanning', date: '2025-09-01', performer: { display: 'Bispebjerg, Osteoporoseklinik' } }),
      observation({ id: 'with-results', code: '38268-9', date: '2023-03-01' }),
      observation({ id: 't', code: '38267-1', value: -2.0, date: '2023-03-01', performer: { reference: 'Organization/55' } }),
    ]);
    expect(f.dxa.scans.map((s) => [s.date, s.refs, s.tScores.length, s.performer])).toEqual([
      ['2025-09-01', ['Observation/report'], 0, { display: 'Bispebjerg, Osteoporoseklinik' }],
      ['2023-03-01', ['Observation/t', 'Observation/with-results'], 1, { reference: 'Organization/55' }],
    ]);
    expect(f.unusable).toEqual([]);
  });
});
