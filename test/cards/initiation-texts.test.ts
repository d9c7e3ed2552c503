import { describe, expect, it } from 'vitest';
import { DEFAULT_LINKS } from '../../src/cards/links.js';
import { DEFAULT_SETTINGS } from '../../src/rules/settings.js';
import { renderCards, type RenderContext } from '../../src/cards/render.js';
import { INITIATION_TEXTS } from '../../src/cards/text/initiation/index.js';
import { wordsOf } from '../../src/cards/text/index.js';
import { INITIATION_TOPICS, type InitiationTopic } from '../../src/contract/topics.js';
import { INITIATION_RULES } from '../../src/rules/initiation/index.js';
import type { Recommendation } from '../../src/contract/recommendations.js';
import { bmi, calcium, condition, course, creatinine, ctxOf, egfr, fracture, glucocorticoid, medication, patient, scan, vitaminD, type FactsInput } from '../helpers/facts.js';
import { expectValidResponse } from '../helpers/validate.js';
import type { Language } from '../../src/contract/language.js';

const renderCtx = (lang: Language): RenderContext => ({ lang, patientRef: 'Patient/p1', today: '2026-11-26', female: true, drafts: new Map(), links: DEFAULT_LINKS, settings: DEFAULT_SETTINGS });

function rec(topic: InitiationTopic, input: FactsInput): Recommendation {
  const r = INITIATION_RULES[topic](ctxOf(patient(input)));
  if (r === undefined) throw new Error(`${topic} did not fire`);
  return r;
}

const spine = scan('2026-08-12', { 'lumbar-spine': -2.8 });
const lowBmi = { bmi: [bmi(18.2, '2026-06-01')] };

/** One or more patients per topic, covering each variant of its text. */
const CASES: readonly (readonly [InitiationTopic, string, FactsInput])[] = [
  ['diagnosis-criteria-met', 'T-score', { age: 70, dxa: [spine] }],
  ['diagnosis-criteria-met', 'possible fracture', { age: 70, fractures: [fracture('hip', '2026-01-01', 'unknown')] }],
  ['treatment-indicated', 'first choice', { age: 70, dxa: [spine], vitals: lowBmi }],
  ['treatment-indicated', 'effervescent', { age: 70, dxa: [spine], vitals: lowBmi, conditions: [condition('dysphagia')] }],
  ['treatment-indicated', 'first choice, fracture 3 months ago', { age: 70, fractures: [fracture('hip', '2026-09-01')] }],
  [
    'treatment-indicated',
    'jaw osteonecrosis on alendronate, eGFR ≤ 35, possible fracture',
    {
      age: 74,
      fractures: [fracture('hip', '2026-04-01', 'unknown')],
      courses: [course('alendronate', '2019-03-01', { status: 'stopped', end: '2025-03-01' })],
      conditions: [condition('osteonecrosis-of-jaw', { onset: '2025-02-10' })],
      labs: { egfr: [egfr(30, '2026-10-01')] },
    },
  ],
  ['treatment-indicated', 'second choice', { age: 70, fractures: [fracture('spine', '2026-04-01')], conditions: [condition('peptic-ulcer')] }],
  ['treatment-indicated', 'second choice, possible fracture', { age: 70, fractures: [fracture('hip', '2026-04-01', 'unknown')], conditions: [condition('peptic-ulcer')] }],
  ['treatment-indicated', 'effervescent, possible fracture', { age: 70, fractures: [fracture('hip', '2026-04-01', 'unknown')], conditions: [condition('dysphagia')] }],
  ['treatment-indicated', 'eGFR ≤ 35', { age: 70, fractures: [fracture('spine', '2026-04-01', 'unknown')], labs: { egfr: [egfr(30, '2026-10-01')] } }],
  ['treatment-indicated', '10 years of alendronate taken', { age: 80, fractures: [fracture('spine', '2026-04-01')], courses: [course('alendronate', '2012-01-01', { status: 'ended', end: '2022-01-01' })] }],
  [
    'treatment-indicated',
    '10 years of alendronate and eGFR ≤ 35',
    { age: 80, fractures: [fracture('spine', '2026-04-01', 'unknown')], courses: [course('alendronate', '2012-01-01', { status: 'ended', end: '2022-01-01' })], labs: { egfr: [egfr(30, '2026-10-01')] } },
  ],
  ['risk-factor-review', 'no risk factor', { age: 70, dxa: [spine] }],
  ['pretreatment-checks', 'all missing', { age: 70, dxa: [spine], vitals: lowBmi }],
  [
    'pretreatment-checks',
    'worst case: three failed, several missing',
    { age: 70, glucocorticoid: glucocorticoid({ active: true, currentDailyMg: 10, highDoseThreeMonths: true }), dxa: [spine], labs: { egfr: [egfr(30, '2025-01-01')], vitaminD: [vitaminD(40, '2026-10-01')] } },
  ],
  ['vitamin-d-before-dxa', 'low at scan', { age: 70, dxa: [spine], labs: { vitaminD: [vitaminD(40, '2026-07-01')] } }],
  ['vitamin-d-calcium', 'no supplement, PPI', { age: 70, dxa: [spine], medications: [medication('ppi', '2024-01-01')] }],
  ['vitamin-d-calcium', 'below target on supplement', { age: 70, dxa: [spine], medications: [medication('colecalciferol', '2024-01-01')], labs: { vitaminD: [vitaminD(55, '2026-10-01')] } }],
  ['vitamin-d-calcium', 'below target, supplement just begun', { age: 70, dxa: [spine], medications: [medication('colecalciferol', '2026-10-20')], labs: { vitaminD: [vitaminD(40, '2026-10-01')] } }],
  ['vitamin-d-calcium', 'below target, supplement 3 months by now', { age: 70, dxa: [spine], medications: [medication('colecalciferol', '2026-07-20')], labs: { vitaminD: [vitaminD(40, '2026-10-01')] } }],
  ['bone-healthy-lifestyle', 'general', { age: 70, dxa: [spine] }],
  ['bone-healthy-lifestyle', 'personal', { age: 70, dxa: [spine], vitals: lowBmi, conditions: [condition('falls', { onset: '2026-01-01' })], lifestyle: { smoking: { current: true, ref: 'Observation/s' }, alcoholUnitsPerDay: { value: 4, date: '2026-01-01', ref: 'Observation/a' } } }],
  ['dxa-workup-suggested', 'vitamin D unknown', { age: 70, lifestyle: { smoking: { current: true, ref: 'Observation/s' } } }],
  ['dxa-workup-suggested', 'vitamin D low', { age: 70, glucocorticoid: glucocorticoid({ active: true, currentDailyMg: 10, highDoseThreeMonths: true }), labs: { vitaminD: [vitaminD(35, '2026-10-01')] } }],
];

describe('initiation card texts', () => {
  it('no eGFR and a creatinine giving 35 or less: the checks say so, also folded on the treatment card', () => {
    const input: FactsInput = { age: 70, dxa: [spine], vitals: lowBmi, labs: { calcium: [calcium(2.35, '2026-10-01')], vitaminD: [vitaminD(82, '2026-10-01')], creatinine: [creatinine(230, '2026-10-20')] } };
    const [da] = renderCards([rec('treatment-indicated', input), rec('pretreatment-checks', input)], renderCtx('da'), { grouping: 'folded', ruleSet: 'patient-view' });
    expect(da?.detail).toContain('eGFR: ingen aktuel måling, og kreatinin (230 µmol/L, 20.10.2026) giver eGFR ≤ 35 – tag eGFR før start');
    const [en] = renderCards([rec('pretreatment-checks', input)], renderCtx('en'));
    expect(en?.detail).toContain('the creatinine (230 µmol/L, 20 Oct 2026) gives eGFR ≤ 35 – take an eGFR before the start');
    // The treatment card leads with it (rules/agreement.ts puts `egfr-missing` first among what comes before the start).
    const [start] = renderCards([{ ...rec('treatment-indicated', input), correctFirst: ['egfr-missing'] } as Recommendation], renderCtx('da'));
    expect(start?.summary.startsWith('Tag eGFR (kreatinin giver eGFR ≤ 35) først, start så alendronat')).toBe(true);
    // Beside a correction the pre-start checks found failed, both lead.
    const [both] = renderCards([{ ...rec('treatment-indicated', input), correctFirst: ['egfr-missing', 'vitamin-d-low'] } as Recommendation], renderCtx('da'));
    expect(both?.summary.startsWith('Tag eGFR (kreatinin giver eGFR ≤ 35) og giv D-vitamin først')).toBe(true);
    // A fracture of unknown mechanism: "if low-energy" leads, where the 140-character cut would take it from the end.
    const possible = { ...rec('treatment-indicated', { age: 70, fractures: [fracture('hip', '2026-04-01', 'unknown')] }), correctFirst: ['egfr-missing', 'vitamin-d-low'] } as Recommendation;
    for (const [lang, lead] of [['da', 'Hvis lavenergibrud: tag eGFR'], ['en', 'If low-energy fracture: take an eGFR']] as const) {
      const [card] = renderCards([possible], renderCtx(lang));
      expect(card?.summary.startsWith(lead), card?.summary).toBe(true);
      expect([...(card?.summary ?? '')].length).toBeLessThan(140);
    }
  });

  it('an oral start after a fracture in the last 6 months says no baseline marker and when the first comes (card p. 2 l. 150-152)', () => {
    const recent = rec('treatment-indicated', { age: 70, fractures: [fracture('hip', '2026-09-01')] });
    const [da] = renderCards([recent], renderCtx('da'));
    expect(da?.detail).toContain('Ingen knoglemarkør før start (brud inden for 6 mdr.): første måling ét år efter bruddet, 01.09.2027.');
    const [en] = renderCards([recent], renderCtx('en'));
    expect(en?.detail).toContain('the first one a year after the fracture, 1 Sep 2027.');
    const [older] = renderCards([rec('treatment-indicated', { age: 70, fractures: [fracture('hip', '2026-04-01')] })], renderCtx('da'));
    expect(older?.detail).not.toContain('knoglemarkør');
  });

  it('has Danish and English text for every topic of section 2', () => {
    for (const topic of INITIATION_TOPICS) {
      expect(INITIATION_TEXTS[topic].da.title.length).toBeGreaterThan(0);
      expect(INITIATION_TEXTS[topic].en.title.length).toBeGreaterThan(0);
    }
  });

  for (const [topic, name, input] of CASES) {
    for (const lang of ['da', 'en'] as const) {
      it(`renders ${topic} (${name}) in ${lang} as a valid card with a summary under 140 characters`, () => {
        const r = rec(topic, input);
        const raw = wordsOf(r, lang).summary;
        expect([...raw].length).toBeLessThan(140);
        const cards = renderCards([r], renderCtx(lang));
        expectValidResponse({ cards });
        const card = cards[0];
        expect(card?.summary).toBe(raw);
        expect(card?.source.topic?.code).toBe(topic);
        expect(card?.detail).toContain(lang === 'da' ? '**Begrundelse**' : '**Why**');
        expect(card?.links?.length ?? 0).toBeGreaterThan(0);
      });
    }
  }

  const danish = (topic: InitiationTopic, input: FactsInput) => {
    const [card] = renderCards([rec(topic, input)], renderCtx('da'));
    if (card === undefined) throw new Error('no card');
    return card;
  };

  it('leads with the correction when a pre-start check failed (rules/agreement.ts), in every variant under 140 characters', () => {
    const base = rec('treatment-indicated', { age: 70, dxa: [spine], vitals: lowBmi });
    if (base.topic !== 'treatment-indicated') throw new Error('not the treatment card');
    const first = renderCards([{ ...base, correctFirst: ['hypocalcaemia'] }], renderCtx('da'))[0];
    expect(first?.summary).toBe('Korrigér hypocalcæmien først, start så alendronat 70 mg ugetablet');
    for (const choice of ['first-choice', 'second-choice'] as const) {
      for (const anabolicCandidate of [false, true]) {
        for (const lang of ['da', 'en'] as const) {
          const [card] = renderCards([{ ...base, choice, anabolicCandidate, correctFirst: ['hypocalcaemia', 'vitamin-d-low'] }], renderCtx(lang));
          expect([...(card?.summary ?? '')].length, card?.summary).toBeLessThan(140);
          expect(card?.summary).toMatch(lang === 'da' ? /^Korrigér hypocalcæmi og giv D-vitamin først/ : /^Correct hypocalcaemia and give vitamin D first/);
        }
      }
    }
  });

  it('proposes alendronate with the checks before the start, and leaves intake and side effects to the guideline page', () => {
    const card = danish('treatment-indicated', { age: 70, dxa: [spine], vitals: lowBmi });
    expect(card.summary).toMatch(/^Start behandling: alendronat 70 mg ugetablet/);
    for (const words of ['eGFR > 35 ml/min', 'calcium og D-vitamin', 'orientere tandlæge', 'Indtagelse, bivirkninger og 2. valg: se Læs mere']) {
      expect(card.detail).toContain(words);
    }
    expect(card.detail).toContain('T-score −2,8 (columna, 12.08.2026)');
    expect(card.selectionBehavior).toBe('at-most-one');
    const mr = card.suggestions?.[0]?.actions?.[0];
    expect(mr?.type === 'create' ? mr.resource : undefined).toMatchObject({ resourceType: 'MedicationRequest', status: 'draft', intent: 'order', medicationCodeableConcept: { coding: [{ code: 'M05BA04' }, { code: '904431' }] } });
  });

  it('says the T-score was measured at low vitamin D (vitamin-d-before-dxa beside it), in summary and detail, both languages', () => {
    for (const lang of ['da', 'en'] as const) {
      for (const input of [{ age: 70, dxa: [spine], vitals: lowBmi }, { age: 70, dxa: [spine], vitals: lowBmi, conditions: [condition('peptic-ulcer')] }]) {
        const r = { ...rec('treatment-indicated', input), tScoreAtLowVitaminD: true as const } as Recommendation;
        const [card] = renderCards([r], renderCtx(lang));
        expect(card?.detail).toContain(lang === 'da' ? 'OBS: T-score målt ved P-25-OH-Vit.D ≤ 50 nmol/L' : 'Note: T-score measured at 25-OH vitamin D ≤ 50 nmol/L');
        expect([...(card?.summary ?? '')].length).toBeLessThan(140);
        expect(card?.summary).not.toMatch(/…$/);
      }
      const [first] = renderCards([{ ...rec('treatment-indicated', { age: 70, dxa: [spine], vitals: lowBmi }), tScoreAtLowVitaminD: true } as Recommendation], renderCtx(lang));
      expect(first?.summary).toContain(lang === 'da' ? 'OBS: T-score målt ved lavt D-vitamin' : 'note: T-score measured at low vitamin D');
    }
  });

  it('opens with "check the medication list" when it could not be had, in summary (under 140) and detail, both languages, and ticks no start', () => {
    for (const lang of ['da', 'en'] as const) {
      for (const input of [{ age: 70, dxa: [spine], vitals: lowBmi }, { age: 70, dxa: [spine], vitals: lowBmi, conditions: [condition('peptic-ulcer')] }]) {
        const [card] = renderCards([rec('treatment-indicated', { ...input, unavailable: ['medicationStatements'] })], renderCtx(lang));
        expect(card?.summary).toMatch(lang === 'da' ? /^Tjek medicinlisten: start / : /^Check medications: start /);
        expect([...(card?.summary ?? '')].length).toBeLessThan(140);
        expect(card?.summary).not.toMatch(/…$/);
        expect(card?.detail).toContain(lang === 'da' ? '**Medicinlisten kunne ikke hentes:**' : '**The medication list could not be fetched:**');
        expect(card?.suggestions?.some((s) => s.isRecommended === true)).toBe(false);
      }
    }
    expect(danish('treatment-indicated', { age: 70, dxa: [spine], vitals: lowBmi }).summary).toMatch(/^Start behandling/);
  });

  it('a pause ended only by a fracture of unknown mechanism says "if low-energy"; beside a definite indication it is over', () => {
    const base: Recommendation<'treatment-indicated'> = { topic: 'treatment-indicated', indicator: 'warning', reasons: ['pause-ended'], evidence: ['Condition/fx'], findings: [], suggestions: [{ kind: 'prescribe', drug: 'alendronate-tablet', recommended: true }], selectionBehavior: 'at-most-one', choice: 'first-choice', anabolicCandidate: false, pauseEndedIfLowEnergy: true };
    const summary = (r: Recommendation, lang: Language) => renderCards([r], renderCtx(lang))[0]?.summary ?? '';
    expect(summary(base, 'da')).toContain('pause slut, hvis lavenergibrud');
    expect(summary(base, 'en')).toContain('pause over if low-energy fracture');
    // The second choice's longer summary keeps the condition whole.
    const parenteral = { ...base, choice: 'second-choice', suggestions: [{ kind: 'prescribe', drug: 'denosumab-biosimilar', recommended: true }, { kind: 'referral', to: 'zoledronic-acid' }] } as const;
    for (const lang of ['da', 'en'] as const) expect(summary(parenteral, lang)).toMatch(lang === 'da' ? /hvis lavenergibrud$/ : /low-energy fracture$/);
    expect(summary({ ...base, reasons: ['pause-ended', 'spine-fracture'] }, 'da')).toContain('behandlingspausen er slut');
    const { pauseEndedIfLowEnergy: _known, ...certain } = base;
    expect(summary(certain, 'da')).toMatch(/behandlingspausen er slut$/);
    for (const lang of ['da', 'en'] as const) expect(summary(base, lang).length).toBeLessThan(140);
  });

  it('names Binosto with its clause-restricted reimbursement for swallowing difficulty', () => {
    const card = danish('treatment-indicated', { age: 70, dxa: [spine], vitals: lowBmi, conditions: [condition('dysphagia')] });
    expect(card.summary).toContain('Binosto');
    expect(card.detail).toContain('Har klausuleret tilskud og er dyrt');
  });

  it('gives the second choice with the 7-month limit, the follow-on rule and the zoledronic acid referral', () => {
    const card = danish('treatment-indicated', { age: 70, fractures: [fracture('spine', '2026-04-01')], conditions: [condition('peptic-ulcer')] });
    expect(card.summary).toContain('2. valg');
    for (const words of ['biosimilær', 'Der må max gå 7 måneder', 'SKAL anden behandling igangsættes', 'typisk behandling på hospital', 'eGFR > 35 ml/min']) {
      expect((card.detail ?? '').toLowerCase()).toContain(words.toLowerCase());
    }
    // The biosimilars by name are on the suggestion itself.
    expect(card.suggestions?.map((s) => s.label).join(' ')).toContain('Izamby');
    expect(card.suggestions?.map((s) => s.isRecommended ?? false)).toEqual([true, false]);
  });

  it('names only the second-choice drug it offers beside an intolerance to the other, in summary and list, both languages', () => {
    const base = rec('treatment-indicated', { age: 70, fractures: [fracture('spine', '2026-04-01')], conditions: [condition('peptic-ulcer')] });
    const noZol = { ...base, notOffered: ['zoledronic-acid' as const] };
    const [da] = renderCards([noZol], renderCtx('da'));
    expect(da?.summary).toBe('Start behandling (2. valg, parenteral): denosumab 60 mg s.c. hver 6. måned');
    expect(da?.detail).not.toContain('**Zoledronsyre**');
    expect(da?.detail).not.toContain('Vælg én');
    const [en] = renderCards([{ ...base, notOffered: ['denosumab' as const] }], renderCtx('en'));
    expect(en?.summary).toBe('Start treatment (second choice, parenteral): zoledronic acid 5 mg i.v. yearly');
    expect(en?.detail).not.toContain('**Denosumab**');
  });

  it('says "hvis lavenergibrud" and refers instead of prescribing when eGFR ≤ 35', () => {
    const card = danish('treatment-indicated', { age: 70, fractures: [fracture('spine', '2026-04-01', 'unknown')], labs: { egfr: [egfr(30, '2026-10-01')] } });
    expect(card.summary).toMatch(/^Henvis til endokrinolog/);
    expect(card.summary).toContain('hvis lavenergibrud');
    expect(card.detail).toContain('Start ikke i almen praksis');
    expect(card.detail).toContain('tjek, at eGFR > 35 ml/min');
    expect(card.detail).toContain('Kun ved lavenergibrud');
    expect(card.detail).toContain('denosumab');
    expect(card.suggestions?.every((s) => s.actions?.every((a) => a.type === 'create' && a.resource.resourceType === 'ServiceRequest'))).toBe(true);
  });

  it('after 10 years of oral bisphosphonate refers instead of alendronate again (card l. 198-199), and says why, both languages', () => {
    const input: FactsInput = { age: 80, fractures: [fracture('spine', '2026-04-01')], courses: [course('alendronate', '2012-01-01', { status: 'ended', end: '2022-01-01' })] };
    const card = danish('treatment-indicated', input);
    expect(card.summary).toBe('Henvis til endokrinolog: indikation for behandling, men 10 års bisfosfonat er nået – start ikke alendronat igen');
    expect(card.detail).toContain('10 års peroral bisfosfonat er nået');
    expect(card.detail).toContain('kan udstrækkes til 10 år');
    expect(card.detail).not.toContain('Før start');
    expect(card.suggestions?.map((s) => s.label)).toEqual([expect.stringContaining('endokrinolog')]);
    const [en] = renderCards([rec('treatment-indicated', input)], renderCtx('en'));
    expect(en?.summary).toBe('Refer to endocrinology: treatment indicated, but 10 years of bisphosphonate reached – do not start alendronate again');
    expect(en?.detail).toContain('do not start alendronate again');
    // Beside eGFR ≤ 35 the summary names the eGFR (do not start at all), the detail the 10 years.
    const both = danish('treatment-indicated', { ...input, labs: { egfr: [egfr(30, '2026-10-01')] } });
    expect(both.summary).toBe('Henvis til endokrinolog: indikation for behandling, men eGFR ≤ 35 ml/min – start ikke behandling');
    expect(both.detail).toContain('10 års peroral bisfosfonat er nået');
  });

  it('lists the pre-start checks with their status and asks for fasting CTX under glucocorticoid', () => {
    const card = danish('pretreatment-checks', {
      age: 70,
      glucocorticoid: glucocorticoid({ active: true, currentDailyMg: 10, highDoseThreeMonths: true }),
      dxa: [spine],
      labs: { egfr: [egfr(60, '2026-11-01')], vitaminD: [vitaminD(50, '2026-10-01')] },
    });
    expect(card.indicator).toBe('warning');
    expect(card.summary).toBe('P-25-OH-Vit.D ≤ 50 nmol/L – giv D-vitamin først; tag P-calcium og initial knoglemarkør; mål højden');
    expect(card.detail).toContain('P-25-OH-Vit.D > 50 nmol/L: **ikke opfyldt**');
    expect(card.detail).toContain('eGFR > 35 ml/min: i orden');
    expect(card.detail).toContain('CTX, fastende før kl. 10');
    expect(card.detail).toContain('P-25-OH-vitamin D 50 nmol/L (01.10.2026)');
  });

  it('refers for a DXA "to the same place as before" only when a scan is on record; calcium 800–1,200 mg from diet and supplement', () => {
    const none = danish('dxa-workup-suggested', { age: 70, vitals: lowBmi });
    expect(none.detail).not.toContain('samme sted');
    const earlier = danish('dxa-workup-suggested', { age: 70, vitals: lowBmi, dxa: [scan('2019-01-01', { 'lumbar-spine': -1.8 }, { performer: { display: 'Bispebjerg' } })] });
    expect(earlier.detail).toContain('samme sted som ved tidligere skanning');
    expect(danish('vitamin-d-calcium', { age: 70, dxa: [spine] }).summary).toContain('fra kost og evt. tilskud');
  });

  it('says in the summary (all that shows when folded) that the marker waits a year after a recent fracture', () => {
    const card = danish('pretreatment-checks', { age: 70, fractures: [fracture('hip', '2026-09-01')], labs: { egfr: [egfr(60, '2026-11-01')], vitaminD: [vitaminD(80, '2026-10-01')] } });
    expect(card.summary).toContain('knoglemarkør først ét år efter bruddet (01.09.2027)');
    expect([...card.summary].length).toBeLessThan(140);
  });

  it('a checks summary that would overrun 140 characters is said shorter, whole, with the marker date', () => {
    const input = { age: 70, fractures: [fracture('spine', '2026-09-01')], labs: { calcium: [calcium(2.0, '2026-11-01')], vitaminD: [vitaminD(40, '2026-10-01')] } };
    for (const lang of ['da', 'en'] as const) {
      const [card] = renderCards([rec('pretreatment-checks', input)], renderCtx(lang));
      expect([...(card?.summary ?? '')].length).toBeLessThan(140);
      expect(card?.summary).not.toContain('…');
      expect(card?.summary).toContain(lang === 'da' ? '01.09.2027' : '1 Sep 2027');
    }
  });

  it('advises D3 and calcium in the card\'s numbers, citrate for PPI users', () => {
    const card = danish('vitamin-d-calcium', { age: 70, dxa: [spine], medications: [medication('ppi', '2024-01-01')] });
    // In the summary too: folded onto another card, the summary is all that shows.
    expect(card.summary).toContain('calcium-citrat ved PPI');
    for (const words of ['20–40 µg D3-vitamin', '70–125 nmol/L', 'Tjek tidligst efter 3 mdr.', '800–1.200 mg calcium', 'Calcium-citrat', 'PPI']) expect(card.detail).toContain(words);
  });

  it('does not say "raise the dose" from a value taken before the supplement could act: the day to recheck from (l. 103)', () => {
    const input = { age: 70, dxa: [spine], medications: [medication('colecalciferol', '2026-10-20')], labs: { vitaminD: [vitaminD(40, '2026-10-01')] } };
    const card = danish('vitamin-d-calcium', input);
    expect(card.summary).toBe('D3-tilskud nyligt startet: tjek P-25-OH-Vit.D tidligst 20.01.2027, før dosis øges');
    expect(card.detail).not.toContain('øg dosis');
    const passed = danish('vitamin-d-calcium', { ...input, medications: [medication('colecalciferol', '2026-07-20')] });
    expect(passed.summary).toContain('tjek P-25-OH-Vit.D nu');
    const judged = danish('vitamin-d-calcium', { ...input, medications: [medication('colecalciferol', '2026-07-01')] });
    expect(judged.summary).toContain('Øg D3-dosis');
  });

  it('highlights the patient\'s own lifestyle points in the card\'s list', () => {
    const card = danish('bone-healthy-lifestyle', { age: 70, dxa: [spine], lifestyle: { smoking: { current: true, ref: 'Observation/s' } } });
    expect(card.summary).toBe('Fysisk aktivitet og rygeophør');
    expect(card.detail).toContain('**Rygeophør.**');
    expect(card.detail).toContain('Osteoporoseforeningen.dk');
  });

  it('asks for vitamin D in level before the DXA and keeps the DXA referral', () => {
    const card = danish('dxa-workup-suggested', { age: 70, lifestyle: { smoking: { current: true, ref: 'Observation/s' } }, labs: { vitaminD: [vitaminD(35, '2026-10-01')] } });
    expect(card.detail).toContain('D-vitamin bør være i niveau før DXA-skanning');
    expect(card.suggestions?.map((s) => s.label)).toEqual(['Henvis til DXA-skanning', 'Ordinér D3-vitamin (colecalciferol) 20 µg']);
    expect(card.selectionBehavior).toBe('any');
  });

  it('says "if low-energy" when the treatment card rests only on a forearm fracture of unknown mechanism (rules.md section 1, reason `-possible`)', () => {
    const possible = INITIATION_RULES['treatment-indicated'](ctxOf(patient({ age: 68, dxa: [scan('2026-06-01', { 'lumbar-spine': -2.7 })], fractures: [fracture('forearm', '2025-02-01', 'unknown')] })));
    if (possible === undefined) throw new Error('the possible fracture does not indicate treatment');
    expect(possible.reasons).toContain('risk-prior-fracture-possible');
    // Here an anabolic candidate too (T < −2.5, the fracture within 3 years): the summary leads with it.
    expect(possible.anabolicCandidate).toBe(true);
    expect(wordsOf(possible, 'da').summary).toMatch(/^Hvis lavenergibrud: start alendronat/);
    expect(wordsOf(possible, 'en').summary).toMatch(/^If low-energy fracture: start alendronate/);
    const older = INITIATION_RULES['treatment-indicated'](ctxOf(patient({ age: 68, dxa: [scan('2026-06-01', { 'lumbar-spine': -2.7 })], fractures: [fracture('forearm', '2022-02-01', 'unknown')] })));
    if (older === undefined) throw new Error('the possible fracture does not indicate treatment');
    expect(older.anabolicCandidate).toBe(false);
    expect(wordsOf(older, 'da').summary).toContain('hvis lavenergibrud');
    expect(wordsOf(older, 'en').summary).toContain('if low-energy fracture');
    // A known risk factor beside it: the indication holds whatever the fracture's mechanism.
    const known = INITIATION_RULES['treatment-indicated'](ctxOf(patient({ age: 68, dxa: [scan('2026-06-01', { 'lumbar-spine': -2.7 })], fractures: [fracture('forearm', '2025-02-01', 'unknown')], vitals: { bmi: [bmi(18.2, '2026-06-01')] } })));
    if (known === undefined) throw new Error('the low BMI does not indicate treatment');
    expect(wordsOf(known, 'da').summary).not.toContain('hvis bruddet');
  });
});
