/**
 * Card text of `diagnosis-criteria-met` (rules.md section 2, card page 1 "Osteoporose – Valg af medicinsk
 * behandling"), in Danish (the card's own terms) and English. The renderer appends the reasons
 * ("Begrundelse") and the findings with values and dates ("Grundlag"), so the advice says what to
 * do without repeating them. Line numbers refer to guideline/source-card-da.txt.
 */
import { FRACTURE_REASONS, IF_LOW_ENERGY, onlyPossibleFracture } from '../card-words.js';
import { has, paragraphs, texts } from '../text-helpers.js';

export const diagnosisCriteriaMetTexts = texts<'diagnosis-criteria-met'>(
  { da: 'Diagnosekriterier for osteoporose opfyldt', en: 'Osteoporosis diagnosis criteria met' },
  (rec, lang) => {
    const possible = onlyPossibleFracture(rec);
    if (lang === 'da') return `Registrér diagnosen osteoporose: diagnosekriterierne er opfyldt${possible ? ', hvis bruddet var et lavenergibrud' : ''}`;
    return `Record the diagnosis of osteoporosis: the diagnosis criteria are met${possible ? ' if the fracture was low-energy' : ''}`;
  },
  (rec, lang) => {
    const da = lang === 'da';
    const fracture = has(rec, ...FRACTURE_REASONS);
    return paragraphs(
      da
        ? 'Osteoporose diagnosekriterier (kortet): T-score ≤ −2,5 og/eller lavenergibrud i ryg (≥ 20 % sammenfald) og/eller hofte. Kriterierne er opfyldt, men diagnosen står ikke på problemlisten.'
        : 'Osteoporosis diagnosis criteria (the card): T-score ≤ −2.5 and/or a low-energy fracture of the spine (≥ 20 % compression) and/or hip. The criteria are met, but the diagnosis is not on the problem list.',
      da
        ? `Registrér diagnosen (${fracture ? 'DM80 osteoporose med patologisk fraktur' : 'DM81 osteoporose uden patologisk fraktur'}), så behandling og opfølgning kan planlægges.`
        : `Record the diagnosis (${fracture ? 'M80 osteoporosis with pathological fracture' : 'M81 osteoporosis without pathological fracture'}) so treatment and follow-up can be planned.`,
      onlyPossibleFracture(rec) && IF_LOW_ENERGY[lang],
      has(rec, 't-score') &&
        (da
          ? 'OBS: D-vitamin bør være i niveau før DXA-skanning (ellers risiko for overdiagnosticering).'
          : 'Note: vitamin D should be replete before a DXA scan (otherwise risk of overdiagnosis).'),
    );
  },
);
