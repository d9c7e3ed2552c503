import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import bindings from '../../src/terminology/bindings.json' with { type: 'json' };
import { buildTerminology, loadTerminology, observationSearchCodes } from '../../src/terminology/index.js';
import { SYS } from '../helpers/facts-systems.js';
import { ConfigError } from '../../src/shared/config-error.js';

const t = loadTerminology();
const concepts = (system: string, code: string): string[] => t.matchCoding(system, code).map((m) => m.concept);

function siteFile(content: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'osteo-terminology-'));
  const file = join(dir, 'site.json');
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

describe('built-in bindings', () => {
  it('load and validate at start, without placeholders', () => {
    expect(t.concepts.size).toBeGreaterThan(80);
    for (const concept of t.concepts.values()) {
      for (const c of concept.codings) expect(c.code).not.toMatch(/UNRESOLVED/);
    }
  });

  it('match NPU codes under both NPU system URIs, DNK codes included', () => {
    expect(concepts(SYS.npuOid, 'NPU10267')).toEqual(['vitamin-d']);
    expect(concepts(SYS.npuUrl, 'NPU10267')).toEqual(['vitamin-d']);
    expect(concepts(SYS.npuUrl, 'DNK35302')).toEqual(['egfr']);
    expect(concepts(SYS.npuOid, 'npu03794')).toEqual(['height']);
  });

  it('match SKS D-codes under both SKS OIDs, as prefix families with Danish extension characters', () => {
    expect(concepts(SYS.sks, 'DM810')).toEqual(['osteoporosis']);
    expect(concepts(SYS.sksRoot, 'DM810')).toEqual(['osteoporosis']);
    expect(concepts(SYS.sks, 'DS720A')).toEqual(['fracture-hip']);
    expect(concepts(SYS.sks, 'DM80.0')).toEqual(expect.arrayContaining(['osteoporosis', 'fracture-osteoporotic']));
  });

  it('match the SKS form (D + the code without its dot) of every WHO ICD-10 binding with no SKS row of its own (terminology.md §1-2): DK102, DJ43, DF501', () => {
    expect(concepts(SYS.sks, 'DK102')).toEqual(['osteonecrosis-of-jaw']);
    expect(concepts(SYS.sksRoot, 'DJ43.9')).toEqual(['copd']);
    expect(concepts(SYS.sks, 'DF501')).toEqual(['anorexia-nervosa']);
    // Matched as SKS codes (the fracture and drug readers tell systems apart by this key).
    const t = loadTerminology();
    expect(t.matchCoding(SYS.sks, 'DK102').map((m) => m.systemKey)).toEqual(['sks']);
  });

  it('strip the leading D only for SKS systems: DD50 is ICD-10 D50, an SKS code without D matches nothing', () => {
    expect(concepts(SYS.icd10, 'DM810')).toEqual([]);
    expect(concepts(SYS.sks, 'M810')).toEqual([]);
  });

  it('match WHO ICD-10 and ICD-10-CM with or without dots, as families', () => {
    expect(concepts(SYS.icd10, 'M81.0')).toEqual(['osteoporosis']);
    expect(concepts(SYS.icd10, 'M810')).toEqual(['osteoporosis']);
    expect(concepts(SYS.icd10cm, 'S72.001A')).toEqual(['fracture-hip']);
    expect(concepts(SYS.icd10cm, 's72001a')).toEqual(['fracture-hip']);
    expect(concepts(SYS.icd10cm, 'M84.750A')).toEqual(['atypical-femoral-fracture', 'fracture-excluded']);
  });

  it('match LOINC, SNOMED CT and RxNorm exactly (no prefix families)', () => {
    expect(concepts(SYS.loinc, '38265-5')).toEqual(['tscore-forearm']);
    expect(concepts(SYS.loinc, '38265')).toEqual([]);
    expect(concepts(SYS.loinc, '38265-55')).toEqual([]);
    expect(concepts(SYS.snomed, '64859006')).toEqual(['osteoporosis']);
    expect(concepts(SYS.rxnorm, '904431')).toEqual(['alendronate']);
    expect(concepts(SYS.rxnorm, '90443')).toEqual([]);
  });

  it('mark ICPC-2 codes as weak under both ICPC-2 URIs', () => {
    for (const system of [SYS.icpc2, SYS.icpc2Oid]) {
      const [match] = t.matchCoding(system, 'L95');
      expect(match?.concept).toBe('osteoporosis');
      expect(match?.weak).toBe(true);
    }
  });

  it('mark the catch-all and broad ICPC-2 codes non-specific, as terminology.json notes them', () => {
    const doc = JSON.parse(readFileSync(new URL('../../docs/terminology.json', import.meta.url), 'utf8')) as unknown;
    const noted = new Set<string>();
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (typeof v === 'object' && v !== null) {
        const row = v as Record<string, unknown>;
        if ((row.note === 'non-specific' || row.note === 'broad') && typeof row.code === 'string') noted.add(row.code);
        Object.values(row).forEach(walk);
      }
    };
    walk(doc);
    expect([...noted].sort()).toEqual(['A29', 'D84', 'D99', 'T99', 'U99']);
    // D84 "sygdom i spiserør — broad" (terminology.md l. 554): weak evidence of oesophageal disease
    // (l. 42), the concept unless its text names a disease under it that delays no emptying (l. 45).
    const d84 = t.matchCoding(SYS.icpc2, 'D84');
    expect(d84.map((m) => [m.concept, m.weak, m.binding.nonSpecific])).toEqual([['oesophageal-disorder', true, undefined]]);
    expect(d84[0]?.binding.unlessNamed).toEqual(expect.arrayContaining(['refluks', 'reflux', 'gerd']));
    // Not a swallowing difficulty or an oesophagitis of any kind: eosinophilic oesophagitis and a dysphagic stricture delay emptying.
    for (const word of ['synkebesvær', 'dysphagia', 'øsofagitis', 'oesophagitis']) expect(d84[0]?.binding.unlessNamed).not.toContain(word);
    for (const code of [...noted].filter((c) => c !== 'D84')) {
      const matches = t.matchCoding(SYS.icpc2, code);
      expect(matches.length).toBeGreaterThan(0);
      for (const m of matches) expect(m.binding.nonSpecific, code).toBe(true);
    }
    expect(t.matchCoding(SYS.icpc2, 'L88')[0]?.binding.nonSpecific).toBeUndefined();
  });

  it('match ATC by prefix, the most specific code first', () => {
    expect(t.matchCoding(SYS.atc, 'M05BB03').map((m) => [m.concept, m.specificity])).toEqual([
      ['alendronate', 7],
      ['other-bisphosphonate', 5],
    ]);
    expect(concepts(SYS.atc, 'H02AB06')[0]).toBe('glucocorticoid');
    expect(concepts(SYS.atc, 'A02BC05')).toEqual(['ppi']);
    expect(concepts(SYS.atc, 'R03BA02')).toEqual([]);
  });

  it('carry the sandbox RxNorm product codes (section 11) with their strength', () => {
    const [alendronate] = t.matchCoding(SYS.rxnorm, '904433');
    expect(alendronate?.binding.strengthMg).toBe(70);
    expect(concepts(SYS.rxnorm, '1490065')).toEqual(['raloxifene']);
    expect(t.matchCoding(SYS.rxnorm, '259966')[0]?.binding.ingredient).toBe('methylprednisolone');
  });

  it('bring the cardiovascular history and other section 12-13 concepts in', () => {
    expect(concepts(SYS.sks, 'DI219')).toEqual(['myocardial-infarction']);
    expect(concepts(SYS.icd10, 'I25.2')).toEqual(['myocardial-infarction']);
    expect(concepts(SYS.snomed, '230690007')).toEqual(['stroke']);
    expect(concepts(SYS.sks, 'DN951')).toEqual(['menopause']);
    expect(concepts(SYS.icd10cm, 'Z82.62')).toEqual(['family-history-osteoporosis']);
    expect(concepts(SYS.sks, 'DZ911')).toEqual(['non-adherence']);
    expect(concepts(SYS.atc, 'L02BA01')).toEqual(['anti-oestrogen']);
    expect(concepts(SYS.sks, 'DC900')).toEqual(['myeloma']);
    expect(concepts(SYS.sks, 'DE240')).toEqual(['cushing']);
  });

  it('bind the SNOMED fractures of the VSAC Lower Body Fracture set the review named: 359820003 hip, 33118001 pelvis', () => {
    expect(concepts(SYS.snomed, '359820003')).toEqual(['fracture-hip']);
    expect(concepts(SYS.snomed, '33118001')).toEqual(['fracture-pelvis']);
  });

  it('bind the SNOMED current-smoker findings as a smoker condition too (terminology.md "Tobacco smoking status"; US problem lists record them as Conditions), never an ex- or never-smoker or mere tobacco exposure', () => {
    for (const code of ['77176002', '449868002', '65568007', '428041000124106', '428061000124105', '428071000124103']) {
      expect(concepts(SYS.snomed, code)).toEqual(expect.arrayContaining(['smoking-current', 'smoker']));
    }
    expect(concepts(SYS.snomed, '8517006')).toEqual(['smoking-not-current']);
    expect(concepts(SYS.snomed, '266919005')).toEqual(['smoking-not-current']);
    expect(concepts(SYS.snomed, '229819007')).not.toContain('smoker');
  });

  it('bind the US myocardial infarction and stroke codes (romosozumab contraindication, US review)', () => {
    for (const code of ['399211009', '1755008', '401303003', '401314000']) expect(concepts(SYS.snomed, code)).toEqual(['myocardial-infarction']);
    for (const code of ['432504007', '422504002']) expect(concepts(SYS.snomed, code)).toEqual(['stroke']);
    expect(concepts(SYS.icd10cm, 'Z86.73')).toEqual(['stroke']);
    expect(concepts(SYS.icd10cm, 'I69.30')).toEqual(['stroke']);
    expect(concepts(SYS.icd10, 'I69.3')).toEqual(['stroke']);
    expect(concepts(SYS.sks, 'DI693')).toEqual(['stroke']);
    expect(concepts(SYS.icd10cm, 'I21.4')).toEqual(['myocardial-infarction']);
    expect(concepts(SYS.icd10cm, 'Z86.79')).toEqual([]);
  });

  it('read the SNOMED menopause findings and premature menopause (rules.md section 1 "a recorded menopause"; risk "menopause before 45") [extension]', () => {
    for (const code of ['289903006', '307429007', '371036001', '31351009', '76498008']) expect(concepts(SYS.snomed, code)).toEqual(['menopause']);
    expect(concepts(SYS.snomed, '373717006')).toEqual(['early-menopause']);
    expect(concepts(SYS.icd10cm, 'E89.41')).toEqual(['menopause']);
    expect(concepts(SYS.sks, 'DE894')).toEqual(['menopause']);
    // "Menopause absent" and the perimenopause are no menopause; the observable "Menopause, function" is a question, not its answer.
    for (const code of ['289904000', '307409000', '161712005']) expect(concepts(SYS.snomed, code)).toEqual([]);
    const names = (text: string) => t.matchNames('condition', text).map((m) => m.name.text);
    // Not the bare word: "Menopause absent", "Menopause ikke indtrådt", "Planned surgical menopause" affirm none.
    for (const text of ['menopause absent', 'menopause ikke indtrådt', 'pre-menopause', 'premenopausal', 'perimenopause', 'præmenopausal kvinde']) expect(names(text)).toEqual([]);
    // An early menopause named is a recorded menopause too (facts/conditions.ts).
    expect(names('premature menopause')).toEqual(['premature menopause']);
  });

  it('count a haemorrhagic stroke as a stroke (romosozumab: any stroke, SmPC) [extension: terminology.md binds I63, I64 only]', () => {
    for (const code of ['I60.9', 'I61.0']) expect(concepts(SYS.icd10, code)).toEqual(['stroke']);
    for (const code of ['DI609', 'DI610']) expect(concepts(SYS.sks, code)).toEqual(['stroke']);
    expect(concepts(SYS.icd10cm, 'I61.9')).toEqual(['stroke']);
    for (const code of ['274100004', '21454007', '230706003']) expect(concepts(SYS.snomed, code)).toEqual(['stroke']);
    // Not the other cerebrovascular codes: a non-traumatic subdural haematoma (I62) or a TIA (G45) is no stroke.
    expect(concepts(SYS.icd10, 'I62.0')).toEqual([]);
    expect(concepts(SYS.icd10, 'G45.9')).toEqual([]);
    const names = (text: string) => t.matchNames('condition', text).map((m) => m.name.text);
    expect(names('Hjerneblødning 2019')).toEqual(['hjerneblødning']);
  });

  it('match names marked `word` as whole words only: "stroke" not in "heatstroke", "stemi" not in "nstemi"', () => {
    const names = (text: string) => t.matchNames('condition', text).map((m) => m.name.text);
    expect(names('ischemic stroke')).toEqual(['stroke']);
    expect(names('heatstroke')).toEqual([]);
    expect(names('strokes')).toEqual([]);
    expect(names('nstemi')).toEqual(['nstemi']);
    expect(names('kronisk hjerteinfarkt')).toEqual(['hjerteinfarkt']);
  });

  it('name the risk-factor diseases US records code with unbound SNOMED descendants (CKD stage 3A, Graves\' disease, stricture of esophagus)', () => {
    const concept = (text: string) => t.matchNames('condition', text).map((m) => m.concept);
    expect(concept('chronic kidney disease stage 3a (disorder)')).toEqual(['chronic-kidney-disease']);
    expect(concept("graves' disease (disorder)")).toEqual(['hyperthyroidism']);
    expect(concept('engraves')).toEqual([]);
    expect(concept('stricture of esophagus (disorder)')).toEqual(['oesophageal-disorder']);
  });

  it('keep the mark of names read only under a non-specific code of their concept (striktur under D84, cøliaki under D99)', () => {
    const names = (text: string) => t.matchNames('condition', text).map((m) => [m.concept, m.name.underNonSpecificCode === true]);
    expect(names('peptisk striktur')).toEqual([['oesophageal-disorder', true]]);
    expect(names('øsofagusstriktur')).toEqual([['oesophageal-disorder', false]]);
    expect(names('achalasi')).toEqual([['oesophageal-disorder', false]]);
    expect(names('cøliaki')).toEqual([['coeliac-disease', true]]);
  });

  it('ignore unknown systems and non-string input', () => {
    expect(concepts('http://example.org/local', 'M81.0')).toEqual([]);
    expect(t.matchCoding(undefined, 'M81.0')).toEqual([]);
    expect(t.matchCoding(SYS.icd10, 42)).toEqual([]);
    expect(t.matchCoding(SYS.icd10, '  ')).toEqual([]);
  });

  it('find drug names leftmost and longest first', () => {
    expect(t.matchNames('medication', 'Methylprednisolon "Orion" 4 mg').map((m) => m.name.text)).toEqual(['methylprednisolon']);
    expect(t.matchNames('medication', 'Calcium carbonat + D3-vitamin').map((m) => m.concept)).toEqual(['calcium-carbonate', 'colecalciferol']);
  });

  it('match relationship words as whole words only', () => {
    expect(t.matchNames('relationship', 'Mor').map((m) => m.concept)).toEqual(['first-degree-relative']);
    expect(t.matchNames('relationship', 'Moster (person)')).toEqual([]);
  });
});

describe('observationSearchCodes (the discovery Observation?code= list)', () => {
  const codes = observationSearchCodes(t);

  it('is sorted and free of duplicates', () => {
    expect([...codes].sort()).toEqual(codes);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('holds exactly the codes of the observation concepts of the bindings file', () => {
    const expected = new Set<string>();
    for (const concept of Object.values(bindings.concepts)) {
      if (concept.kind === 'observation') for (const c of concept.codings) expected.add(c.code);
    }
    expect(new Set(codes)).toEqual(expected);
    expect(codes).toEqual(expect.arrayContaining(['38265-5', '38267-1', '38268-9', 'NPU10267', 'DNK35302', 'NPU03794', '72166-2']));
    expect(codes).not.toContain('LA18976-3');
    expect(codes).not.toContain('M81.0');
  });

  it('includes the codes a site adds', () => {
    const site = loadTerminology(siteFile({ concepts: { p1np: { codings: [{ system: SYS.npuOid, code: 'DNK99999', match: 'exact' }] } } }));
    expect(observationSearchCodes(site)).toContain('DNK99999');
  });
});

describe('site terminology (CDS_TERMINOLOGY)', () => {
  it('adds local codes to existing concepts (the Danish P1NP, CTX and corrected calcium codes)', () => {
    const site = loadTerminology(
      siteFile({
        concepts: {
          p1np: { codings: [{ system: SYS.npuUrl, code: 'DNK35505', match: 'exact', impliedUnit: 'ug/L' }] },
          ctx: { codings: [{ system: SYS.npuOid, code: 'NPU28603', match: 'exact' }] },
          'calcium-corrected': { codings: [{ system: SYS.npuOid, code: 'DNK05297', match: 'exact', impliedUnit: 'mmol/L' }] },
        },
      }),
    );
    expect(site.matchCoding(SYS.npuOid, 'DNK35505').map((m) => m.concept)).toEqual(['p1np']);
    expect(site.matchCoding(SYS.npuUrl, 'NPU28603').map((m) => m.concept)).toEqual(['ctx']);
    expect(site.matchCoding(SYS.npuOid, 'DNK05297')[0]?.binding.impliedUnit).toBe('mmol/L');
    // the built-in codes are still there
    expect(site.matchCoding(SYS.loinc, '77370-5').map((m) => m.concept)).toEqual(['p1np']);
  });

  it('adds new concepts, system aliases and codes of an unknown system', () => {
    const site = loadTerminology(
      siteFile({
        systems: { npu: { uris: ['urn:oid:1.2.208.176.2.1.99'], normalise: 'upper' } },
        concepts: { 'local-thing': { kind: 'condition', codings: [{ system: 'urn:example:local', code: 'abc', match: 'exact' }] } },
      }),
    );
    expect(site.matchCoding('urn:example:local', 'ABC').map((m) => m.concept)).toEqual(['local-thing']);
    expect(site.matchCoding('urn:oid:1.2.208.176.2.1.99', 'NPU10267').map((m) => m.concept)).toEqual(['vitamin-d']);
  });

  it('throws a clear error listing every problem of an invalid file', () => {
    const file = siteFile({
      concepts: {
        p1np: { kind: 'condition', codings: [{ system: SYS.npuOid, code: '', match: 'fuzzy' }] },
        brandnew: { codings: [] },
      },
      extra: true,
    });
    let error: unknown;
    try {
      loadTerminology(file);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems.length).toBeGreaterThanOrEqual(3);
    expect(problems.join('\n')).toMatch(/concepts\.p1np\.codings\.0\.code/);
    expect(problems.join('\n')).toMatch(/concepts\.p1np\.codings\.0\.match/);
    expect((error as Error).message).toContain(file);
  });

  it('rejects semantic mistakes: kind changes, new concepts without kind, SKS codes without D, unknown implied units', () => {
    const problems = (() => {
      try {
        loadTerminology(
          siteFile({
            concepts: {
              p1np: { kind: 'condition', codings: [{ system: SYS.npuOid, code: 'DNK1', match: 'exact', impliedUnit: 'furlong' }] },
              brandnew: { codings: [] },
              osteoporosis: { codings: [{ system: SYS.sks, code: 'M810', match: 'prefix' }] },
            },
          }),
        );
      } catch (e) {
        return e instanceof ConfigError ? e.problems : [];
      }
      return [];
    })();
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('concepts.p1np.kind'),
        expect.stringContaining('concepts.brandnew.kind'),
      ]),
    );
    // the first pass reports merge problems; fix those and the semantic ones show
    const second = (() => {
      try {
        buildTerminology(bindings, {
          concepts: {
            p1np: { codings: [{ system: SYS.npuOid, code: 'DNK1', match: 'exact', impliedUnit: 'furlong' }] },
            osteoporosis: { codings: [{ system: SYS.sks, code: 'M810', match: 'prefix' }] },
          },
        });
      } catch (e) {
        return e instanceof ConfigError ? e.problems : [];
      }
      return [];
    })();
    expect(second).toEqual(
      expect.arrayContaining([expect.stringContaining('impliedUnit "furlong"'), expect.stringContaining('SKS diagnosis codes start with D')]),
    );
  });

  it('reports an unreadable or non-JSON file clearly', () => {
    expect(() => loadTerminology('/nonexistent/terminology.json')).toThrow(/cannot be read/);
    expect(() => loadTerminology(siteFile('{ not json'))).toThrow(/is not JSON/);
  });

  it('treats an empty CDS_TERMINOLOGY as none', () => {
    expect(loadTerminology('').concepts.size).toBe(t.concepts.size);
  });
});
