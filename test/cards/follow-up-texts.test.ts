/**
 * Every follow-up topic rendered through `renderCards` in Danish and English: a valid CDS Hooks
 * response, summaries under 140 characters, no empty fields, and the card's own Danish terms.
 */
import { describe, expect, it } from 'vitest';
import { formatFinding } from '../../src/cards/text/findings.js';
import { DEFAULT_LINKS } from '../../src/cards/links.js';
import { DEFAULT_SETTINGS } from '../../src/rules/settings.js';
import { renderCards, type RenderContext } from '../../src/cards/render.js';
import { FOLLOW_UP_TEXTS } from '../../src/cards/text/follow-up/index.js';
import { wordsOf } from '../../src/cards/text/index.js';
import { FOLLOW_UP_TOPICS, type FollowUpTopic } from '../../src/contract/topics.js';
import { FOLLOW_UP_RULES } from '../../src/rules/follow-up/index.js';
import { evaluatePatientView } from '../../src/rules/index.js';
import { zoledronicAcidInfusionDue } from '../../src/rules/follow-up/zoledronic-acid-infusion-due.js';
import type { PatientFacts } from '../../src/facts/types.js';
import type { Recommendation } from '../../src/contract/recommendations.js';
import { calcium, condition, course, creatinine, ctxOf, egfr, fracture, glucocorticoid, intolerance, medication, p1np, patient, scan, vitaminD } from '../helpers/facts.js';
import { expectValidResponse } from '../helpers/validate.js';

const renderCtx = (lang: 'da' | 'en'): RenderContext => ({ lang, patientRef: 'Patient/p1', today: '2026-11-26', female: true, drafts: new Map(), links: DEFAULT_LINKS, settings: DEFAULT_SETTINGS });

const woman = { sex: 'female' as const, age: 72 };
const rh = { reference: 'Organization/rh', display: 'Rigshospitalet, Knoglescanning' };

/** One patient per topic (TODAY = 2026-11-26), plus the Danish words the card must use. */
export const CASES: Readonly<Record<FollowUpTopic, { facts: PatientFacts; da: readonly string[]; en: readonly string[] }>> = {
  'btm-follow-up-due': {
    facts: patient({ ...woman, courses: [course('alendronate', '2026-06-01')], glucocorticoid: glucocorticoid({ active: true, currentDailyMg: 7.5 }) }),
    da: ['CTX', 'fastende før kl. 10', 'hård motion inden for 24 timer'],
    en: ['CTX', 'fasting before 10 am', 'hard exercise within 24 hours'],
  },
  'btm-response-adequate': {
    facts: patient({ ...woman, courses: [course('alendronate', '2026-03-02')], labs: { boneMarkers: [p1np(100, '2026-02-20'), p1np(69.9, '2026-06-10')] } }),
    da: ['Fortsæt behandling', 'fald 30,1 %', 'compliance'],
    en: ['Continue treatment', 'fall 30.1 %'],
  },
  'btm-response-inadequate': {
    facts: patient({ ...woman, courses: [course('alendronate', '2026-03-02')], labs: { boneMarkers: [p1np(100, '2026-02-20'), p1np(70, '2026-06-10')] } }),
    da: ['korrekt indtag', 'compliance (se evt. FMK)', 'fastende om morgenen', 'fald 30 %'],
    en: ['correct intake', 'FMK'],
  },
  'switch-to-parenteral': {
    facts: patient({ ...woman, courses: [course('alendronate', '2026-01-10')], intolerances: [intolerance('alendronate')] }),
    da: ['parenteral behandling', 'Zoledronsyre', 'SKAL anden behandling igangsættes'],
    en: ['parenteral treatment', 'Zoledronic acid', 'MUST be started'],
  },
  'dxa-follow-up-due': {
    facts: patient({ ...woman, courses: [course('alendronate', '2024-11-26')], dxa: [scan('2024-10-01', { 'total-hip': -2.6 }, { performer: rh })] }),
    da: ['DXA-skanning', 'samme hospital', 'Rigshospitalet'],
    en: ['DXA scan', 'same hospital'],
  },
  'bisphosphonate-pause-candidate': {
    facts: patient({ ...woman, courses: [course('alendronate', '2020-06-01')], dxa: [scan('2026-09-01', { 'total-hip': -2.0 })] }),
    da: ['behandlingspause', 'T-score (hofte) > −2,5', 'lang halveringstid', 'tidligst efter 2 år'],
    en: ['treatment pause', 'hip T-score > −2.5'],
  },
  'bisphosphonate-continue': {
    facts: patient({ ...woman, courses: [course('alendronate', '2020-06-01')], dxa: [scan('2026-09-01', { 'total-hip': -2.7 })] }),
    da: ['Fortsæt', '10 år', 'T-score (hofte) ≤ −2,5', 'T-score −2,7'],
    en: ['Continue', '10 years', 'T-score −2.7'],
  },
  'bisphosphonate-ten-years': {
    facts: patient({ ...woman, courses: [course('alendronate', '2015-06-01')] }),
    da: ['10 års peroral bisfosfonat', 'endokrinolog'],
    en: ['10 years of oral bisphosphonate', 'endocrinology'],
  },
  'bisphosphonate-pause-review': {
    // Alendronate 2018-03-01 → 2024-03-01 (6 years), stopped with hip T-score −2.1 and no fracture: paused; 2 years passed on 2026-03-01.
    facts: patient({
      ...woman,
      courses: [course('alendronate', '2018-03-01', { status: 'stopped', end: '2024-03-01', stoppedOn: '2024-03-01' })],
      dxa: [scan('2023-11-01', { 'total-hip': -2.1, 'lumbar-spine': -2.4 }, { performer: rh })],
    }),
    da: ['Henvis til DXA-skanning', 'behandlingspause siden 01.03.2024', 'samme hospital'],
    en: ['Refer for a DXA scan', 'treatment pause since'],
  },
  'denosumab-injection-due': {
    facts: patient({ ...woman, courses: [course('denosumab', '2024-05-26', { lastDose: '2026-05-26' })] }),
    da: ['denosumab-injektion', 'max gå 7 måneder', 'P-calcium', '26.12.2026'],
    en: ['denosumab injection', '26 Dec 2026'],
  },
  'denosumab-overdue': {
    facts: patient({ ...woman, courses: [course('denosumab', '2024-03-20', { lastDose: '2026-03-20' })] }),
    da: ['over 7 måneder', 'hurtigt knogletab', 'SKAL anden behandling'],
    en: ['more than 7 months', 'rapid bone loss'],
  },
  'denosumab-stopped': {
    facts: patient({ ...woman, courses: [course('denosumab', '2024-03-20', { lastDose: '2026-08-15', status: 'stopped', stoppedOn: '2026-11-01' })] }),
    da: ['SKAL anden behandling igangsættes', 'zoledronsyre ca. 15.02.2027'],
    en: ['MUST be started', '15 Feb 2027'],
  },
  'zoledronic-acid-infusion-due': {
    facts: patient({ ...woman, courses: [course('zoledronic-acid', '2024-12-01', { lastDose: '2025-12-01' })], labs: { egfr: [egfr(60, '2026-11-20')] } }),
    da: ['P-calcium, -kreatinin og -25-OH-vitamin D', 'før hver infusion', '01.12.2026'],
    en: ['before each infusion'],
  },
  'anabolic-treatment-consideration': {
    facts: patient({ ...woman, dxa: [scan('2026-01-15', { 'lumbar-spine': -3.0 })], fractures: [fracture('spine', '2026-02-01')], conditions: [condition('stroke', { onset: '2020-01-01' })] }),
    da: ['anabol', 'romosozumab', 'teriparatid', 'apopleksi', 'Lavenergibrud: ryg (columna)'],
    en: ['anabolic', 'romosozumab', 'teriparatide', 'stroke'],
  },
  'endocrinology-referral': {
    facts: patient({ ...woman, courses: [course('alendronate', '2023-03-01')], labs: { egfr: [egfr(52, '2026-03-01'), egfr(44, '2026-10-01')], calcium: [calcium(2.8, '2026-10-01')] } }),
    da: ['Henvis til endokrinolog', 'progredierende nyrefunktionstab', 'sekundær osteoporose'],
    en: ['Refer to endocrinology', 'secondary osteoporosis'],
  },
  'btm-interfering-medication': {
    facts: patient({ ...woman, courses: [course('alendronate', '2026-08-01')], medications: [medication('antiepileptic', '2026-09-15')] }),
    da: ['antiepileptikum', 'start/dosisændring', 'antiøstrogen'],
    en: ['antiepileptic', 'dose change'],
  },
};

function recommendation<T extends FollowUpTopic>(topic: T): Recommendation<T> {
  const rec = FOLLOW_UP_RULES[topic](ctxOf(CASES[topic].facts));
  if (rec === undefined) throw new Error(`${topic}: the case does not fire`);
  expect(rec.topic).toBe(topic);
  return rec;
}

describe('follow-up card texts', () => {
  it('has Danish and English text for every follow-up topic', () => {
    for (const topic of FOLLOW_UP_TOPICS) {
      expect(FOLLOW_UP_TEXTS[topic].da.title.length).toBeGreaterThan(0);
      expect(FOLLOW_UP_TEXTS[topic].en.title.length).toBeGreaterThan(0);
    }
  });

  for (const topic of FOLLOW_UP_TOPICS) {
    for (const lang of ['da', 'en'] as const) {
      it(`${topic} (${lang}): renders a valid card in the card's terms`, () => {
        const rec = recommendation(topic);
        const cards = renderCards([rec], renderCtx(lang));
        expectValidResponse({ cards });
        const [card] = cards;
        expect([...(card?.summary ?? '')].length).toBeLessThan(140);
        expect(card?.summary).not.toMatch(/undefined|NaN|\[object/);
        expect(card?.detail).not.toMatch(/undefined|NaN|\[object/);
        expect(card?.source.topic?.code).toBe(topic);
        const text = `${card?.summary ?? ''}\n${card?.detail ?? ''}`;
        for (const word of CASES[topic][lang]) expect(text).toContain(word);
        expect(card?.detail).toContain(lang === 'da' ? '**Begrundelse**' : '**Why**');
      });
    }
  }

  it('says "now" when the follow-on after a stopped denosumab was due on a date gone by, never "ca." that date', () => {
    const facts = patient({ ...woman, courses: [course('denosumab', '2024-03-01', { lastDose: '2026-03-01', status: 'stopped', stoppedOn: '2026-04-01' })] });
    const rec = FOLLOW_UP_RULES['denosumab-stopped'](ctxOf(facts));
    const [da] = renderCards([rec!], renderCtx('da'));
    expect(da?.summary).toContain('typisk zoledronsyre nu (aktuel fra 01.09.2026)');
    expect(da?.summary).not.toContain('ca. 01.09.2026');
    const [en] = renderCards([rec!], renderCtx('en'));
    expect(en?.summary).toContain('usually zoledronic acid now (due since');
  });

  it('says "possible" low-energy fracture and asks for the mechanism when the anabolic card rests only on fractures of unknown mechanism', () => {
    const facts = patient({ ...woman, dxa: [scan('2026-01-15', { 'total-hip': -2.8 })], fractures: [fracture('hip', '2025-05-01', 'unknown')] });
    const rec = FOLLOW_UP_RULES['anabolic-treatment-consideration'](ctxOf(facts));
    expect(rec?.reasons).toEqual(['woman-fracture-3y']);
    const [da] = renderCards([rec!], renderCtx('da'));
    expect(da?.summary).toContain('muligt lavenergibrud');
    expect(da?.detail).toContain('mekanisme er ikke registreret');
    const [en] = renderCards([rec!], renderCtx('en'));
    expect(en?.summary).toContain('possible low-energy fracture');
    // A known low-energy fracture reads as it did.
    const known = renderCards([recommendation('anabolic-treatment-consideration')], renderCtx('da'))[0];
    expect(known?.summary).not.toContain('muligt');
    expect(known?.detail).not.toContain('mekanisme er ikke registreret');
    expect(known?.suggestions?.[0]?.label).not.toContain('romosozumab');
  });

  it('says "possible" for a man\'s two spine fractures of unknown mechanism too (rules.md section 1: the card says "if low-energy")', () => {
    const man = { sex: 'male' as const, age: 72 };
    const facts = patient({ ...man, fractures: [fracture('spine', '2018-03-01', 'unknown'), fracture('spine', '2021-09-01', 'unknown')] });
    const rec = FOLLOW_UP_RULES['anabolic-treatment-consideration'](ctxOf(facts));
    expect(rec?.reasons).toEqual(['man-two-spine-fractures']);
    expect(renderCards([rec!], renderCtx('da'))[0]?.summary).toContain('≥ 2 mulige lavenergibrud i ryg');
    expect(renderCards([rec!], renderCtx('en'))[0]?.summary).toContain('≥ 2 possible low-energy spine fractures');
    const known = patient({ ...man, fractures: [fracture('spine', '2018-03-01'), fracture('spine', '2021-09-01')] });
    expect(renderCards([FOLLOW_UP_RULES['anabolic-treatment-consideration'](ctxOf(known))!], renderCtx('en'))[0]?.summary).toContain('≥ 2 low-energy spine fractures');
  });

  it('names the romosozumab bar (myocardial infarction on record) in the anabolic summary, so it survives folding onto the treatment card', () => {
    const mi = condition('myocardial-infarction', { active: false, onset: '2019-04-01' });
    const facts = patient({ ...woman, dxa: [scan('2026-01-15', { 'total-hip': -2.6 })], fractures: [fracture('hip', '2025-11-01')], conditions: [mi] });
    const recs = evaluatePatientView(ctxOf(facts));
    for (const lang of ['da', 'en'] as const) {
      const cards = renderCards(recs, renderCtx(lang), { grouping: 'folded', ruleSet: 'patient-view' });
      const carrier = cards.find((c) => JSON.stringify(c.extension).includes('anabolic-treatment-consideration'));
      expect(carrier?.detail).toContain(lang === 'da' ? 'ikke romosozumab (infarkt/apopleksi i journalen)' : 'not romosozumab (infarction/stroke on record)');
      expect(carrier?.extension['osteo-cds.evidence']).toContain(mi.ref);
      for (const c of cards) expect([...c.summary].length).toBeLessThan(140);
    }
  });

  it('the pause review after 10 years of oral bisphosphonate no longer says "resume, up to 10 years in total": it says refer, not alendronate again', () => {
    const base = recommendation('bisphosphonate-pause-review');
    const [da] = renderCards([{ ...base, tenYears: true }], renderCtx('da'));
    expect(da?.detail).not.toContain('op til 10 år');
    expect(da?.detail).toContain('10 års peroral bisfosfonat er allerede nået');
    expect(da?.detail).toContain('henvises til endokrinolog – ikke alendronat igen');
    const [en] = renderCards([{ ...base, tenYears: true }], renderCtx('en'));
    expect(en?.detail).not.toContain('up to 10 years');
    expect(en?.detail).toContain('refer to endocrinology – not alendronate again');
    // Before 10 years the card still says resume, up to 10 years in total.
    expect(renderCards([base], renderCtx('da'))[0]?.detail).toContain('i alt op til 10 år');
  });

  it('the pause review due 2 years after a scan in the pause says the 2 years count from that scan, not from the pause start', () => {
    const base = recommendation('bisphosphonate-pause-review');
    const due = { ...base, reasons: ['pause-continues', 'pause-dxa-due'] } as Recommendation;
    const [da] = renderCards([due], renderCtx('da'));
    expect(da?.summary).toContain('mindst 2 år siden seneste DXA i pausen');
    const [en] = renderCards([due], renderCtx('en'));
    expect(en?.summary).toContain('at least 2 years since the last DXA in the pause');
    // No scan in the pause: the 2 years are the pause's own.
    const [first] = renderCards([{ ...base, reasons: ['pause-dxa-due'] }], renderCtx('da'));
    expect(first?.summary).toContain('– 2 år er gået');
  });

  it('never says "continue" on a bisphosphonate held for eGFR ≤ 35 (the endocrinology referral says hold)', () => {
    for (const topic of ['btm-response-adequate', 'bisphosphonate-continue'] as const) {
      const [da] = renderCards([{ ...recommendation(topic), notContinued: 'egfr-low' }], renderCtx('da'));
      expect(`${da?.summary}\n${da?.detail}`).not.toMatch(/Fortsæt/);
      expect(da?.summary).toContain('hold pause');
      expect(da?.detail).toContain('hold pause med bisfosfonat');
      const [en] = renderCards([{ ...recommendation(topic), notContinued: 'egfr-low' }], renderCtx('en'));
      expect(`${en?.summary}\n${en?.detail}`).not.toMatch(/Continue/);
    }
  });

  it('never says "continue" beside a treatment-failure referral, in both languages and under 140 characters', () => {
    for (const topic of ['btm-response-adequate', 'bisphosphonate-continue'] as const) {
      for (const lang of ['da', 'en'] as const) {
        const [card] = renderCards([{ ...recommendation(topic), notContinued: 'treatment-failure' }], renderCtx(lang));
        expect(`${card?.summary}\n${card?.detail}`).not.toMatch(lang === 'da' ? /Fortsæt/ : /Continue/);
        expect(card?.summary).toContain(lang === 'da' ? 'behandlingssvigt: henvis til endokrinolog' : 'treatment failure: refer to endocrinology');
        expect([...(card?.summary ?? '')].length).toBeLessThan(140);
      }
    }
  });

  it('never says "continue" beside a switch to parenteral treatment either', () => {
    for (const topic of ['btm-response-adequate', 'bisphosphonate-continue'] as const) {
      const [da] = renderCards([{ ...recommendation(topic), notContinued: 'switch-to-parenteral' }], renderCtx('da'));
      expect(`${da?.summary}\n${da?.detail}`).not.toMatch(/Fortsæt/);
      expect(da?.summary).toContain('skift til parenteral behandling');
      expect([...(da?.summary ?? '')].length).toBeLessThan(140);
      const [en] = renderCards([{ ...recommendation(topic), notContinued: 'switch-to-parenteral' }], renderCtx('en'));
      expect(`${en?.summary}\n${en?.detail}`).not.toMatch(/Continue/);
      expect([...(en?.summary ?? '')].length).toBeLessThan(140);
    }
  });

  it('uses Danish decimal commas and a real minus in Danish and points in English', () => {
    const rec = recommendation('bisphosphonate-continue');
    expect(renderCards([rec], renderCtx('da'))[0]?.detail).toContain('−2,7');
    expect(renderCards([rec], renderCtx('en'))[0]?.detail).toContain('−2.7');
  });

  it('switch-to-parenteral says the oral bisphosphonate stops when the parenteral treatment starts (its denosumab order alone would leave both running)', () => {
    const rec: Recommendation = { ...recommendation('switch-to-parenteral'), reasons: ['persistent-insufficient-fall'] };
    expect(renderCards([rec], renderCtx('da'))[0]?.detail).toContain('Den perorale bisfosfonat seponeres, når den parenterale behandling starter.');
    expect(renderCards([rec], renderCtx('en'))[0]?.detail).toContain('Stop the oral bisphosphonate when the parenteral treatment starts.');
    // Not tolerated: it stops now, not after a hospital appointment.
    const intolerance: Recommendation = { ...recommendation('switch-to-parenteral'), reasons: ['persistent-insufficient-fall', 'intolerance'] };
    expect(renderCards([intolerance], renderCtx('da'))[0]?.detail).toContain('Ved utålelige bivirkninger seponeres den perorale bisfosfonat nu.');
    expect(renderCards([intolerance], renderCtx('da'))[0]?.detail).not.toContain('når den parenterale behandling starter');
  });

  it('gives every variant of a summary under 140 characters', () => {
    const variants: Recommendation[] = [
      { ...recommendation('switch-to-parenteral'), reasons: ['persistent-insufficient-fall', 'intolerance', 'non-adherence'] },
      { ...recommendation('endocrinology-referral'), reasons: ['bmd-fall', 'fractures-on-treatment', 'no-btm-suppression', 'intolerance', 'egfr-falling', 'denosumab-stop', 'secondary-osteoporosis'] },
      { ...recommendation('btm-follow-up-due'), reasons: ['three-months-on-treatment', 'fracture-before-start'] },
      { ...recommendation('btm-follow-up-due'), reasons: ['recheck-after-correction'] },
      { ...recommendation('anabolic-treatment-consideration'), reasons: ['man-spine-fracture-3y'], candidate: 'man' },
      { ...recommendation('dxa-follow-up-due'), reasons: ['five-year-dxa'] },
      { ...recommendation('btm-response-adequate'), notContinued: 'egfr-low' },
      { ...recommendation('btm-response-adequate'), reasons: ['below-premenopausal-mean'], notContinued: 'egfr-low' },
      { ...recommendation('bisphosphonate-continue'), notContinued: 'egfr-low' },
      { ...recommendation('zoledronic-acid-infusion-due'), overdue: true },
      { ...recommendation('zoledronic-acid-infusion-due'), overdue: true, missingLabs: [] },
      { ...recommendation('zoledronic-acid-infusion-due'), overdue: true, calciumLow: true, vitaminDLow: true },
      { ...recommendation('denosumab-injection-due'), reasons: ['due', 'hypocalcaemia'], calciumLow: true },
      { ...recommendation('denosumab-injection-due'), reasons: ['upcoming', 'hypocalcaemia'], calciumLow: true },
      { ...recommendation('denosumab-overdue'), reasons: ['overdue', 'hypocalcaemia'], calciumLow: true },
      { ...recommendation('denosumab-stopped'), reasons: ['no-follow-on-therapy', 'hypocalcaemia'], calciumLow: true },
      { ...recommendation('switch-to-parenteral'), reasons: ['persistent-insufficient-fall', 'intolerance', 'non-adherence'], correctFirst: ['hypocalcaemia', 'vitamin-d-low'] },
      { ...recommendation('switch-to-parenteral'), reasons: ['persistent-insufficient-fall', 'intolerance', 'non-adherence'], egfrLow: true },
    ];
    for (const lang of ['da', 'en'] as const) {
      for (const rec of variants) {
        const { summary } = wordsOf(rec, lang);
        expect([...summary].length, `${rec.topic} ${lang}: ${summary}`).toBeLessThan(140);
      }
    }
  });

  it('renders the re-check reminder as the recommended Task (its date 2026-09-10 has passed: due today) and the pause DXA reminder with its due date', () => {
    const [inadequate] = renderCards([recommendation('btm-response-inadequate')], renderCtx('da'));
    expect(inadequate?.selectionBehavior).toBe('at-most-one');
    expect(inadequate?.suggestions?.[0]).toMatchObject({ isRecommended: true, actions: [{ type: 'create', resource: { resourceType: 'Task', restriction: { period: { start: '2026-11-26' } } } }] });
    const [pause] = renderCards([recommendation('bisphosphonate-pause-candidate')], renderCtx('en'));
    expect(pause?.suggestions?.[0]?.label).toBe('Create reminder: DXA scan 26 Nov 2028');
  });

  it('switch-to-parenteral at eGFR ≤ 35 leaves the drug to the specialist: referral, hold the bisphosphonate, no options list', () => {
    const facts = patient({ ...woman, courses: [course('alendronate', '2026-01-10')], intolerances: [intolerance('alendronate')], labs: { egfr: [egfr(30, '2026-11-01')] } });
    const rec = FOLLOW_UP_RULES['switch-to-parenteral'](ctxOf(facts));
    if (rec === undefined) throw new Error('switch-to-parenteral did not fire');
    const [da] = renderCards([rec], renderCtx('da'));
    expect(da?.detail).toContain('speciallægen vælger og starter 2. valg');
    expect(da?.detail).toContain('Hold pause med bisfosfonat');
    expect(da?.detail).not.toContain('**Denosumab** 60 mg');
    expect(da?.suggestions).toHaveLength(1);
    // rules.md section 2 "eGFR ≤ 35": zoledronic acid is not named (contraindicated below 35); the detail may name denosumab.
    expect(da?.detail).not.toMatch(/zoledronsyre/i);
    expect(da?.detail).toContain('ved nedsat nyrefunktion ofte denosumab');
    const [en] = renderCards([rec], renderCtx('en'));
    expect(en?.detail).not.toMatch(/zoledronic/i);
    expect(en?.detail).toContain('in reduced kidney function often denosumab');
  });

  it('an insufficient fall at eGFR ≤ 35 refers to endocrinology and holds the bisphosphonate (no re-check on it, no start), showing the eGFR, in both languages', () => {
    const facts = patient({ ...woman, courses: [course('alendronate', '2026-03-02')], labs: { boneMarkers: [p1np(100, '2026-02-20'), p1np(80, '2026-06-10')], egfr: [egfr(30, '2026-11-01')] } });
    const rec = FOLLOW_UP_RULES['btm-response-inadequate'](ctxOf(facts));
    if (rec === undefined) throw new Error('btm-response-inadequate did not fire');
    const [da] = renderCards([rec], renderCtx('da'));
    expect(da?.summary).toBe('Henvis til endokrinolog (eGFR ≤ 35): knoglemarkør faldet ≤ 30 %');
    expect(da?.detail).toContain('hold pause med bisfosfonat, til endokrinologen har svaret');
    expect(da?.detail).not.toContain('start eller henvis til parenteral behandling');
    expect(da?.detail).not.toContain('tag ny knoglemarkør');
    expect(da?.detail).toContain('eGFR 30');
    expect(da?.suggestions?.map((s) => s.label)).toEqual([expect.stringContaining('endokrinolog')]);
    const [en] = renderCards([rec], renderCtx('en'));
    expect(en?.detail).toContain('hold the bisphosphonate until the endocrinologist has answered');
  });

  it('a pause candidate beside a treatment failure says no pause, in both languages', () => {
    for (const lang of ['da', 'en'] as const) {
      const { suggestions: _, selectionBehavior: __, ...rest } = recommendation('bisphosphonate-pause-candidate');
      const [card] = renderCards([{ ...rest, notPaused: 'treatment-failure' }], renderCtx(lang));
      expect(card?.summary).toContain(lang === 'da' ? 'ingen pause ved behandlingssvigt' : 'no pause with a treatment failure');
      expect(card?.detail).not.toContain(lang === 'da' ? 'Seponering kan ske' : 'may be stopped');
      expect(card?.suggestions ?? []).toEqual([]);
    }
  });

  it('a pause candidate beside "hold until the endocrinologist answers" (eGFR ≤ 35, serious side effect) says hold now, not "may be stopped", in both languages', () => {
    const { suggestions: _, selectionBehavior: __, ...rest } = recommendation('bisphosphonate-pause-candidate');
    for (const lang of ['da', 'en'] as const) {
      for (const notPaused of ['egfr-low', 'serious-side-effect'] as const) {
        const [card] = renderCards([{ ...rest, notPaused }], renderCtx(lang));
        expect(card?.summary).toContain(lang === 'da' ? 'endokrinologen' : 'endocrinologist');
        expect(card?.detail).toContain(lang === 'da' ? 'hold pause med bisfosfonat, til endokrinologen har svaret' : 'hold the bisphosphonate until the endocrinologist has answered');
        expect(card?.detail).not.toContain(lang === 'da' ? 'Seponering kan ske' : 'may be stopped');
        expect(card?.detail).not.toContain(lang === 'da' ? 'tidligst efter 2 år' : 'no earlier than after 2 years');
        expect(card?.summary.length).toBeLessThan(140);
      }
    }
  });

  it('names the denosumab biosimilars on the suggestion, not in the detail', () => {
    for (const lang of ['da', 'en'] as const) {
      const [card] = renderCards([recommendation('switch-to-parenteral')], renderCtx(lang));
      expect(card?.suggestions?.[0]?.label).toContain('Izamby');
      expect(card?.detail).not.toContain('Izamby');
    }
  });

  it('says a zoledronic acid infusion whose date has passed was due then, never that it is coming (rules.md section 3)', () => {
    const late = zoledronicAcidInfusionDue(ctxOf(patient({ ...woman, courses: [course('zoledronic-acid', '2023-11-26', { lastDose: '2024-11-26' })] })));
    if (late === undefined) throw new Error('the overdue case does not fire');
    const [da] = renderCards([late], renderCtx('da'));
    const [en] = renderCards([late], renderCtx('en'));
    expect(da?.summary).toContain('var planlagt 26.11.2025');
    expect(da?.detail).toContain('Zoledronsyre-infusion var planlagt 26.11.2025');
    expect(da?.detail).not.toContain('Næste zoledronsyre-infusion');
    expect(en?.summary).toContain('was due on 26 Nov 2025');
    expect(en?.detail).toContain('Zoledronic acid infusion was due on 26 Nov 2025');
    expect(en?.detail).not.toMatch(/Next zoledronic/);
    // Not yet due: still the next one.
    const [coming] = renderCards([recommendation('zoledronic-acid-infusion-due')], renderCtx('en'));
    expect(coming?.detail).toContain('Next zoledronic acid infusion');
  });

  it('names the same hospital in the DXA follow-up summary only when a previous scan is on record (card l. 166)', () => {
    const withScan = recommendation('dxa-follow-up-due');
    const noScan = FOLLOW_UP_RULES['dxa-follow-up-due'](ctxOf(patient({ ...woman, courses: [course('alendronate', '2024-11-26')] })));
    if (noScan === undefined) throw new Error('the case without a scan does not fire');
    const expected = {
      da: { same: 'samme hospital som ved tidligere skanning', none: 'Ingen DXA-skanning registreret', plain: 'Henvis til DXA-skanning efter 2 års behandling' },
      en: { same: 'same hospital as the previous scan', none: 'No DXA scan recorded', plain: 'Refer for a DXA scan after 2 years of treatment' },
    } as const;
    for (const lang of ['da', 'en'] as const) {
      const [seen] = renderCards([withScan], renderCtx(lang));
      expect(seen?.summary).toContain(expected[lang].same);
      expect([...(seen?.summary ?? '')].length).toBeLessThan(140);
      const [unseen] = renderCards([noScan], renderCtx(lang));
      expectValidResponse({ cards: [unseen] });
      expect(unseen?.detail).toContain(expected[lang].none);
      expect(unseen?.summary).toBe(expected[lang].plain);
      // Both marks, both cases: under 140 characters.
      for (const rec of [withScan, noScan]) {
        const { summary } = wordsOf({ ...rec, reasons: ['five-year-dxa'] }, lang);
        expect([...summary].length, summary).toBeLessThan(140);
        expect(summary.includes(expected[lang].same)).toBe(rec === withScan);
      }
    }
  });

  it('refers for DXA at the previous scan\'s performer', () => {
    const [card] = renderCards([recommendation('dxa-follow-up-due')], renderCtx('da'));
    expect(card?.suggestions?.[0]).toMatchObject({ actions: [{ resource: { resourceType: 'ServiceRequest', performer: [{ reference: 'Organization/rh', display: 'Rigshospitalet, Knoglescanning' }] } }] });
  });

  it('says a low calcium before a denosumab injection or zoledronic acid infusion in the summary: "Hypocalcæmi korrigeres før injektion"', () => {
    const expectations: readonly [Recommendation, string, string][] = [
      [{ ...recommendation('denosumab-injection-due'), reasons: ['due', 'hypocalcaemia'], calciumLow: true }, 'P-calcium lav: korrigér hypocalcæmi før denosumab-injektionen', 'Calcium is low: correct the hypocalcaemia before the denosumab injection'],
      [{ ...recommendation('denosumab-overdue'), reasons: ['overdue', 'hypocalcaemia'], calciumLow: true }, 'P-calcium lav: korrigér hypocalcæmien', 'calcium low: correct it'],
      [{ ...recommendation('denosumab-stopped'), reasons: ['no-follow-on-therapy', 'hypocalcaemia'], calciumLow: true }, 'P-calcium lav: korrigér den, henvis til endokrinolog', 'calcium low: correct it, refer to endocrinology'],
      [{ ...recommendation('zoledronic-acid-infusion-due'), reasons: ['infusion-due', 'vitamin-d-low'], missingLabs: [], vitaminDLow: true }, 'P-25-OH-vitamin D ≤ 50 nmol/L – korrigér før infusionen', '25-OH vitamin D ≤ 50 nmol/L – correct before the infusion'],
    ];
    for (const [rec, da, en] of expectations) {
      expect(wordsOf(rec, 'da').summary).toContain(da);
      expect(wordsOf(rec, 'en').summary).toContain(en);
    }
    // "prøverne før infusion foreligger" never where one of them fails.
    expect(wordsOf({ ...recommendation('zoledronic-acid-infusion-due'), missingLabs: [], calciumLow: true }, 'da').summary).not.toContain('foreligger');
  });

  it('before an infusion, a current low 25-OH-D is checked no earlier than 3 months after more D3 (l. 101-103); one ordered as missing, and a low calcium, again before it', () => {
    const vitaminD = { ...recommendation('zoledronic-acid-infusion-due'), reasons: ['infusion-due' as const, 'vitamin-d-low' as const], missingLabs: [], vitaminDLow: true as const };
    expect(wordsOf(vitaminD, 'da').detail).toContain('**Korrigér først** (D-vitamin): P-25-OH-vitamin D tidligst 3 mdr. efter øget D3.');
    expect(wordsOf(vitaminD, 'en').detail).toContain('25-OH vitamin D no earlier than 3 months after more D3');
    // Not current: ordered (missing), so tested again before the infusion — no "3 months" beside the order.
    const ordered = { ...vitaminD, reasons: ['infusion-due' as const, 'vitamin-d-missing' as const, 'vitamin-d-low' as const], missingLabs: ['vitamin-d' as const] };
    expect(wordsOf(ordered, 'da').detail).toContain('**Korrigér først** (D-vitamin), og kontrollér prøverne igen før infusionen.');
    expect(wordsOf(ordered, 'da').detail).not.toContain('3 mdr.');
    const calcium = { ...recommendation('zoledronic-acid-infusion-due'), reasons: ['infusion-due' as const, 'hypocalcaemia' as const], missingLabs: [], calciumLow: true as const };
    expect(wordsOf(calcium, 'da').detail).toContain('**Korrigér først** (calcium), og kontrollér prøverne igen før infusionen.');
    const both = { ...calcium, reasons: ['infusion-due' as const, 'hypocalcaemia' as const, 'vitamin-d-low' as const], vitaminDLow: true as const };
    expect(wordsOf(both, 'da').detail).toContain('**Korrigér først** (calcium og D-vitamin): P-calcium igen før infusionen, P-25-OH-vitamin D tidligst 3 mdr. efter øget D3.');
  });

  it('a marker not ordered beside a hold or switch says why in its summary, not "take the marker"', () => {
    const { suggestions: _s, selectionBehavior: _b, ...base } = recommendation('btm-follow-up-due');
    const rec = { ...base, notContinued: 'egfr-low' as const };
    expect(wordsOf(rec, 'da').summary).toBe('Knoglemarkør (CTX) var aktuel, men eGFR ≤ 35: hold pause med bisfosfonat til endokrinologens svar');
    expect(wordsOf(rec, 'en').summary).toMatch(/^Bone marker \(CTX\) was due, but eGFR ≤ 35/);
    // With its order kept (beside the pause card), it still asks for the marker.
    expect(wordsOf({ ...recommendation('btm-follow-up-due'), notContinued: 'pause-candidate' as const }, 'da').summary).toMatch(/^Tag knoglemarkør/);
  });

  it('an eGFR a newer creatinine contradicts says so, with the creatinine (not "no result")', () => {
    const finding = { kind: 'lab-missing' as const, lab: 'egfr' as const, withinDays: 30, newerCreatinine: { value: 250, date: '2026-11-16' } };
    expect(formatFinding(finding, 'da')).toBe('eGFR: et nyere kreatinin (250 µmol/L, 16.11.2026) giver eGFR ≤ 35 – tag en ny eGFR');
    expect(formatFinding(finding, 'en')).toBe('eGFR: a newer creatinine (250 µmol/L, 16 Nov 2026) gives eGFR ≤ 35 – take a new eGFR');
    expect(formatFinding({ ...finding, newerCreatinine: { ...finding.newerCreatinine, comparator: '>' } }, 'en')).toContain('(>250 µmol/L');
    // The card says the eGFR is out of date, not missing.
    const rec = { ...recommendation('zoledronic-acid-infusion-due'), reasons: ['infusion-due' as const, 'egfr-missing' as const], missingLabs: ['egfr' as const], findings: [finding] };
    expect(wordsOf(rec, 'da').detail).toContain('**eGFR ikke længere aktuel:** et nyere kreatinin giver eGFR ≤ 35');
    expect(wordsOf(rec, 'da').detail).not.toContain('eGFR mangler');
  });

  it('a first marker with no baseline says it is read against the premenopausal mean, not "> 30 % from baseline" (card footnote)', () => {
    const rec = { ...recommendation('btm-follow-up-due'), reasons: ['three-months-on-treatment' as const], noBaseline: true as const };
    expect(wordsOf(rec, 'da').detail).toContain('sammenlignes med præmenopausalt gennemsnit');
    expect(wordsOf(rec, 'da').detail).not.toContain('fra initial værdi');
    // Named by kind: under glucocorticoid the marker is CTX, and a P1NP taken before is no baseline for it.
    expect(wordsOf({ ...rec, marker: 'ctx' as const }, 'da').detail).toContain('Uden initial CTX sammenlignes');
    expect(wordsOf({ ...rec, marker: 'p1np' as const }, 'en').detail).toContain('Without a baseline P1NP the value');
    expect(wordsOf(rec, 'en').detail).toContain('compared with the premenopausal mean');
  });

  it('an overdue infusion with the tests in leads with the decision (rules.md section 5 "the decision first")', () => {
    const rec = { ...recommendation('zoledronic-acid-infusion-due'), missingLabs: [], overdue: true, due: '2026-10-20' };
    expect(wordsOf(rec, 'da').summary).toMatch(/^Sørg for den årlige zoledronsyre-infusion nu – den var planlagt 20\.10\.2026/);
    expect(wordsOf(rec, 'en').summary).toMatch(/^Arrange the yearly zoledronic acid infusion now/);
  });

  it('an infusion with a creatinine alone (no eGFR) asks for the eGFR and never says the tests are in (card l. 41 "Tjek, at eGFR > 35")', () => {
    const labs = { calcium: [calcium(2.4, '2026-11-20')], creatinine: [creatinine(300, '2026-11-20')], vitaminD: [vitaminD(80, '2026-11-20')] };
    for (const lastDose of ['2025-12-01', '2025-10-01']) {
      const rec = zoledronicAcidInfusionDue(ctxOf(patient({ ...woman, courses: [course('zoledronic-acid', '2024-10-01', { lastDose })], labs })));
      if (rec === undefined) throw new Error('zoledronic-acid-infusion-due did not fire');
      const da = wordsOf(rec, 'da');
      const en = wordsOf(rec, 'en');
      expect(da.summary).not.toMatch(/foreligger|Sørg for/);
      expect(en.summary).not.toMatch(/available|Arrange/);
      expect(da.summary).toContain('eGFR');
      expect(en.summary).toContain('eGFR');
      expect(da.detail).toContain('**eGFR mangler:**');
      expect(en.detail).toContain('order an eGFR before the infusion');
      for (const text of [da.summary, en.summary]) expect([...text].length, text).toBeLessThan(140);
    }
  });

  it('an infusion at a latest eGFR ≤ 35 says do not give it and refer, never "arrange" (as endocrinology-referral egfr-low)', () => {
    const labs = { calcium: [calcium(2.4, '2026-11-20')], egfr: [egfr(30, '2026-11-20')], vitaminD: [vitaminD(80, '2026-11-20')] };
    const rec = zoledronicAcidInfusionDue(ctxOf(patient({ ...woman, courses: [course('zoledronic-acid', '2024-10-01', { lastDose: '2025-10-01' })], labs })));
    if (rec === undefined) throw new Error('zoledronic-acid-infusion-due did not fire');
    expect(wordsOf(rec, 'da').summary).toContain('giv ikke infusionen');
    expect(wordsOf(rec, 'da').detail).toContain('**eGFR ≤ 35 ml/min:** giv ikke infusionen – henvis til endokrinolog');
    expect(`${wordsOf(rec, 'en').summary}\n${wordsOf(rec, 'en').detail}`).not.toMatch(/Arrange|available/);
    expect(wordsOf(rec, 'en').detail).toContain('do not give the infusion – refer to endocrinology');
  });

  it('denosumab-stopped with zoledronic acid not tolerated names no zoledronic acid referral and no infusion tests; with alendronate barred too, endocrinology only', () => {
    const deno = course('denosumab', '2023-06-01', { lastDose: '2025-12-01', status: 'stopped', stoppedOn: '2026-02-01' });
    const stopped = (input: Parameters<typeof patient>[0]) => {
      const rec = evaluatePatientView(ctxOf(patient({ ...woman, courses: [deno], ...input }))).find((r) => r.topic === 'denosumab-stopped');
      if (rec === undefined) throw new Error('denosumab-stopped did not fire');
      return rec;
    };
    const zolOnly = stopped({ intolerances: [intolerance('zoledronic-acid', '2024-01-01')] });
    const both = stopped({ intolerances: [intolerance('zoledronic-acid', '2024-01-01'), intolerance('alendronate', '2024-01-01')] });
    for (const rec of [zolOnly, both]) {
      const da = wordsOf(rec, 'da');
      const en = wordsOf(rec, 'en');
      expect(da.detail).not.toContain('Henvis til zoledronsyre');
      expect(da.detail).not.toContain('før infusionen');
      expect(da.detail).not.toContain('Typisk zoledronsyre');
      expect(en.detail).not.toContain('Refer for zoledronic acid');
      expect(en.detail).not.toContain('before the infusion');
      expect(en.detail).not.toContain('Usually zoledronic acid');
      for (const c of renderCards([rec], renderCtx('en'))) expect([...(c.detail ?? '')].length).toBeLessThanOrEqual(900);
    }
    expect(wordsOf(zolOnly, 'da').detail).toContain('Zoledronsyre tåles ikke: alendronat 70 mg ugentligt eller henvisning til endokrinolog');
    expect(wordsOf(zolOnly, 'en').detail).toContain('Zoledronic acid is not tolerated: alendronate 70 mg weekly or a referral to endocrinology');
    expect(wordsOf(both, 'da').detail).toContain('Zoledronsyre tåles ikke: henvis til endokrinolog, der vælger den opfølgende behandling');
    expect(wordsOf(both, 'da').detail).not.toContain('alendronat 70 mg');
    expect(wordsOf(both, 'en').detail).toContain('Zoledronic acid is not tolerated: refer to endocrinology, who choose the follow-on treatment');
    expect(wordsOf(both, 'en').detail).not.toContain('alendronate 70 mg');
    expect(wordsOf(both, 'en').summary).toContain('zoledronic acid not tolerated: refer to endocrinology now');
  });

  it('denosumab-stopped with eGFR ≤ 35 refers and names no infusion tests (no infusion is given here)', () => {
    const rec = { ...recommendation('denosumab-stopped'), egfrLow: true as const };
    expect(wordsOf(rec, 'da').detail).not.toContain('før infusionen');
    expect(wordsOf(rec, 'en').detail).not.toContain('before the infusion');
    expect(wordsOf(recommendation('denosumab-stopped'), 'da').detail).toContain('kontrolleres før infusionen');
  });

  it('says what to do meanwhile with osteonecrosis of the jaw or an atypical femoral fracture on treatment, and the "continue" cards point to the referral', () => {
    const rec = { ...recommendation('endocrinology-referral'), reasons: ['intolerance' as const], seriousSideEffect: true as const };
    expect(wordsOf(rec, 'da').detail).toContain('hold pause med bisfosfonat');
    expect(wordsOf(rec, 'en').detail).toContain('Denosumab is not stopped without a follow-on plan');
    expect(wordsOf({ ...recommendation('bisphosphonate-continue'), notContinued: 'serious-side-effect' }, 'da').summary).toContain('alvorlig bivirkning');
  });
});

describe('an anabolic candidate beside a critical denosumab card (rules/agreement.ts `denosumabFirst`)', () => {
  it('the anabolic card puts the injection or follow-on first, the critical card says the referral does not put it off', () => {
    const candidate = { ...woman, age: 78, dxa: [scan('2026-02-01', { 'lumbar-spine': -3.0 })], fractures: [fracture('hip', '2026-09-01')] };
    const stopped = course('denosumab', '2023-03-01', { lastDose: '2025-09-01', status: 'stopped', stoppedOn: '2025-10-01' });
    const recs = evaluatePatientView(ctxOf(patient({ ...candidate, courses: [stopped] })));
    const anabolic = recs.find((r) => r.topic === 'anabolic-treatment-consideration');
    const critical = recs.find((r) => r.topic === 'denosumab-stopped');
    if (anabolic === undefined || critical === undefined) throw new Error('both cards expected');
    expect(wordsOf(anabolic, 'da').summary).toBe('Overvej henvisning til anabol behandling – men start først opfølgningen efter denosumab (kritisk kort)');
    expect(wordsOf(anabolic, 'en').detail).toContain('**Follow-on treatment first:**');
    expect(wordsOf(critical, 'da').detail).toContain('**Også kandidat til anabol behandling** (se kortet)');
    const cards = renderCards(recs, renderCtx('en'));
    expect(cards.find((c) => c.source.topic?.code === 'anabolic-treatment-consideration')?.suggestions?.some((s) => s.isRecommended === true)).toBe(false);
    expectValidResponse({ cards });
  });
});
