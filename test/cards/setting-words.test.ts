/**
 * No number in a text that a setting can change: a site's values (CDS_SITE_CONFIG) reach the
 * reasons and the guideline pages as the rules applied them, and with the defaults the words
 * read as the card prints them.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LINKS } from '../../src/cards/links.js';
import { renderCards } from '../../src/cards/render.js';
import { inForce, REASON } from '../../src/cards/text/vocabulary.js';
import type { Language } from '../../src/contract/language.js';
import type { Reason } from '../../src/contract/topics.js';
import { createEngine } from '../../src/engine.js';
import { evaluateRules } from '../../src/rules/index.js';
import { DEFAULT_SETTINGS, type GuidelineSettings } from '../../src/rules/settings.js';
import { readSiteSettings } from '../../src/settings/site-config.js';
import { bmi, condition, fracture, patient, scan, type FactsInput } from '../helpers/facts.js';

/** The settings of a site file, read as start-up reads it. */
function siteSettings(file: object): GuidelineSettings {
  const path = join(mkdtempSync(join(tmpdir(), 'osteo-words-')), 'site.json');
  writeFileSync(path, JSON.stringify(file));
  const reading = readSiteSettings({ siteConfigFile: path, terminologyFile: undefined });
  if (!reading.ok) throw new Error(reading.problems.join('; '));
  return reading.site.settings;
}

const SITE = siteSettings({ lowBmi: 20, alcoholUnitsPerDay: 2, ulcerMonths: 6, dxaWorkupYears: 3, pauseRecentFractureYears: 1, pauseGlucocorticoidStoppedMonths: 6 });

/** The "Begrundelse" / "Why" lines of every card the patient-view rules give under `settings`. */
function reasonLines(input: FactsInput, settings: GuidelineSettings, lang: Language): string[] {
  const facts = patient(input);
  const recs = evaluateRules('patient-view', { facts, today: facts.today, settings });
  const cards = renderCards(recs, { lang, patientRef: facts.patientRef, today: facts.today, female: true, drafts: new Map(), links: DEFAULT_LINKS, settings }, { grouping: 'separate', ruleSet: 'patient-view' });
  return cards.flatMap((c) => (c.detail ?? '').split('\n').filter((l) => l.startsWith('- ')));
}

describe('reasons quote the settings in force', () => {
  // BMI 19.5 and 2 units a day are risk factors only under the site's limits; the DXA 4 years ago
  // is recent by the default 5 years, not by the site's 3.
  const risky: FactsInput = {
    age: 70,
    vitals: { bmi: [bmi(19.5, '2026-10-01')] },
    lifestyle: { alcoholUnitsPerDay: { value: 2, date: '2026-10-01', ref: 'Observation/alcohol' } },
    dxa: [scan('2022-10-01', { 'lumbar-spine': -1.5 })],
  };

  it('words the site’s BMI and alcohol limits where the site’s limits made them risk factors', () => {
    expect(reasonLines(risky, SITE, 'da')).toEqual(expect.arrayContaining(['- Risikofaktor: lavt BMI (< 20 kg/m²)', '- Risikofaktor: alkohol (≥ 2 genstande dagligt)']));
    expect(reasonLines(risky, SITE, 'en')).toEqual(expect.arrayContaining(['- Risk factor: low BMI (< 20 kg/m²)', '- Risk factor: alcohol (≥ 2 units a day)']));
    expect(reasonLines(risky, DEFAULT_SETTINGS, 'da').join('\n')).not.toMatch(/BMI|alkohol/);
  });

  it('words the site’s ulcer window, and the card’s 12 months by default', () => {
    const ulcer: FactsInput = { age: 70, fractures: [fracture('hip', '2026-07-01')], conditions: [condition('peptic-ulcer', { active: false, onset: '2026-07-01' })] };
    expect(reasonLines(ulcer, SITE, 'da')).toContain('- Ulcus (aktivt eller inden for 6 mdr.)');
    expect(reasonLines(ulcer, SITE, 'en')).toContain('- Peptic ulcer (active or within 6 months)');
    expect(reasonLines(ulcer, DEFAULT_SETTINGS, 'da')).toContain('- Ulcus (aktivt eller inden for 12 mdr.)');
  });

  it('reads as before with the defaults, and with the site’s numbers under a site file', () => {
    const words = (r: Reason, s: GuidelineSettings): Readonly<Record<Language, string>> => inForce(REASON[r], s);
    expect(words('risk-low-bmi', DEFAULT_SETTINGS)).toEqual({ da: 'Risikofaktor: lavt BMI (< 19 kg/m²)', en: 'Risk factor: low BMI (< 19 kg/m²)' });
    expect(words('risk-alcohol', DEFAULT_SETTINGS)).toEqual({ da: 'Risikofaktor: alkohol (≥ 3 genstande dagligt)', en: 'Risk factor: alcohol (≥ 3 units a day)' });
    expect(words('ulcer', DEFAULT_SETTINGS)).toEqual({ da: 'Ulcus (aktivt eller inden for 12 mdr.)', en: 'Peptic ulcer (active or within 12 months)' });
    expect(words('recent-fracture', DEFAULT_SETTINGS)).toEqual({ da: 'Andet lavenergibrud de seneste 5 år', en: 'Other low-energy fracture in the last 5 years' });
    expect(words('ongoing-glucocorticoid', DEFAULT_SETTINGS)).toEqual({ da: 'Glukokortikoidbehandling pågår eller ophørt for under 1 år siden', en: 'Glucocorticoid ongoing or stopped less than 1 year ago' });
    expect(words('no-dxa', DEFAULT_SETTINGS)).toEqual({ da: 'Ingen DXA-skanning de seneste 5 år', en: 'No DXA scan in the last 5 years' });

    expect(words('infusion-due', DEFAULT_SETTINGS)).toEqual({ da: 'Årlig zoledronsyre-infusion er aktuel (≥ 11 mdr. siden sidste)', en: 'Yearly zoledronic acid infusion due (≥ 11 months since the last)' });
    expect(words('infusion-due', { ...DEFAULT_SETTINGS, zoledronicDueMonths: 10 }).da).toBe('Årlig zoledronsyre-infusion er aktuel (≥ 10 mdr. siden sidste)');

    expect(words('no-dxa', SITE).da).toBe('Ingen DXA-skanning de seneste 3 år');
    expect(words('recent-fracture', SITE)).toEqual({ da: 'Andet lavenergibrud det seneste år', en: 'Other low-energy fracture in the last year' });
    expect(words('ongoing-glucocorticoid', SITE).da).toBe('Glukokortikoidbehandling pågår eller ophørt for under 6 mdr. siden');
    expect(words('risk-low-bmi', { ...DEFAULT_SETTINGS, lowBmi: 18.5 }).da).toBe('Risikofaktor: lavt BMI (< 18,5 kg/m²)');
  });
});

describe('guideline pages quote the settings in force', () => {
  it('says "no DXA in the last 3 years" under the site’s dxaWorkupYears, 5 by default', () => {
    expect(createEngine({ settings: SITE }).guidelinePage('dxa-workup-suggested', 'da')).toContain('ingen DXA de seneste 3 år');
    expect(createEngine({ settings: SITE }).guidelinePage('dxa-workup-suggested', 'en')).toContain('no DXA in the last 3 years');
    expect(createEngine().guidelinePage('dxa-workup-suggested', 'da')).toContain('ingen DXA de seneste 5 år');
  });
});
