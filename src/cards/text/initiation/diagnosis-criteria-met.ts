/**
 * Card text of `diagnosis-criteria-met` (rules.md section 2, card page 1 l. 11-15 "Osteoporose
 * diagnosekriterier"), in Danish (the card's own terms) and English. The renderer appends the
 * reasons ("Begrundelse") and the findings with values and dates ("Grundlag"); the criteria in full
 * are on the topic's guideline page.
 */
import type { Recommendation } from '../../../contract/recommendations.js';
import { IF_LOW_ENERGY, onlyPossibleFracture } from '../card-words.js';
import { has, paragraphs } from '../text-helpers.js';
import type { TopicTexts } from '../types.js';

/**
 * The code the suggestion records (rules/initiation/diagnosis-criteria-met.ts): DM80 "with
 * pathological fracture" for a fracture known to be low-energy, or for a possible one the criteria
 * rest on alone (the card is then "if it was low-energy"); else DM81.
 */
const withFracture = (rec: Recommendation<'diagnosis-criteria-met'>): boolean =>
  rec.suggestions?.some((s) => s.kind === 'diagnosis' && s.withFracture) ?? has(rec, 'spine-fracture', 'hip-fracture');

export const diagnosisCriteriaMetTexts: TopicTexts<'diagnosis-criteria-met'> = {
  da: {
    title: 'Diagnosekriterier opfyldt',
    summary: (rec) => `Registrér diagnosen osteoporose (${withFracture(rec) ? 'DM80' : 'DM81'})${onlyPossibleFracture(rec) ? ', hvis bruddet var et lavenergibrud' : ''}`,
    detail: (rec) =>
      paragraphs(
        `Kriterierne er opfyldt, men diagnosen står ikke på problemlisten. Registrér ${withFracture(rec) ? 'DM80 osteoporose med patologisk fraktur' : 'DM81 osteoporose uden patologisk fraktur'}, så behandling og opfølgning kan planlægges.`,
        onlyPossibleFracture(rec) && IF_LOW_ENERGY.da,
        has(rec, 't-score') && 'OBS: D-vitamin bør være i niveau før DXA-skanning (ellers risiko for overdiagnosticering).',
      ),
  },
  en: {
    title: 'Diagnosis criteria met',
    summary: (rec) => `Record the osteoporosis diagnosis (${withFracture(rec) ? 'M80' : 'M81'})${onlyPossibleFracture(rec) ? ' if the fracture was low-energy' : ''}`,
    detail: (rec) =>
      paragraphs(
        `The criteria are met, but the diagnosis is not on the problem list. Record ${withFracture(rec) ? 'M80 osteoporosis with pathological fracture' : 'M81 osteoporosis without pathological fracture'} so treatment and follow-up can be planned.`,
        onlyPossibleFracture(rec) && IF_LOW_ENERGY.en,
        has(rec, 't-score') && 'Note: vitamin D should be replete before a DXA scan (otherwise risk of overdiagnosis).',
      ),
  },
};
