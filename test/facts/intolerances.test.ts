import { describe, expect, it } from 'vitest';
import { allergy, coding, factsOf, medicationAdministration, medicationRequest, medicationStatement, SYS } from '../helpers/facts-builders.js';

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

describe('intolerances recorded as the reason a medication was stopped (statusReason) [extension]', () => {
  const stopped = (id: string, statusReason: unknown, o: { atc?: string; status?: string; resourceType?: 'MedicationStatement' | 'MedicationRequest' } = {}) => ({
    ...(o.resourceType === 'MedicationRequest'
      ? medicationRequest({ id, atc: o.atc ?? 'M05BA04', status: o.status ?? 'stopped', authoredOn: '2025-01-01', validity: { start: '2025-01-01', end: '2025-03-01' } })
      : medicationStatement({ id, atc: o.atc ?? 'M05BA04', status: o.status ?? 'stopped', start: '2025-01-01', end: '2025-03-01' })),
    statusReason,
  });

  it('side effects named in the stop reason, as FMK and Danish GPs record them, in text or code', () => {
    const f = factsOf([
      stopped('fmk', [{ text: 'Utålelige bivirkninger – halsbrand og mavesmerter' }]),
      stopped('tol', [{ text: 'Tåler ikke' }], { atc: 'M05BB03' }),
      stopped('en', { text: 'Adverse drug reaction' }, { resourceType: 'MedicationRequest', atc: 'M05BA07' }),
      stopped('hl7', { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/medicationrequest-status-reason', code: 'sintol' }] }, { resourceType: 'MedicationRequest', status: 'cancelled', atc: 'M05BX04' }),
      stopped('sct', [{ coding: [{ system: 'http://snomed.info/sct', code: '395009001' }] }], { status: 'completed', atc: 'M05BA06' }),
    ]);
    expect(f.intolerances).toEqual([
      { drug: 'alendronate', drugClass: 'oral-bisphosphonate', ref: 'MedicationStatement/fmk', date: '2025-03-01' },
      { drug: 'alendronate', drugClass: 'oral-bisphosphonate', ref: 'MedicationStatement/tol', date: '2025-03-01' },
      expect.objectContaining({ drug: 'risedronate', ref: 'MedicationRequest/en' }),
      expect.objectContaining({ drug: 'denosumab', ref: 'MedicationRequest/hl7' }),
      expect.objectContaining({ drug: 'ibandronate', ref: 'MedicationStatement/sct' }),
    ]);
  });

  it('not from a reason that denies side effects, doubts or fears them, or names none, nor on a record still in use or of another drug', () => {
    const reasons = [
      'Ikke pga. bivirkninger – ønsker pause',
      'Ingen bivirkninger, 5 års behandling afsluttet',
      'Seponeret – ikke bivirkninger, men ønske om pause',
      'Havde ikke haft bivirkninger; pause efter 5 år',
      'Bivirkninger: ingen. Behandlingspause.',
      'Side effects: none; completed course',
      'Stopped: not related to side effects, patient preference',
      'Pause efter 5 år – bekymret for bivirkninger (kæbenekrose)',
      'Bivirkninger drøftet, pause',
      'Behandlingspause for at undgå bivirkninger',
      'Pt. bange for bivirkninger',
      'Drug holiday to avoid adverse effects',
      'Information om bivirkninger givet',
      'Mulig bivirkning?',
      'Tåler ikke at sidde oprejst i 30 minutter',
      'Behandlingsvarighed nået',
      'Halsbrand',
    ];
    const f = factsOf([
      ...reasons.map((text, i) => stopped(`r${i}`, [{ text }])),
      stopped('active', [{ text: 'Bivirkninger' }], { status: 'active' }),
      stopped('ppi', [{ text: 'Bivirkninger' }], { atc: 'A02BC01' }),
    ]);
    expect(f.intolerances).toEqual([]);
  });

  it('reads the plain forms a stop reason takes: side effects or intolerance first, then at most what they were', () => {
    for (const text of [
      'Seponeret pga. bivirkninger',
      'Stopped due to side effects',
      'Bivirkninger (øsofagitis)',
      'Side effects: heartburn',
      'Tålte ikke',
      'Intolerance',
      'Akutfasereaktion',
      'Bivirk.',
    ]) {
      expect(factsOf([stopped('x', [{ text }])]).intolerances, text).toHaveLength(1);
    }
  });

  it('a text in another form, or with a denial, a doubt or someone else anywhere, is not read, even beside a plain statement [choice: a false intolerance withholds the first choice]', () => {
    for (const text of [
      'Tåler medicinen dårligt',
      'Har ikke kunnet tåle alendronat',
      'Bivirkninger ved kalktabletterne',
      'Kalktabletter gav bivirkninger',
      'Methotrexat stoppet pga. bivirkninger',
      'Pt foretrækker infusion (bivirkninger hos søster)',
      'Penicillinallergi',
      'Allergy entered in error',
      'Bivirkningsskema udfyldt',
      'Bivirkninger udelukket',
      'Ved bivirkninger: kontakt læge',
      'Bivirkninger (øsofagitis) – må ikke genstartes',
      'Utålelige bivirkninger – pt. ønsker ikke at fortsætte',
      'Bivirkningsfri, stoppet efter 5 år',
      'Side-effect free; drug holiday',
      'Ingen allergi',
      'Not intolerant, planned pause',
      'Ikke stoppet på grund af bivirkninger',
      'Bivirkninger (ingen)',
      'Kontrol af bivirkninger ved næste konsultation',
      'Fik bivirkninger af en anden medicin',
      'Bivirkninger vurderet – fortsætter på denosumab',
      // Side effects perhaps another drug's: of something, or a drug of another class named.
      'Bivirkninger af kalktabletterne',
      'Allergi for penicillin',
      'Prednisolon udtrappet pga bivirkninger',
      'Hospitalized, adverse drug reaction to warfarin',
    ]) {
      expect(factsOf([stopped('x', [{ text }])]).intolerances, text).toEqual([]);
    }
  });

  it('a later course of the same drug outweighs it: taken again after the stop, it was tolerated', () => {
    const fmk = stopped('fmk', [{ text: 'Bivirkninger – halsbrand' }]);
    const again = medicationStatement({ id: 'again', atc: 'M05BA04', status: 'completed', start: '2025-06-01', end: '2026-06-01' });
    expect(factsOf([fmk, again]).intolerances).toEqual([]);
    // Not another drug of the class, nor a later order cancelled (never given), nor one itself stopped for side effects.
    const risedronate = medicationStatement({ id: 'ris', atc: 'M05BA07', status: 'active', start: '2025-06-01' });
    expect(factsOf([fmk, risedronate]).intolerances.map((i) => i.ref)).toEqual(['MedicationStatement/fmk']);
    const cancelled = medicationRequest({ id: 'cx', atc: 'M05BA04', status: 'cancelled', authoredOn: '2025-06-01' });
    expect(factsOf([fmk, cancelled]).intolerances.map((i) => i.ref)).toEqual(['MedicationStatement/fmk']);
    const againStopped = { ...medicationStatement({ id: 'again2', atc: 'M05BA04', status: 'stopped', start: '2025-06-01', end: '2025-08-01' }), statusReason: [{ text: 'Bivirkninger: mavesmerter' }] };
    expect(factsOf([fmk, againStopped]).intolerances.map((i) => i.ref).sort()).toEqual(['MedicationStatement/again2', 'MedicationStatement/fmk']);
    const denosumab = medicationAdministration({ id: 'dmab', atc: 'M05BX04', date: '2025-06-01' });
    expect(factsOf([fmk, denosumab]).intolerances.map((i) => i.ref)).toEqual(['MedicationStatement/fmk']);
  });
});
