import { describe, expect, it } from 'vitest';
import { DEFAULT_LINKS } from '../../src/cards/links.js';
import { DEFAULT_SETTINGS } from '../../src/rules/settings.js';
import { renderCards, TOPIC_SYSTEM, type RenderContext } from '../../src/cards/render.js';
import { dataUnavailable } from '../../src/rules/data-unavailable.js';
import type { Recommendation } from '../../src/contract/recommendations.js';
import { RULES_VERSION } from '../../src/rules/version.js';
import { course, ctxOf, egfr, fracture, p1np, patient, scan } from '../helpers/facts.js';
import { evaluatePatientView } from '../../src/rules/index.js';
import { expectValidResponse } from '../helpers/validate.js';

const renderCtx = (lang: 'da' | 'en'): RenderContext => ({
  lang,
  patientRef: 'Patient/p1',
  today: '2026-11-26',
  female: true,
  drafts: new Map(),
  links: DEFAULT_LINKS,
  settings: DEFAULT_SETTINGS,
});

function unavailableRec(): Recommendation {
  const rec = dataUnavailable(ctxOf(patient({ unavailable: ['observations', 'medicationStatements'] })));
  if (rec === undefined) throw new Error('expected a recommendation');
  return rec;
}

describe('card renderer', () => {
  it('names a future-dated resource as the record shows it (its name and date, escaped), else by its type, never by its bare reference', () => {
    const future = [
      { ref: 'Observation/egfr1', date: '2027-02-01', name: 'eGFR *CKD-EPI*' },
      { ref: 'Condition/c9', date: '2027-03-01' },
    ] as const;
    const rec = dataUnavailable(ctxOf(patient({ futureDated: future })));
    if (rec === undefined) throw new Error('no data-unavailable recommendation');
    expect(rec.evidence).toEqual(['Observation/egfr1', 'Condition/c9']);
    const [da] = renderCards([rec], renderCtx('da'));
    expect(da?.detail).toContain('Dateret ude i fremtiden, ikke brugt: eGFR \\*CKD-EPI\\* dateret 01.02.2027');
    expect(da?.detail).toContain('Dateret ude i fremtiden, ikke brugt: en diagnose dateret 01.03.2027');
    const [en] = renderCards([rec], renderCtx('en'));
    expect(en?.detail).toContain('Dated in the future, not used: eGFR \\*CKD-EPI\\* dated 1 Feb 2027');
    expect(en?.detail).toContain('Dated in the future, not used: a condition dated 1 Mar 2027');
    expect(`${da?.detail ?? ''}${en?.detail ?? ''}`).not.toContain('Condition/c9');
  });

  it('folded into another card, the entries to correct stay named: the first two and how many more, within the detail budget', () => {
    const future = Array.from({ length: 30 }, (_, i) => ({ ref: `Observation/f${i}`, date: '2027-02-01', name: `eGFR ${i}` }));
    const facts = patient({
      sex: 'female',
      age: 78,
      futureDated: future,
      unavailable: ['medicationAdministrations'],
      unidentifiedMedications: ['MedicationStatement/unknown-drug'],
      courses: [course('alendronate', '2015-06-01')],
      fractures: [fracture('forearm', '2025-09-01')],
      dxa: [scan('2025-06-01', { 'total-hip': -2.7 })],
      labs: { egfr: [egfr(42, '2026-11-01'), egfr(50, '2026-06-01'), egfr(58, '2026-01-01')], boneMarkers: [p1np(60, '2015-05-20'), p1np(50, '2015-09-10')] },
    });
    const cards = renderCards(evaluatePatientView(ctxOf(facts)), renderCtx('da'), { grouping: 'folded', ruleSet: 'patient-view' });
    const host = cards.find((c) => (c.extension['osteo-cds.topics'])?.includes('data-unavailable') === true && c.source.topic?.code !== 'data-unavailable');
    expect(host, JSON.stringify(cards.map((c) => c.source.topic?.code))).toBeDefined();
    // What could not be fetched, then a drug that cannot be told, then the first future-dated entry.
    expect(host?.detail).toContain('Data ikke tilgængelige: medicinadministrationer (MedicationAdministration)');
    expect(host?.detail).toContain('Lægemidlet kunne ikke identificeres, ikke brugt: MedicationStatement/unknown-drug');
    expect(host?.detail).toContain('Dateret ude i fremtiden, ikke brugt: eGFR 0 dateret 01.02.2027');
    expect(host?.detail).toContain('… og 29 flere');
    expect([...(host?.detail ?? '')].length).toBeLessThanOrEqual(900);
  });

  it('renders the data-unavailable card with topic, reasons per key and the patient as evidence', () => {
    const [card] = renderCards([unavailableRec()], renderCtx('da'));
    expect(card).toMatchObject({
      indicator: 'info',
      source: { url: 'https://www.dsam.dk/vejledninger/osteoporose', topic: { system: TOPIC_SYSTEM, code: 'data-unavailable' } },
      extension: {
        'osteo-cds.reasons': ['observations-unavailable', 'medicationStatements-unavailable'],
        'osteo-cds.evidence': ['Patient/p1'],
        'osteo-cds.rules-version': RULES_VERSION,
      },
    });
    expect(card?.detail).toContain('**Begrundelse**');
    expect(card?.detail).toContain('Målinger (laboratoriesvar, DXA) kunne ikke hentes');
    expect(card?.uuid).toMatch(/^[0-9a-f-]{36}$/);
    expect(card).not.toHaveProperty('suggestions');
    expect(card).not.toHaveProperty('links');
    expectValidResponse({ cards: [card] });
  });

  it('names a medication record whose drug could not be identified (a Medication not sent): its own summary and the record as evidence', () => {
    const rec = dataUnavailable(ctxOf(patient({ unidentifiedMedications: ['MedicationAdministration/inj'] })));
    expect(rec).toMatchObject({ reasons: ['medication-unidentified'], evidence: ['MedicationAdministration/inj'] });
    if (rec === undefined) throw new Error('expected a recommendation');
    const [da] = renderCards([rec], renderCtx('da'));
    expect(da?.summary).toBe('Ufuldstændig vurdering: et lægemiddel i medicinlisten kunne ikke identificeres');
    expect(da?.detail).toContain('Lægemidlet kunne ikke identificeres, ikke brugt: MedicationAdministration/inj');
    // Named in the paragraph too: the "Grundlag" list may be shortened beside other reasons.
    expect(da?.detail).toContain('**Tjek medicinen i journalen:** MedicationAdministration/inj henviser til et lægemiddel');
    expect(da?.detail).not.toContain('kunne hentes');
    const [en] = renderCards([rec], renderCtx('en'));
    expect(en?.summary).toBe('Incomplete assessment: a drug on the medication list could not be identified');
    expectValidResponse({ cards: [da, en] });
  });

  it('speaks English when asked', () => {
    const [card] = renderCards([unavailableRec()], renderCtx('en'));
    expect(card?.summary).toMatch(/^Incomplete assessment/);
    expect(card?.detail).toContain('**Why**');
  });

  it('opens every finding line with a capital, but keeps "eGFR" as it is written', () => {
    const rec: Recommendation<'pretreatment-checks'> = {
      topic: 'pretreatment-checks',
      indicator: 'info',
      reasons: ['calcium-missing', 'egfr-missing'],
      evidence: ['Patient/p1'],
      findings: [
        { kind: 'lab-missing', lab: 'calcium', withinDays: 90 },
        { kind: 'lab-missing', lab: 'egfr', withinDays: 90 },
      ],
      choice: 'first-choice',
    };
    const detail = renderCards([rec], renderCtx('en'))[0]?.detail ?? '';
    expect(detail).toMatch(/^- Calcium/m);
    expect(detail).toMatch(/^- eGFR/m);
  });

  it('orders critical before warning before info and gives warning and critical cards coded override reasons', () => {
    const base = unavailableRec();
    const cards = renderCards(
      [base, { ...base, indicator: 'warning' }, { ...base, indicator: 'critical' }],
      renderCtx('da'),
    );
    expect(cards.map((c) => c.indicator)).toEqual(['critical', 'warning', 'info']);
    expect(cards[0]?.overrideReasons?.map((o) => o.code)).toEqual(['patient-declined', 'specialist-managed', 'already-addressed', 'not-applicable', 'clinical-judgement']);
    expect(cards[0]?.overrideReasons?.every((o) => o.system === 'urn:osteo-cds:override-reason' && o.display.length > 0)).toBe(true);
    expect(cards[1]?.overrideReasons?.map((o) => o.code)).toEqual(cards[0]?.overrideReasons?.map((o) => o.code));
    expect(cards[2]).not.toHaveProperty('overrideReasons');
    expectValidResponse({ cards });
  });
});
