import { describe, expect, it } from 'vitest';
import { vitaminDBeforeDxa } from '../../src/rules/initiation/vitamin-d-before-dxa.js';
import { course, ctxOf, fracture, patient, scan, vitaminD, type FactsInput } from '../helpers/facts.js';

const run = (input: FactsInput) => vitaminDBeforeDxa(ctxOf(patient(input)));
const dxa = () => scan('2026-08-12', { 'lumbar-spine': -2.8 });

describe('vitamin-d-before-dxa (card l. 14-15: D-vitamin bør være i niveau før DXA-skanning)', () => {
  it('fires when the latest 25-OH-D before the diagnostic scan was ≤ 50, with both as evidence', () => {
    const scanned = dxa();
    const d = vitaminD(38, '2026-05-02');
    expect(run({ age: 70, dxa: [scanned], labs: { vitaminD: [d] } })).toEqual({
      topic: 'vitamin-d-before-dxa',
      indicator: 'info',
      reasons: ['vitamin-d-low-at-dxa'],
      evidence: [scanned.refs[0], d.ref],
      findings: [
        { kind: 't-score', value: -2.8, site: 'lumbar-spine', date: '2026-08-12', ref: scanned.refs[0] },
        { kind: 'lab', lab: 'vitamin-d', value: 38, unit: 'nmol/L', date: '2026-05-02', ref: d.ref },
      ],
    });
  });

  it('reads "i niveau" as the card\'s "> 50": exactly 50 fires, 50.1 does not', () => {
    expect(run({ age: 70, dxa: [dxa()], labs: { vitaminD: [vitaminD(50, '2026-07-01')] } })?.reasons).toEqual(['vitamin-d-low-at-dxa']);
    expect(run({ age: 70, dxa: [dxa()], labs: { vitaminD: [vitaminD(50.1, '2026-07-01')] } })).toBeUndefined();
  });

  it('looks 6 calendar months back from the scan: 2026-02-12 counts for a scan on 2026-08-12, 2026-02-11 does not', () => {
    expect(run({ age: 70, dxa: [dxa()], labs: { vitaminD: [vitaminD(40, '2026-02-12')] } })).toBeDefined();
    expect(run({ age: 70, dxa: [dxa()], labs: { vitaminD: [vitaminD(40, '2026-02-11')] } })).toBeUndefined();
  });

  it('counts a value taken on the scan day, ignores values after the scan', () => {
    expect(run({ age: 70, dxa: [dxa()], labs: { vitaminD: [vitaminD(40, '2026-08-12')] } })).toBeDefined();
    expect(run({ age: 70, dxa: [dxa()], labs: { vitaminD: [vitaminD(40, '2026-08-13')] } })).toBeUndefined();
  });

  it('takes the latest value in the window: low in March, replete in July does not fire', () => {
    expect(run({ age: 70, dxa: [dxa()], labs: { vitaminD: [vitaminD(35, '2026-03-01'), vitaminD(75, '2026-07-01')] } })).toBeUndefined();
  });

  it('does not fire without a value in the window, without an osteoporotic T-score, or on treatment', () => {
    expect(run({ age: 70, dxa: [dxa()] })).toBeUndefined();
    expect(run({ age: 70, dxa: [scan('2026-08-12', { 'lumbar-spine': -2.4 })], fractures: [fracture('spine', '2026-01-01')], labs: { vitaminD: [vitaminD(30, '2026-07-01')] } })).toBeUndefined();
    expect(run({ age: 70, dxa: [dxa()], labs: { vitaminD: [vitaminD(30, '2026-07-01')] }, courses: [course('alendronate', '2026-09-01')] })).toBeUndefined();
  });

  it('does not fire when a low-energy spine or hip fracture meets the diagnosis too (it would argue for putting off treatment)', () => {
    const low = { vitaminD: [vitaminD(30, '2026-07-01')] };
    expect(run({ age: 70, dxa: [dxa()], fractures: [fracture('hip', '2026-01-01', 'low-energy')], labs: low })).toBeUndefined();
    expect(run({ age: 70, dxa: [dxa()], fractures: [fracture('spine', '2026-01-01', 'unknown')], labs: low })).toBeUndefined();
    // A forearm fracture is no diagnosis criterion: the T-score still carries the diagnosis.
    expect(run({ age: 70, dxa: [dxa()], fractures: [fracture('forearm', '2026-01-01', 'low-energy')], labs: low })?.reasons).toEqual(['vitamin-d-low-at-dxa']);
    expect(run({ age: 70, dxa: [dxa()], fractures: [fracture('hip', '2026-01-01', 'high-energy')], labs: low })?.reasons).toEqual(['vitamin-d-low-at-dxa']);
  });

  it('judges the scan the diagnosis rests on (the latest), not an older one', () => {
    const labs = { vitaminD: [vitaminD(30, '2019-12-01'), vitaminD(80, '2026-08-01')] };
    expect(run({ age: 70, dxa: [scan('2020-01-01', { 'lumbar-spine': -3.0 }), dxa()], labs })).toBeUndefined();
  });
});
