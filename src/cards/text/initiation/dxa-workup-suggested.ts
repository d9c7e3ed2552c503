/**
 * Card text of `dxa-workup-suggested` (rules.md section 2, card page 1 "Osteoporose – Valg af medicinsk
 * behandling"), in Danish (the card's own terms) and English. The renderer appends the reasons
 * ("Begrundelse") and the findings with values and dates ("Grundlag"), so the advice says what to
 * do without repeating them. Line numbers refer to guideline/source-card-da.txt.
 */
import { VITAMIN_D_DOSE } from '../card-words.js';
import { has, paragraphs, texts } from '../text-helpers.js';

export const dxaWorkupSuggestedTexts = texts<'dxa-workup-suggested'>(
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
