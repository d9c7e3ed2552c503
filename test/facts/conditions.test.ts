import { describe, expect, it } from 'vitest';
import { coding, condition, factsOf, familyHistory, SYS } from '../helpers/facts-builders.js';

const conceptsOf = (...c: Parameters<typeof condition>[0][]) =>
  factsOf(c.map((x) => condition(x))).conditions.map((x) => x.concept).sort();

describe('conditions: Danish and international codes for the same concept', () => {
  it.each([
    ['rheumatoid-arthritis', SYS.sks, 'DM059'],
    ['rheumatoid-arthritis', SYS.icd10cm, 'M06.9'],
    ['rheumatoid-arthritis', SYS.snomed, '69896004'],
    ['hyperthyroidism', SYS.sks, 'DE050'],
    ['primary-hyperparathyroidism', SYS.icd10, 'E21.0'],
    ['inflammatory-bowel-disease', SYS.sks, 'DK509'],
    ['coeliac-disease', SYS.icd10cm, 'K90.0'],
    ['malabsorption', SYS.sks, 'DK909'],
    ['malabsorption', SYS.icd10, 'K90.4'],
    ['malabsorption', SYS.icd10cm, 'K91.2'],
    ['copd', SYS.sks, 'DJ449'],
    ['type-1-diabetes', SYS.snomed, '46635009'],
    ['hypogonadism', SYS.sks, 'DE291'],
    ['anorexia-nervosa', SYS.icd10, 'F50.0'],
    ['cushing', SYS.sks, 'DE249'],
    ['myeloma', SYS.icd10cm, 'C90.00'],
    ['chronic-kidney-disease', SYS.sks, 'DN184'],
    ['peptic-ulcer', SYS.sks, 'DK259'],
    ['oesophageal-disorder', SYS.sks, 'DK222'],
    ['dysphagia', SYS.icd10, 'R13'],
    ['dysphagia', SYS.icd10cm, 'R13.10'],
    ['non-adherence', SYS.sks, 'DZ911'],
    ['non-adherence', SYS.icd10cm, 'Z91.120'],
    ['osteopenia', SYS.snomed, '312894000'],
    ['vitamin-d-deficiency', SYS.sks, 'DE559'],
    ['falls', SYS.sks, 'DR296'],
    ['immobility', SYS.icd10, 'Z99.3'],
    ['alcohol-overuse', SYS.sks, 'DF102'],
    ['myocardial-infarction', SYS.sks, 'DI252'],
    ['stroke', SYS.icd10, 'I63.9'],
    ['osteonecrosis-of-jaw', SYS.icd10cm, 'M87.180'],
    ['hypocalcaemia', SYS.icd10cm, 'E83.51'],
    ['family-history-osteoporosis', SYS.icd10cm, 'Z82.62'],
  ])('%s from %s %s', (concept, system, code) => {
    expect(conceptsOf({ code, system })).toEqual([concept]);
  });

  it('osteoporosis from WHO M81.0, SKS DM810, ICD-10-CM M81.0, SNOMED 64859006 and (weak) ICPC-2 L95', () => {
    const f = factsOf([
      condition({ id: 'who', code: 'M81.0', system: SYS.icd10 }),
      condition({ id: 'sks', code: 'DM810', system: SYS.sks }),
      condition({ id: 'cm', code: 'M81.0', system: SYS.icd10cm }),
      condition({ id: 'sct', code: '64859006', system: SYS.snomed }),
      condition({ id: 'icpc', code: 'L95', system: SYS.icpc2 }),
    ]);
    expect(f.conditions.map((c) => [c.ref, c.concept, c.weak])).toEqual([
      ['Condition/who', 'osteoporosis', false],
      ['Condition/sks', 'osteoporosis', false],
      ['Condition/cm', 'osteoporosis', false],
      ['Condition/sct', 'osteoporosis', false],
      ['Condition/icpc', 'osteoporosis', true],
    ]);
  });

  it('an ICPC-2 code next to a specific code is not weak', () => {
    const f = factsOf([condition({ codings: [coding(SYS.icpc2, 'L95'), coding(SYS.sks, 'DM819')] })]);
    expect(f.conditions).toEqual([expect.objectContaining({ concept: 'osteoporosis', weak: false, code: { system: SYS.sks, code: 'DM819' } })]);
  });

  it('a catch-all ICPC-2 code (T99, U99, D99, A29 "… IKA") is non-specific; a specific code or an affirming text beside it is not', () => {
    const f = factsOf([
      condition({ id: 't99', code: 'T99', system: SYS.icpc2 }),
      condition({ id: 'u99', code: 'U99', system: SYS.icpc2 }),
      condition({ id: 'a29', code: 'A29', system: SYS.icpc2 }),
      condition({ id: 'l88', code: 'L88', system: SYS.icpc2 }),
      condition({ id: 'both', codings: [coding(SYS.icpc2, 'T99'), coding(SYS.sks, 'DE210')] }),
      condition({ id: 'text', code: 'U99', system: SYS.icpc2, text: 'Kronisk nyresygdom' }),
    ]);
    const read = (ref: string) => f.conditions.filter((c) => c.ref === ref).map((c) => [c.concept, c.nonSpecific === true]);
    expect(read('Condition/t99')).toEqual([
      ['hypocalcaemia', true],
      ['primary-hyperparathyroidism', true],
    ]);
    expect(read('Condition/u99')).toEqual([['chronic-kidney-disease', true]]);
    expect(read('Condition/a29')).toEqual([['falls', true]]);
    expect(read('Condition/l88')).toEqual([['rheumatoid-arthritis', false]]);
    expect(read('Condition/both')).toContainEqual(['primary-hyperparathyroidism', false]);
    expect(read('Condition/text')).toEqual([['chronic-kidney-disease', false]]);
    // The GP's own words name the disease (names in bindings.json): it is that disease.
    const named = factsOf([
      condition({ id: 'phpt', code: 'T99', system: SYS.icpc2, text: 'Primær hyperparathyreoidisme' }),
      condition({ id: 'coel', code: 'D99', system: SYS.icpc2, text: 'Cøliaki' }),
      condition({ id: 'fall', code: 'A29', system: SYS.icpc2, text: 'Faldtendens' }),
    ]);
    const specific = (ref: string, concept: string) => named.conditions.some((c) => c.ref === ref && c.concept === concept && c.nonSpecific !== true);
    expect([specific('Condition/phpt', 'primary-hyperparathyroidism'), specific('Condition/coel', 'coeliac-disease'), specific('Condition/fall', 'falls')]).toEqual([true, true, true]);
    // Those names alone (no catch-all code under them) are no disease: a relative's, a negative test.
    const alone = factsOf([condition({ id: 'mor', text: 'Mor med cøliaki' }), condition({ id: 'scr', text: 'Cøliakiscreening negativ' }), condition({ id: 'fx', text: 'Mor med faldtendens' })]);
    expect(alone.conditions.filter((c) => ['coeliac-disease', 'falls', 'primary-hyperparathyroidism'].includes(c.concept))).toEqual([]);
  });

  it('ICPC-2 D84 "sygdom i spiserør" (broad, terminology.md l. 554) is oesophageal disease (weak, l. 42) unless its text names one that delays no emptying (l. 45) [choice, the safer reading]', () => {
    const d84 = (id: string, text?: string) => condition({ id, code: 'D84', system: SYS.icpc2, ...(text === undefined ? {} : { text }) });
    const f = factsOf([
      d84('bare'),
      d84('reflux', 'Refluks-øsofagitis'),
      d84('negated', 'Refluksøsofagitis uden striktur'),
      d84('achalasi', 'Achalasi'),
      d84('striktur', 'Peptisk striktur'),
      d84('stenose', 'Benign stenose, dilateret 2025'),
      d84('sks', 'Cardia-akalasi'),
      d84('both', 'Peptisk striktur efter refluks'),
      d84('gerd', 'GERD'),
      d84('varices', 'Øsofagusvaricer'),
      d84('eoe', 'Eosinofil øsofagitis'),
      d84('ring', 'Schatzki ring, dysphagia'),
      d84('cancer', 'Oesophageal cancer with swallowing problems'),
      d84('reflux-dysphagia', 'Refluks og dysfagi'),
      d84('barrett', 'Barrett-øsofagus'),
    ]);
    const read = (id: string) => f.conditions.filter((c) => c.ref === `Condition/${id}`).map((c) => [c.concept, c.nonSpecific === true]);
    // No text: the broad code stands (a stricture cannot be ruled out before a tablet that harms one).
    expect(read('bare')).toEqual([['oesophageal-disorder', false]]);
    expect(f.conditions.find((c) => c.ref === 'Condition/bare')?.weak).toBe(true);
    // Reflux and oesophagitis delay no emptying; "uden striktur" names none.
    for (const id of ['reflux', 'negated', 'gerd']) expect(read(id), id).toEqual([]);
    for (const id of ['achalasi', 'striktur', 'stenose', 'sks', 'both', 'varices', 'eoe', 'cancer']) expect(read(id), id).toEqual([['oesophageal-disorder', false]]);
    // Dysphagia beside it: both — also beside reflux, which may have strictured.
    expect(read('ring')).toEqual([['oesophageal-disorder', false], ['dysphagia', false]]);
    expect(read('reflux-dysphagia')).toEqual([['oesophageal-disorder', false], ['dysphagia', false]]);
    // Barrett's oesophagus: the tablet's label asks for caution — counted [choice, the safer reading].
    expect(read('barrett')).toEqual([['oesophageal-disorder', false]]);
    // The same words with no D84 under them name no oesophagus: a urethral stricture, a spinal stenosis.
    expect(conceptsOf({ text: 'Urethrastriktur' }, { text: 'Spinalstenose' }, { text: 'Aortastenose' }, { text: 'Stricture of urethra' })).toEqual([]);
    // A text that names the oesophagus is read without the code, Danish and English.
    expect(conceptsOf({ text: 'Striktur i spiserøret' })).toEqual(['oesophageal-disorder']);
    expect(conceptsOf({ text: 'Achalasi' })).toEqual(['oesophageal-disorder']);
    expect(conceptsOf({ text: 'Esophageal stenosis' })).toEqual(['oesophageal-disorder']);
    // Reflux coded SKS DK21.9 / ICD-10-CM K21.9 was never the concept.
    expect(conceptsOf({ code: 'DK219', system: SYS.sks }, { code: 'K21.9', system: SYS.icd10cm })).toEqual([]);
  });

  it('"osteonecrosis due to drugs" (M87.1, SKS DM871: site-unspecific, terminology.md) is the jaw unless its text names another site; a text alone is no diagnosis of it', () => {
    const concepts = (o: { code?: string; system?: string; text?: string }) => factsOf([condition({ id: 'c', ...o })]).conditions.map((c) => c.concept);
    expect(concepts({ code: 'DM871', system: SYS.sks })).toEqual(['osteonecrosis-of-jaw']);
    expect(concepts({ code: 'DM871', system: SYS.sks, text: 'Kæbenekrose efter alendronat, tidl. hoftebrud' })).toEqual(['osteonecrosis-of-jaw']);
    expect(concepts({ code: 'DM871', system: SYS.sks, text: 'Steroidinduceret caput femoris-nekrose venstre hofte' })).toEqual([]);
    expect(concepts({ code: 'M87.15', system: SYS.icd10, text: 'Drug-induced avascular necrosis femoral head' })).toEqual([]);
    // The jaw named beside another site stays the jaw.
    for (const text of ['Kæbenekrose – femurfraktur 2019', 'ONJ, knæartrose', 'Osteonecrosis of the mandible; hip replacement 2015']) {
      expect(concepts({ code: 'DM871', system: SYS.sks, text }), text).toEqual(['osteonecrosis-of-jaw']);
    }
    for (const text of ['Osteonecrosis due to drugs, right hip', 'Knoglenekrose caput humeri', 'Nekrose distale femur', 'Os lunatum nekrose', 'Drug-induced osteonecrosis, knee']) {
      expect(concepts({ code: 'DM871', system: SYS.sks, text }), text).toEqual([]);
    }
    // Texts that speak of the risk, the dentist or the information given name no osteonecrosis (no text alone does).
    for (const text of ['Information om kæbenekrose givet', 'Tandlægeundersøgelse inden bisfosfonat (kæbenekrose)', 'ONJ precautions discussed with patient']) {
      expect(concepts({ text }), text).toEqual([]);
    }
  });

  it('a Condition can match several concepts (immobility R26.3 is also cannot-stay-upright)', () => {
    expect(conceptsOf({ code: 'DR263', system: SYS.sks })).toEqual(['cannot-stay-upright', 'immobility']);
  });

  it('cannot stay upright from SNOMED 160685001 or the text "sengeliggende" / "bedridden"', () => {
    expect(conceptsOf({ code: '160685001' })).toEqual(['cannot-stay-upright']);
    // The text also names the stroke it followed (a romosozumab contraindication).
    expect(conceptsOf({ text: 'Sengeliggende efter apopleksi' })).toEqual(['cannot-stay-upright', 'stroke']);
    expect(conceptsOf({ text: 'Patient is bedridden' })).toEqual(['cannot-stay-upright']);
    expect(conceptsOf({ text: 'Hypertension' })).toEqual([]);
  });

  it('dysphagia from its text too ("Synkebesvær", "dysphagia"), also under ICPC-2 D84 — it points to the effervescent tablet (rules.md §2)', () => {
    expect(conceptsOf({ text: 'Synkebesvær' })).toEqual(['dysphagia']);
    expect(conceptsOf({ text: 'Dysphagia' })).toEqual(['dysphagia']);
    // Under D84 it is dysphagia under an oesophageal disease code: the typical stricture, which cannot be ruled out [choice].
    expect(conceptsOf({ code: 'D84', system: SYS.icpc2, text: 'Synkebesvær' })).toEqual(['dysphagia', 'oesophageal-disorder']);
    expect(conceptsOf({ text: 'Ingen synkebesvær' })).toEqual([]);
  });

  it('a recorded menopause from a text only where it says one is there ("Postmenopausal state"), not "Planned surgical menopause 2027" or "Menopause absent"', () => {
    expect(conceptsOf({ text: 'Postmenopausal state' })).toEqual(['menopause']);
    for (const text of ['Planned surgical menopause (BSO) 2027', 'Menopause absent', 'Menopause ikke indtrådt', 'Pre-menopause', 'Menopause: nej']) expect(conceptsOf({ text }), text).toEqual([]);
  });

  it('dysphagia is not an oesophageal disorder, achalasia is', () => {
    expect(conceptsOf({ code: '40739000' })).toEqual(['dysphagia']);
    expect(conceptsOf({ code: 'K22.0', system: SYS.icd10 })).toEqual(['oesophageal-disorder']);
  });
});

describe('conditions: status and dates', () => {
  it('active for active/recurrence/relapse or no status; inactive/resolved/remission are not', () => {
    const f = factsOf([
      condition({ id: 'a', code: 'DK259', system: SYS.sks, clinicalStatus: 'active' }),
      condition({ id: 'r', code: 'DK259', system: SYS.sks, clinicalStatus: 'recurrence' }),
      condition({ id: 'n', code: 'DK259', system: SYS.sks }),
      condition({ id: 'i', code: 'DK259', system: SYS.sks, clinicalStatus: 'inactive' }),
      condition({ id: 'res', code: 'DK259', system: SYS.sks, clinicalStatus: 'resolved' }),
      condition({ id: 'ab', code: 'DK259', system: SYS.sks, abatement: '2025-01-01' }),
    ]);
    const active = Object.fromEntries(f.conditions.map((c) => [c.ref.split('/')[1], c.active]));
    expect(active).toEqual({ a: true, r: true, n: true, i: false, res: false, ab: false });
  });

  it('drops refuted and entered-in-error Conditions', () => {
    const f = factsOf([
      condition({ code: 'DK259', system: SYS.sks, verificationStatus: 'refuted' }),
      condition({ code: 'DK259', system: SYS.sks, verificationStatus: 'entered-in-error' }),
      condition({ id: 'ok', code: 'DK259', system: SYS.sks, verificationStatus: 'confirmed' }),
    ]);
    expect(f.conditions.map((c) => c.ref)).toEqual(['Condition/ok']);
  });

  it('keeps onset, abatement and recorded dates; sorted newest first', () => {
    const f = factsOf([
      condition({ id: 'old', code: 'DK259', system: SYS.sks, onset: '2019-03-01', abatement: '2019-06-01', recorded: '2019-03-02', clinicalStatus: 'resolved' }),
      condition({ id: 'new', code: 'DK259', system: SYS.sks, onset: '2025-11-01T10:00:00+01:00' }),
    ]);
    expect(f.conditions.map((c) => [c.ref, c.onset, c.abatement, c.recorded])).toEqual([
      ['Condition/new', '2025-11-01', undefined, undefined],
      ['Condition/old', '2019-03-01', '2019-06-01', '2019-03-02'],
    ]);
  });
});

describe('family history', () => {
  it('a first-degree relative with osteoporosis or a hip fracture counts', () => {
    const f = factsOf([
      familyHistory({ id: 'mother', relationship: 'MTH', conditions: [{ codings: [coding(SYS.snomed, '64859006')] }], date: '2024-02-01' }),
      familyHistory({ id: 'sister', relationshipText: 'Søster', conditions: [{ text: 'Hoftebrud som 70-årig' }] }),
      familyHistory({ id: 'father', relationship: 'FTH', conditions: [{ codings: [coding(SYS.icd10, 'S72.0')] }] }),
    ]);
    expect(f.familyHistory.map((h) => h.ref)).toEqual(['FamilyMemberHistory/mother', 'FamilyMemberHistory/sister', 'FamilyMemberHistory/father']);
    expect(f.familyHistory[0]?.date).toBe('2024-02-01');
  });

  it('"knogleskørhed", the everyday Danish word for osteoporosis, counts as the word osteoporosis does', () => {
    const f = factsOf([
      familyHistory({ id: 'mother', relationship: 'MTH', conditions: [{ text: 'Knogleskørhed' }] }),
      familyHistory({ id: 'father', relationship: 'FTH', conditions: [{ text: 'knogleskør, brækkede hoften' }] }),
      condition({ id: 'text', text: 'Knogleskørhed hos mor', recorded: '2022-01-01' }),
      familyHistory({ id: 'aunt', relationship: 'MAUNT', conditions: [{ text: 'Knogleskørhed' }] }),
    ]);
    expect(f.familyHistory.map((h) => h.ref).sort()).toEqual(['Condition/text', 'FamilyMemberHistory/father', 'FamilyMemberHistory/mother']);
  });

  it('an aunt, or a relative with another disease, does not count', () => {
    const f = factsOf([
      familyHistory({ relationship: 'MAUNT', conditions: [{ text: 'Osteoporose' }] }),
      familyHistory({ relationshipText: 'Moster', conditions: [{ text: 'Osteoporose' }] }),
      familyHistory({ relationship: 'MTH', conditions: [{ text: 'Type 2 diabetes' }] }),
      familyHistory({ relationship: 'MTH', status: 'entered-in-error', conditions: [{ text: 'Osteoporose' }] }),
    ]);
    expect(f.familyHistory).toEqual([]);
  });

  it('a family-history Condition (Z82.62, SKS DZ826) is listed too', () => {
    const f = factsOf([condition({ id: 'z', code: 'DZ826', system: SYS.sks, recorded: '2022-01-01' })]);
    expect(f.familyHistory).toEqual([{ ref: 'Condition/z', date: '2022-01-01' }]);
    expect(f.conditions.map((c) => c.concept)).toEqual(['family-history-osteoporosis']);
  });
});

describe('problem-list texts about a relative (relative-text.ts)', () => {
  const read = (text: string) => {
    const f = factsOf([condition({ id: 'c', text, recorded: '2020-01-01' })]);
    return { fractures: f.fractures.length, concepts: f.conditions.map((c) => c.concept).filter((c) => c !== 'family-history-osteoporosis'), familyHistory: f.familyHistory.length };
  };

  it.each([
    'Mor med hoftebrud',
    'Far: osteoporose',
    'Mother had a hip fracture',
    'Mother with osteoporosis',
    'Osteoporose hos mor',
    'Hoftebrud hos mor og moster',
    'Hip fracture in mother',
    'Osteoporosis in her mother.',
    'Hoftebrud (mor og moster)',
    'Hoftebrud (mor)',
    'Mors hoftebrud',
    'Søster – osteoporose',
    'Hoftebrud hos mor 2015',
    'Hoftebrud hos mor i 2015',
    'Hoftebrud hos moderen, 2015',
    'Hip fracture in mother at age 70',
    'Pt.s mor med hoftebrud',
    'Her mother had a hip fracture',
    "Patient's mother: hip fracture",
    'Hoftebrud hos hendes mor',
    'Familiær disposition: mor med hoftebrud',
    'FH: mother hip fracture',
    '- Mor med hoftebrud',
    'Maternal hip fracture',
    'Paternal osteoporosis',
    'Osteoporose hos mor (diagnosticeret 2010)',
    'Osteoporose hos mor, 75 år',
  ])('"%s": no fracture or disease of the patient, a first-degree family history', (text) => {
    expect(read(text)).toEqual({ fractures: 0, concepts: [], familyHistory: 1 });
  });

  it.each([
    'Mors søster: hoftebrud',
    'Mormor med hoftebrud',
    'Maternal grandmother: osteoporosis',
    'Moster med osteoporose',
    'Mor uden osteoporose',
    'Ingen osteoporose hos mor eller far',
    'Mor: mistanke om hoftebrud',
    'Mor med cøliaki',
    'Far med reumatoid artrit',
    'Husband: hip fracture',
    'Ægtefælle med hoftebrud',
    'Stedmor med hoftebrud',
    'Maternal grandmother: osteoporosis',
  ])('"%s": neither the patient\'s nor a first-degree family history of osteoporosis', (text) => {
    expect(read(text)).toEqual({ fractures: 0, concepts: [], familyHistory: 0 });
  });

  it.each([
    ['Hoftebrud efter fald hjemme hos datter', 1, [], 0],
    ['Hoftebrud, faldt hos datter', 1, [], 0],
    ['Sengeliggende, plejes af datter', 0, ['cannot-stay-upright'], 0],
    ['Apopleksi, bor hos datter', 0, ['stroke'], 0],
    ['Apopleksi; mor med hoftebrud', 0, ['stroke'], 1],
    ['Mor med hoftebrud. Apopleksi 2019', 0, ['stroke'], 1],
    ['Mor til 3, hoftebrud 2019', 1, [], 0],
    ['Hoftebrud 2024 (gled på isen hos datteren)', 1, [], 0],
    ['Hoftebrud – snublede hos datteren', 1, [], 0],
    ['Datter ringede: faldet, hoftebrud', 1, [], 0],
    ['Daughter found her on the floor - hip fracture', 1, [], 0],
    ['Mother has osteoporosis, patient fractured hip 2024', 1, [], 0],
  ] as const)('"%s" is the patient\'s own where a relative is named but is not the subject', (text, fractures, concepts, familyHistory) => {
    expect(read(text)).toEqual({ fractures, concepts, familyHistory });
  });
});

describe('family history: an unbound SNOMED hip fracture read from its display', () => {
  const genetic = (display: string) =>
    factsOf([familyHistory({ id: 'mother', relationship: 'MTH', conditions: [{ codings: [coding(SYS.snomed, '999999999', display)] }] })]).familyHistory.length;

  it('"Closed fracture of neck of femur" (an unbound descendant of 5913000) in a mother counts', () => {
    expect(genetic('Closed fracture of neck of femur (disorder)')).toBe(1);
    expect(genetic('Fracture of proximal end of femur (disorder)')).toBe(1);
  });

  it('a wrist fracture, a negated or a stress fracture of the hip does not', () => {
    expect(genetic('Fracture of distal end of radius (disorder)')).toBe(0);
    expect(genetic('No fracture of neck of femur')).toBe(0);
    expect(genetic('Stress fracture of neck of femur')).toBe(0);
  });
});

describe('condition names: myocardial infarction and stroke (the romosozumab contraindication), affirmed only', () => {
  const concepts = (text: string) => factsOf([condition({ id: 'c', codings: [coding(SYS.snomed, '999999999', text)] })]).conditions.map((c) => c.concept);

  it.each([
    ['History of myocardial infarction', 'myocardial-infarction'],
    ['Heart attack 2019', 'myocardial-infarction'],
    ['NSTEMI', 'myocardial-infarction'],
    ['STEMI, anterior wall', 'myocardial-infarction'],
    ['Blodprop i hjertet', 'myocardial-infarction'],
    ['Akut myokardieinfarkt', 'myocardial-infarction'],
    ['Ischemic stroke', 'stroke'],
    ['Cerebrovascular accident', 'stroke'],
    ['Følger efter apopleksi', 'stroke'],
    ['Hjerneinfarkt 2018', 'stroke'],
    ['Blodprop i hjernen', 'stroke'],
  ])('"%s" → %s', (text, concept) => {
    expect(concepts(text)).toEqual([concept]);
  });

  it.each(['No history of stroke', 'Ingen blodprop i hjertet', 'Risk of myocardial infarction', 'Heat stroke', 'Heatstroke', 'Sunstroke', 'Family history of stroke', 'Screening for stroke', 'Stroked cat'])(
    '"%s" → nothing',
    (text) => {
      expect(concepts(text)).toEqual([]);
    },
  );

  it('the rest of a text still counts after a negated clause: "No angina; old myocardial infarction"', () => {
    expect(concepts('No angina; old myocardial infarction')).toEqual(['myocardial-infarction']);
  });
});

describe('condition names: the risk-factor diseases of unbound SNOMED descendants, read from their display', () => {
  const concepts = (text: string) => factsOf([condition({ id: 'c', codings: [coding(SYS.snomed, '999999999', text)] })]).conditions.map((c) => c.concept);

  it.each([
    ['Chronic kidney disease stage 3A (disorder)', 'chronic-kidney-disease'],
    ['CKD stage 4', 'chronic-kidney-disease'],
    ['Kronisk nyresygdom', 'chronic-kidney-disease'],
    ['End-stage renal disease', 'chronic-kidney-disease'],
    ["Graves' disease (disorder)", 'hyperthyroidism'],
    ['Morbus Basedow', 'hyperthyroidism'],
    ['Thyrotoxicosis with toxic multinodular goiter', 'hyperthyroidism'],
    ['Subclinical hyperthyroidism', 'hyperthyroidism'],
    ['Thyreotoksikose', 'hyperthyroidism'],
    ['Stricture of esophagus (disorder)', 'oesophageal-disorder'],
    ['Benign esophageal stricture', 'oesophageal-disorder'],
    ['Achalasia of esophagus', 'oesophageal-disorder'],
    ['Akalasi', 'oesophageal-disorder'],
    ['Spiserørsforsnævring', 'oesophageal-disorder'],
    ['Dysphagia', 'dysphagia'],
    ['Seropositive rheumatoid arthritis of multiple joints', 'rheumatoid-arthritis'],
    ['Reumatoid artritis', 'rheumatoid-arthritis'],
    ['Seropositiv leddegigt', 'rheumatoid-arthritis'],
    ['Reumatoid artrit – udredning afsluttet', 'rheumatoid-arthritis'],
    ['Diabetes mellitus type I', 'type-1-diabetes'],
    ['Type 1 diabetes, øjenscreening', 'type-1-diabetes'],
    ["Cushing's syndrom", 'cushing'],
    ['Anorexia nervosa, i familiebehandling', 'anorexia-nervosa'],
    ['Hypogonadisme - familiær', 'hypogonadism'],
    ['Type 1 diabetes mellitus with retinopathy', 'type-1-diabetes'],
    ['Diabetes mellitus type 1', 'type-1-diabetes'],
    ['Acute exacerbation of chronic obstructive pulmonary disease', 'copd'],
    ['COPD', 'copd'],
    ["Crohn's disease of ileum", 'inflammatory-bowel-disease'],
    ['Colitis ulcerosa', 'inflammatory-bowel-disease'],
    ['Anorexia nervosa, restrictive type', 'anorexia-nervosa'],
    ['Hypogonadotropic hypogonadism', 'hypogonadism'],
    ["Cushing's syndrome", 'cushing'],
    ['Multipelt myelom', 'myeloma'],
    ['Osteoporose', 'osteoporosis'],
    ['Senile osteoporosis', 'osteoporosis'],
  ])('"%s" → %s', (text, concept) => {
    expect(concepts(text)).toEqual([concept]);
  });

  it.each([
    'No chronic kidney disease',
    'Acute kidney injury',
    'Screening for chronic kidney disease',
    'Hypothyroidism',
    'Engraves',
    'Ingen akalasi',
    'Type 2 diabetes mellitus',
    'Anoreksi',
    'Osteopeni',
    'Osteoporoseprofylakse',
    'Risiko for osteoporose',
    'Myelomeningocele',
    'Kolesterol forhøjet',
    'Non-insulin-dependent diabetes mellitus without complications',
    'Diabetes mellitus type II',
    'NIDDM',
    'Leddegigt i familien',
    'Psoriasisleddegigt',
    'Type 1 diabetes - family history',
    'KOL-udredning',
    'LDL-kol forhøjet',
    'Cushingoid habitus',
    'Pseudo-Cushing',
    'Osteoporose i familien',
    'Osteoporose udredning',
    'Osteoporosis screening',
  ])('"%s" → nothing', (text) => {
    expect(concepts(text)).toEqual([]);
  });
});

describe('a coded Condition whose own text speaks of relatives only: the codes are the relative\'s disease [choice]', () => {
  const read = (o: Parameters<typeof condition>[0]) => {
    const f = factsOf([condition({ id: 'c', recorded: '2020-01-01', ...o })]);
    return { fractures: f.fractures.length, concepts: f.conditions.map((c) => c.concept).filter((c) => c !== 'family-history-osteoporosis'), familyHistory: f.familyHistory.length };
  };

  it.each([
    ['ICPC-2 L75 "Mor: hoftebrud"', { system: SYS.icpc2, code: 'L75', text: 'Mor: hoftebrud' }],
    ['SKS DS720 "Mor: hoftebrud"', { system: SYS.sks, code: 'DS720', text: 'Mor: hoftebrud' }],
    ['SKS DS720, the text in the display alone', { codings: [coding(SYS.sks, 'DS720', 'Mor: hoftebrud')] }],
    ['ICD-10 S72.0 "Hip fracture in mother"', { system: SYS.icd10, code: 'S72.0', text: 'Hip fracture in mother' }],
  ])('%s: no fracture of the patient\'s, the family history only', (_name, o) => {
    expect(read(o)).toEqual({ fractures: 0, concepts: [], familyHistory: 1 });
  });

  it('an age or a year after the relative\'s disease says no more: "Mor med hoftebrud, 85 år" coded DS720 is the mother\'s', () => {
    expect(read({ system: SYS.sks, code: 'DS720', text: 'Mor med hoftebrud, 85 år' })).toEqual({ fractures: 0, concepts: [], familyHistory: 1 });
    expect(read({ system: SYS.sks, code: 'DS720', text: 'Mor med hoftebrud, 2015' })).toEqual({ fractures: 0, concepts: [], familyHistory: 1 });
    expect(read({ system: SYS.sks, code: 'DS720', text: 'Mor: hoftebrud 1998' })).toEqual({ fractures: 0, concepts: [], familyHistory: 1 });
    expect(read({ system: SYS.sks, code: 'DS720', text: 'Mother had a hip fracture in 2015' })).toEqual({ fractures: 0, concepts: [], familyHistory: 1 });
    expect(read({ system: SYS.icpc2, code: 'L95', text: 'Mor: osteoporose\nOsteoporose 2024' }).concepts).toContain('osteoporosis');
  });

  it('ICPC-2 L95 / SKS DM819 "Mor: osteoporose": not the patient\'s diagnosis', () => {
    expect(read({ system: SYS.icpc2, code: 'L95', text: 'Mor: osteoporose' })).toEqual({ fractures: 0, concepts: [], familyHistory: 1 });
    expect(read({ system: SYS.sks, code: 'DM819', text: 'Mor: osteoporose' })).toEqual({ fractures: 0, concepts: [], familyHistory: 1 });
  });

  it('"Far: KOL" coded DJ449: no COPD of the patient\'s (and no family history: not a bone disease)', () => {
    expect(read({ system: SYS.sks, code: 'DJ449', text: 'Far: KOL' })).toEqual({ fractures: 0, concepts: [], familyHistory: 0 });
  });

  it('a text that speaks of the patient too keeps its codes: "Hoftebrud. Mor havde også hoftebrud"', () => {
    const r = read({ system: SYS.sks, code: 'DS720', text: 'Hoftebrud. Mor havde også hoftebrud', onset: '2024-01-01' });
    expect(r.fractures).toBe(1);
  });

  it.each([
    'Mor havde hoftebrud, nu også hoftebrud',
    'Mor med osteoporose, også hoftebrud 2024',
    'Mor: hoftebrud - nu også',
    'Mother had hip fracture, now also hip fracture',
    'Mor: hoftebrud, og nu også hende',
    'Datter: faldet, hoftebrud',
    'Søster: hoftebrud efter fald 2024',
    'Mor: hoftebrud og egen hoftebrud 2024',
    'Mother: hip fracture and own hip fracture 2024',
    'Mor: hoftebrud 1990 samt hoftebrud 2024',
    'Mor med hoftebrud og hoftebrud 2024',
    'Mor hoftebrud + hoftebrud 2024',
    'Mother had hip fracture as well',
    'Mor med hoftebrud ligeledes',
    'Søn har hjulpet siden hoftebrud 2024',
    'Mor med osteoporose dx for 3 m. Hoftebrud 2024',
    'Mor: hoftebrud\nHoftebrud 2024',
    'Mor hoftebrud/hoftebrud 2024',
    'Mor: hoftebrud.Hoftebrud 2024',
    'Mor: hoftebrud 1990 hoftebrud 2024',
    'Mor: hoftebrud 1990 & hoftebrud 2024',
    'Mor: hoftebrud — hoftebrud 2024',
    'Mor: hoftebrud -hoftebrud 2024',
    'Mother: hip fracture / self 2024',
    'Mother: hip fracture (self 2024)',
  ])('"%s": more than the relative\'s disease, so the code stays the patient\'s (the safer reading)', (text) => {
    expect(read({ system: SYS.icpc2, code: 'L75', text, onset: '2024-01-01' }).fractures).toBe(1);
  });

  it('a text naming a relative as a place, not the subject, keeps its codes: "Hoftebrud efter fald hjemme hos datter"', () => {
    expect(read({ system: SYS.sks, code: 'DS720', text: 'Hoftebrud efter fald hjemme hos datter', onset: '2024-01-01' }).fractures).toBe(1);
  });
});
