/**
 * Card texts for rules.md section 2 (card page 1, "Osteoporose – Valg af medicinsk behandling"),
 * in Danish (the card's own terms) and English.
 *
 * The renderer appends the reasons ("Begrundelse") and the findings with values and dates
 * ("Grundlag"), so the advice here says what to do, in the card's words, without repeating them.
 * Line numbers refer to guideline/source-card-da.txt.
 */
import type { InitiationTopic, Reason } from '../../contract/topics.js';
import type { Recommendation } from '../../contract/recommendations.js';
import { formatDate, formatList } from '../format.js';
import { DENTIST, VITAMIN_D_DOSE, bullets, has, paragraphs, reasonPhrases } from './card-words.js';
import { FRACTURE_REASONS, IF_LOW_ENERGY, onlyPossibleFracture, texts } from './initiation-words.js';
import { treatmentIndicated } from './treatment-indicated.js';
import type { TextsOf } from './types.js';
import type { Words } from './vocabulary.js';
import type { Language } from '../../contract/language.js';

// --- diagnosis-criteria-met ---------------------------------------------------------------------

const diagnosisCriteriaMet = texts(
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

// --- risk-factor-review -------------------------------------------------------------------------

const riskFactorReview = texts(
  { da: 'T-score ≤ −2,5 uden risikofaktor', en: 'T-score ≤ −2.5 without a risk factor' },
  (_rec, lang) =>
    lang === 'da'
      ? 'Gennemgå risikofaktorer: T-score ≤ −2,5 uden brud og uden registreret risikofaktor – endnu ikke indikation for behandling'
      : 'Review risk factors: T-score ≤ −2.5 without fracture or recorded risk factor – no indication for treatment yet',
  (_rec, lang) =>
    lang === 'da'
      ? paragraphs(
          'Diagnosekriterierne for osteoporose er opfyldt (T-score ≤ −2,5), men kortets indikation for at drøfte behandling kræver ved T-score ≤ −2,5 **mindst én risikofaktor**, og ingen er registreret.',
          'Gennemgå risikofaktorerne (kortets fodnote **): genetisk disposition, lavt BMI, immobilisering, højdereduktion, sygdomme og tilstande, der kan medføre knogletab, faldtendens, glukokortikoidbehandling, rygning. Se kapitel 4 i DSAM-vejledning.',
          'Findes en risikofaktor, er der indikation for at drøfte behandling (1. valg alendronat 70 mg ugetablet).',
        )
      : paragraphs(
          'The osteoporosis diagnosis criteria are met (T-score ≤ −2.5), but the card’s indication to discuss treatment requires, at T-score ≤ −2.5, **at least one risk factor**, and none is recorded.',
          'Review the risk factors (card footnote **): genetic disposition, low BMI, immobilisation, height loss, diseases and conditions that cause bone loss, tendency to fall, glucocorticoid treatment, smoking. See chapter 4 of the DSAM guideline.',
          'If a risk factor is present, there is an indication to discuss treatment (first choice alendronate 70 mg weekly tablet).',
        ),
);

// --- pretreatment-checks ------------------------------------------------------------------------

const FAILED_SHORT: Readonly<Partial<Record<Reason, Words>>> = {
  'egfr-low': { da: 'eGFR ≤ 35 ml/min', en: 'eGFR ≤ 35 mL/min' },
  hypocalcaemia: { da: 'hypocalcæmi', en: 'hypocalcaemia' },
  'vitamin-d-low': { da: 'P-25-OH-Vit.D ≤ 50 nmol/L', en: '25-OH vitamin D ≤ 50 nmol/L' },
};
const MISSING_SHORT: Readonly<Partial<Record<Reason, Words>>> = {
  'egfr-missing': { da: 'eGFR', en: 'eGFR' },
  'calcium-missing': { da: 'P-calcium', en: 'calcium' },
  'vitamin-d-missing': { da: 'P-25-OH-Vit.D', en: '25-OH vitamin D' },
  'baseline-btm-missing': { da: 'initial knoglemarkør', en: 'baseline bone marker' },
  'height-missing': { da: 'højde', en: 'height' },
};

/** P1NP or CTX: the marker the rule asked for (its lab-missing finding). */
function markerWanted(rec: Recommendation): 'p1np' | 'ctx' {
  return rec.findings.some((f) => f.kind === 'lab-missing' && f.lab === 'ctx') ? 'ctx' : 'p1np';
}

function checksSummary(rec: Recommendation<'pretreatment-checks'>, lang: Language): string {
  const da = lang === 'da';
  const failed = reasonPhrases(rec, FAILED_SHORT, lang);
  const missing = reasonPhrases(rec, MISSING_SHORT, lang);
  const parts: string[] = [];
  if (failed.length > 0) parts.push(da ? `tjek ikke opfyldt – ${failed.join(', ')}` : `check failed – ${failed.join(', ')}`);
  if (missing.length > 0) parts.push(da ? `mangler: ${missing.join(', ')}` : `missing: ${missing.join(', ')}`);
  return `${da ? 'Før start af antiresorptiv behandling' : 'Before starting antiresorptive treatment'}: ${parts.join('; ')}`;
}

function checksDetail(rec: Recommendation<'pretreatment-checks'>, lang: Language): string {
  const da = lang === 'da';
  const status = (failedReason: Reason | undefined, missingReason: Reason | undefined): string => {
    if (failedReason !== undefined && rec.reasons.includes(failedReason)) return da ? '**ikke opfyldt**' : '**failed**';
    if (missingReason !== undefined && rec.reasons.includes(missingReason)) return da ? '**mangler**' : '**missing**';
    return da ? 'i orden' : 'done';
  };
  const wantsCtx = markerWanted(rec) === 'ctx';
  const items: string[] = [
    `${da ? 'Tjek, at eGFR > 35 ml/min' : 'Check that eGFR > 35 mL/min'}: ${status('egfr-low', 'egfr-missing')}`,
    `${da ? 'Tjek, at der ikke er hypocalcæmi' : 'Check that there is no hypocalcaemia'}: ${status('hypocalcaemia', 'calcium-missing')}`,
    `${da ? 'Tjek, at P-25-OH-Vit.D > 50 nmol/L' : 'Check that 25-OH vitamin D > 50 nmol/L'}: ${status('vitamin-d-low', 'vitamin-d-missing')}`,
  ];
  const markerAfterFracture = rec.findings.find((f) => f.kind === 'due-date' && f.what === 'bone-marker');
  if (markerAfterFracture?.kind === 'due-date') {
    // v2, page 2 l. 150-152: "KM kan IKKE anvendes ved: Fraktur indenfor 6 mdr. før behandlingsstart. Mål ét år efter fraktur."
    const when = formatDate(markerAfterFracture.date, lang);
    items.push(
      da
        ? `Mål knoglemarkør ved peroral behandling: **ikke nu** – knoglemarkør kan ikke anvendes ved fraktur inden for 6 mdr. før behandlingsstart; første knoglemarkør ét år efter bruddet (${when})`
        : `Measure a bone marker for oral treatment: **not now** – a bone marker cannot be used with a fracture within 6 months before the start; the first marker one year after the fracture (${when})`,
    );
  } else if (rec.choice === 'first-choice') {
    items.push(`${da ? 'Mål knoglemarkør ved peroral behandling' : 'Measure a bone marker for oral treatment'}: ${status(undefined, 'baseline-btm-missing')}`);
  }
  items.push(`${da ? 'Mål patientens højde' : 'Measure the patient’s height'}: ${status(undefined, 'height-missing')}`);
  items.push(DENTIST[lang]);

  const actions: string[] = [];
  if (has(rec, 'egfr-low')) {
    actions.push(
      da
        ? '**eGFR ≤ 35 ml/min:** start ikke antiresorptiv behandling i almen praksis – henvis til endokrinolog. Gentag eGFR, hvis værdien er gammel eller kan være akut påvirket.'
        : '**eGFR ≤ 35 mL/min:** do not start antiresorptive treatment in general practice – refer to endocrinology. Repeat eGFR if the value is old or may be acutely affected.',
    );
  }
  if (has(rec, 'hypocalcaemia')) {
    actions.push(
      da
        ? '**Hypocalcæmi:** skal være korrigeret og årsagen afklaret før start – antiresorptiv behandling kan forværre hypocalcæmi. Kontrollér P-calcium (evt. albuminkorrigeret/ioniseret).'
        : '**Hypocalcaemia:** must be corrected and its cause clarified before starting – antiresorptive treatment can worsen hypocalcaemia. Recheck calcium (albumin-corrected or ionised if possible).',
    );
  }
  if (has(rec, 'vitamin-d-low')) {
    actions.push(
      da
        ? `**P-25-OH-Vit.D ≤ 50 nmol/L:** bring D-vitamin i niveau før start. ${VITAMIN_D_DOSE.da}`
        : `**25-OH vitamin D ≤ 50 nmol/L:** replete vitamin D before starting. ${VITAMIN_D_DOSE.en}`,
    );
  }
  if (has(rec, 'baseline-btm-missing')) {
    actions.push(
      wantsCtx
        ? da
          ? '**Tag initial knoglemarkør før behandling:** CTX, da patienten er i behandling med glukokortikoid. CTX skal tages fastende før kl. 10. Den bruges til at vurdere effekt/compliance 3 mdr. efter start.'
          : '**Take a baseline bone marker before treatment:** CTX, as the patient is on glucocorticoid. CTX must be taken fasting before 10 am. It is used to judge effect/adherence 3 months after the start.'
        : da
          ? '**Tag initial knoglemarkør før behandling:** P1NP (primær prøve, kan tages hele dagen). Den bruges til at vurdere effekt/compliance 3 mdr. efter start.'
          : '**Take a baseline bone marker before treatment:** P1NP (the primary marker, any time of day). It is used to judge effect/adherence 3 months after the start.',
    );
  }
  return paragraphs(
    da ? '**Før start af antiresorptiv behandling** (kortet):' : '**Before starting antiresorptive treatment** (the card):',
    bullets(items),
    ...actions,
  );
}

const pretreatmentChecks = texts({ da: 'Før start af antiresorptiv behandling', en: 'Before starting antiresorptive treatment' }, checksSummary, checksDetail);

// --- vitamin-d-before-dxa -----------------------------------------------------------------------

const vitaminDBeforeDxa = texts(
  { da: 'D-vitamin ved DXA-skanning', en: 'Vitamin D at the DXA scan' },
  (_rec, lang) =>
    lang === 'da'
      ? 'OBS: P-25-OH-Vit.D var ≤ 50 nmol/L ved DXA-skanningen – risiko for overdiagnosticering'
      : 'Note: 25-OH vitamin D was ≤ 50 nmol/L at the DXA scan – risk of overdiagnosis',
  (_rec, lang) =>
    lang === 'da'
      ? paragraphs(
          'OBS: D-vitamin bør være i niveau før DXA-skanning (ellers risiko for overdiagnosticering). Den seneste P-25-OH-Vit.D inden for 6 mdr. før skanningen var ≤ 50 nmol/L, så T-scoren kan overvurdere osteoporosen.',
          `Bring D-vitamin i niveau, og overvej ny DXA-skanning senere, før behandlingsvalget lægges fast på T-scoren alene. ${VITAMIN_D_DOSE.da}`,
          'Ved lavenergibrud i ryg eller hofte er diagnosen stillet uanset T-score.',
        )
      : paragraphs(
          'Note: vitamin D should be replete before a DXA scan (otherwise risk of overdiagnosis). The latest 25-OH vitamin D within 6 months before the scan was ≤ 50 nmol/L, so the T-score may overstate osteoporosis.',
          `Replete vitamin D and consider a new DXA scan later, before the treatment decision rests on the T-score alone. ${VITAMIN_D_DOSE.en}`,
          'A low-energy spine or hip fracture establishes the diagnosis whatever the T-score.',
        ),
);

// --- vitamin-d-calcium --------------------------------------------------------------------------

const vitaminDCalcium = texts(
  { da: 'D-vitamin og kalk', en: 'Vitamin D and calcium' },
  (rec, lang) => {
    const da = lang === 'da';
    if (!has(rec, 'no-vitamin-d-supplement')) {
      return da
        ? 'D-vitamin og kalk: P-25-OH-Vit.D under 70 nmol/L trods tilskud – øg D3-dosis (mål 70–125 nmol/L)'
        : 'Vitamin D and calcium: 25-OH vitamin D below 70 nmol/L despite a supplement – raise the D3 dose (target 70–125 nmol/L)';
    }
    return da
      ? 'D-vitamin og kalk: dagligt tilskud af 20–40 µg D3-vitamin og 800–1.200 mg calcium ved kost og tilskud'
      : 'Vitamin D and calcium: daily vitamin D3 20–40 µg and 800–1,200 mg calcium from diet and supplement';
  },
  (rec, lang) => {
    const da = lang === 'da';
    const ppi = has(rec, 'ppi-user');
    const belowTarget = has(rec, 'vitamin-d-below-target') && !has(rec, 'no-vitamin-d-supplement');
    return paragraphs(
      da
        ? '**D-vitamin:** Dagligt tilskud af 20–40 µg D3-vitamin. P-25-OH-Vit.D 70–125 nmol/L anbefales. Tilskud af 1 µg D3 giver ≈ 1 nmol/L stigning i P-25-OH-Vit.D efter 3 mdr. (stor variation). Tjek tidligst efter 3 mdr.'
        : '**Vitamin D:** daily vitamin D3 20–40 µg. 25-OH vitamin D 70–125 nmol/L is recommended. 1 µg D3 raises 25-OH vitamin D by ≈ 1 nmol/L after 3 months (large variation). Recheck no earlier than 3 months.',
      belowTarget &&
        (da
          ? 'Patienten får allerede tilskud, men er under målet: øg dosis (fx med 1 µg pr. ønsket nmol/L) og tjek compliance.'
          : 'The patient already takes a supplement but is below target: raise the dose (about 1 µg per nmol/L wanted) and check adherence.'),
      da
        ? '**Kalk:** Fast dagligt indtag af 800–1.200 mg calcium ved kost og tilskud. Afdæk patientens kalkindtag i kost (se fx oversigt i DSAM-vejledning). Kalktilskud forskydes af måltid med mange mejeriprodukter. Ved behov for tilskud over 500 mg fordeles det ud over dagen. Calcium-carbonat tages til måltid (syreafhængig) og kan give tendens til obstipation. Calcium-citrat kan tages uafhængigt af mad, men er dyrere.'
        : '**Calcium:** a steady daily intake of 800–1,200 mg calcium from diet and supplement. Assess dietary calcium (see e.g. the table in the DSAM guideline). Adjust the supplement to meals rich in dairy. Supplements above 500 mg a day are split over the day. Calcium carbonate is taken with a meal (acid-dependent) and may cause constipation. Calcium citrate can be taken regardless of food, but costs more.',
      ppi &&
        (da
          ? '**Patienten bruger PPI:** calcium-carbonat optages dårligt uden mavesyre – overvej calcium-citrat.'
          : '**The patient takes a PPI:** calcium carbonate is poorly absorbed without stomach acid – consider calcium citrate.'),
      da ? 'OBS: på de, der ikke får sol, og de, der ikke får mejeriprodukter.' : 'Mind patients who get no sun and those who eat no dairy products.',
    );
  },
);

// --- bone-healthy-lifestyle ---------------------------------------------------------------------

const LIFESTYLE_FOCUS: Readonly<Partial<Record<Reason, Words>>> = {
  smoker: { da: 'rygeophør', en: 'smoking cessation' },
  falls: { da: 'faldforebyggelse', en: 'falls prevention' },
  alcohol: { da: 'begræns alkoholindtag', en: 'limit alcohol' },
  'low-bmi': { da: 'kost uden energirestriktion', en: 'diet without energy restriction' },
};

const boneHealthyLifestyle = texts(
  { da: 'Knoglevenlig livsstil', en: 'Bone-healthy lifestyle' },
  (rec, lang) => {
    const focus = reasonPhrases(rec, LIFESTYLE_FOCUS, lang);
    if (focus.length > 0) {
      return lang === 'da'
        ? `Knoglevenlig livsstil: ${formatList(focus, 'da')} samt fysisk aktivitet`
        : `Bone-healthy lifestyle: ${formatList(focus, 'en')} and physical activity`;
    }
    return lang === 'da'
      ? 'Knoglevenlig livsstil: fysisk aktivitet, faldforebyggelse, rygeophør, begræns alkohol, sund og varieret kost'
      : 'Bone-healthy lifestyle: physical activity, falls prevention, no smoking, limit alcohol, a healthy varied diet';
  },
  (rec, lang) => {
    const da = lang === 'da';
    const mark = (reason: Reason, text: string): string => (has(rec, reason) ? `**${text}**` : text);
    const items = da
      ? [
          'Fysisk aktivitet (vægtbærende, styrke og balance). Se træningsøvelser på Osteoporoseforeningen.dk.',
          mark('falls', 'Faldforebyggelse (evt. hoftebeskyttere).'),
          mark('smoker', 'Rygeophør.'),
          mark('alcohol', 'Begrænse alkoholindtag.'),
          mark('low-bmi', 'Sund og varieret kost. Undgå energirestriktion som fx slankekure.'),
          'Evt. kommunale tilbud.',
        ]
      : [
          'Physical activity (weight-bearing, strength and balance). See the exercises at Osteoporoseforeningen.dk.',
          mark('falls', 'Falls prevention (consider hip protectors).'),
          mark('smoker', 'Stop smoking.'),
          mark('alcohol', 'Limit alcohol intake.'),
          mark('low-bmi', 'A healthy, varied diet. Avoid energy restriction such as slimming diets.'),
          'Consider municipal programmes.',
        ];
    const personal = has(rec, 'smoker', 'falls', 'alcohol', 'low-bmi');
    return paragraphs(
      da ? '**Non-farmakologisk (knoglevenlig livsstil)**' : '**Non-pharmacological (bone-healthy lifestyle)**',
      bullets(items),
      personal && (da ? 'Fremhævet: det, der gælder netop denne patient (se begrundelse).' : 'In bold: what applies to this patient (see reasons).'),
    );
  },
);

// --- dxa-workup-suggested -----------------------------------------------------------------------

const dxaWorkupSuggested = texts<'dxa-workup-suggested'>(
  { da: 'Overvej udredning for osteoporose (DXA)', en: 'Consider osteoporosis work-up (DXA)' },
  (rec, lang) => {
    const da = lang === 'da';
    const vitaminDFirst = rec.vitaminD !== 'ok';
    if (da) return `Overvej DXA-skanning: risikofaktor for osteoporose og ingen nylig DXA${vitaminDFirst ? ' – D-vitamin i niveau først' : ''}`;
    return `Consider a DXA scan: risk factor for osteoporosis and no recent DXA${vitaminDFirst ? ' – vitamin D replete first' : ''}`;
  },
  (rec, lang) => {
    const da = lang === 'da';
    const vitaminD =
      rec.vitaminD === 'low'
        ? da
          ? `**P-25-OH-Vit.D ≤ 50 nmol/L:** giv eller øg D3-tilskud, og udsæt skanningen, til D-vitamin er i niveau. ${VITAMIN_D_DOSE.da}`
          : `**25-OH vitamin D ≤ 50 nmol/L:** give or raise vitamin D3 and postpone the scan until vitamin D is replete. ${VITAMIN_D_DOSE.en}`
        : rec.vitaminD === 'unknown'
          ? da
            ? '**Ingen aktuel P-25-OH-Vit.D:** mål den før skanningen.'
            : '**No current 25-OH vitamin D:** measure it before the scan.'
          : undefined;
    return paragraphs(
      da
        ? 'Patienten har risikofaktor(er) for osteoporose (se begrundelse) og ingen nylig DXA-skanning. Overvej udredning (DSAM-vejledning kap. 4): henvis til DXA-skanning af columna og hofte – til samme sted som ved tidligere skanning, da skannere ikke måler helt ens.'
        : 'The patient has risk factor(s) for osteoporosis (see reasons) and no recent DXA scan. Consider a work-up (DSAM guideline ch. 4): refer for a DXA scan of spine and hip – to the same department as the previous scan, if there was one, as scanners do not measure alike.',
      da
        ? 'OBS: D-vitamin bør være i niveau før DXA-skanning (ellers risiko for overdiagnosticering).'
        : 'Note: vitamin D should be replete before a DXA scan (otherwise risk of overdiagnosis).',
      vitaminD,
      has(rec, 'risk-glucocorticoid') &&
        (da
          ? 'Ved prednisolon > 5 mg dgl. i 3 mdr. eller > 450 mg på et år behandles, hvis T-score < −1,0.'
          : 'With prednisolone > 5 mg daily for 3 months or > 450 mg in a year, treat if T-score < −1.0.'),
    );
  },
);

export const INITIATION_TEXTS: TextsOf<InitiationTopic> = {
  'diagnosis-criteria-met': diagnosisCriteriaMet,
  'treatment-indicated': treatmentIndicated,
  'risk-factor-review': riskFactorReview,
  'pretreatment-checks': pretreatmentChecks,
  'vitamin-d-before-dxa': vitaminDBeforeDxa,
  'vitamin-d-calcium': vitaminDCalcium,
  'bone-healthy-lifestyle': boneHealthyLifestyle,
  'dxa-workup-suggested': dxaWorkupSuggested,
};
