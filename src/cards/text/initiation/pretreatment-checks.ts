/**
 * Card text of `pretreatment-checks` (rules.md section 2, card page 1 "Osteoporose – Valg af medicinsk
 * behandling"), in Danish (the card's own terms) and English. The renderer appends the reasons
 * ("Begrundelse") and the findings with values and dates ("Grundlag"), so the advice says what to
 * do without repeating them. Line numbers refer to guideline/source-card-da.txt.
 */
import type { Language } from '../../../contract/language.js';
import type { Reason } from '../../../contract/topics.js';
import type { Recommendation } from '../../../contract/recommendations.js';
import { formatDate } from '../../format.js';
import { DENTIST, VITAMIN_D_DOSE } from '../card-words.js';
import { bullets, has, paragraphs, reasonPhrases, texts } from '../text-helpers.js';
import type { Words } from '../vocabulary.js';

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

export const pretreatmentChecksTexts = texts<'pretreatment-checks'>({ da: 'Før start af antiresorptiv behandling', en: 'Before starting antiresorptive treatment' }, checksSummary, checksDetail);
