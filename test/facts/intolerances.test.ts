import { describe, expect, it } from 'vitest';
import { allergy, coding, factsOf, SYS } from '../helpers/facts-builders.js';

describe('intolerances to osteoporosis drugs (AllergyIntolerance)', () => {
  it('by ATC, RxNorm and name, any type', () => {
    const f = factsOf([
      allergy({ id: 'atc', type: 'intolerance', codings: [coding(SYS.atc, 'M05BA04', 'alendronsyre')], recorded: '2024-03-01' }),
      allergy({ id: 'rx', type: 'allergy', codings: [coding(SYS.rxnorm, '77655', 'zoledronic acid')] }),
      allergy({ id: 'txt', text: 'Prolia - muskelsmerter' }),
    ]);
    expect(f.intolerances).toEqual([
      { drug: 'alendronate', drugClass: 'oral-bisphosphonate', ref: 'AllergyIntolerance/atc', date: '2024-03-01' },
      { drug: 'zoledronic-acid', drugClass: 'zoledronic-acid', ref: 'AllergyIntolerance/rx' },
      { drug: 'denosumab', drugClass: 'denosumab', ref: 'AllergyIntolerance/txt' },
    ]);
  });

  it('the substance of a reaction when the code says nothing', () => {
    const f = factsOf([allergy({ id: 'r', text: 'Bivirkning', substance: { codings: [coding(SYS.atc, 'M05BA07')] } })]);
    expect(f.intolerances).toEqual([{ drug: 'risedronate', drugClass: 'oral-bisphosphonate', ref: 'AllergyIntolerance/r' }]);
  });

  it('a class-only record ("bisfosfonater", ATC M05BA) is an oral bisphosphonate intolerance', () => {
    const f = factsOf([allergy({ id: 'c', text: 'Bisfosfonater' }), allergy({ id: 'g', codings: [coding(SYS.atc, 'M05BA')] })]);
    expect(f.intolerances).toEqual([
      { drug: 'alendronate', drugClass: 'oral-bisphosphonate', ref: 'AllergyIntolerance/c', classOnly: true },
      { drug: 'alendronate', drugClass: 'oral-bisphosphonate', ref: 'AllergyIntolerance/g', classOnly: true },
    ]);
  });

  it('ignores other drugs, inactive/resolved and refuted/entered-in-error records', () => {
    const f = factsOf([
      allergy({ codings: [coding(SYS.atc, 'J01CA04', 'amoxicillin')] }),
      allergy({ codings: [coding(SYS.atc, 'A02BC01')] }),
      allergy({ codings: [coding(SYS.atc, 'M05BA04')], clinicalStatus: 'resolved' }),
      allergy({ codings: [coding(SYS.atc, 'M05BA04')], clinicalStatus: 'inactive' }),
      allergy({ codings: [coding(SYS.atc, 'M05BA04')], verificationStatus: 'refuted' }),
      allergy({ codings: [coding(SYS.atc, 'M05BA04')], verificationStatus: 'entered-in-error' }),
      allergy({ id: 'ok', codings: [coding(SYS.atc, 'M05BA04')], clinicalStatus: 'active', verificationStatus: 'confirmed' }),
    ]);
    expect(f.intolerances.map((i) => i.ref)).toEqual(['AllergyIntolerance/ok']);
  });
});
