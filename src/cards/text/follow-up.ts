/**
 * Card texts for rules.md section 3 (follow-up, card page 2 "Opfølgning på medicinsk behandling",
 * plus the front page's denosumab and zoledronic acid notes), in Danish — the card's own terms —
 * and English. Summaries put the decision first; details give the card's advice for the situation.
 * The renderer appends the reasons ("Begrundelse") and the findings with values and dates
 * ("Grundlag"), so the advice does not repeat them.
 */
import type { FollowUpTopic, Reason } from '../../contract/topics.js';
import type { Recommendation } from '../../contract/recommendations.js';
import type { LocalDate } from '../../time/local-date.js';
import type { BoneMarkerKind } from '../../contract/clinical.js';
import { formatDate, formatList } from '../format.js';
import { ALENDRONATE_INTAKE } from '../orders.js';
import { BEFORE_START, DENOSUMAB_OPTION, SIDE_EFFECTS, ZOLEDRONIC_ACID, has, reasonPhrases } from './card-words.js';
import { PAUSE_TEXTS } from './pause.js';
import type { TextsOf } from './types.js';
import { DRUG, type Words } from './vocabulary.js';
import type { Language } from '../../contract/language.js';

/** " (12.05.2027)" */
function paren(d: LocalDate, lang: Language): string {
  return ` (${formatDate(d, lang)})`;
}

// --- shared paragraphs, in the card's words ------------------------------------------------------





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

// --- short reason phrases for summaries --------------------------------------------------------

const SWITCH_SHORT: Readonly<Partial<Record<Reason, Words>>> = {
  'persistent-insufficient-fall': { da: 'KM-fald fortsat ≤ 30 %', en: 'marker fall still ≤ 30 %' },
  intolerance: { da: 'utålelige bivirkninger', en: 'intolerance' },
  'non-adherence': { da: 'compliance kan ikke opretholdes', en: 'adherence cannot be maintained' },
};

const REFERRAL_SHORT: Readonly<Partial<Record<Reason, Words>>> = {
  'bmd-fall': { da: 'signifikant fald i knoglemasse', en: 'significant BMD fall' },
  'fractures-on-treatment': { da: '≥ 2 lavenergibrud under behandling', en: '≥ 2 low-energy fractures on treatment' },
  'no-btm-suppression': { da: 'manglende suppression af knoglemarkør', en: 'no bone marker suppression' },
  intolerance: { da: 'uacceptable bivirkninger', en: 'unacceptable side effects' },
  'egfr-falling': { da: 'progredierende nyrefunktionstab', en: 'progressive loss of kidney function' },
  'egfr-low': { da: 'eGFR ≤ 35 under bisfosfonat', en: 'eGFR ≤ 35 on a bisphosphonate' },
  'denosumab-stop': { da: 'denosumab planlægges seponeret', en: 'denosumab planned to stop' },
  'secondary-osteoporosis': { da: 'mistanke om sekundær osteoporose', en: 'suspected secondary osteoporosis' },
};

function shortList(rec: Recommendation, table: Readonly<Partial<Record<Reason, Words>>>, lang: Language, max: number): string {
  const items = reasonPhrases(rec, table, lang);
  if (items.length <= max) return formatList(items, lang);
  return `${items.slice(0, max).join(', ')} ${lang === 'da' ? 'm.fl.' : 'and more'}`;
}

function medicationNames(rec: Recommendation, lang: Language): string {
  const names = [...new Set(rec.findings.flatMap((f) => (f.kind === 'medication' ? [DRUG[f.drug][lang]] : [])))];
  return formatList(names, lang);
}

// --- the topics ------------------------------------------------------------------------------

export const FOLLOW_UP_TEXTS: TextsOf<FollowUpTopic> = {
  'btm-follow-up-due': {
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
  },

  'btm-response-adequate': {
    da: {
      title: 'Knoglemarkør: tilstrækkeligt fald',
      summary: (rec) =>
        has(rec, 'below-premenopausal-mean')
          ? 'Fortsæt behandling: knoglemarkør under præmenopausalt gennemsnit (ingen initial værdi – mere usikkert)'
          : 'Fortsæt behandling: knoglemarkør faldet > 30 % fra initial værdi',
      detail: (rec) =>
        [
          'Knoglemarkøren viser effekt og compliance ved peroral behandling. **Fortsæt behandling.** Ny knoglemarkør kun ved mistanke om manglende compliance.',
          has(rec, 'below-premenopausal-mean')
            ? 'Der er ikke taget knoglemarkør før behandlingsstart; resultatet er sammenholdt med gennemsnit for præmenopausale kvinder (oplyses fra laboratoriet) – det er mere usikkert.'
            : '',
          'DXA-skanning tidligst efter 2 års behandling og efter 5 års behandling.',
        ]
          .filter((s) => s.length > 0)
          .join('\n\n'),
    },
    en: {
      title: 'Bone marker: adequate fall',
      summary: (rec) =>
        has(rec, 'below-premenopausal-mean')
          ? 'Continue treatment: bone marker below the premenopausal mean (no baseline – less certain)'
          : 'Continue treatment: bone marker fell > 30 % from baseline',
      detail: (rec) =>
        [
          'The bone marker shows effect and adherence of oral treatment. **Continue treatment.** A new marker only if non-adherence is suspected.',
          has(rec, 'below-premenopausal-mean')
            ? 'No marker was taken before the start of treatment; the result is compared with the premenopausal mean (given by the laboratory) – this is less certain.'
            : '',
          'DXA scan no earlier than after 2 years of treatment, and after 5 years.',
        ]
          .filter((s) => s.length > 0)
          .join('\n\n'),
    },
  },

  'btm-response-inadequate': {
    da: {
      title: 'Knoglemarkør: utilstrækkeligt fald',
      summary: (rec) =>
        rec.comparedWith === 'premenopausal-mean'
          ? 'Knoglemarkør ikke under præmenopausalt gennemsnit: tjek indtag, compliance og anden sygdom'
          : 'Knoglemarkør faldet ≤ 30 %: tjek korrekt indtag, compliance og anden sygdom',
      detail: (rec) =>
        [
          'Utilstrækkeligt fald i knoglemarkør ved peroral behandling. **Overvej korrekt indtag, compliance (se evt. FMK) og anden sygdom.**',
          `Korrekt indtag af alendronat: ${ALENDRONATE_INTAKE.da}`,
          `- **Korrigerbar:** ret årsagen, tag ny knoglemarkør 3 mdr. efter${paren(rec.recheckDue, 'da')} og revurdér.\n` +
            '- **Ikke korrigerbar:** start eller henvis til parenteral behandling (2. valg).',
          `${DENOSUMAB_OPTION.da}\n\n${ZOLEDRONIC_ACID.da}`,
          rec.comparedWith === 'premenopausal-mean' ? 'Der er ikke taget knoglemarkør før behandlingsstart; sammenligningen med præmenopausalt gennemsnit er mere usikker.' : '',
        ]
          .filter((s) => s.length > 0)
          .join('\n\n'),
    },
    en: {
      title: 'Bone marker: insufficient fall',
      summary: (rec) =>
        rec.comparedWith === 'premenopausal-mean'
          ? 'Bone marker not below the premenopausal mean: check intake, adherence and other disease'
          : 'Bone marker fell ≤ 30 %: check correct intake, adherence and other disease',
      detail: (rec) =>
        [
          'Insufficient bone marker fall on oral treatment. **Check correct intake, adherence (see the shared medication record, FMK) and other disease.**',
          `Correct intake of alendronate: ${ALENDRONATE_INTAKE.en}`,
          `- **Correctable:** correct it, repeat the bone marker 3 months later${paren(rec.recheckDue, 'en')} and reassess.\n` +
            '- **Not correctable:** start or refer for parenteral treatment (second choice).',
          `${DENOSUMAB_OPTION.en}\n\n${ZOLEDRONIC_ACID.en}`,
          rec.comparedWith === 'premenopausal-mean' ? 'No marker was taken before the start of treatment; the comparison with the premenopausal mean is less certain.' : '',
        ]
          .filter((s) => s.length > 0)
          .join('\n\n'),
    },
  },

  'switch-to-parenteral': {
    da: {
      title: 'Skift til parenteral behandling',
      summary: (rec) => `Start eller henvis til parenteral behandling: ${shortList(rec, SWITCH_SHORT, 'da', 3)}`,
      detail: () =>
        [
          '2. valg (parenteral) ved kontraindikation til peroral bisfosfonat, utålelige bivirkninger, behandlingssvigt, eller hvis compliance ikke kan opretholdes. **Start eller henvis til parenteral behandling:**',
          `- ${DENOSUMAB_OPTION.da}\n- ${ZOLEDRONIC_ACID.da}\n- Ved behandlingssvigt trods god compliance: henvisning til endokrinolog.`,
          BEFORE_START.parenteral.da,
          SIDE_EFFECTS.parenteral.da,
        ].join('\n\n'),
    },
    en: {
      title: 'Switch to parenteral treatment',
      summary: (rec) => `Start or refer for parenteral treatment: ${shortList(rec, SWITCH_SHORT, 'en', 3)}`,
      detail: () =>
        [
          'Second choice (parenteral) when oral bisphosphonate is contraindicated, not tolerated, has failed, or adherence cannot be maintained. **Start or refer for parenteral treatment:**',
          `- ${DENOSUMAB_OPTION.en}\n- ${ZOLEDRONIC_ACID.en}\n- Treatment failure despite good adherence: referral to endocrinology.`,
          BEFORE_START.parenteral.en,
          SIDE_EFFECTS.parenteral.en,
        ].join('\n\n'),
    },
  },

  'dxa-follow-up-due': {
    da: {
      title: 'DXA-skanning til opfølgning',
      summary: (rec) => `Henvis til DXA-skanning efter ${has(rec, 'five-year-dxa') ? '5' : '2'} års behandling – samme hospital som ved tidligere skanning`,
      detail: (rec) =>
        [
          'DXA-skanning viser knoglemineraltæthed (BMD) og T-score: tidligst efter 2 års behandling og efter 5 års behandling.',
          '**Henvis til samme hospital som ved tidligere skanning.** Skannere måler ikke helt ens, og sammenligning af værdier fra forskellige skannere er usikker.',
          has(rec, 'five-year-dxa') ? 'Ved peroral bisfosfonat bør behandlingspause overvejes efter 5 år; T-score i hoften indgår i vurderingen.' : '',
        ]
          .filter((s) => s.length > 0)
          .join('\n\n'),
    },
    en: {
      title: 'Follow-up DXA scan',
      summary: (rec) => `Refer for a DXA scan after ${has(rec, 'five-year-dxa') ? '5' : '2'} years of treatment – same hospital as the previous scan`,
      detail: (rec) =>
        [
          'A DXA scan shows bone mineral density (BMD) and T-score: no earlier than after 2 years of treatment, and after 5 years.',
          '**Refer to the same hospital as the previous scan.** Scanners do not measure exactly alike, and comparing values from different scanners is uncertain.',
          has(rec, 'five-year-dxa') ? 'On oral bisphosphonate a treatment pause should be considered after 5 years; the hip T-score is part of that decision.' : '',
        ]
          .filter((s) => s.length > 0)
          .join('\n\n'),
    },
  },

  'bisphosphonate-pause-candidate': {
    da: {
      title: 'Overvej behandlingspause',
      summary: () => 'Overvej behandlingspause: 5 års peroral bisfosfonat, og kriterierne for seponering er opfyldt',
      detail: () =>
        [
          'Behandlingspause bør overvejes efter 5 år. **Seponering kan ske**, da alle kriterier er opfyldt: T-score (hofte) > −2,5, aldrig lavenergibrud i ryg eller hofte, ingen andre lavenergibrud de seneste år, og evt. udløsende årsager er korrigeret (fx længerevarende glukokortikoidbehandling, hvor der behandles med alendronat ½–1 år efter ophør).',
          'Bisfosfonat som fx alendronat har en længerevarende knoglebeskyttende effekt, da det bliver i skelettet pga. lang halveringstid.',
          'Opfølgning med DXA-skanning tidligst efter 2 år, hvis relevant.',
        ].join('\n\n'),
    },
    en: {
      title: 'Consider a treatment pause',
      summary: () => 'Consider a treatment pause: 5 years of oral bisphosphonate and the criteria for stopping are met',
      detail: () =>
        [
          'A treatment pause should be considered after 5 years. **Treatment may be stopped**, as all criteria are met: hip T-score > −2.5, never a low-energy spine or hip fracture, no other low-energy fracture in recent years, and any triggering cause corrected (e.g. long-term glucocorticoid treatment, where alendronate is continued ½–1 year after it ends).',
          'Bisphosphonates such as alendronate have a long-lasting bone-protective effect, as they stay in the skeleton (long half-life).',
          'Follow-up DXA scan no earlier than after 2 years, if relevant.',
        ].join('\n\n'),
    },
  },

  'bisphosphonate-continue': {
    da: {
      title: 'Fortsæt peroral bisfosfonat',
      summary: () => 'Fortsæt peroral bisfosfonat: 5 år nået, men kriterierne for behandlingspause er ikke opfyldt',
      detail: (rec) =>
        [
          'Behandlingspause bør overvejes efter 5 år, men seponering kræver alle kriterier: T-score (hofte) > −2,5; aldrig lavenergibrud i ryg eller hofte; ingen andre lavenergibrud de seneste år; evt. udløsende årsager korrigeret (fx glukokortikoid – alendronat ½–1 år efter ophør). Se begrundelsen for, hvad der ikke er opfyldt.',
          '**Fortsæt behandling.** Ved fortsat lav knoglemasse i hoften kan behandling udstrækkes til 10 år.',
          has(rec, 'hip-t-score-missing') ? 'Der er ingen T-score for hoften: henvis til DXA-skanning (samme hospital som ved tidligere skanning) for at vurdere en pause.' : '',
        ]
          .filter((s) => s.length > 0)
          .join('\n\n'),
    },
    en: {
      title: 'Continue oral bisphosphonate',
      summary: () => 'Continue oral bisphosphonate: 5 years reached, but the criteria for a treatment pause are not met',
      detail: (rec) =>
        [
          'A treatment pause should be considered after 5 years, but stopping requires all criteria: hip T-score > −2.5; never a low-energy spine or hip fracture; no other low-energy fracture in recent years; any triggering cause corrected (e.g. glucocorticoid – alendronate ½–1 year after it ends). See the reasons for what is not met.',
          '**Continue treatment.** With persistently low bone mass in the hip, treatment can be extended to 10 years.',
          has(rec, 'hip-t-score-missing') ? 'There is no hip T-score: refer for a DXA scan (same hospital as the previous scan) to assess a pause.' : '',
        ]
          .filter((s) => s.length > 0)
          .join('\n\n'),
    },
  },

  'bisphosphonate-pause-review': PAUSE_TEXTS,

  'bisphosphonate-ten-years': {
    da: {
      title: '10 års peroral bisfosfonat',
      summary: () => 'Revurdér behandlingen: 10 års peroral bisfosfonat – kortets maksimale behandlingsvarighed er nået',
      detail: () =>
        [
          'Behandlingspause bør overvejes efter 5 år; ved fortsat lav knoglemasse i hoften kan behandling udstrækkes til 10 år. **Den maksimale varighed i vejledningen er nået** – fortsæt ikke rutinemæssigt.',
          'Bisfosfonat som fx alendronat har en længerevarende knoglebeskyttende effekt, da det bliver i skelettet pga. lang halveringstid.',
          'Overvej seponering; ved fortsat høj brudrisiko: henvis til endokrinolog med henblik på videre behandling.',
        ].join('\n\n'),
    },
    en: {
      title: '10 years of oral bisphosphonate',
      summary: () => 'Reassess treatment: 10 years of oral bisphosphonate – the maximum duration on the card is reached',
      detail: () =>
        [
          'A treatment pause should be considered after 5 years; with persistently low hip bone mass treatment can be extended to 10 years. **The maximum duration in the guideline is reached** – do not continue routinely.',
          'Bisphosphonates such as alendronate have a long-lasting bone-protective effect, as they stay in the skeleton (long half-life).',
          'Consider stopping; if the fracture risk remains high, refer to endocrinology for further treatment.',
        ].join('\n\n'),
    },
  },

  'denosumab-injection-due': {
    da: {
      title: 'Denosumab-injektion',
      summary: (rec) => {
        return has(rec, 'due')
          ? `Giv denosumab-injektion nu: 6 mdr. siden sidste – der må max gå 7 måneder (senest ${formatDate(rec.latestInTime, 'da')})`
          : `Næste denosumab-injektion nærmer sig: gives ${formatDate(rec.due, 'da')} (hver 6. måned)`;
      },
      detail: (rec) =>
        [
          'Denosumab 60 mg s.c. hver 6. måned. **Opsæt system, så injektionen huskes hver 6. måned** – også hvis patienten ikke kommer til aftalt tid. Der må max gå 7 måneder.',
          `P-calcium kontrolleres forud for injektion${has(rec, 'calcium-missing') ? ` – der er ingen P-calcium fra de seneste ${rec.calciumWithinDays} dage` : ''}; ved hypocalcæmi korrigeres før injektion.`,
          'Hvis denosumab seponeres, SKAL anden behandling igangsættes pga. hurtigt knogletab efter ophørt behandling.',
        ].join('\n\n'),
    },
    en: {
      title: 'Denosumab injection',
      summary: (rec) => {
        return has(rec, 'due')
          ? `Give the denosumab injection now: 6 months since the last – never more than 7 months (by ${formatDate(rec.latestInTime, 'en')})`
          : `Next denosumab injection coming up: due ${formatDate(rec.due, 'en')} (every 6 months)`;
      },
      detail: (rec) =>
        [
          'Denosumab 60 mg s.c. every 6 months. **Set up a recall so the injection is given every 6 months** – also if the patient does not come at the agreed time. Never more than 7 months apart.',
          `Check P-calcium before the injection${has(rec, 'calcium-missing') ? ` – there is no P-calcium from the last ${rec.calciumWithinDays} days` : ''}; correct hypocalcaemia before injecting.`,
          'If denosumab is stopped, other treatment MUST be started because of rapid bone loss after stopping.',
        ].join('\n\n'),
    },
  },

  'denosumab-overdue': {
    da: {
      title: 'Denosumab overskredet',
      summary: () => 'Giv denosumab nu: over 7 måneder siden sidste injektion – risiko for hurtigt knogletab og brud i ryggen',
      detail: (rec) =>
        [
          `**Der må max gå 7 måneder mellem injektionerne** – injektionen skulle være givet${paren(rec.due, 'da')}. Efter ophørt denosumab kommer hurtigt knogletab (rebound) med risiko for multiple brud i ryggen (vertebrale frakturer).`,
          'Giv injektionen hurtigst muligt (denosumab 60 mg s.c.); P-calcium kontrolleres forud for injektion. Opsæt system, så injektionen huskes hver 6. måned – også hvis patienten ikke kommer til aftalt tid.',
          'Skal denosumab ikke fortsætte, SKAL anden behandling igangsættes (typisk zoledronsyre) – henvis evt. til endokrinolog.',
        ].join('\n\n'),
    },
    en: {
      title: 'Denosumab overdue',
      summary: () => 'Give denosumab now: more than 7 months since the last injection – risk of rapid bone loss and spine fractures',
      detail: (rec) =>
        [
          `**Never more than 7 months between injections** – the injection was due${paren(rec.due, 'en')}. After denosumab stops, bone is lost rapidly (rebound) with a risk of multiple vertebral fractures.`,
          'Give the injection as soon as possible (denosumab 60 mg s.c.); check P-calcium before it. Set up a recall so the injection is given every 6 months – also if the patient does not come at the agreed time.',
          'If denosumab is not to continue, other treatment MUST be started (usually zoledronic acid) – consider referral to endocrinology.',
        ].join('\n\n'),
    },
  },

  'denosumab-stopped': {
    da: {
      title: 'Denosumab seponeret uden opfølgende behandling',
      summary: (rec) => `Denosumab seponeret: anden behandling SKAL igangsættes – typisk zoledronsyre ca. ${formatDate(rec.followOnDue, 'da')}`,
      detail: (rec) =>
        [
          '**Hvis denosumab seponeres, SKAL anden behandling igangsættes** pga. hurtigt knogletab efter ophørt behandling (risiko for multiple brud i ryggen).',
          `Typisk gives zoledronsyre 5 mg i.v. ca. 6 måneder efter sidste injektion${paren(rec.followOnDue, 'da')}${rec.followOnDueReached ? ' – tidspunktet er nået: handl nu' : ''}. Typisk behandling på hospital: henvis til zoledronsyre eller til endokrinolog.`,
          'P-calcium, -kreatinin og -25-OH-vitamin D bør kontrolleres før infusionen.',
        ].join('\n\n'),
    },
    en: {
      title: 'Denosumab stopped without follow-on treatment',
      summary: (rec) => `Denosumab stopped: other treatment MUST be started – usually zoledronic acid around ${formatDate(rec.followOnDue, 'en')}`,
      detail: (rec) =>
        [
          '**If denosumab is stopped, other treatment MUST be started** because of rapid bone loss after stopping (risk of multiple vertebral fractures).',
          `Usually zoledronic acid 5 mg i.v. about 6 months after the last injection${paren(rec.followOnDue, 'en')}${rec.followOnDueReached ? ' – that time has come: act now' : ''}. Usually given in hospital: refer for zoledronic acid or to endocrinology.`,
          'Check P-calcium, creatinine and 25-OH vitamin D before the infusion.',
        ].join('\n\n'),
    },
  },

  'zoledronic-acid-infusion-due': {
    da: {
      title: 'Årlig zoledronsyre-infusion',
      summary: (rec) => {
        const due = formatDate(rec.due, 'da');
        return rec.missingLabs.length > 0
          ? `Årlig zoledronsyre-infusion ${due}: kontrollér P-calcium, -kreatinin og -25-OH-vitamin D før infusion`
          : `Årlig zoledronsyre-infusion ${due}: prøverne før infusion foreligger`;
      },
      detail: (rec) =>
        [
          `Zoledronsyre 5 mg i.v. årligt – typisk behandling på hospital. **P-calcium, -kreatinin og -25-OH-vitamin D bør kontrolleres før hver infusion** (inden for ${rec.labsWithinDays} dage).`,
          rec.missingLabs.length > 0 ? 'Bestil de manglende prøver (se begrundelse).' : '',
          'Tjek, at eGFR > 35 ml/min, at der ikke er hypocalcæmi, og at P-25-OH-vitamin D > 50 nmol/L.',
          SIDE_EFFECTS.parenteral.da,
        ]
          .filter((s) => s.length > 0)
          .join('\n\n'),
    },
    en: {
      title: 'Yearly zoledronic acid infusion',
      summary: (rec) => {
        const due = formatDate(rec.due, 'en');
        return rec.missingLabs.length > 0
          ? `Yearly zoledronic acid infusion ${due}: check calcium, creatinine and 25-OH vitamin D first`
          : `Yearly zoledronic acid infusion ${due}: the tests before the infusion are available`;
      },
      detail: (rec) =>
        [
          `Zoledronic acid 5 mg i.v. yearly – usually given in hospital. **Check P-calcium, creatinine and 25-OH vitamin D before each infusion** (within ${rec.labsWithinDays} days).`,
          rec.missingLabs.length > 0 ? 'Order the missing tests (see the reasons).' : '',
          'Check that eGFR > 35 mL/min, that there is no hypocalcaemia and that 25-OH vitamin D > 50 nmol/L.',
          SIDE_EFFECTS.parenteral.en,
        ]
          .filter((s) => s.length > 0)
          .join('\n\n'),
    },
  },

  'anabolic-treatment-consideration': {
    da: {
      title: 'Overvej anabol behandling',
      summary: (rec) =>
        has(rec, 'woman-fracture-3y')
          ? 'Overvej henvisning til anabol behandling: T-score < −2,5 og lavenergibrud inden for 3 år'
          : has(rec, 'man-spine-fracture-3y')
            ? 'Overvej henvisning til anabol behandling: T-score ≤ −3,0 og lavenergibrud i ryg inden for 3 år'
            : 'Overvej henvisning til anabol behandling: ≥ 2 lavenergibrud i ryg',
      detail: (rec) =>
        [
          'Overvejelse om anabol (knogleopbyggende) behandling: **injektionsbehandling med romosozumab eller teriparatid**, der normalt er selvadministreret. Behandlingen varetages af speciallæge – henvis.',
          'Kriterier: postmenopausale kvinder med T-score < −2,5 og lavenergibrud på hofte, bækken, overarm, underarm eller ryg inden for 3 år; mænd med T-score ≤ −3,0 og lavenergibrud i ryg inden for seneste 3 år, eller som har ≥ 2 lavenergibrud i ryg.',
          'Romosozumab: kun til kvinder og ikke efter myokardieinfarkt eller apopleksi (produktresumé). Teriparatid: højst 24 måneder.',
          rec.candidate === 'woman-cardiovascular' ? '**Journalen viser myokardieinfarkt eller apopleksi: romosozumab må ikke anvendes – teriparatid er muligheden.**' : '',
          rec.candidate === 'man' ? 'Romosozumab er kun til kvinder – for mænd er teriparatid muligheden.' : '',
        ]
          .filter((s) => s.length > 0)
          .join('\n\n'),
    },
    en: {
      title: 'Consider anabolic treatment',
      summary: (rec) =>
        has(rec, 'woman-fracture-3y')
          ? 'Consider referral for anabolic treatment: T-score < −2.5 and a low-energy fracture within 3 years'
          : has(rec, 'man-spine-fracture-3y')
            ? 'Consider referral for anabolic treatment: T-score ≤ −3.0 and a low-energy spine fracture within 3 years'
            : 'Consider referral for anabolic treatment: ≥ 2 low-energy spine fractures',
      detail: (rec) =>
        [
          'Anabolic (bone-forming) treatment: **injections of romosozumab or teriparatide**, normally self-administered. Specialist treatment – refer.',
          'Criteria: postmenopausal women with T-score < −2.5 and a low-energy fracture of hip, pelvis, upper arm, forearm or spine within 3 years; men with T-score ≤ −3.0 and a low-energy spine fracture within the last 3 years, or with ≥ 2 low-energy spine fractures.',
          'Romosozumab: women only, and not after myocardial infarction or stroke (SmPC). Teriparatide: at most 24 months.',
          rec.candidate === 'woman-cardiovascular' ? '**The record shows myocardial infarction or stroke: romosozumab must not be used – teriparatide is the option.**' : '',
          rec.candidate === 'man' ? 'Romosozumab is for women only – for men teriparatide is the option.' : '',
        ]
          .filter((s) => s.length > 0)
          .join('\n\n'),
    },
  },

  'endocrinology-referral': {
    da: {
      title: 'Henvisning til endokrinolog',
      summary: (rec) => `Henvis til endokrinolog: ${shortList(rec, REFERRAL_SHORT, 'da', 2)}`,
      detail: (rec) =>
        [
          'Henvisning til endokrinolog ved: **behandlingssvigt trods god compliance** (fald = signifikant fald i knoglemasse i ryg og/eller hofte oplyst i DXA-skanningssvar, ≥ 2 lavenergibrud efter mindst et års behandling, manglende suppression af knoglemarkør); uacceptable bivirkninger, som ikke kan kompenseres i almen praksis; progredierende nyrefunktionstab – inden eGFR er under 35 ml/min; når denosumab planlægges seponeret; mistanke om udredningskrævende sekundær osteoporose.',
          has(rec, 'egfr-low') ? '**eGFR ≤ 35 ml/min under bisfosfonat:** gentag eGFR, og hold pause med bisfosfonat, til endokrinologen har svaret (bisfosfonat anbefales ikke ved eGFR under 35).' : '',
          has(rec, 'denosumab-stop') ? 'Hvis denosumab seponeres, SKAL anden behandling igangsættes pga. hurtigt knogletab efter ophørt behandling – planlæg det sammen med endokrinologen.' : '',
        ]
          .filter((s) => s.length > 0)
          .join('\n\n'),
    },
    en: {
      title: 'Referral to endocrinology',
      summary: (rec) => `Refer to endocrinology: ${shortList(rec, REFERRAL_SHORT, 'en', 2)}`,
      detail: (rec) =>
        [
          'Refer to endocrinology for: **treatment failure despite good adherence** (a significant fall in spine and/or hip bone mass stated in the DXA report, ≥ 2 low-energy fractures after at least one year of treatment, no suppression of the bone marker); unacceptable side effects that cannot be managed in general practice; progressive loss of kidney function – before eGFR falls below 35 mL/min; when denosumab is planned to stop; suspected secondary osteoporosis needing work-up.',
          has(rec, 'egfr-low') ? '**eGFR ≤ 35 mL/min on a bisphosphonate:** repeat the eGFR, and hold the bisphosphonate until the endocrinologist has answered (bisphosphonates are not recommended below eGFR 35).' : '',
          has(rec, 'denosumab-stop') ? 'If denosumab is stopped, other treatment MUST be started because of rapid bone loss after stopping – plan it with the endocrinologist.' : '',
        ]
          .filter((s) => s.length > 0)
          .join('\n\n'),
    },
  },

  'btm-interfering-medication': {
    da: {
      title: 'Medicin kan påvirke knoglemarkør',
      summary: (rec) => `Knoglemarkør kan være påvirket: ${medicationNames(rec, 'da')} startet/ændret inden for 3 måneder`,
      detail: () =>
        [
          'Anden medicin kan specielt ved start/dosisændring påvirke værdierne af knoglemarkører, fx antiepileptika, antiøstrogen- og antiandrogen behandling.',
          'Tolk knoglemarkøren med forsigtighed, og overvej at vente med målingen, til behandlingen er stabil.',
        ].join('\n\n'),
    },
    en: {
      title: 'Medication may affect the bone marker',
      summary: (rec) => `Bone marker may be affected: ${medicationNames(rec, 'en')} started/changed within 3 months`,
      detail: () =>
        [
          'Other medicines can affect bone marker values, especially at start or dose change, e.g. antiepileptics, anti-oestrogen and anti-androgen treatment.',
          'Interpret the marker with care, and consider waiting with the measurement until the treatment is stable.',
        ].join('\n\n'),
    },
  },
};
