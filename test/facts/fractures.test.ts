import { describe, expect, it } from 'vitest';
import { coding, condition, factsOf, SYS } from '../helpers/facts-builders.js';

const fracture = (c: Parameters<typeof condition>[0]) => factsOf([condition({ id: 'f', onset: '2025-09-01', ...c })]).fractures;

describe('fractures: the same hip fracture in every code system', () => {
  it.each([
    ['SKS (D-code OID)', SYS.sks, 'DS720'],
    ['SKS (root OID)', SYS.sksRoot, 'DS7200'],
    ['WHO ICD-10', SYS.icd10, 'S72.0'],
    ['SNOMED CT', SYS.snomed, '5913000'],
  ])('%s → hip, mechanism unknown', (_name, system, code) => {
    expect(fracture({ code, system })).toEqual([{ site: 'hip', date: '2025-09-01', mechanism: 'unknown', ref: 'Condition/f', code: { system, code } }]);
  });

  it('ICD-10-CM → hip, mechanism unknown, and the side its 6th character names (S72.001A: right)', () => {
    expect(fracture({ code: 'S72.001A', system: SYS.icd10cm })).toEqual([
      { site: 'hip', date: '2025-09-01', mechanism: 'unknown', ref: 'Condition/f', code: { system: SYS.icd10cm, code: 'S72.001A' }, side: 'right' },
    ]);
  });
});

describe('fractures: site', () => {
  it.each([
    ['S22.0 thoracic vertebra', SYS.icd10, 'S22.0', 'spine'],
    ['DS320 lumbar vertebra', SYS.sks, 'DS320', 'spine'],
    ['M48.5 collapsed vertebra', SYS.icd10, 'M48.5', 'spine'],
    ['S72.1 pertrochanteric', SYS.icd10cm, 'S72.141A', 'hip'],
    ['S32.5 pubis', SYS.icd10, 'S32.5', 'pelvis'],
    ['DS321 sacrum', SYS.sks, 'DS321', 'pelvis'],
    ['S42.2 proximal humerus', SYS.icd10cm, 'S42.201A', 'upper-arm'],
    ['S42.3 humerus shaft', SYS.icd10, 'S42.3', 'upper-arm'],
    ['S52.5 distal radius', SYS.icd10cm, 'S52.531A', 'forearm'],
    ['S52.2 ulna shaft', SYS.icd10, 'S52.2', 'forearm'],
    ['SNOMED 15724005 vertebral column', SYS.snomed, '15724005', 'spine'],
    ['SNOMED 65966004 forearm', SYS.snomed, '65966004', 'forearm'],
    ['SNOMED 263102004 wrist (Synthea)', SYS.snomed, '263102004', 'forearm'],
    ['SNOMED 359817006 closed hip', SYS.snomed, '359817006', 'hip'],
    ['SNOMED 33737001 rib', SYS.snomed, '33737001', 'other'],
  ])('%s → %s', (_name, system, code, site) => {
    expect(fracture({ code, system })[0]?.site).toBe(site);
  });

  it('WHO/SKS M80 site character: 5 pelvic region and thigh → hip, 3 → forearm, 2 → upper arm, 8 → spine, 1 shoulder/0/9/none → other', () => {
    const site = (code: string, system: string = SYS.sks) => fracture({ code, system })[0]?.site;
    expect(site('DM8005')).toBe('hip');
    expect(site('DM8003')).toBe('forearm');
    expect(site('DM8002')).toBe('upper-arm');
    expect(site('DM8008')).toBe('spine');
    expect(site('M80.08', SYS.icd10)).toBe('spine');
    expect(site('DM8001')).toBe('other');
    expect(site('DM8009')).toBe('other');
    expect(site('DM800')).toBe('other');
    expect(site('DM800A')).toBe('other');
  });

  it('a code with no site (SKS DM800, SNOMED 443165006) takes the site its text names; a site character still wins over text', () => {
    const site = (code: string, system: string, text: string) => fracture({ code, system, text })[0]?.site;
    expect(site('DM800', SYS.sks, 'Osteoporotisk hoftebrud (collum femoris fraktur)')).toBe('hip');
    expect(site('DM800', SYS.sks, 'Osteoporotisk kompressionsfraktur L1')).toBe('spine');
    expect(site('443165006', SYS.snomed, 'Osteoporotic compression fracture of L1 vertebra')).toBe('spine');
    expect(site('DM800', SYS.sks, 'Postmenopausal osteoporose med patologisk fraktur')).toBe('other');
    expect(site('DM8003', SYS.sks, 'Osteoporotisk hoftebrud')).toBe('forearm');
  });

  it('a partial onset (year or month) is dated by its first day and carries the last day it can mean', () => {
    const [month] = fracture({ code: 'DS525', system: SYS.sks, onset: '2021-12' });
    expect(month).toMatchObject({ date: '2021-12-01', latestDate: '2021-12-31' });
    expect(fracture({ code: 'DS525', system: SYS.sks, onset: '2021' })[0]).toMatchObject({ date: '2021-01-01', latestDate: '2021-12-31' });
    expect(fracture({ code: 'DS525', system: SYS.sks, onset: '2021-12-20' })[0]).not.toHaveProperty('latestDate');
  });

  it('ICD-10-CM M80 site: 08 vertebra → spine, 05 femur → hip, 03 forearm, 02 humerus, 01 shoulder → other', () => {
    const site = (code: string) => fracture({ code, system: SYS.icd10cm })[0]?.site;
    expect(site('M80.08XA')).toBe('spine');
    expect(site('M80.051A')).toBe('hip');
    expect(site('M80.031A')).toBe('forearm');
    expect(site('M80.021A')).toBe('upper-arm');
    expect(site('M80.011A')).toBe('other');
    expect(site('M80.88XA')).toBe('spine');
  });

  it('bodySite overrides the M80 site character, and a specific S-code overrides bodySite', () => {
    expect(fracture({ code: 'DM8008', system: SYS.sks, bodySite: 'Venstre håndled' })[0]?.site).toBe('forearm');
    expect(fracture({ code: 'DS720', system: SYS.sks, bodySite: 'Columna lumbalis' })[0]?.site).toBe('hip');
    expect(fracture({ code: '443165006', bodySite: 'Lumbar vertebra' })[0]?.site).toBe('spine');
    expect(fracture({ code: '443165006' })[0]?.site).toBe('other');
  });

  it('M80.x8 ("other site") with a bodySite naming another bone (rib, ankle, foot) is not the spine (rules.md section 1)', () => {
    expect(fracture({ code: 'DM8008', system: SYS.sks, bodySite: 'Højre ribben' })[0]?.site).toBe('other');
    expect(fracture({ code: 'M80.08', system: SYS.icd10, bodySite: 'Left ankle' })[0]?.site).toBe('other');
    expect(fracture({ code: 'DM8008', system: SYS.sks, bodySite: 'Venstre fod' })[0]?.site).toBe('other');
    expect(fracture({ code: 'DM8008', system: SYS.sks, bodySite: 'Th12' })[0]?.site).toBe('spine');
    expect(fracture({ code: 'DM8008', system: SYS.sks, bodySite: 'Venstre hånd' })[0]?.site).toBe('other');
    expect(fracture({ code: 'DM8008', system: SYS.sks, bodySite: 'Venstre håndled' })[0]?.site).toBe('forearm');
  });

  it('one Condition coded M80.0 and S72.0 is ONE fracture: hip from the S-code, low-energy from M80', () => {
    const f = fracture({ codings: [coding(SYS.icd10, 'M80.0'), coding(SYS.icd10, 'S72.0')] });
    expect(f).toEqual([{ site: 'hip', date: '2025-09-01', mechanism: 'low-energy', ref: 'Condition/f', code: { system: SYS.icd10, code: 'S72.0' } }]);
  });

  it('ICPC-2 L75 counts as a weak hip fracture, L72 as a weak forearm fracture, L76 as a weak other fracture', () => {
    expect(fracture({ code: 'L75', system: SYS.icpc2 })[0]).toMatchObject({ site: 'hip', weak: true, mechanism: 'unknown' });
    expect(fracture({ code: 'L72', system: SYS.icpc2Oid })[0]).toMatchObject({ site: 'forearm', weak: true });
    expect(fracture({ code: 'L76', system: SYS.icpc2 })[0]).toMatchObject({ site: 'other', weak: true });
    expect(fracture({ codings: [coding(SYS.icpc2, 'L75'), coding(SYS.sks, 'DS721')] })[0]?.weak).toBeUndefined();
  });

  it('ICPC-2 L75 whose text or bodySite names the femoral shaft or distal femur is no hip fracture (L75 covers the whole femur)', () => {
    const site = (c: Parameters<typeof condition>[0]) => fracture({ code: 'L75', system: SYS.icpc2, ...c })[0]?.site;
    expect(site({ text: 'Femurskaftfraktur, lavenergi' })).toBe('other');
    expect(site({ text: 'Suprakondylær femurfraktur (distale femur)' })).toBe('other');
    expect(site({ text: 'Fracture of shaft of femur' })).toBe('other');
    for (const text of ['Fracture of lower end of femur', 'Femur shaft fracture', 'Fraktur af distale ende af femur', 'Fraktur af lårbenets skaft', 'Skaftbrud lårben', 'Fractura femoris distalis']) expect(site({ text }), text).toBe('other');
    expect(site({ bodySite: 'Femurskaft' })).toBe('other');
    // Still the hip when the text names the proximal femur, or nothing.
    expect(site({ text: 'Pertrokantær femurfraktur med skaftforlængelse' })).toBe('hip');
    expect(site({ text: 'Fraktur af lårben' })).toBe('hip');
  });
});

describe('fractures: mechanism', () => {
  it('low-energy when coded osteoporotic (M80 family, SNOMED osteoporotic fracture concepts)', () => {
    expect(fracture({ code: 'DM800', system: SYS.sks })[0]?.mechanism).toBe('low-energy');
    expect(fracture({ code: '443165006' })[0]?.mechanism).toBe('low-energy');
    expect(fracture({ code: '431031001' })[0]).toMatchObject({ site: 'hip', mechanism: 'low-energy' });
    expect(fracture({ code: '240198002' })[0]).toMatchObject({ site: 'spine', mechanism: 'low-energy' });
    // ICD-10-CM "Personal history of (healed) osteoporosis fracture" (terminology.md, osteoporosis notes): site unknown.
    expect(fracture({ code: 'Z87.310', system: SYS.icd10cm })[0]).toMatchObject({ site: 'other', mechanism: 'low-energy' });
  });

  it('low-energy / high-energy from a flag extension', () => {
    expect(fracture({ code: 'DS525', system: SYS.sks, lowEnergy: true })[0]?.mechanism).toBe('low-energy');
    expect(fracture({ code: 'DS525', system: SYS.sks, lowEnergy: false })[0]?.mechanism).toBe('high-energy');
  });

  it('low-energy / high-energy from the text or a note', () => {
    expect(fracture({ code: 'DS525', system: SYS.sks, text: 'Lavenergibrud, distal radius' })[0]?.mechanism).toBe('low-energy');
    expect(fracture({ code: 'DS525', system: SYS.sks, note: 'Fald fra stående højde' })[0]?.mechanism).toBe('low-energy');
    expect(fracture({ code: 'S52.5', system: SYS.icd10, note: 'Trafikulykke, cyklist' })[0]?.mechanism).toBe('high-energy');
    expect(fracture({ code: 'S52.5', system: SYS.icd10, text: 'High-energy trauma' })[0]?.mechanism).toBe('high-energy');
  });

  it('a negated low-energy word is evidence against it: "Ikke lavenergibrud", "Ingen mistanke om osteoporotisk brud", "Not a low-energy fracture"', () => {
    expect(fracture({ code: 'DS720', system: SYS.sks, note: 'Ikke lavenergibrud – højenergi, faldt fra stige' })[0]?.mechanism).toBe('high-energy');
    expect(fracture({ code: 'DS320', system: SYS.sks, note: 'Ingen mistanke om osteoporotisk brud; faldt fra 3 m højde' })[0]?.mechanism).toBe('high-energy');
    expect(fracture({ code: '5913000', note: 'Not a low-energy fracture: motor vehicle accident' })[0]?.mechanism).toBe('high-energy');
    expect(fracture({ code: 'DS525', system: SYS.sks, note: 'Faldt ned fra en stige' })[0]?.mechanism).toBe('high-energy');
    expect(fracture({ code: 'DS525', system: SYS.sks, note: 'Fell from a ladder' })[0]?.mechanism).toBe('high-energy');
    // Affirmed low-energy words still count, also beside a negation elsewhere in the note.
    expect(fracture({ code: 'DS525', system: SYS.sks, note: 'Lavenergibrud. Ikke trafikuheld.' })[0]?.mechanism).toBe('low-energy');
    expect(fracture({ code: 'DS525', system: SYS.sks, note: 'Osteoporotisk brud, ikke tidligere brud' })[0]?.mechanism).toBe('low-energy');
    // A coded osteoporotic fracture stays low-energy whatever the note says.
    expect(fracture({ code: 'DM800', system: SYS.sks, note: 'ikke lavenergi?' })[0]?.mechanism).toBe('low-energy');
  });

  it('reads the ICD-10 fracture codes of the other sites: distal humerus is upper arm; rib, clavicle, wrist/hand, femoral shaft, ankle and foot are other', () => {
    expect(fracture({ code: 'S42.4', system: SYS.icd10 })[0]?.site).toBe('upper-arm');
    expect(fracture({ code: 'DS424', system: SYS.sks })[0]?.site).toBe('upper-arm');
    for (const code of ['S22.3', 'S22.4', 'S42.0', 'S62.1', 'S72.3', 'S82.5', 'S92.0']) expect(fracture({ code, system: SYS.icd10 })[0]?.site, code).toBe('other');
    expect(fracture({ code: 'DS223', system: SYS.sks })[0]?.site).toBe('other');
    // The hip stays the hip.
    expect(fracture({ code: 'S72.0', system: SYS.icd10 })[0]?.site).toBe('hip');
  });

  it('a negated high-energy word is no evidence of high energy: "Ikke højenergitraume" leaves the mechanism unknown (a possible low-energy fracture), not dropped', () => {
    expect(fracture({ code: 'DS720', system: SYS.sks, note: 'Ikke højenergitraume. Faldt i hjemmet.' })[0]?.mechanism).toBe('unknown');
    expect(fracture({ code: 'S72.0', system: SYS.icd10, note: 'No high-energy trauma.' })[0]?.mechanism).toBe('unknown');
    // Other high-energy evidence beside it still counts.
    expect(fracture({ code: 'DS720', system: SYS.sks, note: 'Ikke højenergitraume, men faldt fra stige' })[0]?.mechanism).toBe('high-energy');
  });

  it('M84.4 pathological fracture NEC: mechanism unknown, site from body site else other', () => {
    expect(fracture({ code: 'DM844', system: SYS.sks })[0]).toMatchObject({ site: 'other', mechanism: 'unknown' });
    expect(fracture({ code: 'M84.4', system: SYS.icd10, bodySite: 'Os pubis' })[0]).toMatchObject({ site: 'pelvis', mechanism: 'unknown' });
  });
});

describe('fractures: what is never a fragility fracture, and history', () => {
  it('drops atypical femoral fractures and stress fractures, coded or in text', () => {
    expect(fracture({ code: 'M84.751A', system: SYS.icd10cm })).toEqual([]);
    expect(fracture({ code: 'DM843', system: SYS.sks })).toEqual([]);
    expect(fracture({ codings: [coding(SYS.icd10, 'S72.2')], text: 'Atypisk femurfraktur under alendronat' })).toEqual([]);
  });

  it('keeps an atypical femoral fracture as the condition it is (a serious side effect of treatment), coded or in text; a stress fracture is not one', () => {
    const concepts = (c: Parameters<typeof condition>[0]) => factsOf([condition({ id: 'a', onset: '2025-09-01', ...c })]).conditions.map((x) => x.concept);
    expect(concepts({ code: 'M84.751A', system: SYS.icd10cm })).toContain('atypical-femoral-fracture');
    expect(concepts({ codings: [coding(SYS.icd10, 'S72.2')], text: 'Atypisk femurfraktur under alendronat' })).toContain('atypical-femoral-fracture');
    expect(concepts({ code: 'DM843', system: SYS.sks })).not.toContain('atypical-femoral-fracture');
  });

  it('resolved fractures count; refuted and entered-in-error ones do not', () => {
    expect(fracture({ code: 'DS720', system: SYS.sks, clinicalStatus: 'resolved' })).toHaveLength(1);
    expect(fracture({ code: 'DS720', system: SYS.sks, verificationStatus: 'refuted' })).toEqual([]);
    expect(fracture({ code: 'DS720', system: SYS.sks, verificationStatus: 'entered-in-error' })).toEqual([]);
  });

  it('ICD-10-CM Z87.310 (personal history of osteoporosis fracture) is a fracture dated only by an explicit onset, never by its recordedDate', () => {
    const z87 = (o: Partial<Parameters<typeof condition>[0]>) => factsOf([condition({ id: 'z', code: 'Z87.310', system: SYS.icd10cm, ...o })]).fractures;
    // Undated, but no later than the day it was written down (a pause's "recent" asks that).
    expect(z87({ recorded: '2026-06-01' })).toEqual([{ site: 'other', notAfter: '2026-06-01', mechanism: 'low-energy', ref: 'Condition/z', code: { system: SYS.icd10cm, code: 'Z87.310' } }]);
    // A problem list copying the entry date into onset dates the entry, not the fracture.
    expect(z87({ recorded: '2026-06-01', onset: '2026-06-01' })[0]?.date).toBeUndefined();
    expect(z87({ recorded: '2026-06-01', onset: '2019-03-01' })[0]?.date).toBe('2019-03-01');
    expect(z87({ onset: '2019-03-01' })[0]?.date).toBe('2019-03-01');
    // The same dates on a fracture code date it as before.
    expect(factsOf([condition({ id: 's', code: 'S52.501A', system: SYS.icd10cm, recorded: '2026-06-01' })]).fractures[0]?.date).toBe('2026-06-01');
  });

  it('dates from onset, else recorded; undated fractures are kept (last)', () => {
    const f = factsOf([
      condition({ id: 'rec', code: 'DS720', system: SYS.sks, recorded: '2024-01-05' }),
      condition({ id: 'none', code: 'DS525', system: SYS.sks }),
      condition({ id: 'new', code: 'DS320', system: SYS.sks, onset: '2025-06-01T23:30:00Z' }),
    ]).fractures;
    expect(f.map((x) => [x.ref, x.date])).toEqual([
      ['Condition/new', '2025-06-02'],
      ['Condition/rec', '2024-01-05'],
      ['Condition/none', undefined],
    ]);
  });

  it('the same fracture recorded twice (same site, date and code) is one; two vertebrae on one day are two', () => {
    const f = factsOf([
      condition({ id: 'a', code: 'DS220', system: SYS.sks, onset: '2025-01-01' }),
      condition({ id: 'b', code: 'DS220', system: SYS.sks, onset: '2025-01-01', text: 'Osteoporotisk kompressionsfraktur' }),
      condition({ id: 'c', code: 'DS320', system: SYS.sks, onset: '2025-01-01' }),
    ]).fractures;
    expect(f.map((x) => [x.ref, x.mechanism])).toEqual([
      ['Condition/b', 'low-energy'],
      ['Condition/c', 'unknown'],
    ]);
  });

  it('an osteoporotic fracture code is also an osteoporosis diagnosis', () => {
    const f = factsOf([condition({ code: 'M80.08XA', system: SYS.icd10cm })]);
    expect(f.conditions.map((c) => c.concept)).toEqual(['osteoporosis']);
    expect(f.fractures).toHaveLength(1);
  });
});

describe('fractures: an unbound code read from its text (terminology.md line 14)', () => {
  const snomed = (code: string, display: string, extra: Partial<Parameters<typeof condition>[0]> = {}) =>
    fracture({ codings: [coding(SYS.snomed, code, display)], ...extra });

  it('an unbound SNOMED descendant whose display names a fracture at a known site is a fracture of that site, coded by its own coding', () => {
    expect(snomed('263225007', 'Fracture of proximal end of femur (disorder)')).toEqual([
      { site: 'hip', date: '2025-09-01', mechanism: 'unknown', ref: 'Condition/f', code: { system: SYS.snomed, code: '263225007', display: 'Fracture of proximal end of femur (disorder)' } },
    ]);
    expect(snomed('361131003', 'Fracture of pelvis (disorder)')[0]?.site).toBe('pelvis');
    expect(snomed('207957008', 'Fracture of lumbar vertebra (disorder)')[0]?.site).toBe('spine');
    expect(snomed('28576007', 'Closed fracture of distal end of radius (disorder)')[0]?.site).toBe('forearm');
  });

  it.each([
    ['42188001', 'Fracture of intertrochanteric section of femur (disorder)'],
    ['82323002', 'Closed intertrochanteric fracture of femur (disorder)'],
    ['263221009', 'Closed fracture of trochanteric section of femur'],
    ['0000001', 'Fracture of greater trochanter of femur'],
    ['0000002', 'Avulsion fracture of lesser trochanter'],
    ['0000003', 'Pertrochanteric fracture of femur'],
    ['0000004', 'Transcervical fracture of femur'],
    ['0000005', 'Closed fracture of midcervical section of femur'],
    ['0000006', 'Subcapital fracture of femur'],
    ['0000007', 'Intracapsular fracture of femur'],
    ['0000008', 'Intertrokantær femurfraktur'],
    ['0000009', 'Trokantær fraktur, venstre'],
    ['0000010', 'Subkapital femurfraktur'],
    ['0000011', 'Fraktur af trochanter major'],
  ])('a hip fracture (S72.0/S72.1/S72.2) named by its level: %s "%s" → hip', (code, display) => {
    expect(snomed(code, display)[0]?.site).toBe('hip');
  });

  it.each([
    ['a subcapital metacarpal fracture', 'Subcapital fracture of fifth metacarpal', 'other'],
    ['a midcervical spine fracture', 'Fracture of midcervical vertebra', 'spine'],
    ['a subcapital humerus fracture', 'Subcapital fracture of humerus', 'upper-arm'],
  ])('a level word without the femur is not the hip: %s', (_name, display, site) => {
    expect(snomed('0000012', display)[0]?.site).toBe(site);
  });

  it('Danish text alone: "Hoftebrud", "Håndledsbrud", "brud på lårbenshalsen", "brækket hofte"', () => {
    expect(fracture({ text: 'Hoftebrud' })[0]).toMatchObject({ site: 'hip', code: { system: 'urn:osteo-cds:text', code: 'text', display: 'Hoftebrud' } });
    expect(fracture({ text: 'Håndledsbrud, venstre' })[0]?.site).toBe('forearm');
    expect(fracture({ text: 'Brud på lårbenshalsen' })[0]?.site).toBe('hip');
    expect(fracture({ text: 'Brækket hofte' })[0]?.site).toBe('hip');
  });

  it('the site may come from bodySite when the text names none', () => {
    expect(snomed('125605004', 'Fracture of bone (disorder)', { bodySite: 'Structure of neck of femur' })[0]?.site).toBe('hip');
  });

  it.each([
    ['Collum femoris fraktur efter trafikuheld', 'high-energy'],
    ['Collum femoris fraktur, motorcykeluheld', 'high-energy'],
    ['Collum femoris fraktur, påkørt af bil som fodgænger', 'high-energy'],
    ['Collum femoris fraktur efter fald fra 2. sal', 'high-energy'],
    ['Hoftebrud, faldt ned fra altan', 'high-energy'],
    ['Hoftebrud efter fald fra mere end egen højde', 'high-energy'],
    ['Hip fracture, MVA', 'high-energy'],
    ['Hip fracture, pedestrian struck by car', 'high-energy'],
    ['Hip fracture after fall from greater than standing height', 'high-energy'],
    ['Collum femoris fraktur, fald i eget niveau', 'low-energy'],
    ['Collum femoris fraktur, faldt fra egen højde', 'low-energy'],
    ['Hoftebrud, fald fra mere end sin egen højde', 'high-energy'],
    ['Hoftebrud efter fald fra stige. Genoptrænet til eget niveau', 'high-energy'],
    ['Hoftebrud efter trafikuheld, mobiliseret til eget niveau', 'high-energy'],
    ['Hip fracture, fall from 3 m above ground level', 'high-energy'],
    // Under a negation, high-energy words are no evidence (the fracture would be dropped): unknown.
    ['Hoftebrud i hjemmet, ikke trafikuheld', 'unknown'],
    ['Hip fracture, no MVA', 'unknown'],
    ['Hoftebrud, faldet var ikke fra mere end egen højde', 'unknown'],
    ['Hip fracture, did not fall from greater than standing height', 'unknown'],
    ['Hoftebrud, intet højenergitraume', 'unknown'],
    ['Hip fracture, not a ground-level fall', 'unknown'],
    ['Hoftebrud, påkørt af cyklist', 'unknown'],
    ['Hoftebrud, snublede over motorcykel', 'unknown'],
    ['Hip fracture, ground-level fall', 'low-energy'],
    ['Hip fracture after fall from standing', 'low-energy'],
    ['Hoftebrud, faldt ned fra egen højde', 'low-energy'],
    ['Hoftebrud, faldt om i eget niveau', 'low-energy'],
    ['Suprakondylær femurfraktur, faldt fra stående stilling', 'low-energy'],
    ['Hoftebrud, faldt fra stående stilling på isen', 'low-energy'],
    ['Hoftebrud, faldt fra stående stilling oppe på køkkenstolen', 'unknown'],
    ['Hoftebrud, faldt fra stående stilling på en stige', 'unknown'],
    ['Hoftebrud, faldt fra stående stilling ned ad trappen', 'unknown'],
    ['Hoftebrud, faldt fra stående stilling fra en stige', 'unknown'],
    ['Hoftebrud, faldt fra stående stilling på 2. trin af stigen', 'unknown'],
    // Words of both kinds: the record does not settle it, the card asks.
    ['Hoftebrud, påkørt af bil, faldt fra stående stilling', 'unknown'],
    ['Hip fracture, ground-level fall after being struck by a car', 'unknown'],
    // Ordinary words after the level fall are no raised object; a denied low-energy word about other fractures changes nothing.
    ['Hoftebrud, faldt fra stående stilling (egen højde)', 'low-energy'],
    ['Hoftebrud, faldt fra stående stilling. Højde 162 cm', 'low-energy'],
    ['Hoftebrud, faldt fra stående stilling, stigende smerter', 'low-energy'],
    ['Hoftebrud, faldt fra stående stilling ved kassen', 'low-energy'],
    ['Hoftebrud, faldt fra stående stilling, træt', 'low-energy'],
    ['Hoftebrud, fald i eget niveau. Ingen tidligere lavenergibrud.', 'low-energy'],
    ['Hip fracture, ground-level fall. No previous fragility fractures.', 'low-energy'],
    ['Hip fracture, fell from standing on a chair', 'unknown'],
    ['Hip fracture, fell from a standing position on a ladder', 'unknown'],
    ['Hip fracture, fell from standing on ice', 'low-energy'],
    ['Hip fracture, fell from standing on a kitchen chair', 'unknown'],
    ['Hip fracture, fell from standing on the top step of a ladder', 'unknown'],
    ['Hip fracture, fell from standing up on her bed', 'unknown'],
    ['Hip fracture, fell from standing at the sink', 'low-energy'],
    // An accident that does not say its force, and a crushed vertebra (lay Danish for a collapse): not known.
    ['Collum femoris fraktur, arbejdsulykke', 'unknown'],
    ['Hoftebrud efter cykeluheld', 'unknown'],
    ['Fraktur af lændehvirvel L2, knust hvirvel', 'unknown'],
  ])('mechanism from the text "%s": %s (rules.md section 1, "from standing height or less")', (text, mechanism) => {
    expect(fracture({ text })[0]?.mechanism).toBe(mechanism);
  });

  it('a text naming osteoporosis is low-energy; other mechanism words are read as for coded fractures', () => {
    expect(snomed('1234567', 'Pathological fracture of hip due to osteoporosis')[0]?.mechanism).toBe('low-energy');
    expect(fracture({ text: 'Hoftebrud efter trafikulykke' })[0]?.mechanism).toBe('high-energy');
  });

  it.each([
    ['an unknown site', 'Fracture of femur (disorder)'],
    ['no fracture word', 'Pain in hip'],
    ['"brud" inside another word', 'Behandling afbrudt, hofte'],
    ['negated (English)', 'No fracture of hip'],
    ['negated (Danish)', 'Ingen hoftefraktur'],
    ['"without"', 'Fall without fracture of wrist'],
    ['history', 'History of hip fracture'],
    ['personal history', 'Personal history of fracture of neck of femur'],
    ['risk', 'At risk of hip fracture'],
    ['fear', 'Fear of hip fracture'],
    ['screening', 'Screening for vertebral fracture'],
    ['a stress fracture', 'Stress fracture of pelvis'],
    ['atypical', 'Atypical fracture of shaft of femur, subtrochanteric'],
    ['pathological without osteoporosis', 'Pathological fracture of hip due to neoplastic disease'],
    ['a tooth', 'Fracture of tooth'],
    ['a sequela', 'Sequela of fracture of neck of femur'],
  ])('no fracture from text: %s', (_name, display) => {
    expect(snomed('999999999', display)).toEqual([]);
  });

  it('the bound SNOMED codes from the VSAC Lower Body Fracture set: 359820003 hip, 33118001 pelvis', () => {
    expect(fracture({ code: '359820003' })[0]).toMatchObject({ site: 'hip', code: { system: SYS.snomed, code: '359820003' } });
    expect(fracture({ code: '33118001' })[0]).toMatchObject({ site: 'pelvis', code: { system: SYS.snomed, code: '33118001' } });
  });
});

describe('fractures read from text: unsure, history and code-like wording is no fracture (review of the text reading)', () => {
  const snomed = (code: string, display: string) => fracture({ codings: [coding(SYS.snomed, code, display)] });

  it.each([
    'Hoftebrud udelukket',
    'Mistanke om hoftebrud',
    'Contusion of hip, fracture excluded',
    'Hoftebrud ikke påvist',
    'Suspected fracture of neck of femur',
    'High hip fracture risk (FRAX)',
    'Status efter hoftebrud 2015',
    'S/p hip fracture',
  ])('"%s" → no fracture', (display) => {
    expect(snomed('999999999', display)).toEqual([]);
  });

  it('"AO 23-C2" is a fracture classification, not the second cervical vertebra: a distal radius fracture stays a forearm fracture', () => {
    expect(snomed('999999999', 'Distal radiusfraktur, AO 23-C2')[0]?.site).toBe('forearm');
  });
});

describe('fractures: an osteoporosis diagnosis naming no site is the diagnosis of a fracture on record, not another one [choice]', () => {
  const hip = condition({ id: 'hip', code: 'DS720', system: SYS.sks, onset: '2019-03-12' });
  const refs = (resources: Parameters<typeof factsOf>[0]) => factsOf(resources).fractures.map((f) => `${f.ref} ${f.site}`);

  it('an unsited DM800 / M80.0 recorded after a hip fracture adds no fracture; before it, or alone, it counts', () => {
    expect(refs([hip, condition({ id: 'dx', code: 'DM800', system: SYS.sks, recorded: '2019-04-20' })])).toEqual(['Condition/hip hip']);
    expect(refs([hip, condition({ id: 'dx', code: 'M80.0', system: SYS.icd10 })])).toEqual(['Condition/hip hip']);
    expect(refs([hip, condition({ id: 'dx', code: 'DM800', system: SYS.sks, onset: '2018-01-10' })])).toEqual(['Condition/hip hip', 'Condition/dx other']);
    expect(refs([condition({ id: 'dx', code: 'DM800', system: SYS.sks, onset: '2019-04-20' })])).toEqual(['Condition/dx other']);
    // Not the diagnosis of a high-energy fracture, nor of one more than 5 years before it; 15 months is.
    expect(refs([hip, condition({ id: 'dx', code: 'DM800', system: SYS.sks, onset: '2020-06-12' })])).toEqual(['Condition/hip hip']);
    const crash = condition({ id: 'ankle', code: 'DS825', system: SYS.sks, onset: '2019-03-12', text: 'Ankelbrud, trafikulykke' });
    expect(refs([crash, condition({ id: 'dx', code: 'DM800', system: SYS.sks, onset: '2019-04-20' })])).toEqual(['Condition/dx other', 'Condition/ankle other']);
    expect(refs([hip, condition({ id: 'dx', code: 'DM800', system: SYS.sks, onset: '2024-04-20' })])).toEqual(['Condition/dx other', 'Condition/hip hip']);
    // A site character names a fracture of its own (DM8008: spine).
    expect(refs([hip, condition({ id: 'dx', code: 'DM8008', system: SYS.sks, onset: '2019-04-20' })])).toEqual(['Condition/dx spine', 'Condition/hip hip']);
  });

  it('an unsited DM800 with no onset (dated by the day it was entered: the service\'s own suggestion, accepted) is the diagnosis of a fracture however long before', () => {
    expect(refs([hip, condition({ id: 'dx', code: 'DM800', system: SYS.sks, recorded: '2026-11-26' })])).toEqual(['Condition/hip hip']);
    expect(refs([hip, condition({ id: 'dx', code: 'M80.0', system: SYS.icd10, recorded: '2026-11-26' })])).toEqual(['Condition/hip hip']);
    // Entered before the fracture, it is no diagnosis of it.
    expect(refs([hip, condition({ id: 'dx', code: 'DM800', system: SYS.sks, recorded: '2018-01-10' })])).toEqual(['Condition/hip hip', 'Condition/dx other']);
  });

  it('a DM800 whose text names a site is the diagnosis of an earlier fracture of that site only', () => {
    const hipText = (onset: string) => condition({ id: 'dx', code: 'DM800', system: SYS.sks, onset, text: 'Osteoporotisk hoftebrud' });
    expect(refs([hip, hipText('2019-10-01')])).toEqual(['Condition/hip hip']);
    const wrist = condition({ id: 'wrist', code: 'DS525', system: SYS.sks, onset: '2019-03-12' });
    expect(refs([wrist, hipText('2019-10-01')])).toEqual(['Condition/dx hip', 'Condition/wrist forearm']);
    expect(refs([hipText('2019-10-01')])).toEqual(['Condition/dx hip']);
    // A vertebra named on both: another vertebra's fracture is not the one it diagnoses.
    const th12 = condition({ id: 'th12', code: 'DS220', system: SYS.sks, onset: '2025-10-10', text: 'Kompressionsfraktur Th12' });
    const l1 = condition({ id: 'dx', code: 'DM800', system: SYS.sks, onset: '2026-03-01', text: 'Osteoporotisk kompressionsfraktur L1' });
    expect(refs([th12, l1]).sort()).toEqual(['Condition/dx spine', 'Condition/th12 spine']);
  });

  it('the service\'s own diagnosis (SNOMED + ICD-10 + SKS, its evidence naming the fracture) adds no fracture; a US "pathological fracture due to osteoporosis" event does', () => {
    const ours = {
      ...condition({ id: 'dx', code: '203453001', system: SYS.snomed, codings: [{ system: SYS.icd10, code: 'M80.0' }, { system: SYS.sks, code: 'DM800' }], recorded: '2019-04-20' }),
      evidence: [{ detail: [{ reference: 'Condition/hip' }] }],
    };
    expect(refs([hip, ours])).toEqual(['Condition/hip hip']);
    // Synthea records a new fracture with this code and no link: it is one.
    expect(refs([hip, condition({ id: 'event', code: '443165006', system: SYS.snomed, onset: '2025-10-20' })])).toEqual(['Condition/event other', 'Condition/hip hip']);
  });

  it('Synthea\'s pair — the site\'s fracture and 443165006 / ICD-10-CM M80.00XA the same day — is one fracture, low energy (terminology.md section 5)', () => {
    const facts = (resources: Parameters<typeof factsOf>[0]) => factsOf(resources).fractures.map((f) => `${f.ref} ${f.site} ${f.mechanism}`);
    const forearm = condition({ id: 'forearm', code: '65966004', system: SYS.snomed, onset: '2025-09-01' });
    const patho = condition({ id: 'patho', code: '443165006', system: SYS.snomed, onset: '2025-09-01' });
    expect(facts([forearm, patho])).toEqual(['Condition/forearm forearm low-energy']);
    const s72 = condition({ id: 's72', code: 'S72.001A', system: SYS.icd10cm, onset: '2025-09-01' });
    expect(facts([s72, condition({ id: 'm80', code: 'M80.00XA', system: SYS.icd10cm, onset: '2025-09-01' })])).toEqual(['Condition/s72 hip low-energy']);
    // Another day, it is a fracture of its own; ICD-10-CM M80.08XA names its site (vertebra).
    expect(facts([forearm, condition({ id: 'patho', code: '443165006', system: SYS.snomed, onset: '2025-09-02' })])).toEqual(['Condition/patho other low-energy', 'Condition/forearm forearm unknown']);
    expect(facts([s72, condition({ id: 'm80', code: 'M80.08XA', system: SYS.icd10cm, onset: '2025-09-01' })]).sort()).toEqual(['Condition/m80 spine low-energy', 'Condition/s72 hip unknown']);
    // Two fractures that day (one fall): both low energy, as the code says of that day.
    const rib = condition({ id: 'rib', code: '33737001', system: SYS.snomed, onset: '2025-09-01' });
    expect(facts([forearm, rib, patho]).sort()).toEqual(['Condition/forearm forearm low-energy', 'Condition/rib other low-energy']);
    // Not the diagnosis of a high-energy fracture that day.
    const crash = condition({ id: 'crash', code: '65966004', system: SYS.snomed, onset: '2025-09-01', text: 'Fracture of forearm, motor vehicle accident' });
    expect(facts([crash, patho]).sort()).toEqual(['Condition/crash forearm high-energy', 'Condition/patho other low-energy']);
  });
});

describe('fractures: the diagnosis the service suggested before it named its fractures', () => {
  it('SNOMED 203453001 + M80.0 + DM800 without evidence, recorded after a hip fracture, adds no fracture', () => {
    const hip = condition({ id: 'hip', code: 'DS720', system: SYS.sks, onset: '2019-03-12' });
    const old = condition({ id: 'dx', code: '203453001', system: SYS.snomed, codings: [{ system: SYS.icd10, code: 'M80.0' }, { system: SYS.sks, code: 'DM800' }], recorded: '2019-04-20' });
    expect(factsOf([hip, old]).fractures.map((f) => f.ref)).toEqual(['Condition/hip']);
  });
});
