/**
 * Card text of `rx-duplicate-antiresorptive` (rules.md section 4, prescribing hooks), in Danish (the card's own terms,
 * source-card-da.txt) and English. The renderer appends the reasons and the findings (values and
 * dates), so the advice here says what to do and why the card says so.
 */
import type { Language } from '../../../contract/language.js';
import { formatList } from '../../format.js';
import { both, paragraphs } from '../text-helpers.js';
import type { TopicText, TopicTexts } from '../types.js';
import { DRUG } from '../vocabulary.js';
import { ANTIRESORPTIVE, draftDrug, drugName } from './common.js';

function duplicate(lang: Language): TopicText<'rx-duplicate-antiresorptive'> {
  const da = lang === 'da';
  return {
    title: da ? 'Dobbelt antiresorptiv behandling' : 'Duplicate antiresorptive treatment',
    summary: (rec) => {
      const drug = drugName(rec, lang, ANTIRESORPTIVE);
      const own = draftDrug(rec);
      const others = new Set<string>();
      for (const f of rec.findings) {
        if (f.kind === 'course') for (const d of f.drugs) others.add(DRUG[d][lang]);
        if (f.kind === 'draft' && f.drug !== undefined && f.drug !== own) others.add(DRUG[f.drug][lang]);
      }
      const other = formatList([...others], lang) || (da ? 'anden antiresorptiv behandling' : 'another antiresorptive');
      return da ? `Dobbeltbehandling: ${other} er allerede i gang – seponér det, eller fjern ${drug}` : `Duplicate treatment: ${other} already in use – stop it, or remove ${drug}`;
    },
    detail: (rec) =>
      paragraphs(
        da
          ? 'Der gives kun én antiresorptiv behandling ad gangen (alendronat, zoledronsyre eller denosumab). Er ordinationen et **skift**, så seponér den hidtidige behandling (også i FMK). Er den en dobbeltordination, så fjern den.'
          : 'Only one antiresorptive is given at a time (alendronate, zoledronic acid or denosumab). If the order is a **switch**, stop the current treatment (also in the shared medication record). If it is a double order, remove it.',
        rec.afterDenosumab &&
          (da
            ? '**Efter denosumab:** Hvis denosumab seponeres, SKAL anden behandling igangsættes pga. hurtigt knogletab – typisk zoledronsyre ca. 6 måneder efter sidste injektion. Bisfosfonat som opfølgende behandling gives tidligst 5 måneder efter sidste denosumab-injektion.'
            : '**After denosumab:** if denosumab is stopped, another treatment MUST be started because of rapid bone loss – usually zoledronic acid about 6 months after the last injection. A bisphosphonate as follow-on treatment is given no earlier than 5 months after the last denosumab injection.'),
      ),
  };
}

export const rxDuplicateAntiresorptiveTexts: TopicTexts<'rx-duplicate-antiresorptive'> = both(duplicate);
