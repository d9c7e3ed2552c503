/**
 * Card text of `btm-follow-up-due` (rules.md section 3, card page 2 "Opfølgning på medicinsk behandling"), in
 * Danish — the card's own terms — and English. The summary puts the decision first; the renderer
 * appends the reasons ("Begrundelse") and the findings with values and dates ("Grundlag").
 */
import type { BoneMarkerKind } from '../../../contract/clinical.js';
import { has, paren } from '../text-helpers.js';
import type { TopicTexts } from '../types.js';
import type { Words } from '../vocabulary.js';

const MARKER_EXCLUSIONS: Words = {
  da:
    '**Knoglemarkør kan IKKE anvendes ved:** fraktur inden for 6 mdr. før behandlingsstart (mål ét år efter fraktur), ubehandlet knoglemetabolisk sygdom, svær akut sygdom/akut immobilisering, hård motion inden for 24 timer. ' +
    'Anden medicin kan specielt ved start/dosisændring påvirke værdierne, fx antiepileptika, antiøstrogen- og antiandrogen behandling.',
  en:
    '**Bone markers can NOT be used with:** a fracture within 6 months before the start of treatment (measure one year after the fracture), untreated metabolic bone disease, severe acute illness/acute immobilisation, hard exercise within 24 hours. ' +
    'Other medicines can affect the values, especially at start or dose change, e.g. antiepileptics, anti-oestrogen and anti-androgen treatment.',
};

const MARKER_HOW: Readonly<Record<'p1np' | 'ctx', Words>> = {
  p1np: {
    da: 'Tag P1NP (prokollagen type 1 N-terminalt propeptid) – den primære prøve, kan tages hele dagen.',
    en: 'Take P1NP (procollagen type 1 N-terminal propeptide) – the primary test, any time of day.',
  },
  ctx: {
    da: 'Tag CTX (anvendes i stedet for P1NP ved behandling med glukokortikoid) – skal tages fastende før kl. 10.',
    en: 'Take CTX (used instead of P1NP during glucocorticoid treatment) – fasting, before 10 am.',
  },
};

function markerName(marker: BoneMarkerKind): 'P1NP' | 'CTX' {
  return marker === 'ctx' ? 'CTX' : 'P1NP';
}

export const btmFollowUpDueTexts: TopicTexts<'btm-follow-up-due'> = {
  da: {
    title: 'Knoglemarkør skal tages',
    summary: (rec) => {
      const how = rec.marker === 'ctx' ? 'CTX, fastende før kl. 10' : 'P1NP';
      if (has(rec, 'recheck-after-correction')) return `Tag ny knoglemarkør (${how}) og revurdér: 3 mdr. efter utilstrækkeligt fald`;
      if (has(rec, 'fracture-before-start')) return `Tag knoglemarkør (${how}) nu: ét år efter brud før behandlingsstart`;
      return `Tag knoglemarkør (${how}): 3 mdr. efter start af peroral bisfosfonat`;
    },
    detail: (rec) =>
      [
        `Knoglemarkører viser effekt/compliance ved peroral behandling. ${MARKER_HOW[rec.marker].da}`,
        has(rec, 'recheck-after-correction')
          ? `Ny ${markerName(rec.marker)} 3 måneder efter korrektion af indtag, compliance eller anden sygdom: > 30 % fald fra initial knoglemarkør → fortsæt behandling; fortsat < 30 % fald → start eller henvis til parenteral behandling.`
          : `Sammenhold med initial knoglemarkør: > 30 % fald → fortsæt behandling; < 30 % fald → overvej korrekt indtag, compliance (se evt. FMK) og anden sygdom. Er knoglemarkør ikke taget før behandlingsstart, sammenholdes resultatet med gennemsnit for præmenopausale kvinder (oplyses fra laboratoriet) – mere usikkert.`,
        has(rec, 'fracture-before-start') ? `Der var et brud inden for 6 mdr. før behandlingsstart: knoglemarkøren måles ét år efter bruddet${paren(rec.due, 'da')}.` : '',
        MARKER_EXCLUSIONS.da,
      ]
        .filter((s) => s.length > 0)
        .join('\n\n'),
  },
  en: {
    title: 'Bone marker due',
    summary: (rec) => {
      const how = rec.marker === 'ctx' ? 'CTX, fasting before 10 am' : 'P1NP';
      if (has(rec, 'recheck-after-correction')) return `Repeat the bone marker (${how}) and reassess: 3 months after an insufficient fall`;
      if (has(rec, 'fracture-before-start')) return `Take the bone marker (${how}) now: one year after a fracture before the start of treatment`;
      return `Take the bone marker (${how}): 3 months after starting oral bisphosphonate`;
    },
    detail: (rec) =>
      [
        `Bone markers show effect/adherence of oral treatment. ${MARKER_HOW[rec.marker].en}`,
        has(rec, 'recheck-after-correction')
          ? `New ${markerName(rec.marker)} 3 months after correcting intake, adherence or other disease: a fall of > 30 % from baseline → continue treatment; still < 30 % → start or refer for parenteral treatment.`
          : `Compare with the baseline marker: a fall of > 30 % → continue treatment; < 30 % → check correct intake, adherence (see the shared medication record, FMK) and other disease. Without a baseline taken before the start, compare with the premenopausal mean (given by the laboratory) – less certain.`,
        has(rec, 'fracture-before-start') ? `There was a fracture within 6 months before the start of treatment: measure the marker one year after the fracture${paren(rec.due, 'en')}.` : '',
        MARKER_EXCLUSIONS.en,
      ]
        .filter((s) => s.length > 0)
        .join('\n\n'),
  },
};
