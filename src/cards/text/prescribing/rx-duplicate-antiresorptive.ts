/**
 * Card text of `rx-duplicate-antiresorptive` (rules.md section 4, prescribing hooks), in Danish (the card's own terms,
 * source-card-da.txt) and English. The renderer appends the reasons and the findings (values and
 * dates), so the advice here says what to do and why the card says so.
 */
import type { Language } from '../../../contract/language.js';
import type { Recommendation } from '../../../contract/recommendations.js';
import { formatList } from '../../format.js';
import { paragraphs } from '../text-helpers.js';
import type { TopicTexts } from '../types.js';
import { DRUG, type Words } from '../vocabulary.js';
import { ANTIRESORPTIVE, draftDrug, drugName } from './common.js';

/**
 * The antiresorptives in use or in the basket besides the draft, by name: of a course, the drug in
 * use now (`inUse`), not every drug it held — "alendronate and risedronate already in use" had
 * named a drug stopped two years earlier, and, with alendronate drafted, the draft itself.
 */
function others(rec: Recommendation<'rx-duplicate-antiresorptive'>, lang: Language): string {
  const own = draftDrug(rec);
  const names = new Set<string>();
  for (const d of rec.inUse) names.add(DRUG[d][lang]);
  for (const f of rec.findings) if (f.kind === 'draft' && f.drug !== undefined && f.drug !== own) names.add(DRUG[f.drug][lang]);
  return formatList([...names], lang);
}

/** The same drug is drafted twice in the basket (the duplicate's own draft finding and the first's). */
const orderedTwice = (rec: Recommendation<'rx-duplicate-antiresorptive'>): boolean => rec.findings.filter((f) => f.kind === 'draft' && f.drug !== undefined && f.drug === draftDrug(rec)).length > 1 && others(rec, 'en') === '';

/** The other antiresorptive is only another order of this call (no course in use): nothing to stop yet. */
const onlyInBasket = (rec: Recommendation): boolean => !rec.findings.some((f) => f.kind === 'course');

/**
 * Denosumab in use at eGFR ≤ 35 (rule: `egfrLow`): neither stopping it for the bisphosphonate drafted
 * (rx-egfr-too-low stops that order) nor the usual follow-on, zoledronic acid, is open here — the
 * text keeps denosumab and leaves any follow-on to endocrinology, as rx-denosumab-schedule does
 * (DENOSUMAB_RULES_KIDNEY).
 */
const keepDenosumab = (rec: Recommendation<'rx-duplicate-antiresorptive'>): boolean => rec.egfrLow === true && rec.afterDenosumab;

const KIDNEY: Words = {
  da: 'Der gives kun én antiresorptiv behandling ad gangen. **Ved eGFR ≤ 35 fortsættes denosumab:** fjern ordinationen – ikke bisfosfonat (zoledronsyre, alendronat) i almen praksis. **Hvis denosumab seponeres, SKAL anden behandling igangsættes** pga. hurtigt knogletab: aftal den opfølgende behandling med endokrinolog.',
  en: 'Only one antiresorptive is given at a time. **With eGFR ≤ 35 denosumab is continued:** remove the order – no bisphosphonate (zoledronic acid, alendronate) in general practice. **If denosumab is stopped, another treatment MUST be started** because of rapid bone loss: agree the follow-on treatment with endocrinology.',
};

export const rxDuplicateAntiresorptiveTexts: TopicTexts<'rx-duplicate-antiresorptive'> = {
  da: {
    title: 'Dobbelt antiresorptiv behandling',
    summary: (rec) =>
      rec.switchAdvised === true
        ? `Skift til ${drugName(rec, 'da', ANTIRESORPTIVE)}: seponér ${others(rec, 'da') || 'den perorale behandling'} (også i FMK), når ${drugName(rec, 'da', ANTIRESORPTIVE)} startes`
        : orderedTwice(rec)
        ? `Dobbeltordination: ${drugName(rec, 'da', ANTIRESORPTIVE)} er ordineret to gange – fjern den ene`
        : onlyInBasket(rec)
        ? `Dobbeltbehandling: ${drugName(rec, 'da', ANTIRESORPTIVE)} og ${others(rec, 'da') || 'anden antiresorptiv behandling'} ordineres samtidig – fjern den ene`
        : keepDenosumab(rec)
        ? `Dobbeltbehandling: ${others(rec, 'da') || 'denosumab'} er allerede i gang – eGFR ≤ 35: fortsæt denosumab, og fjern ${drugName(rec, 'da', ANTIRESORPTIVE)}`
        : `Dobbeltbehandling: ${others(rec, 'da') || 'anden antiresorptiv behandling'} er allerede i gang – seponér det, eller fjern ${drugName(rec, 'da', ANTIRESORPTIVE)}`,
    detail: (rec) =>
      paragraphs(
        rec.switchAdvised === true &&
          (rec.switchFor === 'oral-contraindicated'
            ? '**Skiftet er kortets 2. valg:** peroral bisfosfonat er kontraindiceret (se kortet om det): behold denne ordination, og seponér den perorale behandling.'
            : '**Skiftet er anbefalet** (bivirkninger, compliance eller knoglemarkør – se kortet om skift til parenteral behandling): behold ordinationen, og seponér den perorale behandling.'),
        keepDenosumab(rec)
          ? KIDNEY.da
          : 'Der gives kun én antiresorptiv behandling ad gangen (alendronat, zoledronsyre eller denosumab). Er ordinationen et **skift**, så seponér den hidtidige behandling (også i FMK). Er den en dobbeltordination, så fjern den.',
        rec.afterDenosumab &&
          !keepDenosumab(rec) &&
          '**Efter denosumab:** Hvis denosumab seponeres, SKAL anden behandling igangsættes pga. hurtigt knogletab – typisk zoledronsyre ca. 6 måneder efter sidste injektion. Bisfosfonat som opfølgende behandling gives tidligst 5 måneder efter sidste denosumab-injektion.',
      ),
  },
  en: {
    title: 'Duplicate antiresorptive treatment',
    summary: (rec) =>
      rec.switchAdvised === true
        ? `Switch to ${drugName(rec, 'en', ANTIRESORPTIVE)}: stop ${others(rec, 'en') || 'the oral treatment'} (also in the shared record) when ${drugName(rec, 'en', ANTIRESORPTIVE)} starts`
        : orderedTwice(rec)
        ? `Ordered twice: ${drugName(rec, 'en', ANTIRESORPTIVE)} – remove one of the orders`
        : onlyInBasket(rec)
        ? `Duplicate treatment: ${drugName(rec, 'en', ANTIRESORPTIVE)} and ${others(rec, 'en') || 'another antiresorptive'} ordered together – remove one`
        : keepDenosumab(rec)
        ? `Duplicate treatment: ${others(rec, 'en') || 'denosumab'} already in use – eGFR ≤ 35: keep denosumab and remove ${drugName(rec, 'en', ANTIRESORPTIVE)}`
        : `Duplicate treatment: ${others(rec, 'en') || 'another antiresorptive'} already in use – stop it, or remove ${drugName(rec, 'en', ANTIRESORPTIVE)}`,
    detail: (rec) =>
      paragraphs(
        rec.switchAdvised === true &&
          (rec.switchFor === 'oral-contraindicated'
            ? '**The switch is the card’s second choice:** oral bisphosphonate is contraindicated (see that card): keep this order and stop the oral treatment.'
            : '**The switch is advised** (side effects, adherence or bone marker – see the card on switching to parenteral treatment): keep the order and stop the oral treatment.'),
        keepDenosumab(rec)
          ? KIDNEY.en
          : 'Only one antiresorptive is given at a time (alendronate, zoledronic acid or denosumab). If the order is a **switch**, stop the current treatment (also in the shared medication record). If it is a double order, remove it.',
        rec.afterDenosumab &&
          !keepDenosumab(rec) &&
          '**After denosumab:** if denosumab is stopped, another treatment MUST be started because of rapid bone loss – usually zoledronic acid about 6 months after the last injection. A bisphosphonate as follow-on treatment is given no earlier than 5 months after the last denosumab injection.',
      ),
  },
};
