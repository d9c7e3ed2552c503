/**
 * Card text of `rx-start-checklist` (rules.md section 4, prescribing hooks), in Danish (the card's own terms,
 * source-card-da.txt) and English. The renderer appends the reasons and the findings (values and
 * dates), so the advice here says what to do and why the card says so.
 */
import type { Language } from '../../../contract/language.js';
import { formatDate, formatList } from '../../format.js';
import { ALENDRONATE_INTAKE } from '../../orders.js';
import { DENOSUMAB_RULES, DENTIST, SIDE_EFFECTS, VITAMIN_D_CALCIUM, ZOLEDRONIC_ACID } from '../card-words.js';
import { both, has, paragraphs } from '../text-helpers.js';
import type { TopicText, TopicTexts } from '../types.js';
import { LAB } from '../vocabulary.js';
import { ANTIRESORPTIVE, drugName } from './common.js';

function startChecklist(lang: Language): TopicText<'rx-start-checklist'> {
  const da = lang === 'da';
  return {
    title: da ? 'Før start af antiresorptiv behandling' : 'Before starting antiresorptive treatment',
    summary: (rec) => {
      const drug = drugName(rec, lang, ANTIRESORPTIVE);
      const marker = rec.missingMarker;
      const afterFracture = rec.markerFrom;
      const items = [
        ...(marker === undefined ? [] : [da ? `tag initial knoglemarkør (${LAB[marker].da})` : `take a baseline bone marker (${LAB[marker].en})`]),
        ...(afterFracture === undefined ? [] : [da ? `knoglemarkør først ${formatDate(afterFracture, 'da')} (ét år efter brud)` : `bone marker not before ${formatDate(afterFracture, 'en')} (a year after the fracture)`]),
        ...(has(rec, 'height-missing') ? [da ? 'mål højden' : 'measure height'] : []),
        da ? 'bed patienten orientere tandlæge' : 'ask the patient to inform their dentist',
      ];
      return da ? `Før start af ${drug}: ${formatList(items, lang)}` : `Before starting ${drug}: ${formatList(items, lang)}`;
    },
    detail: (rec) => {
      const oral = rec.drugClass === 'oral-bisphosphonate';
      const afterFracture = rec.markerFrom;
      const markerDa =
        afterFracture === undefined
          ? '- Mål knoglemarkør ved peroral behandling – tag initial knoglemarkør før behandling: P1NP (kan tages hele dagen); CTX i stedet ved glukokortikoidbehandling (fastende før kl. 10).'
          : `- Knoglemarkør kan IKKE anvendes ved fraktur inden for 6 mdr. før behandlingsstart: ingen initial knoglemarkør nu – mål ét år efter frakturen (${formatDate(afterFracture, 'da')}).`;
      const markerEn =
        afterFracture === undefined
          ? '- Measure a bone marker with oral treatment – take a baseline marker before treatment: P1NP (any time of day); CTX instead under glucocorticoid treatment (fasting, before 10 am).'
          : `- A bone marker cannot be used after a fracture in the 6 months before the start: no baseline marker now – measure one year after the fracture (${formatDate(afterFracture, 'en')}).`;
      const checklist = da
        ? [
            '**Før start af antiresorptiv behandling** (kortet):',
            '- Tjek, at eGFR > 35 ml/min, at der ikke er hypocalcæmi, og at P-25-OH-Vit.D > 50 nmol/L.',
            ...(oral ? [markerDa] : []),
            '- Mål patientens højde.',
            `- ${DENTIST.da}`,
          ]
        : [
            '**Before starting antiresorptive treatment** (the card):',
            '- Check that eGFR > 35 mL/min, that there is no hypocalcaemia, and that 25-OH vitamin D > 50 nmol/L.',
            ...(oral ? [markerEn] : []),
            "- Measure the patient's height.",
            `- ${DENTIST.en}`,
          ];
      const specific =
        rec.drugClass === 'oral-bisphosphonate'
          ? `**${da ? 'Indtagelse' : 'Intake'}:** ${ALENDRONATE_INTAKE[lang]}`
          : rec.drugClass === 'zoledronic-acid'
            ? ZOLEDRONIC_ACID[lang]
            : `**${da ? 'Denosumab 60 mg s.c. hver 6. måned' : 'Denosumab 60 mg s.c. every 6 months'}:**\n${DENOSUMAB_RULES[lang]}`;
      return paragraphs(checklist.join('\n'), specific, VITAMIN_D_CALCIUM[lang], SIDE_EFFECTS.any[lang]);
    },
  };
}

export const rxStartChecklistTexts: TopicTexts<'rx-start-checklist'> = both(startChecklist);
