import { describe, expect, it } from 'vitest';
import { DEFAULT_LINKS } from '../../src/cards/links.js';
import { DETAIL_BUDGET } from '../../src/cards/compose/budget.js';
import { DEFAULT_SETTINGS } from '../../src/rules/settings.js';
import { renderCards, type RenderContext } from '../../src/cards/render.js';
import { PRESCRIBING_TEXTS } from '../../src/cards/text/prescribing/index.js';
import { wordsOf } from '../../src/cards/text/index.js';
import { fitSummary } from '../../src/cards/text/prescribing/common.js';
import type { DraftOrder, PatientFacts } from '../../src/facts/types.js';
import { PRESCRIBING_TOPICS } from '../../src/contract/topics.js';
import { evaluatePrescribing } from '../../src/rules/index.js';
import type { Recommendation } from '../../src/contract/recommendations.js';
import {
  calcium,
  condition,
  course,
  ctxOf,
  draft,
  egfr,
  height,
  intolerance,
  medication,
  patient,
  scan,
  vitaminD,
  type FactsInput,
} from '../helpers/facts.js';
import { expectValidResponse } from '../helpers/validate.js';
import type { UntrustedResource } from '../../src/shared/json.js';

/** One request: the patient and the basket; every rule runs over every selected draft. */
function request(input: FactsInput, drafts: readonly DraftOrder[]): { facts: PatientFacts; recs: Recommendation[] } {
  const facts = patient({ sex: 'female', age: 72, ...input, drafts });
  return { facts, recs: evaluatePrescribing(ctxOf(facts)) };
}

const SCENARIOS = {
  'alendronate start with every check failing': request(
    {
      labs: { egfr: [egfr(35, '2026-03-01')], calcium: [calcium(2.05, '2026-03-01')], vitaminD: [vitaminD(40, '2025-10-01')] },
      conditions: [condition('peptic-ulcer'), condition('dysphagia')],
    },
    [draft('alendronate')],
  ),
  'alendronate start with old labs, low vitamin D and dysphagia': request(
    {
      labs: { egfr: [egfr(70, '2026-03-01')], calcium: [calcium(2.4, '2026-03-01')], vitaminD: [vitaminD(40, '2025-10-01')] },
      conditions: [condition('dysphagia')],
    },
    [draft('alendronate')],
  ),
  'alendronate after an atypical femoral fracture': request({ conditions: [condition('atypical-femoral-fracture', { active: false, onset: '2024-02-01' })] }, [draft('alendronate')]),
  'alendronate 70 mg daily': request({}, [draft('alendronate', { doseMgPerAdministration: 70, intervalDays: 1 })]),
  'denosumab every 12 months': request({}, [draft('denosumab', { doseMgPerAdministration: 60, intervalDays: 365.25 })]),
  'zoledronic acid 4 months after the last infusion': request(
    { medications: [medication('zoledronic-acid', '2026-07-26', { status: 'completed' })] },
    [draft('zoledronic-acid', { doseMgPerAdministration: 5 })],
  ),
  'Prolia start for a man with eGFR 25 on alendronate for 11 years': request(
    { sex: 'male', age: 75, labs: { egfr: [egfr(25, '2026-11-01')] }, courses: [course('alendronate', '2015-11-01')] },
    [draft('denosumab', { identity: { brandProlia: true, matchedBy: 'text', text: 'Prolia 60 mg' } })],
  ),
  'alendronate 4 months after denosumab, 6 years of oral treatment before': request(
    {
      labs: { egfr: [egfr(70, '2026-11-01')], calcium: [calcium(2.4, '2026-11-01')], vitaminD: [vitaminD(80, '2026-11-01')] },
      courses: [course('denosumab', '2022-01-01', { lastDose: '2026-07-26' }), course('alendronate', '2014-01-01', { status: 'ended', end: '2020-01-01' })],
    },
    [draft('alendronate')],
  ),
  'first zoledronic acid without labs': request({ vitals: { height: [height(160, '2026-01-01')] } }, [draft('zoledronic-acid')]),
  'next denosumab injection': request(
    { labs: { calcium: [calcium(2.4, '2026-11-20')], egfr: [egfr(60, '2026-11-20')] }, courses: [course('denosumab', '2024-05-01', { lastDose: '2026-05-26' })] },
    [draft('denosumab')],
  ),
  'prednisolone without DXA': request({}, [draft('glucocorticoid', { dailyDoseMg: 10, durationDays: 92 })]),
  'prednisolone with T-score −1.6': request({ dxa: [scan('2025-03-01', { 'lumbar-spine': -1.6 })] }, [draft('glucocorticoid', { dailyDoseMg: 20, durationDays: 60 })]),
  'prednisolone with T-score −0.4 last year': request({ dxa: [scan('2025-11-01', { 'lumbar-spine': -0.4 })] }, [draft('glucocorticoid', { dailyDoseMg: 10, durationDays: 92 })]),
  'calcium carbonate with a PPI': request({ medications: [medication('ppi', '2025-01-01')] }, [draft('calcium-carbonate')]),
  'romosozumab for a man after a stroke': request({ sex: 'male', age: 70, conditions: [condition('stroke', { active: false, onset: '2020-02-01' })] }, [draft('romosozumab')]),
  'romosozumab for a man': request({ sex: 'male', age: 70 }, [draft('romosozumab')]),
  teriparatide: request({}, [draft('teriparatide')]),
  'alendronate restarted after 10 years and a pause': request(
    { labs: { egfr: [egfr(70, '2026-11-01')], calcium: [calcium(2.4, '2026-11-01')], vitaminD: [vitaminD(80, '2026-11-01')] }, courses: [course('alendronate', '2012-01-01', { status: 'ended', end: '2022-01-01' })] },
    [draft('alendronate')],
  ),
  'alendronate after 10 years': request(
    { labs: { egfr: [egfr(70, '2026-11-01')], calcium: [calcium(2.4, '2026-11-01')], vitaminD: [vitaminD(80, '2026-11-01')] }, courses: [course('alendronate', '2016-06-01')] },
    [draft('alendronate')],
  ),
};

const ALL = Object.values(SCENARIOS).flatMap((s) => s.recs);

function renderCtx(lang: 'da' | 'en', facts: PatientFacts): RenderContext {
  const drafts = new Map<string, UntrustedResource>(
    facts.drafts.map((d) => [d.ref, { resourceType: 'MedicationRequest', id: d.ref.split('/')[1], status: 'draft', intent: 'order', medicationCodeableConcept: { text: 'draft' } }]),
  );
  return { lang, patientRef: facts.patientRef, today: facts.today, female: facts.sex === 'female', drafts, links: DEFAULT_LINKS, settings: DEFAULT_SETTINGS };
}

describe('prescribing card texts (rules.md section 4)', () => {
  it('has Danish and English text for every rx-* topic, and the scenarios reach every topic', () => {
    for (const topic of PRESCRIBING_TOPICS) {
      expect(PRESCRIBING_TEXTS[topic].da.title.length).toBeGreaterThan(0);
      expect(PRESCRIBING_TEXTS[topic].en.title.length).toBeGreaterThan(0);
    }
    expect(new Set(ALL.map((r) => r.topic))).toEqual(new Set(PRESCRIBING_TOPICS));
  });

  for (const [name, { facts, recs }] of Object.entries(SCENARIOS)) {
    it(`renders valid cards in both languages: ${name}`, () => {
      for (const lang of ['da', 'en'] as const) {
        const cards = renderCards(recs, renderCtx(lang, facts));
        expectValidResponse({ cards });
        for (const rec of recs) {
          const { summary, detail } = wordsOf(rec, lang);
          expect([...summary].length, `${rec.topic} ${lang}: ${summary}`).toBeLessThan(140);
          expect(summary).not.toMatch(/undefined|NaN/);
          expect(detail).not.toMatch(/undefined|NaN/);
        }
        // rules.md section 6: every detail at most 900 characters (the advice itself, before any list is shortened).
        for (const card of cards) expect([...(card.detail ?? '')].length, `${card.source.topic?.code} ${lang}`).toBeLessThanOrEqual(DETAIL_BUDGET);
        for (const card of cards) expect(card.extension['osteo-cds.evidence']).toContain(recs.find((r) => r.topic === card.source.topic?.code)?.draft);
      }
    });
  }

  it("speaks the card's Danish: eGFR > 35, hypocalcæmi, brusetablet, biosimilær, max 7 måneder, tandlæge", () => {
    const da = (topic: string, scenario: keyof typeof SCENARIOS) => {
      const { facts, recs } = SCENARIOS[scenario];
      const card = renderCards(recs, renderCtx('da', facts)).find((c) => c.source.topic?.code === topic);
      return `${card?.summary ?? ''}\n${card?.detail ?? ''}`;
    };
    expect(da('rx-egfr-too-low', 'alendronate start with every check failing')).toContain('Tjek, at eGFR > 35 ml/min');
    expect(da('rx-egfr-too-low', 'alendronate start with every check failing')).toMatch(/^Ordinér ikke alendronat: eGFR 35 /);
    // The alendronate product summary advises against it below 35; it does not contraindicate it.
    expect(da('rx-egfr-too-low', 'alendronate start with every check failing')).toContain('Alendronat frarådes desuden ved kreatininclearance < 35 ml/min');
    expect(da('rx-egfr-too-low', 'alendronate start with every check failing')).not.toContain('kontraindiceret');
    expect(da('rx-hypocalcaemia', 'alendronate start with every check failing')).toContain('hypocalcæmi (2,05 mmol/L)');
    expect(da('rx-swallowing-difficulty', 'alendronate start with old labs, low vitamin D and dysphagia')).toContain('Brusetablet (Binosto)');
    expect(da('rx-start-checklist', 'alendronate start with old labs, low vitamin D and dysphagia')).toContain('orientere tandlæge');
    expect(da('rx-dose-interval', 'alendronate 70 mg daily')).toMatch(/^Ordinér ikke alendronat dagligt: alendronat 70 mg gives én gang ugentligt/);
    expect(da('rx-dose-interval', 'zoledronic acid 4 months after the last infusion')).toMatch(/^Giv ikke zoledronsyre nu: under 11 måneder siden sidste infusion – næste 26\.07\.2027/);
    // One value, one story: the old 25-OH-D is "older than 180 days" on one card and shown on the other — never "no result".
    const labs = da('rx-lab-missing', 'alendronate start with old labs, low vitamin D and dysphagia');
    expect(labs).toContain('seneste måling (01.10.2025) er ældre end 180 dage');
    expect(labs).not.toContain('ingen måling');
    expect(da('rx-vitamin-d-low', 'alendronate start with old labs, low vitamin D and dysphagia')).toContain('40 nmol/L (01.10.2025)');
    expect(da('rx-denosumab-biosimilar', 'Prolia start for a man with eGFR 25 on alendronate for 11 years')).toContain('Substitueres ikke på apoteket');
    expect(da('rx-denosumab-schedule', 'next denosumab injection')).toContain('Der må max gå 7 måneder');
    expect(da('rx-denosumab-schedule', 'next denosumab injection')).toContain('26.05.2027');
    expect(da('rx-glucocorticoid-bone-protection', 'prednisolone with T-score −1.6')).toContain('T-score < −1,0');
    // The card's pause line: alendronate goes on ½–1 year after the glucocorticoid stops (not "is started" then).
    expect(da('rx-glucocorticoid-bone-protection', 'prednisolone with T-score −1.6')).toContain('fortsættes alendronat ½–1 år efter ophør af glukokortikoid');
    expect(da('rx-calcium-carbonate-ppi', 'calcium carbonate with a PPI')).toContain('Calcium-citrat kan tages uafhængigt af mad');
    expect(da('rx-bisphosphonate-duration', 'alendronate after 10 years')).toContain('10 år');
    // A restart after 10 years: refer, not "renew after reassessment" nor "stop the treatment".
    const restart = da('rx-bisphosphonate-duration', 'alendronate restarted after 10 years and a pause');
    expect(restart).toContain('Genstart efter 10 års peroral bisfosfonat: maksimal varighed nået – henvis til endokrinolog i stedet');
    expect(restart).toContain('Start ikke alendronat igen');
    expect(restart).not.toContain('forny kun efter fornyet vurdering');
    expect(restart).not.toContain('Stop behandlingen');
  });

  it('gives critical cards override reasons and replaces the draft by delete + create or update', () => {
    const { facts, recs } = SCENARIOS['alendronate start with every check failing'];
    const cards = renderCards(recs, renderCtx('da', facts));
    const critical = cards.filter((c) => c.indicator === 'critical');
    expect(critical.map((c) => c.source.topic?.code).sort()).toEqual(['rx-egfr-too-low', 'rx-hypocalcaemia']);
    for (const c of critical) expect(c.overrideReasons?.length).toBeGreaterThan(0);
    const ref = facts.drafts[0]?.ref;
    const egfrCard = cards.find((c) => c.source.topic?.code === 'rx-egfr-too-low');
    expect(egfrCard?.suggestions?.[0]?.actions?.map((a) => a.type)).toEqual(['delete', 'create']);
    expect(egfrCard?.suggestions?.[0]?.actions?.[0]).toMatchObject({ type: 'delete', resourceId: ref });
    const other = SCENARIOS['alendronate start with old labs, low vitamin D and dysphagia'];
    const swallow = renderCards(other.recs, renderCtx('da', other.facts)).find((c) => c.source.topic?.code === 'rx-swallowing-difficulty');
    expect(swallow?.suggestions?.[0]?.actions?.[0]).toMatchObject({ type: 'update', resource: { id: other.facts.drafts[0]?.ref.split('/')[1] } });
    // rx-dose-interval: critical, and its suggestion updates the draft to one 70 mg tablet weekly.
    const daily = SCENARIOS['alendronate 70 mg daily'];
    const dose = renderCards(daily.recs, renderCtx('da', daily.facts)).find((c) => c.source.topic?.code === 'rx-dose-interval');
    expect(dose?.indicator).toBe('critical');
    expect(dose?.overrideReasons?.length).toBeGreaterThan(0);
    expect(dose?.suggestions?.[0]?.actions?.[0]).toMatchObject({
      type: 'update',
      resource: { id: daily.facts.drafts[0]?.ref.split('/')[1], dosageInstruction: [{ timing: { repeat: { frequency: 1, period: 1, periodUnit: 'wk' } }, doseAndRate: [{ doseQuantity: { value: 70, unit: 'mg' } }] }] },
    });
  });

  it('the biosimilar switch of a Prolia order dosed yearly sets the 6-monthly dosage as it swaps the drug, and says so', () => {
    const prolia = draft('denosumab', { identity: { brandProlia: true }, doseMgPerAdministration: 60, intervalDays: 365 });
    const yearly = request({ labs: { calcium: [calcium(2.4, '2026-11-20')] } }, [prolia]);
    const card = renderCards(yearly.recs, { ...renderCtx('da', yearly.facts), drafts: new Map([[prolia.ref, { resourceType: 'MedicationRequest', id: prolia.ref.split('/')[1], status: 'draft', intent: 'order', dosageInstruction: [{ text: '60 mg én gang årligt' }] }]]) }).find((c) => c.source.topic?.code === 'rx-denosumab-biosimilar');
    const switchTo = card?.suggestions?.[0];
    expect(switchTo?.label).toMatch(/^Skift til denosumab .*, 60 mg hver 6\. måned$/);
    expect(switchTo?.actions?.[0]).toMatchObject({ type: 'update', resource: { dosageInstruction: [{ timing: { repeat: { frequency: 1, period: 6, periodUnit: 'mo' } } }] } });
  });

  it('rx-dose-interval beside a bar on the drug itself: says the drug is not to be prescribed at all, and no "correct the dosing"', () => {
    const barred = request({ labs: { egfr: [egfr(30, '2026-11-01')], calcium: [calcium(2.4, '2026-11-01')], vitaminD: [vitaminD(80, '2026-11-01')] } }, [draft('alendronate', { doseMgPerAdministration: 70, intervalDays: 1 })]);
    const [da, en] = (['da', 'en'] as const).map((lang) => renderCards(barred.recs, renderCtx(lang, barred.facts)).find((c) => c.source.topic?.code === 'rx-dose-interval'));
    expect(da?.detail).toContain('Alendronat skal slet ikke ordineres nu: eGFR ≤ 35');
    expect(da?.detail).not.toContain('Ret doseringen');
    expect(en?.detail).toContain('Alendronate is not to be prescribed now at all: eGFR ≤ 35');
    expect(en?.detail).not.toContain('Correct the dosing');
    expect(da?.suggestions ?? []).toEqual([]);
  });

  it('says what the product summary says below 35: zoledronic acid contraindicated, alendronate not recommended', () => {
    const zoledronic = request({ labs: { egfr: [egfr(30, '2026-11-01')], calcium: [calcium(2.4, '2026-11-01')], vitaminD: [vitaminD(80, '2026-11-01')] } }, [draft('zoledronic-acid')]);
    const card = renderCards(zoledronic.recs, renderCtx('da', zoledronic.facts)).find((c) => c.source.topic?.code === 'rx-egfr-too-low');
    expect(card?.detail).toContain('Zoledronsyre er desuden kontraindiceret ved kreatininclearance < 35 ml/min (produktresumé)');
    const en = renderCards(zoledronic.recs, renderCtx('en', zoledronic.facts)).find((c) => c.source.topic?.code === 'rx-egfr-too-low');
    expect(en?.detail).toContain('is also contraindicated with creatinine clearance < 35 mL/min (SmPC)');
  });

  it('a reported eGFR "≤35" stops the order and is written "≤35" (FHIR sends "<=")', () => {
    const le35 = request({ labs: { egfr: [egfr(35, '2026-11-01', { comparator: '<=' })], calcium: [calcium(2.4, '2026-11-01')], vitaminD: [vitaminD(80, '2026-11-01')] } }, [draft('zoledronic-acid')]);
    const da = renderCards(le35.recs, renderCtx('da', le35.facts)).find((c) => c.source.topic?.code === 'rx-egfr-too-low');
    expect(da?.indicator).toBe('critical');
    expect(da?.summary).toContain('eGFR ≤35');
    expect(da?.detail).toContain('eGFR ≤35 ml/min');
    const en = renderCards(le35.recs, renderCtx('en', le35.facts)).find((c) => c.source.topic?.code === 'rx-egfr-too-low');
    expect(en?.summary).toContain('eGFR ≤35');
    expect(`${en?.summary}\n${en?.detail}`).not.toContain('<=');
  });

  it('a reported eGFR "≥35" (it may be 35 or 60) does not stop the order: rx-lab-missing asks for an exact eGFR and names the bound as not used', () => {
    const ge35 = request({ labs: { egfr: [egfr(35, '2026-11-20', { comparator: '>=' })], calcium: [calcium(2.4, '2026-11-20')], vitaminD: [vitaminD(80, '2026-11-20')] } }, [draft('alendronate')]);
    expect(ge35.recs.map((r) => r.topic)).not.toContain('rx-egfr-too-low');
    const cards = renderCards(ge35.recs, renderCtx('en', ge35.facts));
    const text = cards.map((c) => `${c.summary}\n${c.detail ?? ''}`).join('\n');
    expect(ge35.recs.find((r) => r.topic === 'rx-lab-missing')?.reasons).toEqual(['egfr-missing']);
    expect(text).toContain('Value not used – reported only as ≥35 mL/min/1.73 m², which does not tell whether eGFR > 35 mL/min: eGFR');
    const da = renderCards(ge35.recs, renderCtx('da', ge35.facts)).map((c) => c.detail ?? '').join('\n');
    expect(da).toContain('Værdi ikke brugt – kun angivet som ≥35 ml/min/1,73 m², som ikke afgør om eGFR > 35 ml/min: eGFR');
  });

  it('a duplicate beside denosumab at eGFR ≤ 35 keeps denosumab and names no zoledronic acid follow-on, nor "stop it" (rx-egfr-too-low stops the draft)', () => {
    const dmab = course('denosumab', '2026-09-01', { lastDose: '2026-09-01' });
    for (const drug of ['alendronate', 'zoledronic-acid'] as const) {
      const r = request({ courses: [dmab], labs: { egfr: [egfr(30, '2026-11-20')], calcium: [calcium(2.4, '2026-11-20')], vitaminD: [vitaminD(80, '2026-11-20')] } }, [draft(drug)]);
      const da = renderCards(r.recs, renderCtx('da', r.facts)).find((c) => c.source.topic?.code === 'rx-duplicate-antiresorptive');
      const en = renderCards(r.recs, renderCtx('en', r.facts)).find((c) => c.source.topic?.code === 'rx-duplicate-antiresorptive');
      expect(da?.summary).toContain('eGFR ≤ 35: fortsæt denosumab, og fjern');
      expect(da?.summary).not.toContain('seponér det');
      expect(da?.detail).not.toContain('typisk zoledronsyre');
      expect(da?.detail).toContain('aftal den opfølgende behandling med endokrinolog');
      expect(da?.detail).toContain('eGFR 30 ml/min');
      expect(en?.summary).toContain('eGFR ≤ 35: keep denosumab and remove');
      expect(en?.summary).not.toContain('stop it');
      expect(en?.detail).not.toContain('usually zoledronic acid');
      for (const c of [da, en]) {
        expect([...(c?.summary ?? '')].length).toBeLessThan(140);
        expect([...(c?.detail ?? '')].length).toBeLessThanOrEqual(900);
      }
    }
    // Above 35 the card's usual follow-on stays.
    const ok = request({ courses: [dmab], labs: { egfr: [egfr(60, '2026-11-20')] } }, [draft('alendronate')]);
    expect(renderCards(ok.recs, renderCtx('da', ok.facts)).find((c) => c.source.topic?.code === 'rx-duplicate-antiresorptive')?.detail).toContain('typisk zoledronsyre ca. 6 måneder');
  });

  it('a converted calcium or 25-OH-D is shown in the summary as the lab reported it too ("8.4 mg/dL = 2.096 mmol/L"), under 140 characters', () => {
    const ca = calcium(2.096, '2026-11-20', 'total', { reported: { value: 8.4, unit: 'mg/dL' } });
    const d = { ...vitaminD(49.92, '2026-11-20'), reported: { value: 20, unit: 'ng/mL' } };
    const dmab = course('denosumab', '2025-06-10', { lastDose: '2026-06-10' });
    const cases = [
      { r: request({ labs: { egfr: [egfr(70, '2026-11-20')], calcium: [ca], vitaminD: [vitaminD(80, '2026-11-20')] } }, [draft('zoledronic-acid')]), topic: 'rx-hypocalcaemia', da: 'hypocalcæmi (8,4 mg/dL = 2,096 mmol/L)', en: 'hypocalcaemia (8.4 mg/dL = 2.096 mmol/L)' },
      { r: request({ courses: [dmab], labs: { egfr: [egfr(70, '2026-11-20')], calcium: [ca] } }, [draft('denosumab')]), topic: 'rx-hypocalcaemia', da: 'hypocalcæmi (8,4 mg/dL = 2,096 mmol/L)', en: 'hypocalcaemia (8.4 mg/dL = 2.096 mmol/L)' },
      { r: request({ labs: { egfr: [egfr(70, '2026-11-20')], calcium: [calcium(2.4, '2026-11-20')], vitaminD: [d] } }, [draft('zoledronic-acid')]), topic: 'rx-vitamin-d-low', da: 'P-25-OH-vitamin D 20 ng/mL = 49,92 nmol/L', en: '25-OH vitamin D 20 ng/mL = 49.92 nmol/L' },
      { r: request({ labs: { egfr: [egfr(70, '2026-11-20')], calcium: [calcium(2.6, '2026-11-20')], vitaminD: [d] } }, [draft('zoledronic-acid')]), topic: 'rx-vitamin-d-low', da: 'P-25-OH-vitamin D 20 ng/mL = 49,92 nmol/L, men P-calcium forhøjet', en: '25-OH vitamin D 20 ng/mL = 49.92 nmol/L but calcium high' },
    ] as const;
    for (const c of cases) {
      for (const lang of ['da', 'en'] as const) {
        const rec = c.r.recs.find((x) => x.topic === c.topic);
        if (rec === undefined) throw new Error(`${c.topic} did not fire`);
        const { summary } = wordsOf(rec, lang);
        expect(summary).toContain(c[lang]);
        expect([...summary].length, summary).toBeLessThan(140);
      }
    }
    // A value read in the canonical unit is shown as before.
    const plain = request({ labs: { egfr: [egfr(70, '2026-11-20')], calcium: [calcium(2.05, '2026-11-20')], vitaminD: [vitaminD(80, '2026-11-20')] } }, [draft('zoledronic-acid')]);
    expect(wordsOf(plain.recs.find((x) => x.topic === 'rx-hypocalcaemia')!, 'en').summary).toContain('hypocalcaemia (2.05 mmol/L)');
    // A reported "<2.10" is written so, not as 2.10.
    const below = request({ labs: { egfr: [egfr(70, '2026-11-20')], calcium: [calcium(2.1, '2026-11-20', 'total', { comparator: '<' })], vitaminD: [vitaminD(80, '2026-11-20')] } }, [draft('zoledronic-acid')]);
    expect(wordsOf(below.recs.find((x) => x.topic === 'rx-hypocalcaemia')!, 'da').summary).toContain('hypocalcæmi (<2,1 mmol/L)');
  });

  it('rx-hypocalcaemia asks to recheck 25-OH-D only when it is ordered, and to give vitamin D when the current one is low', () => {
    const detailOf = (vd: readonly Parameters<typeof vitaminD>[0][], lang: 'da' | 'en') => {
      const r = request({ labs: { egfr: [egfr(70, '2026-11-20')], calcium: [calcium(2.05, '2026-11-20')], vitaminD: vd.map((v) => vitaminD(v, '2026-11-20')) } }, [draft('alendronate')]);
      return wordsOf(r.recs.find((x) => x.topic === 'rx-hypocalcaemia')!, lang).detail;
    };
    expect(detailOf([], 'da')).toContain('kontrollér P-calcium og P-25-OH-vitamin D igen');
    expect(detailOf([80], 'da')).toContain('kontrollér P-calcium igen (en aktuel P-25-OH-vitamin D over 50 nmol/L foreligger)');
    expect(detailOf([30], 'da')).toContain('giv D-vitamin (P-25-OH-vitamin D er lav, se nedenfor)');
    expect(detailOf([80], 'en')).not.toContain('25-OH vitamin D again');
    expect(detailOf([80], 'en')).toContain('recheck calcium (a current 25-OH vitamin D above 50 nmol/L is on record)');
  });

  it('a summary with the reported value stays under 140 characters, or falls back to the converted value alone', () => {
    expect(fitSummary('x'.repeat(140), 'short')).toBe('short');
    expect(fitSummary('fits', 'short')).toBe('fits');
    const d = { ...vitaminD(49.92, '2026-11-20'), comparator: '<=' as const, reported: { value: 20.04, unit: 'ng/mL (LC-MS/MS)' } };
    const r = request({ labs: { egfr: [egfr(70, '2026-11-20')], calcium: [calcium(2.6, '2026-11-20')], vitaminD: [d] } }, [draft('zoledronic-acid')]);
    const rec = r.recs.find((x) => x.topic === 'rx-vitamin-d-low');
    if (rec === undefined) throw new Error('rx-vitamin-d-low did not fire');
    for (const lang of ['da', 'en'] as const) expect([...wordsOf(rec, lang).summary].length).toBeLessThan(140);
  });

  it('asks for vitamin D before the next zoledronic acid infusion, not "at the start", on a renewal', () => {
    const renewal = request(
      { labs: { vitaminD: [vitaminD(40, '2026-11-01')] }, courses: [course('zoledronic-acid', '2024-01-01', { lastDose: '2025-11-20' })] },
      [draft('zoledronic-acid')],
    );
    const card = renderCards(renewal.recs, renderCtx('da', renewal.facts)).find((c) => c.source.topic?.code === 'rx-vitamin-d-low');
    expect(card?.summary).toContain('før zoledronsyre-infusionen');
    expect(card?.summary).not.toContain('start');
    expect(card?.detail).toContain('før hver infusion');
  });

  it('names two antiresorptives ordered together as such, not as one "already in use" — on the second draft only, whose removal is the one click (both removed had left neither)', () => {
    const basket = request({}, [draft('alendronate'), draft('denosumab')]);
    const cards = renderCards(basket.recs, renderCtx('da', basket.facts)).filter((c) => c.source.topic?.code === 'rx-duplicate-antiresorptive');
    expect(cards.map((c) => c.summary)).toEqual(['Dobbeltbehandling: denosumab og alendronat ordineres samtidig – fjern den ene']);
    expect(cards.flatMap((c) => c.suggestions ?? []).flatMap((s) => s.actions ?? []).map((a) => a.type)).toEqual(['delete']);
  });

  it('judges only selected drafts; the unselected ones are context (a PPI in the basket)', () => {
    const carbonate = draft('calcium-carbonate', { selected: false });
    const ppi = draft('ppi');
    expect(request({}, [carbonate, ppi]).recs).toEqual([]);
    const reverse = request({}, [draft('calcium-carbonate'), draft('ppi', { selected: false })]).recs;
    expect(reverse.map((r) => r.topic)).toEqual(['rx-calcium-carbonate-ppi']);
  });

  it('with an ulcer and a low calcium says to remove the alendronate order and correct calcium before the second choice — no denosumab start offered', () => {
    const r = request({ conditions: [condition('peptic-ulcer')], labs: { calcium: [calcium(2.0, '2026-11-20')], egfr: [egfr(70, '2026-11-20')] } }, [draft('alendronate')]);
    for (const lang of ['da', 'en'] as const) {
      const card = renderCards(r.recs, renderCtx(lang, r.facts)).find((c) => c.source.topic?.code === 'rx-oral-contraindicated');
      expect(card?.summary).toContain(lang === 'da' ? 'P-calcium lav: slet ordinationen, korrigér calcium' : 'calcium low: remove the order, correct calcium');
      expect(JSON.stringify(card?.suggestions ?? [])).not.toContain('denosumab');
    }
  });

  it('the start checklist beside a high calcium: refer first, and no "daily vitamin D and calcium"', () => {
    const r = request({ labs: { calcium: [calcium(2.8, '2026-11-20')] } }, [draft('alendronate')]);
    for (const lang of ['da', 'en'] as const) {
      const card = renderCards(r.recs, renderCtx(lang, r.facts)).find((c) => c.source.topic?.code === 'rx-start-checklist');
      expect(card?.summary).toContain(lang === 'da' ? 'P-calcium forhøjet – henvis til endokrinolog først' : 'calcium raised – refer to endocrinology first');
      expect(card?.detail).not.toMatch(lang === 'da' ? /Samtidig dagligt D-vitamin og kalk/ : /daily vitamin D and calcium/);
      expect([...(card?.summary ?? '')].length).toBeLessThan(140);
    }
  });

  it('the tablet after a stopped denosumab, barred by an ulcer: names zoledronic acid as what is left, never denosumab again', () => {
    const stopped = course('denosumab', '2023-05-05', { lastDose: '2026-05-05', status: 'stopped', stoppedOn: '2026-11-01' });
    const r = request({ conditions: [condition('peptic-ulcer')], courses: [stopped] }, [draft('alendronate')]);
    for (const lang of ['da', 'en'] as const) {
      const card = renderCards(r.recs, renderCtx(lang, r.facts)).find((c) => c.source.topic?.code === 'rx-oral-contraindicated');
      expect(card?.summary).toContain(lang === 'da' ? 'denosumab er seponeret – vælg zoledronsyre' : 'denosumab was stopped – use zoledronic acid');
      expect(card?.detail).not.toContain('**Denosumab**');
      expect(JSON.stringify(card?.suggestions)).not.toMatch(/Prolia|denosumab 60/i);
    }
  });

  it('a zoledronic acid draft after jaw osteonecrosis: "bisphosphonate contraindicated", named as zoledronic acid, without the oral-only advice', () => {
    const r = request({ conditions: [condition('osteonecrosis-of-jaw', { onset: '2026-09-01' })] }, [draft('zoledronic-acid')]);
    for (const lang of ['da', 'en'] as const) {
      const card = renderCards(r.recs, renderCtx(lang, r.facts)).find((c) => c.source.topic?.code === 'rx-oral-contraindicated');
      expect(card?.source.topic?.display).toBe(lang === 'da' ? 'Bisfosfonat kontraindiceret' : 'Bisphosphonate contraindicated');
      expect(card?.summary).toMatch(lang === 'da' ? /^Zoledronsyre kontraindiceret \(kæbenekrose/ : /^Zoledronic acid contraindicated \(jaw osteonecrosis/);
      expect(card?.detail).not.toMatch(/øsofagitis|oesophagitis/);
    }
    const oral = request({ conditions: [condition('osteonecrosis-of-jaw', { onset: '2026-09-01' })] }, [draft('alendronate')]);
    expect(renderCards(oral.recs, renderCtx('da', oral.facts)).find((c) => c.source.topic?.code === 'rx-oral-contraindicated')?.source.topic?.display).toBe('Peroral bisfosfonat kontraindiceret');
  });

  it('with an ulcer at 5 years of alendronate and the pause criteria met, the first option is the pause, recommended', () => {
    const r = request({ conditions: [condition('peptic-ulcer')], courses: [course('alendronate', '2020-01-01')], dxa: [scan('2026-01-01', { 'total-hip': -2.0 })] }, [draft('alendronate')]);
    expect(r.recs.map((x) => x.topic)).not.toContain('rx-bisphosphonate-duration');
    for (const lang of ['da', 'en'] as const) {
      const card = renderCards(r.recs, renderCtx(lang, r.facts)).find((c) => c.source.topic?.code === 'rx-oral-contraindicated');
      expect(card?.summary).toContain(lang === 'da' ? 'pausekriterier opfyldt efter 5 år – overvej pause' : 'pause criteria met at 5 years – consider a pause');
      expect(card?.detail).toContain(lang === 'da' ? 'Før 2. valg: eGFR > 35' : 'Before the second choice: eGFR > 35');
      expect(card?.suggestions?.[0]).toMatchObject({ label: lang === 'da' ? 'Behandlingspause: fjern ordinationen' : 'Treatment pause: remove the order', isRecommended: true });
      expect(card?.suggestions?.[0]?.actions?.map((a) => a.type)).toEqual(['delete']);
      expect(card?.suggestions?.slice(1).some((x) => x.isRecommended === true)).toBe(false);
      expect(card?.detail?.length ?? 0).toBeLessThanOrEqual(DETAIL_BUDGET);
    }
  });

  it('an alendronate renewal at 5 years with the pause criteria met but a BMD fall on treatment says no pause and offers the endocrinology referral', () => {
    const r = request({ courses: [course('alendronate', '2020-01-01')], dxa: [scan('2026-01-01', { 'total-hip': -2.0 }, { significantDecrease: true })] }, [draft('alendronate')]);
    for (const lang of ['da', 'en'] as const) {
      const card = renderCards(r.recs, renderCtx(lang, r.facts)).find((c) => c.source.topic?.code === 'rx-bisphosphonate-duration');
      expect(card?.summary).toContain(lang === 'da' ? 'behandlingssvigt – ingen pause' : 'treatment failure – no pause');
      expect(card?.detail).toContain(lang === 'da' ? 'Hold ikke pause' : 'Do not pause');
      expect(card?.detail?.length ?? 0).toBeLessThanOrEqual(DETAIL_BUDGET);
      expect(card?.suggestions?.[0]).toMatchObject({ isRecommended: true });
      expect(JSON.stringify(card?.suggestions?.[0]?.actions)).toContain('ServiceRequest');
    }
  });

  it('a zoledronic acid order after denosumab, barred by eGFR 30, says refer before the 7-month limit', () => {
    const r = request({ labs: { egfr: [egfr(30, '2026-11-01')] }, courses: [course('denosumab', '2022-01-01', { status: 'stopped', lastDose: '2026-06-01' })] }, [draft('zoledronic-acid')]);
    for (const lang of ['da', 'en'] as const) {
      const card = renderCards(r.recs, renderCtx(lang, r.facts)).find((c) => c.source.topic?.code === 'rx-egfr-too-low');
      expect(card?.summary).toContain(lang === 'da' ? 'før 01.01.2027 (denosumab)' : '(denosumab)');
      expect(card?.summary.length).toBeLessThan(140);
      expect(card?.detail).toContain(lang === 'da' ? 'senest 01.01.2027' : 'at most 7 months');
      expect(card?.detail?.length ?? 0).toBeLessThanOrEqual(DETAIL_BUDGET);
    }
  });

  it('says the effervescent tablet holds no vitamin D3 when the drafted combination tablet did', () => {
    const r = request({ conditions: [condition('dysphagia')] }, [draft('alendronate', { identity: { alsoContains: ['colecalciferol'] } })]);
    const card = renderCards(r.recs, renderCtx('da', r.facts)).find((c) => c.source.topic?.code === 'rx-swallowing-difficulty');
    expect(card?.detail).toContain('brusetabletten ikke');
    expect(card?.selectionBehavior).toBe('any');
    expect(card?.suggestions?.map((x) => x.actions?.[0]?.type)).toEqual(['update', 'create']);
  });
});

describe('rx-oral-contraindicated on a recorded intolerance', () => {
  it('says the tablet is not tolerated, never jaw osteonecrosis, in both languages', () => {
    const r = request({ intolerances: [intolerance('alendronate', '2019-01-01')] }, [draft('alendronate')]);
    for (const lang of ['da', 'en'] as const) {
      const card = renderCards(r.recs, renderCtx(lang, r.facts)).find((c) => c.source.topic?.code === 'rx-oral-contraindicated');
      expect(card?.summary).toContain(lang === 'da' ? '(ikke tålt)' : '(not tolerated)');
      expect(card?.summary).not.toMatch(/kæbenekrose|osteonecrosis/);
      expect(card?.detail).toContain(lang === 'da' ? 'utålelige bivirkninger' : 'not tolerated');
      expect(card?.summary.length).toBeLessThan(140);
    }
  });
});

describe('rx-denosumab-schedule dosed too far apart', () => {
  it('names days, not "every 7 months", just past the 7-month limit', () => {
    const r = request({}, [draft('denosumab', { doseMgPerAdministration: 60, intervalDays: 214 })]);
    const card = renderCards(r.recs, renderCtx('da', r.facts)).find((c) => c.source.topic?.code === 'rx-denosumab-schedule');
    expect(card?.summary).toContain('ordineret hver 214. dag');
    const year = request({}, [draft('denosumab', { doseMgPerAdministration: 60, intervalDays: 365.25 })]);
    expect(renderCards(year.recs, renderCtx('en', year.facts)).find((c) => c.source.topic?.code === 'rx-denosumab-schedule')?.summary).toContain('ordered yearly');
  });

  it('a draft planned past the 7-month limit says when it must be given by, in both languages, within the budgets', () => {
    const r = request({ medications: [medication('denosumab', '2026-06-01', { status: 'completed' })] }, [draft('denosumab', { doseMgPerAdministration: 60, start: '2027-02-01' })]);
    for (const lang of ['da', 'en'] as const) {
      const card = renderCards(r.recs, renderCtx(lang, r.facts)).find((c) => c.source.topic?.code === 'rx-denosumab-schedule');
      expect(card?.indicator).toBe('warning');
      expect(card?.summary).toContain(lang === 'da' ? 'senest 01.01.2027' : 'by 1 Jan 2027');
      expect(card?.summary.length).toBeLessThan(140);
      expect(card?.detail).toContain(lang === 'da' ? 'planlagt for sent' : 'planned too late');
      expect(card?.detail?.length ?? 0).toBeLessThanOrEqual(DETAIL_BUDGET);
      expect(card?.suggestions?.[0]?.label).toContain(lang === 'da' ? 'fra 01.12.2026' : 'from');
    }
  });

  it('names zoledronic acid as the follow-on only when the eGFR allows it (l. 41 "eGFR > 35")', () => {
    const detail = (value: number, lang: 'da' | 'en'): string => {
      const r = request({ labs: { egfr: [egfr(value, '2026-11-01')] } }, [draft('denosumab', { doseMgPerAdministration: 60 })]);
      return renderCards(r.recs, renderCtx(lang, r.facts)).find((c) => c.source.topic?.code === 'rx-denosumab-schedule')?.detail ?? '';
    };
    expect(detail(60, 'da')).toContain('typisk zoledronsyre');
    for (const value of [35, 25]) {
      expect(detail(value, 'da')).not.toContain('typisk zoledronsyre');
      expect(detail(value, 'da')).toContain('aftal den opfølgende behandling med endokrinolog');
      expect(detail(value, 'en')).toContain('agree the follow-on treatment with endocrinology');
    }
  });
});
